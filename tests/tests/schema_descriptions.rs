//! The schemas' descriptions read as plain text to someone who has only the schema: no
//! rustdoc link syntax, no Rust names where the wire has its own, no sentence left hanging by
//! a removed example, and no rule named as "checked beyond this schema" when the schema says
//! all a JSON document can break.

use serde_json::Value;
use stages_model::{schema_for, Stage};
use stages_tests::schemas;

/// Every `description` in `value`, with its JSON pointer.
fn descriptions(value: &Value, at: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                match (key.as_str(), member) {
                    ("description", Value::String(text)) => out.push((at.clone(), text.clone())),
                    _ => descriptions(member, format!("{at}/{key}"), out),
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                descriptions(item, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn descriptions_read_as_plain_text() {
    let mut problems = Vec::new();
    for (name, schema) in schemas::stages_model() {
        let mut found = Vec::new();
        descriptions(&schema, String::new(), &mut found);
        assert!(!found.is_empty(), "{name} has descriptions");
        for (at, text) in found {
            let mut complain = |what: &str| problems.push(format!("{name}{at}: {what}: {text:?}"));
            if text.contains("[`") || text.contains("](") {
                complain("a rustdoc link");
            }
            if text.trim_end().ends_with(':') {
                complain("ends with a colon that introduced a removed example");
            }
            if text.contains("`created_date`") {
                complain("a Rust field name where the wire says createdDate");
            }
            if text.contains("seed") {
                complain("names this project's seed files, which a reader does not have");
            }
            if text.contains("custom::date_time") {
                complain("names a rule no decoded document can break");
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A custom rule whose schema form is `{}` (nothing a document can break) adds nothing.
#[test]
fn an_empty_schema_form_adds_nothing() {
    let schema = schema_for::<Stage>();
    let created = &schema["$defs"]["Stage"]["properties"]["createdDate"];
    assert_eq!(created["format"], "date-time");
    assert!(created.get("allOf").is_none(), "{created}");
}

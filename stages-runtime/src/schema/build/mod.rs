//! What the code `#[derive(Model)]` generates for [`JsonSchema`] calls: the rules of a value as
//! data ([`Rule`]), an object's members ([`Object`]), an enum's values ([`enumeration`]). The
//! logic lives here, in plain functions, so the generated code stays a list of calls.

mod object;
mod probe;

use serde::Serialize;
use serde_json::{json, Map, Value};

pub use object::{Object, Presence};
pub use probe::{DefaultOf, HasDefault, HasSchema, NoDefault, NoSchema, Probe};

use super::{JsonSchema, SchemaGenerator};

/// One rule of a value, as the derive read it from the attributes.
pub enum Rule<'a> {
    /// `length(min, max)`: characters of a string, items of a list, entries of a map;
    /// `usize::MAX` when unbounded above.
    Length(usize, usize),
    /// `pattern`: its anchored ECMA-262 form, made by the derive.
    Pattern(&'a str),
    /// `contains`: the text, which the value must contain.
    Contains(&'a str),
    /// `range(min, max)`.
    Range(Option<Value>, Option<Value>),
    /// `custom = function`: the function as written, and its schema form when it has one
    /// (`custom(function, schema = schema_function)`).
    Custom(&'a str, Option<SchemaForm>),
}

/// What `custom(function, schema = schema_function)` names: a function returning the schema
/// form of the rule. The derive binds the path to this type where it is written, so a wrong
/// signature is reported there.
pub type SchemaForm = fn() -> Value;

/// The schema of the values of `T` that `T` knows (`known` on an open enum).
pub fn known<T: JsonSchema + ?Sized>(generator: &mut SchemaGenerator) -> Value {
    T::known_definition(generator)
}

/// `range(min, max)` with bounds of the field's type.
pub fn range<T: Serialize>(min: Option<T>, max: Option<T>) -> Rule<'static> {
    Rule::Range(
        min.as_ref().map(default_value),
        max.as_ref().map(default_value),
    )
}

/// A value as JSON: a member's default, a condition's value; `null` if it cannot be written.
pub fn default_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// `schema`, or `null`: an `Option` member, or a `default` one, reads `null` as absent.
pub fn nullable(schema: Value) -> Value {
    if let Value::Object(members) = &schema {
        let plain = ["$ref", "enum", "const", "anyOf", "allOf", "not"]
            .iter()
            .all(|keyword| !members.contains_key(*keyword));
        if let (true, Some(Value::String(kind))) = (plain, members.get("type")) {
            let mut members = members.clone();
            members.insert("type".into(), json!([kind, "null"]));
            return Value::Object(members);
        }
    }
    json!({"anyOf": [schema, {"type": "null"}]})
}

/// A list (or a set, `unique`) of items of schema `items`.
pub fn array(items: Value, unique: bool) -> Value {
    let mut schema = json!({"type": "array", "items": items});
    if unique {
        schema["uniqueItems"] = Value::Bool(true);
    }
    schema
}

/// A map: member names of schema `names`, values of schema `values`.
pub fn map(names: Value, values: Value) -> Value {
    let mut schema = json!({"type": "object", "additionalProperties": values});
    let kind = names.get("type").cloned();
    match kind.as_ref().and_then(Value::as_str) {
        Some("string") if names == json!({"type": "string"}) => {}
        // Strings, or an enum model by `$ref`: member names are checked.
        Some("string") | None => schema["propertyNames"] = names,
        // A key read from the name as a number (`HashMap<u32, _>`): JSON Schema sees a string.
        Some(kind) => {
            schema["description"] = Value::String(format!(
                "Also checked, beyond this schema: each member name is read as a {kind}."
            ))
        }
    }
    schema
}

/// `schema` with `rules` added: each rule becomes the keyword that says it, or, for a `custom`
/// function without a schema form, a sentence in `description` naming it.
pub fn with_rules(mut schema: Value, rules: &[Rule]) -> Value {
    let kind = schema
        .get("type")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let Value::Object(members) = &mut schema else {
        return schema;
    };
    let mut all_of = Vec::new();
    for rule in rules {
        match rule {
            Rule::Length(min, max) => {
                let families: &[(&str, &str)] = match kind.as_deref() {
                    Some("string") => &[("minLength", "maxLength")],
                    Some("array") => &[("minItems", "maxItems")],
                    Some("object") => &[("minProperties", "maxProperties")],
                    // Each family applies to its own JSON type only.
                    _ => &[
                        ("minLength", "maxLength"),
                        ("minItems", "maxItems"),
                        ("minProperties", "maxProperties"),
                    ],
                };
                for (low, high) in families {
                    if *min > 0 {
                        members.insert((*low).into(), json!(min));
                    }
                    if *max != usize::MAX {
                        members.insert((*high).into(), json!(max));
                    }
                }
            }
            Rule::Pattern(pattern) => add_pattern(members, &mut all_of, pattern.to_string()),
            Rule::Contains(text) => add_pattern(members, &mut all_of, escape(text)),
            Rule::Range(min, max) => {
                // Tighter than the type's own bounds, which the decoder checks first.
                if let Some(min) = min {
                    members.insert("minimum".into(), min.clone());
                }
                if let Some(max) = max {
                    members.insert("maximum".into(), max.clone());
                }
            }
            Rule::Custom(_, Some(form)) => {
                // `{}` or `true`: the rule guards values built in Rust, not documents.
                let form = form();
                if form != json!({}) && form != json!(true) {
                    all_of.push(form);
                }
            }
            Rule::Custom(function, None) => note(
                members,
                &format!("Also checked, beyond this schema: the rule `{function}`."),
            ),
        }
    }
    if !all_of.is_empty() {
        members.insert("allOf".into(), Value::Array(all_of));
    }
    schema
}

fn add_pattern(members: &mut Map<String, Value>, all_of: &mut Vec<Value>, pattern: String) {
    if members.contains_key("pattern") {
        all_of.push(json!({ "pattern": pattern }));
    } else {
        members.insert("pattern".into(), Value::String(pattern));
    }
}

/// `text` as an ECMA-262 pattern matching it literally (it also reads so in Python's `re`).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\^$.|?*+()[]{}/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Appends a sentence to the schema's description.
fn note(members: &mut Map<String, Value>, sentence: &str) {
    let text = match members.get("description").and_then(Value::as_str) {
        Some(before) => format!("{before} {sentence}"),
        None => sentence.to_owned(),
    };
    members.insert("description".into(), Value::String(text));
}

/// `schema` with the doc comment of its field in front of its description, and the member's
/// `default` when it has one.
pub fn describe(mut schema: Value, doc: Option<&str>, default: Option<Value>) -> Value {
    let Value::Object(members) = &mut schema else {
        return schema;
    };
    if let Some(doc) = doc {
        let text = match members.get("description").and_then(Value::as_str) {
            Some(notes) if !notes.is_empty() => format!("{doc}\n\n{notes}"),
            _ => doc.to_owned(),
        };
        members.insert("description".into(), Value::String(text));
    }
    if let Some(default) = default {
        members.insert("default".into(), default);
    }
    schema
}

/// The definition of an enum: its wire values and aliases; an open enum (`open`, with a
/// `#[model(other)]` variant) accepts any other string too.
pub fn enumeration(values: &[&str], open: bool, doc: Option<&str>) -> Value {
    let known = json!({"type": "string", "enum": values});
    let mut schema = if open {
        json!({"anyOf": [known, {"type": "string"}]})
    } else {
        known
    };
    if let Some(doc) = doc {
        schema["description"] = doc.into();
    }
    schema
}

/// The known values of an enum, for a `known` rule on an open one.
pub fn known_values(values: &[&str]) -> Value {
    json!({"type": "string", "enum": values})
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_become_keywords_of_the_type() {
        let text = with_rules(
            json!({"type": "string"}),
            &[
                Rule::Length(1, usize::MAX),
                Rule::Pattern("^(?:[a-z]+)$"),
                Rule::Contains("$context.requestId"),
                Rule::Custom("custom::rule", None),
            ],
        );
        assert_eq!(text["minLength"], 1);
        assert!(text.get("maxLength").is_none());
        assert_eq!(text["pattern"], "^(?:[a-z]+)$");
        assert_eq!(text["allOf"][0]["pattern"], "\\$context\\.requestId");
        assert!(text["description"]
            .as_str()
            .unwrap()
            .contains("`custom::rule`"));
        let list = with_rules(array(json!({}), false), &[Rule::Length(0, 3)]);
        assert_eq!(list["maxItems"], 3);
        assert!(list.get("minItems").is_none());
    }

    #[test]
    fn null_joins_the_type_or_an_any_of() {
        assert_eq!(
            nullable(json!({"type": "string"})),
            json!({"type": ["string", "null"]})
        );
        let reference = nullable(json!({"$ref": "#/$defs/X"}));
        assert_eq!(reference["anyOf"][1], json!({"type": "null"}));
    }
}

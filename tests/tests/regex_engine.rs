//! With the `regex` feature (`cargo test -p stages-tests --features regex`), patterns the derive
//! does not compile ahead of time are matched by the regex engine, anchored to the whole string,
//! while the others still use the derive's tables.
#![cfg(feature = "regex")]

use stages_model::{from_json, Model, Validate};

/// These patterns have no JSON Schema form either (ECMA-262 and Python read them differently).
#[derive(Debug, Default, Model)]
#[model(skip_schema)]
struct Person {
    #[model(pattern = r"\p{Lu}\p{Ll}*")]
    name: Option<String>,
    #[model(pattern = r"\w+")]
    handle: Option<String>,
    #[model(pattern = "(?i)get|post")]
    method: Option<String>,
    #[model(pattern = "[a-z]+|[0-9]+")]
    code: Option<String>,
}

fn pointers(person: &Person) -> Vec<String> {
    match person.validate() {
        Ok(()) => Vec::new(),
        Err(errors) => errors.pointers(),
    }
}

#[test]
fn unicode_classes_and_flags_match_the_whole_string() {
    let name = |v: &str| Person {
        name: Some(v.into()),
        ..Person::default()
    };
    assert!(pointers(&name("Émile")).is_empty());
    assert!(pointers(&name("Z")).is_empty());
    assert_eq!(pointers(&name("émile")), ["/name"]);
    assert_eq!(pointers(&name("Émile2")), ["/name"]);
    assert_eq!(pointers(&name("")), ["/name"]);
    let handle = |v: &str| Person {
        handle: Some(v.into()),
        ..Person::default()
    };
    assert!(pointers(&handle("дом_42")).is_empty());
    assert_eq!(pointers(&handle("a b")), ["/handle"]);
    let method = |v: &str| Person {
        method: Some(v.into()),
        ..Person::default()
    };
    assert!(pointers(&method("GeT")).is_empty());
    assert_eq!(pointers(&method("GETS")), ["/method"]);
    let code = |v: &str| Person {
        code: Some(v.into()),
        ..Person::default()
    };
    assert!(pointers(&code("42")).is_empty());
    assert_eq!(pointers(&code("a1")), ["/code"]);
}

#[test]
fn decoding_reports_them_with_the_pattern() {
    let errors = from_json::<Person>(r#"{"name": "lower", "handle": "ok"}"#).unwrap_err();
    assert_eq!(errors.to_string(), r"name: must match \p{Lu}\p{Ll}*");
}

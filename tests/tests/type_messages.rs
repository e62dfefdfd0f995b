//! A value of the wrong JSON type is a `type` violation whose message says, in our words, what
//! was expected and what was found: `expected an integer from 0 to 255, found the string "x"`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use stages_model::chrono::{DateTime, Utc};
use stages_model::{from_json, from_json_value, Model};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Model)]
enum Color {
    Red,
    Green,
}

/// An enum with a list of values too long to name in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
enum Region {
    UsEast1,
    UsEast2,
    UsWest1,
    UsWest2,
    EuWest1,
    EuWest2,
    EuWest3,
    EuCentral1,
    ApSoutheast1,
    ApSoutheast2,
}

#[derive(Debug, Model)]
struct Leaf {
    #[model(required)]
    id: String,
}

#[derive(Debug, Model)]
struct Every {
    i8: Option<i8>,
    i16: Option<i16>,
    i32: Option<i32>,
    i64: Option<i64>,
    u8: Option<u8>,
    u16: Option<u16>,
    u32: Option<u32>,
    u64: Option<u64>,
    f32: Option<f32>,
    f64: Option<f64>,
    text: Option<String>,
    flag: Option<bool>,
    color: Option<Color>,
    region: Option<Region>,
    list: Option<Vec<u8>>,
    map: Option<BTreeMap<String, bool>>,
    hashed: Option<HashMap<String, String>>,
    set: Option<BTreeSet<String>>,
    leaf: Option<Leaf>,
    leaves: Option<Vec<Leaf>>,
    at: Option<DateTime<Utc>>,
    character: Option<char>,
}

/// The one violation of `{"<member>": <value>}`: its pointer, rule and message.
fn one(member: &str, value: &str) -> (String, String, String) {
    let errors = from_json::<Every>(&format!(r#"{{"{member}": {value}}}"#)).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let violation = &errors.violations()[0];
    (
        violation.pointer(),
        violation.rule().to_owned(),
        violation.message().to_owned(),
    )
}

#[test]
fn every_kind_of_value_names_what_it_expected_and_found() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "i8",
            "\"x\"",
            "/i8",
            "expected an integer from -128 to 127, found the string \"x\"",
        ),
        (
            "i16",
            "40000",
            "/i16",
            "expected an integer from -32768 to 32767, found the number 40000",
        ),
        (
            "i32",
            "1.5",
            "/i32",
            "expected an integer from -2147483648 to 2147483647, found the number 1.5",
        ),
        (
            "i64",
            "[]",
            "/i64",
            "expected an integer from -9223372036854775808 to 9223372036854775807, found an array",
        ),
        (
            "u8",
            "-1",
            "/u8",
            "expected an integer from 0 to 255, found the number -1",
        ),
        (
            "u16",
            "{}",
            "/u16",
            "expected an integer from 0 to 65535, found an object",
        ),
        (
            "u32",
            "true",
            "/u32",
            "expected an integer from 0 to 4294967295, found true",
        ),
        (
            "u64",
            "1e3",
            "/u64",
            "expected an integer from 0 to 18446744073709551615, found the number 1e3",
        ),
        (
            "f32",
            "\"1.5\"",
            "/f32",
            "expected a number, found the string \"1.5\"",
        ),
        ("f64", "false", "/f64", "expected a number, found false"),
        (
            "text",
            "5",
            "/text",
            "expected a string, found the number 5",
        ),
        (
            "text",
            "[\"a\"]",
            "/text",
            "expected a string, found an array",
        ),
        (
            "flag",
            "\"yes\"",
            "/flag",
            "expected true or false, found the string \"yes\"",
        ),
        (
            "color",
            "1",
            "/color",
            "expected one of RED, GREEN, found the number 1",
        ),
        (
            "region",
            "{}",
            "/region",
            "expected a string naming one of 10 values, found an object",
        ),
        ("list", "{}", "/list", "expected an array, found an object"),
        (
            "list",
            "[1, null]",
            "/list/1",
            "expected an integer from 0 to 255, found null",
        ),
        ("map", "[]", "/map", "expected an object, found an array"),
        (
            "map",
            "{\"a\": null}",
            "/map/a",
            "expected true or false, found null",
        ),
        (
            "hashed",
            "{\"a\": 1}",
            "/hashed/a",
            "expected a string, found the number 1",
        ),
        (
            "set",
            "\"a\"",
            "/set",
            "expected an array, found the string \"a\"",
        ),
        (
            "set",
            "[\"a\", 2]",
            "/set/1",
            "expected a string, found the number 2",
        ),
        (
            "leaf",
            "\"l-1\"",
            "/leaf",
            "expected an object (Leaf), found the string \"l-1\"",
        ),
        (
            "leaf",
            "{\"id\": 7}",
            "/leaf/id",
            "expected a string, found the number 7",
        ),
        (
            "leaves",
            "[{\"id\": \"a\"}, []]",
            "/leaves/1",
            "expected an object (Leaf), found an array",
        ),
        (
            "at",
            "1700000000",
            "/at",
            "expected an RFC 3339 date-time string, found the number 1700000000",
        ),
        (
            "character",
            "1",
            "/character",
            "expected a string of one character, found the number 1",
        ),
    ];
    let mut failures = Vec::new();
    for (member, value, pointer, message) in cases {
        let got = one(member, value);
        let want = (pointer.to_string(), "type".to_owned(), message.to_string());
        if got != want {
            failures.push(format!(
                "{member}: {value}\n   got {got:?}\n  want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_long_value_found_is_cut() {
    let long = "x".repeat(300);
    let (_, _, message) = one("u8", &format!("\"{long}\""));
    assert_eq!(
        message,
        format!(
            "expected an integer from 0 to 255, found the string \"{}…",
            "x".repeat(63)
        )
    );
}

#[test]
fn the_whole_document_of_the_wrong_type() {
    for (text, found) in [
        ("[]", "an array"),
        ("\"x\"", "the string \"x\""),
        ("3", "the number 3"),
    ] {
        let errors = from_json::<Every>(text).unwrap_err();
        assert_eq!(errors.pointers(), [""]);
        assert_eq!(
            errors.violations()[0].message(),
            format!("expected an object (Every), found {found}")
        );
    }
    // A parsed value, which is read again as text.
    let errors = from_json_value::<Every>(serde_json::json!([1])).unwrap_err();
    assert_eq!(
        errors.violations()[0].message(),
        "expected an object (Every), found an array"
    );
}

#[test]
fn several_type_errors_each_say_their_own() {
    let errors =
        from_json::<Every>(r#"{"u8": "a", "flag": 0, "leaves": [{"id": 1}]}"#).unwrap_err();
    let messages: Vec<(String, &str)> = errors.iter().map(|v| (v.pointer(), v.message())).collect();
    assert_eq!(
        messages,
        [
            (
                "/u8".to_owned(),
                "expected an integer from 0 to 255, found the string \"a\""
            ),
            (
                "/flag".to_owned(),
                "expected true or false, found the number 0"
            ),
            (
                "/leaves/0/id".to_owned(),
                "expected a string, found the number 1"
            ),
        ]
    );
}

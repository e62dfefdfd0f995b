//! Decoding: every violation at once, `null`, unknown and repeated members, enum wire names,
//! and the errors that stop decoding (`type`, `syntax`).

use std::collections::{BTreeMap, BTreeSet};

use stages_model::{
    from_json, from_json_slice, from_json_value, CustomError, Model, Validate, ValidationErrors,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Model)]
enum Kind {
    #[default]
    Http,
    WebSocket,
    #[model(rename = "aws_proxy")]
    AwsProxy,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Doc {
    #[model(required, length(min = 1, max = 8))]
    name: String,
    #[model(required)]
    kind: Kind,
    #[model(length(max = 3))]
    note: Option<String>,
    #[model(default)]
    count: u32,
    #[model(default, range(max = 9))]
    level: u8,
    #[model(keys(pattern = "[a-z]+"), values(length(max = 2)))]
    tags: Option<BTreeMap<String, String>>,
    items: Option<Vec<Item>>,
    inner: Option<Inner>,
    kinds: Option<Vec<Kind>>,
    #[model(custom = no_spaces)]
    path: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Item {
    #[model(required, range(min = 0, max = 9))]
    n: i32,
    kind: Option<Kind>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Inner {
    #[model(required)]
    id: String,
    kind: Option<Kind>,
    size: Option<u16>,
}

fn no_spaces(value: &str) -> Result<(), CustomError> {
    if value.contains(' ') {
        Err(CustomError::new("must not contain spaces").with_rule("spaces"))
    } else {
        Ok(())
    }
}

/// A valid document with every member: the base the tests break.
const VALID: &str = r#"{
    "name": "pets",
    "kind": "WEB_SOCKET",
    "note": "abc",
    "count": 7,
    "level": 9,
    "tags": {"a": "xy"},
    "items": [{"n": 0}, {"n": 9, "kind": "aws_proxy"}],
    "inner": {"id": "i-1", "kind": "HTTP", "size": 65535},
    "kinds": ["HTTP", "WEB_SOCKET", "aws_proxy"],
    "path": "/pets"
}"#;

fn valid() -> Doc {
    Doc {
        name: "pets".into(),
        kind: Kind::WebSocket,
        note: Some("abc".into()),
        count: 7,
        level: 9,
        tags: Some(BTreeMap::from([("a".into(), "xy".into())])),
        items: Some(vec![
            Item { n: 0, kind: None },
            Item {
                n: 9,
                kind: Some(Kind::AwsProxy),
            },
        ]),
        inner: Some(Inner {
            id: "i-1".into(),
            kind: Some(Kind::Http),
            size: Some(65535),
        }),
        kinds: Some(vec![Kind::Http, Kind::WebSocket, Kind::AwsProxy]),
        path: Some("/pets".into()),
    }
}

/// The (pointer, rule) pairs of the violations, as a set.
fn set(errors: &ValidationErrors) -> BTreeSet<(String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned()))
        .collect()
}

fn expected(pairs: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    pairs
        .iter()
        .map(|(pointer, rule)| ((*pointer).to_owned(), (*rule).to_owned()))
        .collect()
}

/// The violations of a decode that must fail, as (pointer, rule, message) in order.
fn fail<T: std::fmt::Debug>(result: Result<T, ValidationErrors>) -> Vec<(String, String, String)> {
    result
        .unwrap_err()
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned(), v.message().to_owned()))
        .collect()
}

fn one(pointer: &str, rule: &str, message: &str) -> Vec<(String, String, String)> {
    vec![(pointer.into(), rule.into(), message.into())]
}

#[test]
fn a_valid_document_decodes_to_the_expected_value() {
    let doc: Doc = from_json(VALID).unwrap();
    assert_eq!(doc, valid());
    assert_eq!(doc.validate(), Ok(()));
    let same: Doc = serde_json::from_str(VALID).unwrap();
    assert_eq!(same, doc);
    let same: Doc = from_json_slice(VALID.as_bytes()).unwrap();
    assert_eq!(same, doc);
    let value: serde_json::Value = serde_json::from_str(VALID).unwrap();
    let same: Doc = from_json_value(value).unwrap();
    assert_eq!(same, doc);
}

#[test]
fn every_violation_is_reported_at_once() {
    let json = r#"{
        "kind": "websocket",
        "note": "four",
        "note": "ok",
        "level": 10,
        "tags": {"ok": "abc", "Bad": "x", "ok": "x"},
        "items": [{"n": 1, "kind": "SOAP"}, {}, {"n": 10}, {"n": -1, "kind": null}],
        "inner": {"kind": "ws"},
        "kinds": ["HTTP", "http", "aws_proxy", "AWS_PROXY"],
        "path": "/a b"
    }"#;
    let errors = from_json::<Doc>(json).unwrap_err();
    assert_eq!(
        set(&errors),
        expected(&[
            ("/name", "required"),
            ("/kind", "enum"),
            ("/note", "length"),
            ("/note", "duplicate"),
            ("/level", "range"),
            ("/tags/ok", "length"),
            ("/tags/ok", "duplicate"),
            ("/tags/Bad", "pattern"),
            ("/items/0/kind", "enum"),
            ("/items/1/n", "required"),
            ("/items/2/n", "range"),
            ("/items/3/n", "range"),
            ("/inner/id", "required"),
            ("/inner/kind", "enum"),
            ("/kinds/1", "enum"),
            ("/kinds/3", "enum"),
            ("/path", "spaces"),
        ]),
        "{errors}"
    );
    // Nothing is reported twice; every occurrence of a repeated member or key is checked (the
    // first `note` and `tags.ok` are too long).
    assert_eq!(errors.len(), 17, "{errors}");
    // In document order; missing members first in their object.
    assert_eq!(
        errors.pointers(),
        [
            "/name",
            "/kind",
            "/note",
            "/note",
            "/level",
            "/tags/ok",
            "/tags/Bad",
            "/tags/ok",
            "/items/0/kind",
            "/items/1/n",
            "/items/2/n",
            "/items/3/n",
            "/inner/id",
            "/inner/kind",
            "/kinds/1",
            "/kinds/3",
            "/path",
        ]
    );
    // The same document through serde_json fails with the same violations, one per line.
    let message = serde_json::from_str::<Doc>(json).unwrap_err().to_string();
    assert_eq!(message, errors.to_string());
    assert_eq!(message.lines().count(), 17);
}

#[test]
fn validate_reports_what_decoding_reports_for_rule_violations() {
    // What a document can say that a Rust value can also hold: rules only.
    let json = r#"{"name": "much too long", "kind": "HTTP", "note": "four", "level": 10,
        "tags": {"A": "abc"}, "items": [{"n": 10}], "path": "a b"}"#;
    let decoded = from_json::<Doc>(json).unwrap_err();
    let built = Doc {
        name: "much too long".into(),
        kind: Kind::Http,
        note: Some("four".into()),
        level: 10,
        tags: Some(BTreeMap::from([("A".into(), "abc".into())])),
        items: Some(vec![Item { n: 10, kind: None }]),
        path: Some("a b".into()),
        ..Doc::default()
    };
    let validated = built.validate().unwrap_err();
    assert_eq!(decoded, validated);
    assert_eq!(
        decoded.pointers(),
        [
            "/name",
            "/note",
            "/level",
            "/tags/A",
            "/tags/A",
            "/items/0/n",
            "/path"
        ]
    );
}

#[test]
fn missing_required_members_are_reported_alone() {
    // No value is made up for a missing `name`, so no rule of it can be broken: only `required`
    // is reported, in declaration order, first in its object.
    assert_eq!(
        fail(from_json::<Doc>("{}")),
        [
            ("/name".into(), "required".into(), "is required".into()),
            ("/kind".into(), "required".into(), "is required".into()),
        ]
    );
    let errors = from_json::<Doc>("{}").unwrap_err();
    assert_eq!(errors.to_string(), "name: is required\nkind: is required");
}

#[test]
fn null_is_absent() {
    // null for a required member is missing.
    let errors = from_json::<Doc>(r#"{"name": null, "kind": null}"#).unwrap_err();
    assert_eq!(
        set(&errors),
        expected(&[("/name", "required"), ("/kind", "required")])
    );
    // null for an Option is None, exactly like an absent member.
    let explicit: Doc = from_json(
        r#"{"name": "a", "kind": "HTTP", "note": null, "tags": null, "items": null,
            "inner": null, "kinds": null, "path": null}"#,
    )
    .unwrap();
    let absent: Doc = from_json(r#"{"name": "a", "kind": "HTTP"}"#).unwrap();
    assert_eq!(explicit, absent);
    assert_eq!(explicit.note, None);
    assert_eq!(explicit.inner, None);
    // null for a `default` member is the default.
    let doc: Doc = from_json(r#"{"name": "a", "kind": "HTTP", "count": null}"#).unwrap();
    assert_eq!(doc.count, 0);
    // A null counts as an occurrence.
    assert_eq!(
        fail(from_json::<Doc>(
            r#"{"name": "a", "kind": "HTTP", "count": null, "level": null, "level": 1}"#
        )),
        one("/level", "duplicate", "must appear only once")
    );
    // null inside a list of models is the wrong type, not a missing item.
    let errors = from_json::<Doc>(r#"{"name": "a", "kind": "HTTP", "items": [null]}"#).unwrap_err();
    assert_eq!(set(&errors), expected(&[("/items/0", "type")]), "{errors}");
}

/// A `default` member whose default breaks its own rule.
#[derive(Debug, Default, PartialEq, Model)]
struct Floor {
    #[model(default, range(min = 1, max = 9))]
    level: u8,
}

#[test]
fn default_members_take_their_default_and_its_rules_apply() {
    let doc: Doc = from_json(r#"{"name": "a", "kind": "HTTP", "level": 1}"#).unwrap();
    assert_eq!((doc.count, doc.level), (0, 1));
    // Absent or null, the default is used and checked like any value.
    for json in ["{}", r#"{"level": null}"#] {
        assert_eq!(
            fail(from_json::<Floor>(json)),
            one("/level", "range", "must be between 1 and 9, found 0"),
            "{json}"
        );
    }
    assert_eq!(
        from_json::<Floor>(r#"{"level": 1}"#),
        Ok(Floor { level: 1 })
    );
}

#[test]
fn unknown_members_are_ignored_by_default() {
    let doc: Doc = from_json(
        r#"{"name": "a", "kind": "HTTP", "newerMember": {"deep": [1, null, "x"]},
            "inner": {"id": "i", "alsoNew": true}}"#,
    )
    .unwrap();
    assert_eq!(doc.name, "a");
    assert_eq!(doc.inner.unwrap().id, "i");
}

#[derive(Debug, Default, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Strict {
    #[model(required)]
    id: String,
    child: Option<Box<Strict>>,
    lenient: Option<Inner>,
}

#[test]
fn unknown_members_are_reported_when_denied() {
    assert_eq!(
        fail(from_json::<Strict>(r#"{"id": "a", "extra": 1}"#)),
        one(
            "/extra",
            "unknown",
            "is not a member of this object; expected one of: id, child, lenient"
        )
    );
    // All unknown members, at every depth; members of a lenient model stay ignored.
    let errors = from_json::<Strict>(
        r#"{"extra": null, "id": "a", "child": {"id": "b", "child": {"ID": "c"}},
            "lenient": {"id": "x", "whatever": 1}, "other": []}"#,
    )
    .unwrap_err();
    assert_eq!(
        set(&errors),
        expected(&[
            ("/extra", "unknown"),
            ("/other", "unknown"),
            ("/child/child/ID", "unknown"),
            ("/child/child/id", "required"),
        ]),
        "{errors}"
    );
    let strict: Strict = from_json(r#"{"id": "a", "child": {"id": "b"}}"#).unwrap();
    assert_eq!(strict.child.unwrap().id, "b");
}

#[test]
fn a_repeated_member_is_a_duplicate() {
    assert_eq!(
        fail(from_json::<Doc>(
            r#"{"name": "a", "kind": "HTTP", "name": "b"}"#
        )),
        one("/name", "duplicate", "must appear only once")
    );
    // Even when the first occurrence was null.
    assert_eq!(
        fail(from_json::<Doc>(
            r#"{"name": null, "kind": "HTTP", "name": "b"}"#
        )),
        one("/name", "duplicate", "must appear only once")
    );
    // Deeper down, with the path of the repetition.
    assert_eq!(
        fail(from_json::<Doc>(
            r#"{"name": "a", "kind": "HTTP", "inner": {"id": "x", "size": 1, "size": 2}}"#
        )),
        one("/inner/size", "duplicate", "must appear only once")
    );
}

#[test]
fn a_repeated_map_key_is_a_duplicate() {
    assert_eq!(
        fail(from_json::<Doc>(
            r#"{"name": "a", "kind": "HTTP", "tags": {"a": "x", "b": "y", "a": "z"}}"#
        )),
        one("/tags/a", "duplicate", "key must appear only once")
    );
}

#[test]
fn unknown_enum_values_are_enum_violations() {
    let message = r#"must be one of HTTP, WEB_SOCKET, aws_proxy; found "WEBSOCKET""#;
    assert_eq!(
        fail(from_json::<Doc>(
            r#"{"name": "a", "kind": "WEBSOCKET", "level": 1}"#
        )),
        one("/kind", "enum", message)
    );
    // Wire names are exact: the Rust spelling and other cases are unknown values.
    for wrong in [
        "Http",
        "http",
        "WebSocket",
        "AWS_PROXY",
        "AwsProxy",
        "",
        " HTTP",
    ] {
        let json = format!(r#"{{"name": "a", "kind": "{wrong}", "level": 1}}"#);
        let errors = from_json::<Doc>(&json).unwrap_err();
        assert_eq!(
            set(&errors),
            expected(&[("/kind", "enum")]),
            "{wrong:?}: {errors}"
        );
    }
    // An enum at the root of the document.
    let errors = from_json::<Kind>(r#""SOAP""#).unwrap_err();
    assert_eq!(errors.pointers(), [""]);
    assert_eq!(errors.violations()[0].rule(), "enum");
    assert_eq!(
        errors.to_string(),
        r#"must be one of HTTP, WEB_SOCKET, aws_proxy; found "SOAP""#
    );
    assert_eq!(from_json::<Kind>(r#""aws_proxy""#), Ok(Kind::AwsProxy));
    assert_eq!(from_json::<Kind>(r#""WEB_SOCKET""#), Ok(Kind::WebSocket));
}

#[test]
fn a_value_of_the_wrong_type_is_a_type_violation_at_its_path() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"name": 5, "kind": "HTTP"}"#,
            "/name",
            "expected a string, found the number 5",
        ),
        (
            r#"{"name": "a", "kind": 1}"#,
            "/kind",
            "expected one of HTTP, WEB_SOCKET, aws_proxy, found the number 1",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "count": -1}"#,
            "/count",
            "expected an integer from 0 to 4294967295, found the number -1",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "count": 1.5}"#,
            "/count",
            "expected an integer from 0 to 4294967295, found the number 1.5",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "level": 256}"#,
            "/level",
            "expected an integer from 0 to 255, found the number 256",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "tags": ["a"]}"#,
            "/tags",
            "expected an object, found an array",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "tags": {"a": 1}}"#,
            "/tags/a",
            "expected a string, found the number 1",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "tags": {"a": null}}"#,
            "/tags/a",
            "expected a string, found null",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "kinds": [null]}"#,
            "/kinds/0",
            "expected one of HTTP, WEB_SOCKET, aws_proxy, found null",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "items": {}}"#,
            "/items",
            "expected an array, found an object",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "items": [{"n": 1}, {"n": "2"}]}"#,
            "/items/1/n",
            "expected an integer from -2147483648 to 2147483647, found the string \"2\"",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "inner": "i-1"}"#,
            "/inner",
            "expected an object (Inner), found the string \"i-1\"",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "inner": {"id": "x", "size": true}}"#,
            "/inner/size",
            "expected an integer from 0 to 65535, found true",
        ),
        (
            r#"{"name": "a", "kind": "HTTP", "kinds": ["HTTP", false]}"#,
            "/kinds/1",
            "expected one of HTTP, WEB_SOCKET, aws_proxy, found false",
        ),
        (r#"[]"#, "", "expected an object (Doc), found an array"),
        (r#"null"#, "", "expected an object (Doc), found null"),
    ];
    let mut failures = Vec::new();
    for (json, pointer, message) in cases {
        let errors = from_json::<Doc>(json).unwrap_err();
        let got: Vec<_> = errors
            .iter()
            .map(|v| (v.pointer(), v.rule().to_owned(), v.message().to_owned()))
            .collect();
        let ok =
            got.len() == 1 && got[0].0 == *pointer && got[0].1 == "type" && got[0].2 == *message;
        if !ok {
            failures.push(format!(
                "{json}: got {got:?}, expected ({pointer:?}, type, {message:?}...)"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn serde_json_errors_name_the_path() {
    let error = serde_json::from_str::<Doc>(
        r#"{"name": "a", "kind": "HTTP", "items": [{"n": 1}, {"n": "2"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"items[1].n: invalid type: string "2", expected i32 at line 1 column 59"#
    );
    assert!(error.is_data());
    // An invalid document: every violation, one per line, with no position.
    let error = serde_json::from_str::<Doc>(r#"{"kind": "HTTP", "tags": {"A": "x"}}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "name: is required\ntags[\"A\"]: key must match [a-z]+"
    );
    // A parsed value fails the same way.
    let error =
        serde_json::from_value::<Doc>(serde_json::json!({"kind": "HTTP", "tags": {"A": "x"}}))
            .unwrap_err();
    assert_eq!(
        error.to_string(),
        "name: is required\ntags[\"A\"]: key must match [a-z]+"
    );
}

#[test]
fn a_type_error_hides_nothing_else() {
    // Before, after and around the value of the wrong type, at every depth.
    let errors = from_json::<Doc>(r#"{"kind": "SOAP", "count": "x", "level": 10}"#).unwrap_err();
    assert_eq!(
        fail(Err::<Doc, _>(errors)),
        [
            ("/name".into(), "required".into(), "is required".into()),
            (
                "/kind".into(),
                "enum".into(),
                r#"must be one of HTTP, WEB_SOCKET, aws_proxy; found "SOAP""#.into()
            ),
            (
                "/count".into(),
                "type".into(),
                r#"expected an integer from 0 to 4294967295, found the string "x""#.into()
            ),
            (
                "/level".into(),
                "range".into(),
                "must be at most 9, found 10".into()
            ),
        ]
    );
    // The issue's example: the empty name and the missing kind are not hidden by the number.
    let errors = from_json::<Doc>(r#"{"name": "", "count": 5, "note": 5}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/kind", "/name", "/note"], "{errors}");
    // Several type errors, in lists, maps and nested models.
    let errors = from_json::<Doc>(
        r#"{"name": "a", "kind": "HTTP", "inner": {"kind": "SOAP", "size": "x"},
            "items": [{"n": 1, "kind": "SOAP"}, {"n": "x"}, {"n": 99}],
            "tags": {"a": 1, "B": "x"}, "kinds": [1, "SOAP"]}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors
            .iter()
            .map(|v| (v.pointer(), v.rule()))
            .collect::<Vec<_>>(),
        [
            ("/inner/id".to_owned(), "required"),
            ("/inner/kind".to_owned(), "enum"),
            ("/inner/size".to_owned(), "type"),
            ("/items/0/kind".to_owned(), "enum"),
            ("/items/1/n".to_owned(), "type"),
            ("/items/2/n".to_owned(), "range"),
            ("/tags/a".to_owned(), "type"),
            ("/tags/B".to_owned(), "pattern"),
            ("/kinds/0".to_owned(), "type"),
            ("/kinds/1".to_owned(), "enum"),
        ],
        "{errors}"
    );
    // The same through bytes and a parsed value.
    let json = r#"{"kind": 1, "level": 10}"#;
    let expected = ["/name", "/kind", "/level"];
    assert_eq!(
        from_json_slice::<Doc>(json.as_bytes())
            .unwrap_err()
            .pointers(),
        expected
    );
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(
        from_json_value::<Doc>(value).unwrap_err().pointers(),
        expected
    );
}

#[test]
fn broken_json_after_a_type_error_is_reported_too() {
    let errors =
        from_json::<Doc>(r#"{"name": 1, "kind": "HTTP", "level": 10, "note": "a"#).unwrap_err();
    let found: Vec<(String, &str)> = errors.iter().map(|v| (v.pointer(), v.rule())).collect();
    assert_eq!(
        found,
        [
            ("/name".to_owned(), "type"),
            ("/level".to_owned(), "range"),
            ("/note".to_owned(), "syntax"),
        ],
        "{errors}"
    );
}

#[test]
fn malformed_json_is_a_syntax_violation() {
    let cases: &[&str] = &[
        "",
        "not json",
        "{",
        r#"{"name": "a" "kind": "HTTP"}"#,
        r#"{"name": "a", "kind": "HTTP"} trailing"#,
        r#"{"name": "a"#,
        r#"{"name": "a", "kind": "HTTP""#,
        r#"{"name": 'a'}"#,
    ];
    let mut failures = Vec::new();
    for json in cases {
        let errors = from_json::<Doc>(json).unwrap_err();
        let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
        if rules != ["syntax"] {
            failures.push(format!("{json:?}: {rules:?} {errors}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let errors = from_json::<Doc>("not json").unwrap_err();
    assert_eq!(errors.pointers(), [""]);
    assert_eq!(errors.to_string(), "expected ident at line 1 column 2");
}

#[test]
fn a_syntax_error_inside_a_member_points_at_it() {
    let errors = from_json::<Doc>(r#"{"name": "a"#).unwrap_err();
    assert_eq!(
        fail(Err::<Doc, _>(errors)),
        one(
            "/name",
            "syntax",
            "EOF while parsing a string at line 1 column 11"
        )
    );
    let errors = from_json::<Doc>(r#"{"name": "a", "items": [{"n": 1}, {"n": 2"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/items/1"], "{errors}");
    assert_eq!(
        errors.to_string(),
        "items[1]: EOF while parsing an object at line 1 column 41"
    );
}

#[test]
fn trailing_commas_bad_utf8_and_lone_surrogates_are_syntax_violations() {
    for json in [
        r#"{"name": "a", "kind": "HTTP",}"#,
        r#"{"name": "a", "kind": "HTTP", "kinds": ["HTTP",]}"#,
        r#"{"name": "\udc00", "kind": "HTTP"}"#,
    ] {
        let errors = from_json::<Doc>(json).unwrap_err();
        let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
        assert_eq!(rules, ["syntax"], "{json}: {errors}");
    }
    let errors = from_json_slice::<Doc>(b"{\"name\": \"\xff\"}").unwrap_err();
    let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
    assert_eq!(rules, ["syntax"], "{errors}");
}

#[test]
fn from_json_value_reports_like_from_json() {
    let json = r#"{"kind": "SOAP", "tags": {"A": "abc"}, "items": [{}]}"#;
    let from_text = from_json::<Doc>(json).unwrap_err();
    let from_value = from_json_value::<Doc>(serde_json::from_str(json).unwrap()).unwrap_err();
    // A parsed `Value` no longer knows the members' order: compare the sets.
    assert_eq!(set(&from_text), set(&from_value));
    assert_eq!(
        set(&from_value),
        expected(&[
            ("/name", "required"),
            ("/kind", "enum"),
            ("/tags/A", "pattern"),
            ("/tags/A", "length"),
            ("/items/0/n", "required"),
        ])
    );
    let errors =
        from_json_value::<Doc>(serde_json::json!({"name": "a", "kind": "HTTP", "count": "1"}))
            .unwrap_err();
    assert_eq!(
        (errors.pointers(), errors.violations()[0].rule()),
        (vec!["/count".to_owned()], "type")
    );
}

#[test]
fn decoding_after_a_failure_starts_clean() {
    // Decoders keep their findings on the thread: a failed decode must not leak into the next.
    assert!(from_json::<Doc>(r#"{"kind": "SOAP", "items": [{"n": "x"}]}"#).is_err());
    assert!(serde_json::from_str::<Doc>(r#"{"inner": {"id": 1}}"#).is_err());
    assert!(from_json::<Doc>("{").is_err());
    let doc: Doc = from_json(VALID).unwrap();
    assert_eq!(doc, valid());
    assert_eq!(
        fail(from_json::<Doc>(
            r#"{"name": "a", "kind": "HTTP", "note": "long"}"#
        )),
        one(
            "/note",
            "length",
            "must be at most 3 characters long, found 4"
        )
    );
}

#[test]
fn violations_serialize_for_machines() {
    let errors = from_json::<Doc>(r#"{"kind": "HTTP", "tags": {"a/b": "x"}}"#).unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        serde_json::json!([
            {"pointer": "/name", "path": "name", "rule": "required", "message": "is required"},
            {"pointer": "/tags/a~1b", "path": "tags[\"a/b\"]", "rule": "pattern", "message": "key must match [a-z]+"},
        ])
    );
}

#[test]
fn a_repeated_member_still_has_its_kept_value_checked() {
    // The last value is the one kept, so its rules are reported with the repetition.
    let errors =
        from_json::<Doc>(r#"{"name": "a", "kind": "HTTP", "name": "this name is far too long"}"#)
            .unwrap_err();
    let found: Vec<(String, String)> = errors
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned()))
        .collect();
    assert!(
        found.contains(&("/name".to_owned(), "duplicate".to_owned())),
        "{errors}"
    );
    assert!(
        found.contains(&("/name".to_owned(), "length".to_owned())),
        "{errors}"
    );
}

/// A custom rule that decodes a model of its own, as a rule on embedded JSON would.
fn embedded_inner(text: &str) -> Result<(), CustomError> {
    match from_json::<Inner>(text) {
        Ok(_) => Ok(()),
        Err(errors) => Err(CustomError::new(format!("must hold an Inner: {errors}"))),
    }
}

#[derive(Debug, Model)]
struct Wrapper {
    #[model(required, length(max = 3))]
    name: String,
    #[model(custom = embedded_inner)]
    embedded: Option<String>,
    #[model(range(max = 1))]
    after: Option<u8>,
}

#[test]
fn a_custom_rule_that_decodes_leaves_the_outer_record_alone() {
    let errors =
        from_json::<Wrapper>(r#"{"name": "long", "embedded": "{\"kind\": \"SOAP\"}", "after": 2}"#)
            .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "name: must be at most 3 characters long, found 4\n\
         embedded: must hold an Inner: id: is required\n\
         kind: must be one of HTTP, WEB_SOCKET, aws_proxy; found \"SOAP\"\n\
         after: must be at most 1, found 2"
    );
    assert_eq!(errors.pointers(), ["/name", "/embedded", "/after"]);
    // And in the second look after a type error.
    let errors =
        from_json::<Wrapper>(r#"{"name": 1, "embedded": "{\"id\": 1}", "after": 2}"#).unwrap_err();
    assert_eq!(
        errors.pointers(),
        ["/name", "/embedded", "/after"],
        "{errors}"
    );
    let wrapper: Wrapper = from_json(r#"{"name": "a", "embedded": "{\"id\": \"x\"}"}"#).unwrap();
    assert_eq!(wrapper.name, "a");
}

/// A recursive model, to nest values deeply.
#[derive(Debug, Model)]
struct Chain {
    #[model(range(max = 5))]
    n: Option<u8>,
    next: Option<Box<Chain>>,
}

fn chain(depth: usize, wrong_at: usize) -> String {
    let mut json = String::new();
    for level in 0..depth {
        let n = if level == wrong_at { r#""x""# } else { "9" };
        json.push_str(&format!(r#"{{"n": {n}, "next": "#));
    }
    json.push_str("null");
    json.push_str(&"}".repeat(depth));
    json
}

#[test]
fn the_second_look_reads_raw_text_to_a_bounded_depth() {
    // Near the top, a type error hides nothing around it.
    let errors = from_json::<Chain>(&chain(10, 3)).unwrap_err();
    assert_eq!(errors.len(), 10, "{errors}");
    assert_eq!(errors.violations()[3].rule(), "type");
    assert_eq!(errors.violations()[3].pointer(), "/next/next/next/n");
    // Below 16 levels of values read as raw text, decoding is strict again (so that the second
    // look reads the document at most 16 times): what follows a type error that deep, within
    // the same 16th-level value, is not reported.
    let errors = from_json::<Chain>(&chain(40, 30)).unwrap_err();
    let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
    assert_eq!(rules.len(), 31, "{errors}");
    assert!(rules[..30].iter().all(|rule| *rule == "range"), "{errors}");
    assert_eq!(rules[30], "type");
    assert_eq!(
        errors.violations()[30].pointer(),
        format!("{}/n", "/next".repeat(30))
    );
}

//! A built-in rule with the author's `message` and `code`: what end users read instead of a raw
//! regex or a generic bound. Rules without them keep their own (see `rules.rs`).

use std::collections::BTreeMap;

use stages_model::{from_json, Model, Validate};

#[derive(Debug, PartialEq, Model)]
enum Kind {
    Http,
    #[model(other)]
    Unknown(String),
}

#[derive(Debug, Model)]
struct Labelled {
    #[model(
        required,
        pattern(
            regex = r"\$default|[A-Z]+ /\S*",
            message = "must be a route key such as GET /pets",
            code = "routeKey"
        )
    )]
    route_key: String,
    #[model(length(min = 1, max = 3, message = "must name one to three scopes"))]
    scopes: Option<Vec<String>>,
    #[model(range(min = 50, max = 30000, code = "timeout"))]
    timeout_in_millis: Option<u32>,
    #[model(contains(text = "@", message = "must be an email address"))]
    owner: Option<String>,
    #[model(finite(message = "must be a real number of seconds"))]
    ratio: Option<f64>,
    #[model(known(
        message = "must be a protocol this service supports",
        code = "protocol"
    ))]
    kind: Option<Kind>,
    #[model(
        keys(pattern(regex = "[a-z]+", message = "key must be lowercase letters")),
        values(length(max = 2, code = "short"))
    )]
    labels: Option<BTreeMap<String, String>>,
}

fn found(json: &str) -> Vec<(String, String, String)> {
    let mut found: Vec<_> = from_json::<Labelled>(json)
        .unwrap_err()
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned(), v.message().to_owned()))
        .collect();
    found.sort();
    found
}

fn row(pointer: &str, rule: &str, message: &str) -> (String, String, String) {
    (pointer.to_owned(), rule.to_owned(), message.to_owned())
}

#[test]
fn each_rule_reports_the_authors_message_and_code() {
    let json = r#"{
        "routeKey": "get pets",
        "scopes": [],
        "timeoutInMillis": 10,
        "owner": "nobody",
        "kind": "GRPC",
        "labels": {"Upper": "ok", "lower": "toolong"}
    }"#;
    assert_eq!(
        found(json),
        [
            row(
                "/kind",
                "protocol",
                "must be a protocol this service supports"
            ),
            row("/labels/Upper", "pattern", "key must be lowercase letters"),
            row(
                "/labels/lower",
                "short",
                "must be at most 2 characters long, found 7"
            ),
            row("/owner", "contains", "must be an email address"),
            row(
                "/routeKey",
                "routeKey",
                "must be a route key such as GET /pets"
            ),
            row("/scopes", "length", "must name one to three scopes"),
            row(
                "/timeoutInMillis",
                "timeout",
                "must be between 50 and 30000, found 10"
            ),
        ]
    );
}

#[test]
fn validate_reports_the_same_labels_and_valid_values_pass() {
    let value = Labelled {
        route_key: "GET /pets".into(),
        scopes: Some(vec!["read".into()]),
        timeout_in_millis: Some(50),
        owner: Some("a@b".into()),
        ratio: Some(f64::NAN),
        kind: Some(Kind::Http),
        labels: None,
    };
    let errors = value.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "ratio: must be a real number of seconds"
    );
    assert_eq!(errors.violations()[0].rule(), "finite");
    let valid = Labelled {
        ratio: Some(0.5),
        ..value
    };
    assert!(valid.validate().is_ok());
}

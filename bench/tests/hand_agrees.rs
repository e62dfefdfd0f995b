//! The hand-written baseline checks exactly our rules: on every document below, valid or not,
//! it reaches the same verdict as `stages_model` and reports the same (JSON Pointer, rule) pairs,
//! as both `from_json` and `validate()` report them.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use stages_bench::{documents, hand, serde_only};

type Found = BTreeSet<(String, String)>;

fn hand_finds(value: &serde_only::CreateStageInput) -> Found {
    match hand::validate(value) {
        Ok(()) => Found::new(),
        Err(violations) => violations
            .into_iter()
            .map(|violation| {
                assert!(
                    violation.message.contains(": "),
                    "a message names its path: {}",
                    violation.message
                );
                (violation.pointer, violation.rule.to_owned())
            })
            .collect(),
    }
}

fn ours_finds(errors: Result<(), stages_model::ValidationErrors>) -> Found {
    match errors {
        Ok(()) => Found::new(),
        Err(errors) => errors
            .iter()
            .map(|violation| (violation.pointer(), violation.rule().to_owned()))
            .collect(),
    }
}

/// Checks one document with every implementation; gives what they found.
fn agree(name: &str, document: &Value) -> Found {
    let text = document.to_string();
    let plain: serde_only::CreateStageInput = serde_json::from_str(&text).unwrap();
    let hand = hand_finds(&plain);
    let decoded =
        ours_finds(stages_model::from_json::<stages_model::CreateStageInput>(&text).map(|_| ()));
    let validated = ours_finds(stages_model::Validate::validate(&plain.into_ours()));
    assert_eq!(hand, decoded, "{name}: hand against from_json");
    assert_eq!(hand, validated, "{name}: hand against validate()");
    hand
}

fn typical() -> Value {
    serde_json::from_str(&documents::typical()).unwrap()
}

/// The typical document with `pointer` set to `value`.
fn with(pointer: &str, value: Value) -> Value {
    let mut document = typical();
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let target = document.pointer_mut(parent).unwrap();
    target[last] = value;
    document
}

fn many(prefix: &str, count: usize, value: &str) -> Value {
    (0..count)
        .map(|index| (format!("{prefix}{index}"), Value::from(value)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

#[test]
fn valid_documents_pass_everywhere() {
    let mut cases = vec![("typical".to_owned(), typical())];
    for (name, text) in documents::valid_documents() {
        cases.push((name.to_owned(), serde_json::from_str(&text).unwrap()));
    }
    let edges = [
        ("/stageName", json!("$default")),
        ("/stageName", json!("a".repeat(128))),
        ("/description", json!("é".repeat(1024))),
        ("/description", json!("")),
        ("/stageVariables", many("v", 100, "x")),
        (
            "/stageVariables/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            json!("y".repeat(2048)),
        ),
        ("/tags", many("t", 50, "")),
        ("/tags/AWSx:y", json!("é".repeat(256))),
        ("/tags/aws", json!("v")),
        ("/tags/é", json!("v")),
        (
            "/accessLogSettings/format",
            json!(format!("{}$context.requestId", "é".repeat(1006))),
        ),
        (
            "/accessLogSettings/destinationArn",
            json!("arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:a"),
        ),
        (
            "/accessLogSettings/destinationArn",
            json!("arn:aws-cn:logs:cn-north-1:000000000000:log-group:/x/y#z.w_v-u"),
        ),
    ];
    for (pointer, value) in edges {
        cases.push((format!("{pointer} = {value:.40}"), with(pointer, value)));
    }
    for (name, document) in cases {
        assert_eq!(agree(&name, &document), Found::new(), "{name}");
    }
}

#[test]
fn invalid_documents_get_the_same_violations() {
    let long_variable = format!("/stageVariables/{}", "k".repeat(65));
    let long_reserved = format!("/tags/aws:{}", "k".repeat(125));
    let cases = [
        ("/stageName", json!(""), vec![("/stageName", "length")]),
        (
            "/stageName",
            json!("a".repeat(129)),
            vec![("/stageName", "length")],
        ),
        (
            "/stageName",
            json!("é".repeat(128)),
            vec![("/stageName", "pattern")],
        ),
        (
            "/stageName",
            json!("$Default"),
            vec![("/stageName", "pattern")],
        ),
        (
            "/stageName",
            json!("prod v2"),
            vec![("/stageName", "pattern")],
        ),
        (
            "/description",
            json!("é".repeat(1025)),
            vec![("/description", "length")],
        ),
        (
            "/stageVariables",
            many("v", 101, "x"),
            vec![("/stageVariables", "length")],
        ),
        (
            "/stageVariables/",
            json!("x"),
            vec![("/stageVariables/", "pattern")],
        ),
        (&long_variable, json!("x"), vec![(&long_variable, "length")]),
        (
            "/stageVariables/a~b",
            json!("x"),
            vec![("/stageVariables/a~0b", "pattern")],
        ),
        (
            "/stageVariables/é",
            json!(""),
            vec![
                ("/stageVariables/é", "pattern"),
                ("/stageVariables/é", "pattern"),
            ],
        ),
        (
            "/stageVariables/big",
            json!("y".repeat(2049)),
            vec![("/stageVariables/big", "length")],
        ),
        (
            "/stageVariables/big",
            json!("é".repeat(2049)),
            vec![
                ("/stageVariables/big", "pattern"),
                ("/stageVariables/big", "length"),
            ],
        ),
        (
            "/stageVariables/space",
            json!("a b"),
            vec![("/stageVariables/space", "pattern")],
        ),
        (
            "/accessLogSettings/format",
            json!(""),
            vec![
                ("/accessLogSettings/format", "length"),
                ("/accessLogSettings/format", "contains"),
            ],
        ),
        (
            "/accessLogSettings/format",
            json!(format!("{}$context.requestId", "é".repeat(1007))),
            vec![("/accessLogSettings/format", "length")],
        ),
        (
            "/accessLogSettings/format",
            json!("$context.requestid"),
            vec![("/accessLogSettings/format", "contains")],
        ),
        ("/tags", many("t", 51, "v"), vec![("/tags", "length")]),
        ("/tags/", json!("v"), vec![("/tags/", "length")]),
        ("/tags/aws:x", json!("v"), vec![("/tags/aws:x", "pattern")]),
        ("/tags/AwS:", json!("v"), vec![("/tags/AwS:", "pattern")]),
        (
            "/tags/a/b",
            json!("é".repeat(257)),
            vec![("/tags/a~1b", "length")],
        ),
        (
            &long_reserved,
            json!("v"),
            vec![(&long_reserved, "length"), (&long_reserved, "pattern")],
        ),
    ];
    for (pointer, value, expected) in cases {
        let document = if let Some(key) = pointer
            .strip_prefix("/stageVariables/")
            .or(pointer.strip_prefix("/tags/"))
        {
            // Keys may hold `/` or `~`: set them by hand, not through a pointer.
            let map = if pointer.starts_with("/tags/") {
                "tags"
            } else {
                "stageVariables"
            };
            let mut document = typical();
            document[map][key] = value.clone();
            document
        } else {
            with(pointer, value.clone())
        };
        let name = format!("{pointer:.40} = {value:.40}");
        let found = agree(&name, &document);
        let expected: Found = expected
            .into_iter()
            .map(|(p, r)| (p.to_owned(), r.to_owned()))
            .collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn log_group_arns_get_the_same_verdict() {
    let good = "arn:aws:logs:us-east-1:123456789012:log-group:my-logs";
    for arn in [
        good,
        "arn:aws:logs:eu-central-1:123456789012:log-group:/aws/apigateway/x:*",
        "arn:aws:logs:us-east-1:123456789012:log-group:x:*:*",
        "arn:aws:logs:us-east-1:123456789012:log-group::*",
        "arn:aws:logs:us-east-1:123456789012:log-group:",
        "arn:aws:logs:us-east-1:12345678901:log-group:x",
        "arn:aws:logs:us-east-1:1234567890123:log-group:x",
        "arn:aws:s3:us-east-1:123456789012:log-group:x",
        "arn:azure:logs:us-east-1:123456789012:log-group:x",
        "arn:aws-eu:logs:eu-west-1:123456789012:log-group:x",
        "arn:aws:logs:useast1:123456789012:log-group:x",
        "arn:aws:logs:-east-1:123456789012:log-group:x",
        "arn:aws:logs:us-east-:123456789012:log-group:x",
        "arn:aws:logs:us-east-1a:123456789012:log-group:x",
        "arn:aws:logs:us-1-2:123456789012:log-group:x",
        "arn:aws:logs:us--1:123456789012:log-group:x",
        "arn:aws:logs:US-east-1:123456789012:log-group:x",
        "arn:aws:logs:us-east-1:123456789012:log-stream:x",
        "arn:aws:logs:us-east-1:123456789012:log-group:x y",
        "arn:aws:logs:us-east-1:123456789012:log-group:x:y",
        "arn:aws:logs:us-east-1:123456789012:log-group:é",
        "",
        "arn",
        "arn:aws:logs",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([
        format!("{good}{}", "a".repeat(505)),
        format!("{good}{}", "a".repeat(506)),
    ]) {
        let ours = stages_model::custom::log_group_arn(&arn).is_ok();
        assert_eq!(hand::is_log_group_arn(&arn), ours, "{arn}");
        let document = with(
            "/accessLogSettings/destinationArn",
            Value::from(arn.clone()),
        );
        let found = agree(&arn, &document);
        assert_eq!(found.is_empty(), ours, "{arn}");
    }
}

#[test]
fn a_rate_limit_that_json_cannot_carry_is_reported_alike() {
    // Only a value built in Rust can hold NaN or an infinity.
    let mut plain: serde_only::CreateStageInput =
        serde_json::from_str(&documents::typical()).unwrap();
    plain
        .default_route_settings
        .as_mut()
        .unwrap()
        .throttling_rate_limit = Some(f64::NAN);
    let route = plain
        .route_settings
        .as_mut()
        .unwrap()
        .iter_mut()
        .next()
        .unwrap();
    let key = route.0.clone();
    route.1.throttling_rate_limit = Some(f64::INFINITY);
    let hand = hand_finds(&plain);
    let ours = ours_finds(stages_model::Validate::validate(&plain.into_ours()));
    assert_eq!(hand, ours);
    let expected: Found = [
        (
            "/defaultRouteSettings/throttlingRateLimit".to_owned(),
            "finite".to_owned(),
        ),
        (
            format!(
                "/routeSettings/{}/throttlingRateLimit",
                key.replace('/', "~1")
            ),
            "finite".to_owned(),
        ),
    ]
    .into();
    assert_eq!(hand, expected);
}

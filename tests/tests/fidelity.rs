//! What fuzzing found (issue 9): documents the types accepted or changed where AWS would not.
//! One test per finding, each named for it; `SPEC.md` says what AWS does.

use serde_json::{json, Value};
use stages_model::chrono::{TimeZone, Utc};
use stages_model::serde::{de::DeserializeOwned, Serialize};
use stages_model::{from_json, CreateStageInput, RouteSettings, Stage, Validate};

/// The `(pointer, rule)` pairs of a failed decode, or none.
fn violations<T: DeserializeOwned>(document: &str) -> Vec<(String, String)> {
    match from_json::<T>(document) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|violation| (violation.pointer(), violation.rule().to_owned()))
            .collect(),
    }
}

fn at(pointer: &str, rule: &str) -> Vec<(String, String)> {
    vec![(pointer.to_owned(), rule.to_owned())]
}

fn stage_with(members: Value) -> String {
    let mut document = json!({"stageName": "prod"});
    document
        .as_object_mut()
        .unwrap()
        .extend(members.as_object().unwrap().clone());
    document.to_string()
}

/// Decodes, encodes, and decodes the encoding again: both values must be equal.
fn round_trip<T>(document: &str) -> (T, Value)
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let first: T = from_json(document).unwrap();
    let encoded = serde_json::to_string(&first).unwrap();
    let second: T = from_json(&encoded).unwrap_or_else(|errors| {
        panic!("{document} encoded as {encoded}, which does not decode: {errors}")
    });
    assert_eq!(first, second, "{document} → {encoded}");
    (second, serde_json::from_str(&encoded).unwrap())
}

// 1. Round trips that change the value.

#[test]
fn finding_1_dates_whose_utc_form_leaves_years_0000_to_9999_are_rejected() {
    for date in [
        "0000-01-01T00:00:00+00:01",
        "9999-12-31T23:59:59-00:01",
        "0000-01-01T00:00:00.5+23:59",
    ] {
        let document = stage_with(json!({ "createdDate": date }));
        assert_eq!(
            violations::<Stage>(&document),
            at("/createdDate", "format"),
            "{date}"
        );
    }
    // The edges themselves, in UTC or brought back into range by their offset, still decode.
    for date in [
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "0000-01-01T00:00:00-00:01",
        "9999-12-31T23:59:59+00:01",
    ] {
        round_trip::<Stage>(&stage_with(json!({ "createdDate": date })));
    }
}

#[test]
fn finding_1_a_date_that_decodes_encodes_to_text_that_decodes_to_the_same_instant() {
    let (stage, json) = round_trip::<Stage>(&stage_with(
        json!({ "createdDate": "0000-01-01T00:00:00-00:01" }),
    ));
    assert_eq!(json["createdDate"], "0000-01-01T00:01:00Z");
    assert_eq!(
        stage.created_date,
        Some(Utc.with_ymd_and_hms(0, 1, 1, 0, 1, 0).unwrap())
    );
}

#[test]
fn finding_1_a_date_built_outside_the_wire_range_is_a_violation() {
    let mut stage = Stage {
        stage_name: "prod".into(),
        ..Stage::default()
    };
    stage.created_date = Some(Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap());
    stage.last_updated_date = Some(Utc.with_ymd_and_hms(-1, 12, 31, 23, 59, 0).unwrap());
    assert_eq!(
        stage.validate().unwrap_err().pointers(),
        ["/createdDate", "/lastUpdatedDate"]
    );
}

#[test]
fn finding_1_doubles_round_trip_bit_for_bit() {
    for text in [
        "927024071735.8857",
        "0.1",
        "5e-324",
        "1.7976931348623157e308",
        "2.2250738585072014e-308",
        "-0.0",
        "123456789012345680000",
        "0.30000000000000004",
    ] {
        let document = format!(r#"{{"throttlingRateLimit": {text}}}"#);
        let expected: f64 = text.parse().unwrap();
        let settings: RouteSettings = from_json(&document).unwrap();
        let decoded = settings.throttling_rate_limit.unwrap();
        assert_eq!(decoded.to_bits(), expected.to_bits(), "{text}");
        let (again, _) = round_trip::<RouteSettings>(&document);
        assert_eq!(
            again.throttling_rate_limit.unwrap().to_bits(),
            expected.to_bits(),
            "{text}"
        );
    }
}

// 2. Dates looser than RFC 3339.

#[test]
fn finding_2_dates_follow_rfc_3339_strictly() {
    for bad in [
        "2024-01-01 10:30:00Z",
        "2024-06-15T12:00:60Z",
        "2024-06-30T23:59:60Z",
        "2024-01-01T10:30:00",
        "2024-01-01T10:30Z",
        "2024-1-01T10:30:00Z",
        "2024-01-01T10:30:00.Z",
        "2024-01-01T10:30:00+0100",
        "2024-01-01T10:30:00+24:00",
        "2024-01-01T10:30:00+01:60",
        "2023-02-29T00:00:00Z",
        "2024-04-31T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "+2024-01-01T10:30:00Z",
        "12024-01-01T10:30:00Z",
        "2024-01-01T10:30:00ZZ",
        " 2024-01-01T10:30:00Z",
        "2024-01-01T10:30:00.1234567891Z",
        "２０２４-01-01T10:30:00Z",
    ] {
        let document = stage_with(json!({ "lastUpdatedDate": bad }));
        assert_eq!(
            violations::<Stage>(&document),
            at("/lastUpdatedDate", "format"),
            "{bad:?}"
        );
    }
    for (good, utc) in [
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ("2024-01-01t10:30:00z", "2024-01-01T10:30:00Z"),
        ("2024-01-01T10:30:00.5+01:00", "2024-01-01T09:30:00.500Z"),
        ("2024-01-01T10:30:00-00:00", "2024-01-01T10:30:00Z"),
        (
            "2024-01-01T10:30:00.123456789Z",
            "2024-01-01T10:30:00.123456789Z",
        ),
        (
            "2024-01-01T10:30:00.1234567890000Z",
            "2024-01-01T10:30:00.123456789Z",
        ),
        ("2024-12-31T23:30:00-23:59", "2025-01-01T23:29:00Z"),
    ] {
        let (_, json) = round_trip::<Stage>(&stage_with(json!({ "lastUpdatedDate": good })));
        assert_eq!(json["lastUpdatedDate"], utc, "{good}");
    }
}

// 3. and 4. Tags and the aws: prefix.

#[test]
fn finding_3_the_aws_prefix_is_reserved_in_any_mix_of_case() {
    for key in ["aws:owner", "AWS:owner", "Aws:owner", "aWs:", "awS:x"] {
        let document = json!({"stageName": "prod", "tags": { key: "me" }}).to_string();
        assert_eq!(
            violations::<CreateStageInput>(&document),
            at(&format!("/tags/{key}"), "pattern"),
            "{key}"
        );
    }
    for key in ["aws", "awsx:y", "my:aws:x", "aw:s"] {
        let document = json!({"stageName": "prod", "tags": { key: "me" }}).to_string();
        assert_eq!(violations::<CreateStageInput>(&document), [], "{key}");
    }
}

fn tags(plain: usize, reserved: usize) -> Value {
    let mut map = serde_json::Map::new();
    for index in 0..plain {
        map.insert(format!("k{index}"), json!("v"));
    }
    for index in 0..reserved {
        let prefix = ["aws:", "AWS:", "Aws:"][index % 3];
        map.insert(format!("{prefix}cloudformation:{index}"), json!("v"));
    }
    Value::Object(map)
}

#[test]
fn finding_4_a_stage_has_at_most_50_tags_besides_aws_ones() {
    let document = stage_with(json!({ "tags": tags(50, 7) }));
    assert_eq!(violations::<Stage>(&document), []);
    let document = stage_with(json!({ "tags": tags(51, 0) }));
    assert_eq!(violations::<Stage>(&document), at("/tags", "length"));
    let document = stage_with(json!({ "tags": tags(51, 3) }));
    let errors = from_json::<Stage>(&document).unwrap_err();
    assert_eq!(errors.pointers(), ["/tags"]);
    assert!(
        errors.to_string().contains("found 51"),
        "the message counts only the tags that count: {errors}"
    );
}

// 5. -0 is an integer.

#[test]
fn finding_5_minus_zero_is_the_integer_zero() {
    let settings: RouteSettings = from_json(r#"{"throttlingBurstLimit": -0}"#).unwrap();
    assert_eq!(settings.throttling_burst_limit, Some(0));
    let (_, json) = round_trip::<RouteSettings>(r#"{"throttlingBurstLimit": -0}"#);
    assert_eq!(json, json!({"throttlingBurstLimit": 0}));
    // Nested, and where fractions and out-of-range numbers stay type errors.
    let document = json!({"stageName": "prod"}).to_string();
    assert_eq!(violations::<CreateStageInput>(&document), []);
    let nested =
        r#"{"stageName": "prod", "routeSettings": {"GET /": {"throttlingBurstLimit": -0}}}"#;
    assert_eq!(violations::<CreateStageInput>(nested), []);
    for (number, rule) in [
        ("-0.5", "type"),
        ("0.0", "type"),
        ("1.5", "type"),
        ("2147483648", "type"),
        ("-2147483649", "type"),
        ("18446744073709551616", "type"),
    ] {
        let document = format!(r#"{{"throttlingBurstLimit": {number}}}"#);
        assert_eq!(
            violations::<RouteSettings>(&document),
            at("/throttlingBurstLimit", rule),
            "{number}"
        );
    }
}

#[test]
fn finding_5_messages_about_integers_name_the_range() {
    let errors = from_json::<RouteSettings>(r#"{"throttlingBurstLimit": 1.5}"#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "throttlingBurstLimit: expected an integer from -2147483648 to 2147483647, found the \
         number 1.5"
    );
    let errors = from_json::<RouteSettings>(r#"{"throttlingBurstLimit": 2147483648}"#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "throttlingBurstLimit: expected an integer from -2147483648 to 2147483647, found the \
         number 2147483648"
    );
}

// 6. Stage variable quotas.

fn stage_variables(count: usize, name_length: usize) -> String {
    let mut map = serde_json::Map::new();
    for index in 0..count {
        let name = format!("{index:0>width$}", width = name_length);
        map.insert(name, json!("v"));
    }
    json!({"stageName": "prod", "stageVariables": map}).to_string()
}

#[test]
fn finding_6_at_most_100_stage_variables_with_names_of_at_most_64_characters() {
    assert_eq!(
        violations::<CreateStageInput>(&stage_variables(100, 64)),
        []
    );
    assert_eq!(
        violations::<CreateStageInput>(&stage_variables(101, 3)),
        at("/stageVariables", "length")
    );
    assert_eq!(
        violations::<CreateStageInput>(&stage_variables(1, 65)),
        at(&format!("/stageVariables/{}", "0".repeat(65)), "length")
    );
    // The same rules on a returned stage.
    assert_eq!(
        violations::<Stage>(&stage_variables(101, 3)),
        at("/stageVariables", "length")
    );
}

// 8. A number too large for a double.

#[test]
fn finding_8_a_number_beyond_a_double_is_out_of_range_at_its_path() {
    for (document, pointer) in [
        (r#"{"throttlingRateLimit": 1e400}"#, "/throttlingRateLimit"),
        (r#"{"throttlingRateLimit": -1e400}"#, "/throttlingRateLimit"),
        (
            r#"{"throttlingBurstLimit": 1e400}"#,
            "/throttlingBurstLimit",
        ),
    ] {
        assert_eq!(
            violations::<RouteSettings>(document),
            at(pointer, "range"),
            "{document}"
        );
    }
    let nested =
        r#"{"stageName": "prod", "routeSettings": {"GET /": {"throttlingRateLimit": 1e400}}}"#;
    let errors = from_json::<CreateStageInput>(nested).unwrap_err();
    assert_eq!(
        errors.pointers(),
        ["/routeSettings/GET ~1/throttlingRateLimit"]
    );
    assert_eq!(errors.violations()[0].rule(), "range");
    assert!(
        errors.to_string().contains("too large for a double"),
        "{errors}"
    );
    // A member the model ignores may hold such a number.
    assert_eq!(violations::<RouteSettings>(r#"{"newMember": 1e400}"#), []);
}

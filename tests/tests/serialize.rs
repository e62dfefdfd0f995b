//! `Serialize`: wire names, `rename`, every `rename_all` convention, absent `Option`s left out,
//! and decode → encode round trips, all compared as JSON values.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};
use stages_model::{from_json, from_json_value, Model};

/// The JSON value of a model. A macro, not a function: this crate depends on `stages-model`
/// alone, so it cannot name `serde::Serialize` in a bound.
macro_rules! to {
    ($value:expr) => {
        serde_json::to_value($value).expect("models encode")
    };
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Api {
    #[model(required)]
    api_id: String,
    #[model(rename = "name")]
    display_name: Option<String>,
    #[model(default)]
    disable_execute_api_endpoint: bool,
    #[model(default)]
    version_number: u32,
    r#type: Option<Protocol>,
    cors_configuration: Option<Cors>,
    tags: Option<BTreeMap<String, String>>,
    #[model(default)]
    warnings: Vec<String>,
    throttling_rate_limit: Option<f64>,
    #[model(rename = "x-amazon-apigateway-importer")]
    importer: Option<String>,
    #[model(rename = "HTTPStatus")]
    http_status: Option<u16>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Cors {
    #[model(default)]
    allow_credentials: bool,
    allow_origins: Option<Vec<String>>,
    max_age: Option<i32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Model)]
enum Protocol {
    #[default]
    Http,
    WebSocket,
    #[model(rename = "ws+tls")]
    SecureWebSocket,
}

#[test]
fn absent_options_are_left_out_and_the_rest_uses_wire_names() {
    let api = Api {
        api_id: "a1b2c3".into(),
        ..Api::default()
    };
    assert_eq!(
        serde_json::to_value(&api).unwrap(),
        json!({
            "apiId": "a1b2c3",
            "disableExecuteApiEndpoint": false,
            "versionNumber": 0,
            "warnings": [],
        })
    );
    // Never `null`: the text has no trace of the absent members.
    let text = serde_json::to_string(&api).unwrap();
    assert!(!text.contains("null"), "{text}");
    assert_eq!(
        text,
        r#"{"apiId":"a1b2c3","disableExecuteApiEndpoint":false,"versionNumber":0,"warnings":[]}"#
    );
}

#[test]
fn every_member_present() {
    let api = Api {
        api_id: "a1".into(),
        display_name: Some(String::new()),
        disable_execute_api_endpoint: true,
        version_number: 4_000_000_000,
        r#type: Some(Protocol::WebSocket),
        cors_configuration: Some(Cors {
            allow_credentials: true,
            allow_origins: Some(vec!["https://example.com".into()]),
            max_age: Some(-1),
        }),
        tags: Some(BTreeMap::from([
            ("b".into(), "2".into()),
            ("a".into(), String::new()),
        ])),
        warnings: vec!["w".into()],
        throttling_rate_limit: Some(0.5),
        importer: Some("oas30".into()),
        http_status: Some(201),
    };
    let expected = json!({
        "apiId": "a1",
        "name": "",
        "disableExecuteApiEndpoint": true,
        "versionNumber": 4_000_000_000u32,
        "type": "WEB_SOCKET",
        "corsConfiguration": {
            "allowCredentials": true,
            "allowOrigins": ["https://example.com"],
            "maxAge": -1,
        },
        "tags": {"a": "", "b": "2"},
        "warnings": ["w"],
        "throttlingRateLimit": 0.5,
        "x-amazon-apigateway-importer": "oas30",
        "HTTPStatus": 201,
    });
    assert_eq!(serde_json::to_value(&api).unwrap(), expected);
    // Members come out in declaration order.
    let text = serde_json::to_string(&api).unwrap();
    let order: Vec<usize> = [
        "apiId",
        "\"name",
        "disableExecute",
        "versionNumber",
        "\"type",
        "corsConfiguration",
        "\"tags",
        "warnings",
        "throttlingRateLimit",
        "x-amazon",
        "HTTPStatus",
    ]
    .iter()
    .map(|member| {
        text.find(member)
            .unwrap_or_else(|| panic!("{member} in {text}"))
    })
    .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted, "{text}");
    // And the document decodes back to the same value.
    assert_eq!(from_json_value::<Api>(expected), Ok(api));
}

#[test]
fn enums_encode_as_their_wire_names() {
    let cases = [
        (Protocol::Http, "HTTP"),
        (Protocol::WebSocket, "WEB_SOCKET"),
        (Protocol::SecureWebSocket, "ws+tls"),
    ];
    for (value, wire) in cases {
        assert_eq!(serde_json::to_value(value).unwrap(), json!(wire));
        assert_eq!(from_json::<Protocol>(&format!("\"{wire}\"")), Ok(value));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "kebab-case")]
enum KebabLevel {
    ErrorOnly,
    Info,
    #[model(rename = "OFF")]
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "PascalCase")]
enum PascalFormat {
    JsonLines,
    Clf,
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "verbatim")]
#[allow(non_camel_case_types)]
enum VerbatimMode {
    HTTPProxy,
    snake_variant,
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum Acronyms {
    HTTPApi,
    WebSocket2,
    Ipv6Only,
}

#[test]
fn enum_rename_all() {
    assert_eq!(to!(KebabLevel::ErrorOnly), json!("error-only"));
    assert_eq!(to!(KebabLevel::Info), json!("info"));
    assert_eq!(to!(KebabLevel::Off), json!("OFF"));
    assert_eq!(to!(PascalFormat::JsonLines), json!("JsonLines"));
    assert_eq!(to!(PascalFormat::Clf), json!("Clf"));
    assert_eq!(to!(VerbatimMode::HTTPProxy), json!("HTTPProxy"));
    assert_eq!(to!(VerbatimMode::snake_variant), json!("snake_variant"));
    assert_eq!(to!(Acronyms::HTTPApi), json!("HTTP_API"));
    assert_eq!(to!(Acronyms::WebSocket2), json!("WEB_SOCKET2"));
    assert_eq!(to!(Acronyms::Ipv6Only), json!("IPV6_ONLY"));
    // Decoding accepts exactly those spellings.
    assert_eq!(
        from_json::<KebabLevel>(r#""error-only""#),
        Ok(KebabLevel::ErrorOnly)
    );
    assert_eq!(from_json::<KebabLevel>(r#""OFF""#), Ok(KebabLevel::Off));
    let errors = from_json::<KebabLevel>(r#""off""#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        r#"must be one of error-only, info, OFF; found "off""#
    );
}

/// Each `rename_all` convention on a struct, with the same three fields.
macro_rules! convention {
    ($name:ident, $case:literal) => {
        #[derive(Debug, Default, PartialEq, Model)]
        #[model(rename_all = $case)]
        struct $name {
            #[model(default)]
            last_updated_date: u8,
            #[model(default)]
            api_id: u8,
            #[model(default)]
            x: u8,
        }
    };
}

convention!(Camel, "camelCase");
convention!(Pascal, "PascalCase");
convention!(Snake, "snake_case");
convention!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
convention!(Kebab, "kebab-case");
convention!(ScreamingKebab, "SCREAMING-KEBAB-CASE");
convention!(Lower, "lowercase");
convention!(Upper, "UPPERCASE");
convention!(Verbatim, "verbatim");

/// The member names of an encoded struct, in order.
fn names(value: Value) -> Vec<String> {
    match value {
        Value::Object(members) => members.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

#[test]
fn struct_rename_all() {
    let rows: [(&str, Value, [&str; 3]); 9] = [
        (
            "camelCase",
            to!(&Camel::default()),
            ["lastUpdatedDate", "apiId", "x"],
        ),
        (
            "PascalCase",
            to!(&Pascal::default()),
            ["LastUpdatedDate", "ApiId", "X"],
        ),
        (
            "snake_case",
            to!(&Snake::default()),
            ["last_updated_date", "api_id", "x"],
        ),
        (
            "SCREAMING_SNAKE_CASE",
            to!(&ScreamingSnake::default()),
            ["LAST_UPDATED_DATE", "API_ID", "X"],
        ),
        (
            "kebab-case",
            to!(&Kebab::default()),
            ["last-updated-date", "api-id", "x"],
        ),
        (
            "SCREAMING-KEBAB-CASE",
            to!(&ScreamingKebab::default()),
            ["LAST-UPDATED-DATE", "API-ID", "X"],
        ),
        (
            "lowercase",
            to!(&Lower::default()),
            ["lastupdateddate", "apiid", "x"],
        ),
        (
            "UPPERCASE",
            to!(&Upper::default()),
            ["LASTUPDATEDDATE", "APIID", "X"],
        ),
        (
            "verbatim",
            to!(&Verbatim::default()),
            ["last_updated_date", "api_id", "x"],
        ),
    ];
    for (case, value, expected) in rows {
        let mut expected: Vec<String> = expected.iter().map(|name| (*name).to_owned()).collect();
        expected.sort();
        assert_eq!(names(value), expected, "{case}");
    }
    // Decoding uses the same names; the Rust names are unknown members, so the defaults stay.
    let kebab: Kebab = from_json(r#"{"last-updated-date": 1, "api-id": 2, "x": 3}"#).unwrap();
    assert_eq!(
        kebab,
        Kebab {
            last_updated_date: 1,
            api_id: 2,
            x: 3
        }
    );
    let kebab: Kebab = from_json(r#"{"last_updated_date": 1, "apiId": 2}"#).unwrap();
    assert_eq!(kebab, Kebab::default());
}

#[test]
fn decode_then_encode_gives_the_same_document() {
    let documents = [
        json!({"apiId": "a", "disableExecuteApiEndpoint": false, "versionNumber": 0, "warnings": []}),
        json!({
            "apiId": "b",
            "name": "pets",
            "disableExecuteApiEndpoint": true,
            "versionNumber": 3,
            "type": "ws+tls",
            "corsConfiguration": {"allowCredentials": false, "allowOrigins": [], "maxAge": 0},
            "tags": {"": "", "k/~": "v"},
            "warnings": ["a", "b"],
            "throttlingRateLimit": 1e-3,
            "x-amazon-apigateway-importer": "x",
            "HTTPStatus": 404,
        }),
    ];
    for document in documents {
        let text = document.to_string();
        let api: Api = from_json(&text).unwrap();
        assert_eq!(to!(&api), document, "{text}");
        let again: Api = from_json_value(to!(&api)).unwrap();
        assert_eq!(again, api);
    }
}

#[test]
fn encoding_normalises_what_decoding_accepts() {
    // null and absent decode alike and encode as absent; defaults are written out; unknown
    // members are dropped.
    let api: Api = from_json(
        r#"{"apiId": "a", "name": null, "tags": null, "corsConfiguration": {"maxAge": null},
            "newMember": {"x": 1}, "versionNumber": null}"#,
    )
    .unwrap();
    assert_eq!(
        to!(&api),
        json!({
            "apiId": "a",
            "disableExecuteApiEndpoint": false,
            "versionNumber": 0,
            "corsConfiguration": {"allowCredentials": false},
            "warnings": [],
        })
    );
}

#[test]
fn maps_and_lists_of_models_encode_member_by_member() {
    #[derive(Debug, Model)]
    struct Holder {
        by_name: Option<HashMap<String, Cors>>,
        list: Option<Vec<Cors>>,
        boxed: Option<Box<Cors>>,
    }
    let holder = Holder {
        by_name: Some(HashMap::from([(
            "GET /pets".to_owned(),
            Cors {
                max_age: Some(5),
                ..Cors::default()
            },
        )])),
        list: Some(vec![
            Cors::default(),
            Cors {
                allow_credentials: true,
                ..Cors::default()
            },
        ]),
        boxed: Some(Box::default()),
    };
    assert_eq!(
        to!(&holder),
        json!({
            "byName": {"GET /pets": {"allowCredentials": false, "maxAge": 5}},
            "list": [{"allowCredentials": false}, {"allowCredentials": true}],
            "boxed": {"allowCredentials": false},
        })
    );
    let empty = Holder {
        by_name: None,
        list: None,
        boxed: None,
    };
    assert_eq!(to!(&empty), json!({}));
    assert_eq!(serde_json::to_string(&empty).unwrap(), "{}");
}

//! The serde vocabulary: `alias`, `default = path`, `skip`, `omit_empty` and
//! `skip_serializing_if`, each through decoding, validation and encoding.

use std::collections::BTreeMap;

use stages_model::{from_json, Model, Validate};

fn default_timeout() -> u32 {
    29_000
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum Protocol {
    #[model(alias = "REST")]
    Http,
    #[model(alias = "WS", alias = "WEB_SOCKET")]
    Websocket,
}

#[derive(Debug, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Integration {
    #[model(required, alias = "uri", alias = "integrationUrl", length(max = 8))]
    integration_uri: String,
    #[model(default = default_timeout, range(min = 50, max = 30000))]
    timeout_in_millis: u32,
    #[model(default, skip_serializing_if = is_zero)]
    retries: u32,
    #[model(skip)]
    cache: Vec<String>,
    #[model(skip, default = default_timeout)]
    budget: u32,
    #[model(default, omit_empty)]
    description: String,
    #[model(omit_empty)]
    request_parameters: Option<BTreeMap<String, String>>,
    protocol: Option<Protocol>,
}

#[test]
fn aliases_decode_and_report_at_the_wire_name() {
    let value: Integration = from_json(r#"{"uri": "lambda", "protocol": "WS"}"#).unwrap();
    assert_eq!(value.integration_uri, "lambda");
    assert_eq!(value.protocol, Some(Protocol::Websocket));
    // Encoding uses the wire name, never an alias.
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"integrationUri":"lambda","timeoutInMillis":29000,"protocol":"WEBSOCKET"}"#
    );
    // One member has one path, whichever name the document used, as `validate()` reports it.
    let errors = from_json::<Integration>(r#"{"integrationUrl": "much too long"}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/integrationUri"]);
    let errors = from_json::<Integration>(r#"{"uri": 5}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/integrationUri"]);
    // The wire name and an alias together are one member given twice.
    let errors = from_json::<Integration>(r#"{"integrationUri": "a", "uri": "b"}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/integrationUri"]);
    assert_eq!(errors.violations()[0].rule(), "duplicate");
    // An unknown value lists the wire values, not the aliases.
    let errors = from_json::<Integration>(r#"{"uri": "a", "protocol": "GRPC"}"#).unwrap_err();
    assert_eq!(
        errors.violations()[0].message(),
        r#"must be one of HTTP, WEBSOCKET; found "GRPC""#
    );
}

#[test]
fn default_path_fills_an_absent_or_null_member_and_skip_is_never_on_the_wire() {
    let value: Integration =
        from_json(r#"{"uri": "x", "timeoutInMillis": null, "retries": 2}"#).unwrap();
    assert_eq!(value.timeout_in_millis, 29_000);
    assert_eq!(value.budget, 29_000);
    assert!(value.cache.is_empty());
    // A skipped field's name is not a member: with deny_unknown_fields it is unknown.
    let errors = from_json::<Integration>(r#"{"uri": "x", "cache": ["a"]}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/cache"]);
    assert_eq!(errors.violations()[0].rule(), "unknown");
}

#[test]
fn omission_on_output_where_asked() {
    let mut value = Integration {
        integration_uri: "x".into(),
        timeout_in_millis: 50,
        retries: 0,
        cache: vec!["kept in memory only".into()],
        budget: 1,
        description: String::new(),
        request_parameters: Some(BTreeMap::new()),
        protocol: None,
    };
    assert!(value.validate().is_ok());
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"integrationUri":"x","timeoutInMillis":50}"#
    );
    value.retries = 3;
    value.description = "d".into();
    value.request_parameters = Some(BTreeMap::from([("a".into(), "b".into())]));
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"integrationUri":"x","timeoutInMillis":50,"retries":3,"description":"d","requestParameters":{"a":"b"}}"#
    );
    // What is written decodes back to the same value, skipped fields aside.
    let back: Integration = from_json(&serde_json::to_string(&value).unwrap()).unwrap();
    assert_eq!(back.request_parameters, value.request_parameters);
    assert_eq!(back.budget, 29_000);
}

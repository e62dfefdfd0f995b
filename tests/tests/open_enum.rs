//! Open enums: a `#[model(other)]` variant keeps a value newer than the enum's and writes it back
//! unchanged, so a response from a newer service still decodes; a request marks its member
//! `known` and keeps rejecting such values. Closed enums are unchanged.

use stages_model::{from_json, Model, OpenEnum, Validate};

/// As AWS returns it: values newer than ours are kept.
#[derive(Debug, Clone, PartialEq, Model)]
enum AuthorizationType {
    None,
    AwsIam,
    Custom,
    Jwt,
    #[model(other)]
    Unknown(String),
}

/// The same values, closed.
#[derive(Debug, Clone, PartialEq, Model)]
enum Protocol {
    Http,
    Websocket,
}

#[derive(Debug, Model)]
struct RouteResponse {
    authorization_type: Option<AuthorizationType>,
    #[model(length(min = 1))]
    history: Option<Vec<AuthorizationType>>,
}

#[derive(Debug, Model)]
struct CreateRouteRequest {
    #[model(known)]
    authorization_type: Option<AuthorizationType>,
    #[model(values(known))]
    fallbacks: Option<Vec<AuthorizationType>>,
    protocol: Option<Protocol>,
}

#[test]
fn a_response_keeps_a_value_newer_than_the_enum_and_writes_it_back() {
    let json = r#"{"authorizationType":"AWS_SIGV5","history":["JWT","MTLS"]}"#;
    let route: RouteResponse = from_json(json).unwrap();
    assert_eq!(
        route.authorization_type,
        Some(AuthorizationType::Unknown("AWS_SIGV5".to_owned()))
    );
    assert_eq!(
        route.history,
        Some(vec![
            AuthorizationType::Jwt,
            AuthorizationType::Unknown("MTLS".to_owned())
        ])
    );
    assert_eq!(serde_json::to_string(&route).unwrap(), json);
    assert!(route.validate().is_ok());
}

#[test]
fn known_values_decode_to_their_variants() {
    let route: RouteResponse = from_json(r#"{"authorizationType":"AWS_IAM"}"#).unwrap();
    assert_eq!(route.authorization_type, Some(AuthorizationType::AwsIam));
    assert_eq!(AuthorizationType::AwsIam.unknown(), None);
    assert_eq!(AuthorizationType::Unknown("X".into()).unknown(), Some("X"));
    assert_eq!(AuthorizationType::EXPECTED, "NONE, AWS_IAM, CUSTOM, JWT");
    // Built in Rust with a known spelling, it encodes as that value and is not unknown.
    let spelt = AuthorizationType::Unknown("JWT".into());
    assert_eq!(spelt.unknown(), None);
    assert_eq!(serde_json::to_string(&spelt).unwrap(), r#""JWT""#);
}

#[test]
fn a_request_rejects_unknown_values_where_it_says_known() {
    let json = r#"{"authorizationType":"AWS_SIGV5","fallbacks":["JWT","MTLS"],"protocol":"GRPC"}"#;
    let errors = from_json::<CreateRouteRequest>(json).unwrap_err();
    let mut found: Vec<(String, &str, &str)> = errors
        .iter()
        .map(|v| (v.pointer(), v.rule(), v.message()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                "/authorizationType".to_owned(),
                "enum",
                r#"must be one of NONE, AWS_IAM, CUSTOM, JWT; found "AWS_SIGV5""#
            ),
            (
                "/fallbacks/1".to_owned(),
                "enum",
                r#"must be one of NONE, AWS_IAM, CUSTOM, JWT; found "MTLS""#
            ),
            (
                "/protocol".to_owned(),
                "enum",
                r#"must be one of HTTP, WEBSOCKET; found "GRPC""#
            ),
        ]
    );
    let built = CreateRouteRequest {
        authorization_type: Some(AuthorizationType::Unknown("AWS_SIGV5".into())),
        fallbacks: None,
        protocol: None,
    };
    assert_eq!(
        built.validate().unwrap_err().pointers(),
        ["/authorizationType"]
    );
}

#[test]
fn a_wrong_json_type_is_still_an_error() {
    let error = from_json::<RouteResponse>(r#"{"authorizationType": 5}"#).unwrap_err();
    assert_eq!(error.pointers(), ["/authorizationType"]);
    assert_eq!(error.violations()[0].rule(), "type");
}

/// The catch-all may hold the runtime's `UnknownValue` (one pointer) instead of a `String`: it
/// decodes, encodes, validates and reports the same way.
#[derive(Debug, Clone, PartialEq, Model)]
enum CompactType {
    None,
    Jwt,
    #[model(other)]
    Unknown(stages_model::UnknownValue),
}

#[derive(Debug, Model)]
struct CompactRoute {
    authorization_type: Option<CompactType>,
}

#[derive(Debug, Model)]
struct CompactRequest {
    #[model(known)]
    authorization_type: Option<CompactType>,
}

#[test]
fn a_compact_catch_all_keeps_and_rejects_like_a_string_one() {
    assert_eq!(
        std::mem::size_of::<CompactType>(),
        16,
        "a pointer and a tag, where a String takes 24"
    );
    let route: CompactRoute = from_json(r#"{"authorizationType": "MTLS"}"#).unwrap();
    let kept = route.authorization_type.unwrap();
    assert_eq!(kept, CompactType::Unknown("MTLS".into()));
    assert_eq!(kept.unknown(), Some("MTLS"));
    assert_eq!(serde_json::to_string(&kept).unwrap(), r#""MTLS""#);
    let known: CompactRoute = from_json(r#"{"authorizationType": "JWT"}"#).unwrap();
    assert_eq!(known.authorization_type, Some(CompactType::Jwt));
    // Spelt as a known value, a kept one is not unknown (it encodes as that value).
    assert_eq!(CompactType::Unknown("JWT".into()).unknown(), None);

    let errors = from_json::<CompactRequest>(r#"{"authorizationType": "MTLS"}"#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        r#"authorizationType: must be one of NONE, JWT; found "MTLS""#
    );
    let built = CompactRequest {
        authorization_type: Some(kept),
    };
    assert_eq!(
        built.validate().unwrap_err().to_string(),
        r#"authorizationType: must be one of NONE, JWT; found "MTLS""#
    );
}

//! The `Route` resource of `stages_tests`, a crate that depends on `stages-model` alone, works
//! through the public API: decoding, validation, encoding, and nesting in other models.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;
use stages_model::{from_json, from_json_value, Model, Validate, ValidationErrors};
use stages_tests::route::ROUTE_KEY_RULE;
use stages_tests::{AuthorizationType, ParameterConstraints, Route};

/// A route as `GetRoute` returns it, including a member this model does not know.
fn aws_document() -> serde_json::Value {
    json!({
        "apiGatewayManaged": false,
        "apiKeyRequired": true,
        "authorizationScopes": ["pets/read", "pets/write"],
        "authorizationType": "JWT",
        "authorizerId": "abc123",
        "operationName": "ListPets",
        "requestParameters": {
            "route.request.header.Authorization": {"required": true},
            "route.request.querystring.limit": {"required": false},
        },
        "routeId": "r1s2t3",
        "routeKey": "GET /pets",
        "target": "integrations/x9y8z7",
    })
}

fn aws_route() -> Route {
    Route {
        route_key: "GET /pets".into(),
        authorization_type: Some(AuthorizationType::Jwt),
        authorizer_id: Some("abc123".into()),
        authorization_scopes: Some(vec!["pets/read".into(), "pets/write".into()]),
        request_parameters: Some(BTreeMap::from([
            (
                "route.request.header.Authorization".to_owned(),
                ParameterConstraints { required: true },
            ),
            (
                "route.request.querystring.limit".to_owned(),
                ParameterConstraints { required: false },
            ),
        ])),
        target: Some("integrations/x9y8z7".into()),
        api_key_required: true,
        api_gateway_managed: Some(false),
        operation_name: Some("ListPets".into()),
    }
}

fn set(errors: &ValidationErrors) -> BTreeSet<(String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned()))
        .collect()
}

#[test]
fn an_aws_document_decodes_validates_and_encodes() {
    let document = aws_document();
    let route: Route = from_json(&document.to_string()).unwrap();
    assert_eq!(route, aws_route());
    assert_eq!(route.validate(), Ok(()));
    let same: Route = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(same, route);
    // Everything but the unknown `routeId` comes back.
    let mut expected = document;
    expected.as_object_mut().unwrap().remove("routeId");
    assert_eq!(serde_json::to_value(&route).unwrap(), expected);
}

#[test]
fn the_smallest_route() {
    let route: Route = from_json(r#"{"routeKey": "$default"}"#).unwrap();
    assert_eq!(
        route,
        Route {
            route_key: "$default".into(),
            ..Route::default()
        }
    );
    assert_eq!(
        serde_json::to_value(&route).unwrap(),
        json!({"routeKey": "$default", "apiKeyRequired": false})
    );
}

#[test]
fn every_violation_of_a_bad_route() {
    let document = json!({
        "routeKey": "FETCH /pets",
        "authorizationType": "OAUTH",
        "authorizerId": "ABC",
        "authorizationScopes": ["ok", "", "x".repeat(65), "y".repeat(64)],
        "requestParameters": {
            "route.request.header.ok": {"required": true},
            "route.request.body.name": {"required": true},
            "route.request.path.id": {}
        },
        "target": "lambda/x",
        "apiKeyRequired": false,
        "operationName": "",
    });
    let errors = from_json_value::<Route>(document).unwrap_err();
    let expected: BTreeSet<(String, String)> = [
        ("/routeKey", ROUTE_KEY_RULE),
        ("/authorizationType", "enum"),
        ("/authorizerId", "pattern"),
        ("/authorizationScopes/1", "length"),
        ("/authorizationScopes/2", "length"),
        ("/requestParameters/route.request.body.name", "pattern"),
        (
            "/requestParameters/route.request.path.id/required",
            "required",
        ),
        ("/target", "pattern"),
        ("/operationName", "length"),
    ]
    .iter()
    .map(|(pointer, rule)| ((*pointer).to_owned(), (*rule).to_owned()))
    .collect();
    assert_eq!(set(&errors), expected, "{errors}");
    assert_eq!(errors.len(), expected.len(), "{errors}");
}

#[test]
fn a_type_error_in_a_route_keeps_the_paths_found_before_it() {
    // The type error hides nothing: the custom rule of `routeKey` is reported too.
    let errors = from_json_value::<Route>(json!({
        "routeKey": "FETCH /pets",
        "authorizationType": "OAUTH",
        "requestParameters": {
            "route.request.path.id": {},
            "route.request.querystring.q": {"required": "yes please"}
        },
    }))
    .unwrap_err();
    assert_eq!(
        set(&errors),
        BTreeSet::from([
            ("/authorizationType".to_owned(), "enum".to_owned()),
            (
                "/requestParameters/route.request.path.id/required".to_owned(),
                "required".to_owned()
            ),
            (
                "/requestParameters/route.request.querystring.q/required".to_owned(),
                "type".to_owned()
            ),
            ("/routeKey".to_owned(), ROUTE_KEY_RULE.to_owned()),
        ]),
        "{errors}"
    );
}

#[test]
fn messages_read_well() {
    let errors = from_json::<Route>(
        r#"{"routeKey": "GET pets", "authorizationType": "jwt",
            "requestParameters": {"route.request.cookie.c": {"required": true}}}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        [
            "routeKey: must be $default, $connect, $disconnect or a method and a path, such as GET /pets",
            r#"authorizationType: must be one of NONE, AWS_IAM, CUSTOM, JWT; found "jwt""#,
            r#"requestParameters["route.request.cookie.c"]: key must match route\.request\.(header|querystring|path)\.[A-Za-z0-9._-]+"#,
        ]
        .join("\n")
    );
}

#[test]
fn route_key_boundaries() {
    let key = |length: usize| format!("GET /{}", "a".repeat(length - 5));
    let route = |route_key: String| Route {
        route_key,
        ..Route::default()
    };
    assert_eq!(route(key(256)).validate(), Ok(()));
    let errors = route(key(257)).validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "routeKey: must be 1 to 256 characters long, found 257"
    );
    // Empty breaks both the length and the custom rule, in attribute order.
    let errors = route(String::new()).validate().unwrap_err();
    let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
    assert_eq!(rules, ["length", ROUTE_KEY_RULE]);
    // Missing is only `required`: no value is made up, so no rule of one is broken.
    let errors = from_json::<Route>("{}").unwrap_err();
    assert_eq!(
        set(&errors),
        BTreeSet::from([("/routeKey".to_owned(), "required".to_owned())])
    );
    let errors = from_json::<Route>(r#"{"routeKey": null, "apiKeyRequired": null}"#).unwrap_err();
    assert_eq!(errors.to_string(), "routeKey: is required");
}

#[test]
fn scopes_boundaries() {
    let scopes = |scopes: Vec<String>| Route {
        route_key: "$default".into(),
        authorization_scopes: Some(scopes),
        ..Route::default()
    };
    let ten: Vec<String> = (0..10).map(|n| n.to_string()).collect();
    assert_eq!(scopes(ten.clone()).validate(), Ok(()));
    let mut eleven = ten;
    eleven.push("é".repeat(64));
    let errors = scopes(eleven.clone()).validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "authorizationScopes: must have at most 10 entries, found 11"
    );
    eleven[10].push('é');
    let errors = scopes(eleven).validate().unwrap_err();
    // The items first, then the list: the order in which decoding finds them.
    assert_eq!(
        errors.pointers(),
        ["/authorizationScopes/10", "/authorizationScopes"]
    );
    assert_eq!(scopes(vec![]).validate(), Ok(()));
}

/// A model in this test crate that holds the library's models: paths compose across crates.
#[derive(Debug, Default, Model)]
struct Api {
    #[model(required)]
    name: String,
    #[model(default, length(max = 300))]
    routes: Vec<Route>,
    by_id: Option<BTreeMap<String, Route>>,
    default_auth: Option<AuthorizationType>,
}

#[test]
fn routes_nest_inside_other_models() {
    let api = Api {
        name: "pets".into(),
        routes: vec![aws_route(), Route::default()],
        by_id: Some(BTreeMap::from([(
            "r/1".to_owned(),
            Route {
                route_key: "$connect".into(),
                target: Some("integrations/".into()),
                ..Route::default()
            },
        )])),
        default_auth: Some(AuthorizationType::AwsIam),
    };
    let validated = api.validate().unwrap_err();
    assert_eq!(
        validated.pointers(),
        [
            "/routes/1/routeKey",
            "/routes/1/routeKey",
            "/byId/r~11/target"
        ]
    );
    let json = serde_json::to_value(&api).unwrap();
    assert_eq!(json["defaultAuth"], json!("AWS_IAM"));
    assert_eq!(
        json["routes"][1],
        json!({"routeKey": "", "apiKeyRequired": false})
    );
    // Decoding reports the same violations, in document order (a parsed `Value` holds its
    // members sorted by name: `byId` comes first).
    let decoded = from_json_value::<Api>(json).unwrap_err();
    assert_eq!(
        decoded.pointers(),
        [
            "/byId/r~11/target",
            "/routes/1/routeKey",
            "/routes/1/routeKey"
        ]
    );
    assert_eq!(set(&decoded), set(&validated));
    let errors = from_json::<Api>(
        r#"{"name": "x", "routes": [{"routeKey": "$default"}, {"authorizationType": "NTLM"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        set(&errors),
        BTreeSet::from([
            ("/routes/1/routeKey".to_owned(), "required".to_owned()),
            ("/routes/1/authorizationType".to_owned(), "enum".to_owned()),
        ])
    );
}

/// Crates that re-export `stages_model` point the derive at it with `crate = "..."`.
mod reexport {
    pub use stages_model as runtime;
}

#[derive(Debug, PartialEq, Model)]
#[model(crate = "crate::reexport::runtime")]
struct ThroughReexport {
    #[model(required, range(min = 1))]
    count: u8,
    route: Option<Route>,
}

#[test]
fn the_crate_path_can_be_overridden() {
    let value: ThroughReexport = from_json(r#"{"count": 1}"#).unwrap();
    assert_eq!(
        value,
        ThroughReexport {
            count: 1,
            route: None
        }
    );
    let errors = from_json::<ThroughReexport>(r#"{"count": 0, "route": {"routeKey": "GET /"}}"#)
        .unwrap_err();
    assert_eq!(errors.pointers(), ["/count"]);
    let errors = from_json::<ThroughReexport>(r#"{"route": {"routeKey": "bad"}}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/count", "/route/routeKey"]);
}

#[test]
fn authorization_types_use_aws_spellings() {
    let cases = [
        (AuthorizationType::None, "NONE"),
        (AuthorizationType::AwsIam, "AWS_IAM"),
        (AuthorizationType::Custom, "CUSTOM"),
        (AuthorizationType::Jwt, "JWT"),
    ];
    for (value, wire) in cases {
        assert_eq!(serde_json::to_value(value).unwrap(), json!(wire));
        assert_eq!(from_json(&format!("\"{wire}\"")), Ok(value));
    }
    let errors = from_json::<AuthorizationType>(r#""AWSIAM""#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        r#"must be one of NONE, AWS_IAM, CUSTOM, JWT; found "AWSIAM""#
    );
}

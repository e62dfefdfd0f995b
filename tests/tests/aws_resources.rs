//! Route, Integration, Api and Authorizer as declared from the AWS service model
//! (`stages_tests::aws`): valid documents decode, and invalid ones report exactly the set of
//! JSON pointers of what the model's per-member constraints reject. Request types reject enum
//! values they do not know; response types keep them and write them back.

use stages_runtime::serde::de::DeserializeOwned;
use stages_runtime::serde::Serialize;
use stages_runtime::{from_json, Validate};
use stages_tests::aws::api::{Api, CreateApiInput, IpAddressType, ProtocolType};
use stages_tests::aws::authorizer::{Authorizer, AuthorizerType, CreateAuthorizerInput};
use stages_tests::aws::integration::{CreateIntegrationInput, Integration, IntegrationType};
use stages_tests::aws::route::{AuthorizationType, CreateRouteInput, Route};

/// The pointers of every violation in `json` decoded as `T`, sorted; empty when it decodes.
fn pointers<T: DeserializeOwned + Validate>(json: &str) -> Vec<String> {
    let mut found = match from_json::<T>(json) {
        Ok(value) => {
            assert!(value.validate().is_ok(), "decoded values are valid");
            Vec::new()
        }
        Err(errors) => errors.pointers(),
    };
    found.sort();
    found
}

/// The encoded form of a decoded document, for round trips.
fn round_trip<T: DeserializeOwned + Validate + Serialize>(json: &str) -> serde_json::Value {
    let value: T = from_json(json).unwrap();
    serde_json::to_value(&value).unwrap()
}

fn json_value(json: &str) -> serde_json::Value {
    serde_json::from_str(json).unwrap()
}

#[test]
fn create_route_input() {
    let valid = r#"{
        "routeKey": "GET /pets",
        "authorizationType": "JWT",
        "authorizerId": "abc123",
        "authorizationScopes": ["pets/read"],
        "operationName": "ListPets",
        "target": "integrations/x9y8z7",
        "requestModels": {"$default": "PetModel"},
        "requestParameters": {"route.request.header.Authorization": {"required": true}}
    }"#;
    assert_eq!(pointers::<CreateRouteInput>(valid), Vec::<String>::new());
    assert_eq!(json_value(valid), round_trip::<CreateRouteInput>(valid));
    let invalid = r#"{
        "authorizationType": "MTLS",
        "authorizationScopes": ["", "ok"],
        "operationName": "",
        "target": "",
        "requestModels": {"$default": ""}
    }"#;
    assert_eq!(
        pointers::<CreateRouteInput>(invalid),
        [
            "/authorizationScopes/0",
            "/authorizationType",
            "/operationName",
            "/requestModels/$default",
            "/routeKey",
            "/target",
        ]
    );
    let long = format!(
        r#"{{"routeKey": "$default", "operationName": "{}", "target": "{}"}}"#,
        "o".repeat(65),
        "t".repeat(129)
    );
    assert_eq!(
        pointers::<CreateRouteInput>(&long),
        ["/operationName", "/target"]
    );
}

#[test]
fn route_keeps_authorization_types_newer_than_the_model() {
    let json = r#"{"routeId":"r1","routeKey":"$connect","authorizationType":"MTLS","apiGatewayManaged":false}"#;
    let route: Route = from_json(json).unwrap();
    assert_eq!(
        route.authorization_type,
        Some(AuthorizationType::Unknown("MTLS".into()))
    );
    assert_eq!(serde_json::to_value(&route).unwrap(), json_value(json));
    assert_eq!(pointers::<Route>(r#"{"routeId": "r1"}"#), ["/routeKey"]);
}

#[test]
fn create_integration_input_with_response_parameters_and_tls() {
    let valid = r#"{
        "integrationType": "HTTP_PROXY",
        "integrationUri": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/b/c",
        "integrationMethod": "ANY",
        "connectionType": "VPC_LINK",
        "connectionId": "vpclink-1",
        "credentialsArn": "arn:aws:iam::*:user/*",
        "payloadFormatVersion": "1.0",
        "timeoutInMillis": 30000,
        "tlsConfig": {"serverNameToVerify": "example.com"},
        "requestParameters": {"append:header.x-trace": "$context.requestId"},
        "responseParameters": {
            "200": {"overwrite:header.x-cache": "miss", "overwrite:statuscode": "204"},
            "404": {"remove:header.server": "''"}
        }
    }"#;
    assert_eq!(
        pointers::<CreateIntegrationInput>(valid),
        Vec::<String>::new()
    );
    assert_eq!(
        json_value(valid),
        round_trip::<CreateIntegrationInput>(valid)
    );
    let invalid = format!(
        r#"{{
        "integrationType": "GRPC",
        "connectionType": "PRIVATE",
        "connectionId": "",
        "credentialsArn": "arn:aws:lambda:us-east-1:123456789012:function:f",
        "description": "{long_description}",
        "payloadFormatVersion": "3.0",
        "timeoutInMillis": 49,
        "tlsConfig": {{"serverNameToVerify": ""}},
        "requestParameters": {{"append:header.x": ""}},
        "requestTemplates": {{"application/json": "{long_template}"}},
        "responseParameters": {{
            "600": {{"overwrite:statuscode": "204"}},
            "200": {{"rewrite:header.x": "a", "overwrite:header.y": ""}}
        }}
    }}"#,
        long_description = "d".repeat(1025),
        long_template = "t".repeat(32769),
    );
    assert_eq!(
        pointers::<CreateIntegrationInput>(&invalid),
        [
            "/connectionId",
            "/connectionType",
            "/credentialsArn",
            "/description",
            "/integrationType",
            "/payloadFormatVersion",
            "/requestParameters/append:header.x",
            "/requestTemplates/application~1json",
            "/responseParameters/200/overwrite:header.y",
            "/responseParameters/200/rewrite:header.x",
            "/responseParameters/600",
            "/timeoutInMillis",
            "/tlsConfig/serverNameToVerify",
        ]
    );
}

#[test]
fn integration_keeps_values_newer_than_the_model() {
    let json = r#"{"integrationId":"i1","integrationType":"GRPC_PROXY","timeoutInMillis":30001}"#;
    let errors = from_json::<Integration>(json).unwrap_err();
    assert_eq!(errors.pointers(), ["/timeoutInMillis"]);
    let json = r#"{"integrationId":"i1","integrationType":"GRPC_PROXY"}"#;
    let integration: Integration = from_json(json).unwrap();
    assert_eq!(
        integration.integration_type,
        Some(IntegrationType::Unknown("GRPC_PROXY".into()))
    );
    assert_eq!(
        serde_json::to_value(&integration).unwrap(),
        json_value(json)
    );
}

#[test]
fn create_api_input_with_cors() {
    let valid = r#"{
        "name": "pets",
        "protocolType": "HTTP",
        "corsConfiguration": {
            "allowOrigins": ["https://example.com"],
            "allowMethods": ["GET", "POST"],
            "allowHeaders": ["authorization"],
            "maxAge": -1,
            "allowCredentials": true
        },
        "tags": {"team": "pets"},
        "version": "1",
        "description": ""
    }"#;
    assert_eq!(pointers::<CreateApiInput>(valid), Vec::<String>::new());
    assert_eq!(json_value(valid), round_trip::<CreateApiInput>(valid));
    let invalid = format!(
        r#"{{
        "name": "",
        "protocolType": "GRPC",
        "credentialsArn": "role/r",
        "corsConfiguration": {{"allowMethods": ["", "GET"], "maxAge": 86401}},
        "tags": {{"team": "{long_tag}"}},
        "target": "",
        "version": ""
    }}"#,
        long_tag = "t".repeat(1601)
    );
    assert_eq!(
        pointers::<CreateApiInput>(&invalid),
        [
            "/corsConfiguration/allowMethods/0",
            "/corsConfiguration/maxAge",
            "/credentialsArn",
            "/name",
            "/protocolType",
            "/tags/team",
            "/target",
            "/version",
        ]
    );
    assert_eq!(
        pointers::<CreateApiInput>(r#"{"protocolType": "WEBSOCKET"}"#),
        ["/name", "/routeSelectionExpression"]
    );
    assert_eq!(
        pointers::<CreateApiInput>(r#"{"name": "n"}"#),
        ["/protocolType"]
    );
}

#[test]
fn api_as_aws_returns_it() {
    let json = r#"{"apiId":"a1","name":"pets","protocolType":"HTTP","routeSelectionExpression":"${request.method} ${request.path}","createdDate":"2024-05-01T12:30:00Z","ipAddressType":"dualstack"}"#;
    let api: Api = from_json(json).unwrap();
    assert_eq!(api.protocol_type, Some(ProtocolType::Http));
    assert_eq!(api.ip_address_type, Some(IpAddressType::Dualstack));
    assert_eq!(
        pointers::<Api>(r#"{"apiId": "a1", "protocolType": "GRPC", "ipAddressType": "ipv6"}"#),
        ["/name", "/routeSelectionExpression"]
    );
}

#[test]
fn create_authorizer_input_with_jwt_configuration() {
    let valid = r#"{
        "name": "cognito",
        "authorizerType": "JWT",
        "identitySource": ["$request.header.Authorization"],
        "jwtConfiguration": {
            "audience": ["client-id"],
            "issuer": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc"
        }
    }"#;
    assert_eq!(
        pointers::<CreateAuthorizerInput>(valid),
        Vec::<String>::new()
    );
    assert_eq!(
        json_value(valid),
        round_trip::<CreateAuthorizerInput>(valid)
    );
    let invalid = r#"{
        "authorizerType": "OAUTH",
        "identitySource": [],
        "authorizerCredentialsArn": "arn:aws:s3:::bucket",
        "authorizerPayloadFormatVersion": "1",
        "authorizerResultTtlInSeconds": 3601,
        "authorizerUri": "",
        "jwtConfiguration": {"issuer": ""}
    }"#;
    assert_eq!(
        pointers::<CreateAuthorizerInput>(invalid),
        [
            "/authorizerCredentialsArn",
            "/authorizerPayloadFormatVersion",
            "/authorizerResultTtlInSeconds",
            "/authorizerType",
            "/authorizerUri",
            "/identitySource",
            "/jwtConfiguration/issuer",
            "/name",
        ]
    );
    assert_eq!(
        pointers::<CreateAuthorizerInput>(r#"{"name": "n"}"#),
        ["/authorizerType", "/identitySource"]
    );
    let authorizer: Authorizer =
        from_json(r#"{"authorizerId": "z1", "name": "n", "authorizerType": "OAUTH"}"#).unwrap();
    assert_eq!(
        authorizer.authorizer_type,
        Some(AuthorizerType::Unknown("OAUTH".into()))
    );
}

/// The rules that span members, each with a document that breaks it and one that keeps it.
#[test]
fn cross_member_rules() {
    // CreateApi: routeSelectionExpression is required for WebSocket APIs, fixed for HTTP APIs,
    // and each protocol takes its own members.
    assert_eq!(
        pointers::<CreateApiInput>(
            r#"{"name": "ws", "protocolType": "WEBSOCKET", "target": "https://example.com", "corsConfiguration": {}}"#
        ),
        ["/corsConfiguration", "/routeSelectionExpression", "/target"]
    );
    assert_eq!(
        pointers::<CreateApiInput>(
            r#"{"name": "ws", "protocolType": "WEBSOCKET", "routeSelectionExpression": "$request.body.action"}"#
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        pointers::<CreateApiInput>(
            r#"{"name": "h", "protocolType": "HTTP", "routeSelectionExpression": "$request.body.action", "apiKeySelectionExpression": "$request.header.x-api-key"}"#
        ),
        ["/apiKeySelectionExpression", "/routeSelectionExpression"]
    );
    // CreateIntegration: a VPC link needs its id; 2.0 and subtypes are for AWS_PROXY.
    assert_eq!(
        pointers::<CreateIntegrationInput>(
            r#"{"integrationType": "HTTP_PROXY", "connectionType": "VPC_LINK", "payloadFormatVersion": "2.0", "integrationSubtype": "SQS-SendMessage"}"#
        ),
        [
            "/connectionId",
            "/integrationSubtype",
            "/payloadFormatVersion"
        ]
    );
    assert_eq!(
        pointers::<CreateIntegrationInput>(
            r#"{"integrationType": "AWS_PROXY", "payloadFormatVersion": "2.0", "integrationSubtype": "SQS-SendMessage"}"#
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        pointers::<CreateIntegrationInput>(r#"{"connectionType": "VPC_LINK"}"#),
        ["/connectionId", "/integrationType"]
    );
    // CreateAuthorizer: JWT needs its configuration and issuer and reads one identity source;
    // REQUEST needs its Lambda URI.
    assert_eq!(
        pointers::<CreateAuthorizerInput>(
            r#"{"name": "j", "authorizerType": "JWT", "identitySource": ["$request.header.A"]}"#
        ),
        ["/jwtConfiguration"]
    );
    assert_eq!(
        pointers::<CreateAuthorizerInput>(
            r#"{"name": "j", "authorizerType": "JWT", "identitySource": ["$request.header.A", "$request.header.B"], "jwtConfiguration": {"audience": ["a"]}, "authorizerCredentialsArn": "arn:aws:iam::123456789012:role/r"}"#
        ),
        [
            "/authorizerCredentialsArn",
            "/identitySource",
            "/jwtConfiguration/issuer"
        ]
    );
    assert_eq!(
        pointers::<CreateAuthorizerInput>(
            r#"{"name": "r", "authorizerType": "REQUEST", "identitySource": ["$request.header.A"]}"#
        ),
        ["/authorizerUri"]
    );
    // CreateRoute: a JWT or CUSTOM route names its authorizer.
    assert_eq!(
        pointers::<CreateRouteInput>(r#"{"routeKey": "GET /a", "authorizationType": "JWT"}"#),
        ["/authorizerId"]
    );
    assert_eq!(
        pointers::<CreateRouteInput>(r#"{"routeKey": "GET /a", "authorizationType": "CUSTOM"}"#),
        ["/authorizerId"]
    );
    assert_eq!(
        pointers::<CreateRouteInput>(
            r#"{"routeKey": "GET /a", "authorizationType": "CUSTOM", "authorizerId": "x1"}"#
        ),
        Vec::<String>::new()
    );
    let errors =
        from_json::<CreateRouteInput>(r#"{"routeKey": "GET /a", "authorizationType": "JWT"}"#)
            .unwrap_err();
    assert_eq!(
        errors.violations()[0].message(),
        "is required when authorizationType is JWT"
    );
}

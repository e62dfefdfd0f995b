//! The documents `tests/aws_resources.rs` decodes as the resources here, each with the pointers
//! of the violations it must produce (none for a valid one). `tests/schema_proof.rs` has each
//! judged by Python's `jsonschema` against the resource's schema too.

use stages_runtime::serde::de::DeserializeOwned;
use stages_runtime::{from_json, Validate};

use super::api::{Api, CreateApiInput};
use super::authorizer::{Authorizer, CreateAuthorizerInput};
use super::integration::{CreateIntegrationInput, Integration};
use super::route::{CreateRouteInput, Route};

/// The resource a document is decoded as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    /// [`CreateRouteInput`].
    CreateRouteInput,
    /// [`Route`].
    Route,
    /// [`CreateIntegrationInput`].
    CreateIntegrationInput,
    /// [`Integration`].
    Integration,
    /// [`CreateApiInput`].
    CreateApiInput,
    /// [`Api`].
    Api,
    /// [`CreateAuthorizerInput`].
    CreateAuthorizerInput,
    /// [`Authorizer`].
    Authorizer,
}

impl Resource {
    /// Every resource.
    pub const ALL: [Resource; 8] = [
        Resource::CreateRouteInput,
        Resource::Route,
        Resource::CreateIntegrationInput,
        Resource::Integration,
        Resource::CreateApiInput,
        Resource::Api,
        Resource::CreateAuthorizerInput,
        Resource::Authorizer,
    ];

    /// The type's name.
    pub fn name(self) -> &'static str {
        match self {
            Resource::CreateRouteInput => "CreateRouteInput",
            Resource::Route => "Route",
            Resource::CreateIntegrationInput => "CreateIntegrationInput",
            Resource::Integration => "Integration",
            Resource::CreateApiInput => "CreateApiInput",
            Resource::Api => "Api",
            Resource::CreateAuthorizerInput => "CreateAuthorizerInput",
            Resource::Authorizer => "Authorizer",
        }
    }

    /// The pointers of every violation in `text` decoded as this resource, sorted; empty when
    /// it decodes (and the decoded value then validates too).
    pub fn pointers(self, text: &str) -> Vec<String> {
        match self {
            Resource::CreateRouteInput => pointers::<CreateRouteInput>(text),
            Resource::Route => pointers::<Route>(text),
            Resource::CreateIntegrationInput => pointers::<CreateIntegrationInput>(text),
            Resource::Integration => pointers::<Integration>(text),
            Resource::CreateApiInput => pointers::<CreateApiInput>(text),
            Resource::Api => pointers::<Api>(text),
            Resource::CreateAuthorizerInput => pointers::<CreateAuthorizerInput>(text),
            Resource::Authorizer => pointers::<Authorizer>(text),
        }
    }
}

fn pointers<T: DeserializeOwned + Validate>(text: &str) -> Vec<String> {
    let mut found = match from_json::<T>(text) {
        Ok(value) => {
            assert!(value.validate().is_ok(), "decoded values are valid");
            Vec::new()
        }
        Err(errors) => errors.pointers(),
    };
    found.sort();
    found
}

/// One document.
pub struct Document {
    /// What it probes; unique.
    pub name: &'static str,
    /// The resource it is decoded as.
    pub resource: Resource,
    /// Its text.
    pub text: String,
    /// The pointers of the violations it must produce, sorted; none for a valid document.
    pub pointers: &'static [&'static str],
}

fn row(
    name: &'static str,
    resource: Resource,
    text: String,
    pointers: &'static [&'static str],
) -> Document {
    Document {
        name,
        resource,
        text,
        pointers,
    }
}

/// Every document.
pub fn documents() -> Vec<Document> {
    vec![
        row(
            "create route: valid",
            Resource::CreateRouteInput,
            r#"{
        "routeKey": "GET /pets",
        "authorizationType": "JWT",
        "authorizerId": "abc123",
        "authorizationScopes": ["pets/read"],
        "operationName": "ListPets",
        "target": "integrations/x9y8z7",
        "requestModels": {"$default": "PetModel"},
        "requestParameters": {"route.request.header.Authorization": {"required": true}}
    }"#.to_owned(),
            &[],
        ),
        row(
            "create route: invalid members",
            Resource::CreateRouteInput,
            r#"{
        "authorizationType": "MTLS",
        "authorizationScopes": ["", "ok"],
        "operationName": "",
        "target": "",
        "requestModels": {"$default": ""}
    }"#.to_owned(),
            &[
            "/authorizationScopes/0",
            "/authorizationType",
            "/operationName",
            "/requestModels/$default",
            "/routeKey",
            "/target",
        ],
        ),
        row(
            "create route: names too long",
            Resource::CreateRouteInput,
            format!(
        r#"{{"routeKey": "$default", "operationName": "{}", "target": "{}"}}"#,
        "o".repeat(65),
        "t".repeat(129)
    ),
            &["/operationName", "/target"],
        ),
        row(
            "route: no route key",
            Resource::Route,
            r#"{"routeId": "r1"}"#.to_owned(),
            &["/routeKey"],
        ),
        row(
            "create integration: valid, with response parameters and TLS",
            Resource::CreateIntegrationInput,
            r#"{
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
    }"#.to_owned(),
            &[],
        ),
        row(
            "create integration: invalid members",
            Resource::CreateIntegrationInput,
            format!(
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
    ),
            &[
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
        ],
        ),
        row(
            "create api: valid, with CORS",
            Resource::CreateApiInput,
            r#"{
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
    }"#.to_owned(),
            &[],
        ),
        row(
            "create api: invalid members",
            Resource::CreateApiInput,
            format!(
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
    ),
            &[
            "/corsConfiguration/allowMethods/0",
            "/corsConfiguration/maxAge",
            "/credentialsArn",
            "/name",
            "/protocolType",
            "/tags/team",
            "/target",
            "/version",
        ],
        ),
        row(
            "create api: WebSocket without a name",
            Resource::CreateApiInput,
            r#"{"protocolType": "WEBSOCKET"}"#.to_owned(),
            &["/name", "/routeSelectionExpression"],
        ),
        row(
            "create api: no protocol",
            Resource::CreateApiInput,
            r#"{"name": "n"}"#.to_owned(),
            &["/protocolType"],
        ),
        row(
            "api: an unknown protocol, members missing",
            Resource::Api,
            r#"{"apiId": "a1", "protocolType": "GRPC", "ipAddressType": "ipv6"}"#.to_owned(),
            &["/name", "/routeSelectionExpression"],
        ),
        row(
            "create authorizer: valid JWT",
            Resource::CreateAuthorizerInput,
            r#"{
        "name": "cognito",
        "authorizerType": "JWT",
        "identitySource": ["$request.header.Authorization"],
        "jwtConfiguration": {
            "audience": ["client-id"],
            "issuer": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc"
        }
    }"#.to_owned(),
            &[],
        ),
        row(
            "create authorizer: invalid members",
            Resource::CreateAuthorizerInput,
            r#"{
        "authorizerType": "OAUTH",
        "identitySource": [],
        "authorizerCredentialsArn": "arn:aws:s3:::bucket",
        "authorizerPayloadFormatVersion": "1",
        "authorizerResultTtlInSeconds": 3601,
        "authorizerUri": "",
        "jwtConfiguration": {"issuer": ""}
    }"#.to_owned(),
            &[
            "/authorizerCredentialsArn",
            "/authorizerPayloadFormatVersion",
            "/authorizerResultTtlInSeconds",
            "/authorizerType",
            "/authorizerUri",
            "/identitySource",
            "/jwtConfiguration/issuer",
            "/name",
        ],
        ),
        row(
            "create authorizer: no type",
            Resource::CreateAuthorizerInput,
            r#"{"name": "n"}"#.to_owned(),
            &["/authorizerType", "/identitySource"],
        ),
        row(
            "create api: WebSocket with HTTP members",
            Resource::CreateApiInput,
            r#"{"name": "ws", "protocolType": "WEBSOCKET", "target": "https://example.com", "corsConfiguration": {}}"#.to_owned(),
            &["/corsConfiguration", "/routeSelectionExpression", "/target"],
        ),
        row(
            "create api: WebSocket with its route selection",
            Resource::CreateApiInput,
            r#"{"name": "ws", "protocolType": "WEBSOCKET", "routeSelectionExpression": "$request.body.action"}"#.to_owned(),
            &[],
        ),
        row(
            "create api: HTTP with WebSocket members",
            Resource::CreateApiInput,
            r#"{"name": "h", "protocolType": "HTTP", "routeSelectionExpression": "$request.body.action", "apiKeySelectionExpression": "$request.header.x-api-key"}"#.to_owned(),
            &["/apiKeySelectionExpression", "/routeSelectionExpression"],
        ),
        row(
            "create integration: VPC link, 2.0 and a subtype without AWS_PROXY",
            Resource::CreateIntegrationInput,
            r#"{"integrationType": "HTTP_PROXY", "connectionType": "VPC_LINK", "payloadFormatVersion": "2.0", "integrationSubtype": "SQS-SendMessage"}"#.to_owned(),
            &[
            "/connectionId",
            "/integrationSubtype",
            "/payloadFormatVersion"
        ],
        ),
        row(
            "create integration: 2.0 and a subtype with AWS_PROXY",
            Resource::CreateIntegrationInput,
            r#"{"integrationType": "AWS_PROXY", "payloadFormatVersion": "2.0", "integrationSubtype": "SQS-SendMessage"}"#.to_owned(),
            &[],
        ),
        row(
            "create integration: VPC link without a type",
            Resource::CreateIntegrationInput,
            r#"{"connectionType": "VPC_LINK"}"#.to_owned(),
            &["/connectionId", "/integrationType"],
        ),
        row(
            "create authorizer: JWT without its configuration",
            Resource::CreateAuthorizerInput,
            r#"{"name": "j", "authorizerType": "JWT", "identitySource": ["$request.header.A"]}"#.to_owned(),
            &["/jwtConfiguration"],
        ),
        row(
            "create authorizer: JWT with two sources and credentials",
            Resource::CreateAuthorizerInput,
            r#"{"name": "j", "authorizerType": "JWT", "identitySource": ["$request.header.A", "$request.header.B"], "jwtConfiguration": {"audience": ["a"]}, "authorizerCredentialsArn": "arn:aws:iam::123456789012:role/r"}"#.to_owned(),
            &[
            "/authorizerCredentialsArn",
            "/identitySource",
            "/jwtConfiguration/issuer"
        ],
        ),
        row(
            "create authorizer: REQUEST without its URI",
            Resource::CreateAuthorizerInput,
            r#"{"name": "r", "authorizerType": "REQUEST", "identitySource": ["$request.header.A"]}"#.to_owned(),
            &["/authorizerUri"],
        ),
        row(
            "create route: JWT without an authorizer",
            Resource::CreateRouteInput,
            r#"{"routeKey": "GET /a", "authorizationType": "JWT"}"#.to_owned(),
            &["/authorizerId"],
        ),
        row(
            "create route: CUSTOM without an authorizer",
            Resource::CreateRouteInput,
            r#"{"routeKey": "GET /a", "authorizationType": "CUSTOM"}"#.to_owned(),
            &["/authorizerId"],
        ),
        row(
            "create route: CUSTOM with an authorizer",
            Resource::CreateRouteInput,
            r#"{"routeKey": "GET /a", "authorizationType": "CUSTOM", "authorizerId": "x1"}"#.to_owned(),
            &[],
        ),
        row(
            "route: a newer authorization type",
            Resource::Route,
            r#"{"routeId":"r1","routeKey":"$connect","authorizationType":"MTLS","apiGatewayManaged":false}"#.to_owned(),
            &[],
        ),
        row(
            "integration: a newer type, a timeout above the maximum",
            Resource::Integration,
            r#"{"integrationId":"i1","integrationType":"GRPC_PROXY","timeoutInMillis":30001}"#.to_owned(),
            &["/timeoutInMillis"],
        ),
        row(
            "integration: a newer type",
            Resource::Integration,
            r#"{"integrationId":"i1","integrationType":"GRPC_PROXY"}"#.to_owned(),
            &[],
        ),
        row(
            "api: as AWS returns it",
            Resource::Api,
            r#"{"apiId":"a1","name":"pets","protocolType":"HTTP","routeSelectionExpression":"${request.method} ${request.path}","createdDate":"2024-05-01T12:30:00Z","ipAddressType":"dualstack"}"#.to_owned(),
            &[],
        ),
        row(
            "authorizer: a newer type",
            Resource::Authorizer,
            r#"{"authorizerId": "z1", "name": "n", "authorizerType": "OAUTH"}"#.to_owned(),
            &[],
        ),
    ]
}

/// The text of the document named `name`.
pub fn text(name: &str) -> String {
    documents()
        .into_iter()
        .find(|document| document.name == name)
        .unwrap_or_else(|| panic!("no document named {name:?}"))
        .text
}

//! `CreateApiInput` (the body of `CreateApi`) and `Api`, with `Cors`.
//!
//! Rules that span members: `routeSelectionExpression` is required when `protocolType` is
//! `WEBSOCKET`, and is `${request.method} ${request.path}` when it is `HTTP`;
//! `corsConfiguration`, `credentialsArn`, `routeKey` and `target` are "supported only for HTTP
//! APIs", `apiKeySelectionExpression` and `disableSchemaValidation` only for WebSocket APIs.

use std::collections::BTreeMap;

use stages_runtime::chrono::{DateTime, Utc};
use stages_runtime::Model;

use super::{arn_of, CustomError};

/// `ProtocolType`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum ProtocolType {
    /// A WebSocket API.
    Websocket,
    /// An HTTP API.
    Http,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `IpAddressType`, spelt in lowercase on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
#[model(rename_all = "lowercase")]
pub enum IpAddressType {
    /// IPv4 only.
    Ipv4,
    /// IPv4 and IPv6.
    Dualstack,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `Cors` (HTTP APIs).
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub struct Cors {
    /// Whether credentials are included in the CORS request.
    pub allow_credentials: Option<bool>,
    /// `CorsHeaderList`.
    pub allow_headers: Option<Vec<String>>,
    /// `CorsMethodList`: methods of 1 to 64 characters.
    #[model(values(length(min = 1, max = 64)))]
    pub allow_methods: Option<Vec<String>>,
    /// `CorsOriginList`.
    pub allow_origins: Option<Vec<String>>,
    /// `CorsHeaderList`.
    pub expose_headers: Option<Vec<String>>,
    /// `IntegerWithLengthBetweenMinus1And86400`: seconds a preflight result is cached.
    #[model(range(min = -1, max = 86400))]
    pub max_age: Option<i32>,
}

/// The body of `CreateApi`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    require(route_selection_expression, when(protocol_type = "WEBSOCKET")),
    custom = members_of_the_protocol
)]
pub struct CreateApiInput {
    /// The API key selection expression (WebSocket APIs).
    pub api_key_selection_expression: Option<String>,
    /// The CORS configuration (HTTP APIs).
    pub cors_configuration: Option<Cors>,
    /// Quick create: an IAM role's ARN, or `arn:aws:iam::*:user/*`.
    #[model(custom = arn_of("iam"))]
    pub credentials_arn: Option<String>,
    /// `StringWithLengthBetween0And1024`.
    #[model(length(max = 1024))]
    pub description: Option<String>,
    /// Avoid validating models when deploying (WebSocket APIs).
    pub disable_schema_validation: Option<bool>,
    /// Whether the default `execute-api` endpoint is disabled.
    pub disable_execute_api_endpoint: Option<bool>,
    /// `StringWithLengthBetween1And128`: required.
    #[model(required, length(min = 1, max = 128))]
    pub name: String,
    /// Required.
    #[model(required, known)]
    pub protocol_type: ProtocolType,
    /// Quick create: the route key of the default route (HTTP APIs).
    pub route_key: Option<String>,
    /// The route selection expression.
    pub route_selection_expression: Option<String>,
    /// `Tags`: values of up to 1,600 characters.
    #[model(values(length(max = 1600)))]
    pub tags: Option<BTreeMap<String, String>>,
    /// Quick create: `UriWithLengthBetween1And2048`.
    #[model(length(min = 1, max = 2048))]
    pub target: Option<String>,
    /// `StringWithLengthBetween1And64`.
    #[model(length(min = 1, max = 64))]
    pub version: Option<String>,
}

/// An API as AWS returns it.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Api {
    /// `{api-id}.execute-api.{region}.amazonaws.com`.
    pub api_endpoint: Option<String>,
    /// Whether API Gateway manages the API.
    pub api_gateway_managed: Option<bool>,
    /// The API's identifier.
    pub api_id: Option<String>,
    /// The API key selection expression (WebSocket APIs).
    pub api_key_selection_expression: Option<String>,
    /// The CORS configuration (HTTP APIs).
    pub cors_configuration: Option<Cors>,
    /// When the API was created.
    pub created_date: Option<DateTime<Utc>>,
    /// `StringWithLengthBetween0And1024`.
    #[model(length(max = 1024))]
    pub description: Option<String>,
    /// Avoid validating models when deploying (WebSocket APIs).
    pub disable_schema_validation: Option<bool>,
    /// Whether the default `execute-api` endpoint is disabled.
    pub disable_execute_api_endpoint: Option<bool>,
    /// What an import ignored (HTTP APIs).
    pub import_info: Option<Vec<String>>,
    /// Kept as written, known or not.
    pub ip_address_type: Option<IpAddressType>,
    /// `StringWithLengthBetween1And128`: required.
    #[model(required, length(min = 1, max = 128))]
    pub name: String,
    /// Required by the model; an `Option` until `required` works without `Default`.
    pub protocol_type: Option<ProtocolType>,
    /// Required.
    #[model(required)]
    pub route_selection_expression: String,
    /// `Tags`: values of up to 1,600 characters.
    #[model(values(length(max = 1600)))]
    pub tags: Option<BTreeMap<String, String>>,
    /// `StringWithLengthBetween1And64`.
    #[model(length(min = 1, max = 64))]
    pub version: Option<String>,
    /// Warnings of an import.
    pub warnings: Option<Vec<String>>,
}

/// What `CreateApiInput` may hold depends on its protocol: HTTP APIs route on
/// `${request.method} ${request.path}` and take the quick-create and CORS members; WebSocket
/// APIs take the API key selection and schema validation members.
fn members_of_the_protocol(api: &CreateApiInput) -> Result<(), Vec<CustomError>> {
    const HTTP_ROUTES: &str = "${request.method} ${request.path}";
    let mut faults = Vec::new();
    let mut only = |present: bool, member: &'static str, protocol: &str| {
        if present {
            faults.push(
                CustomError::new(format!("is supported only for {protocol} APIs")).at(member),
            );
        }
    };
    match api.protocol_type {
        ProtocolType::Http => {
            only(
                api.api_key_selection_expression.is_some(),
                "apiKeySelectionExpression",
                "WebSocket",
            );
            only(
                api.disable_schema_validation.is_some(),
                "disableSchemaValidation",
                "WebSocket",
            );
            if api
                .route_selection_expression
                .as_deref()
                .is_some_and(|value| value != HTTP_ROUTES)
            {
                faults.push(
                    CustomError::new(format!("must be {HTTP_ROUTES} for HTTP APIs"))
                        .at("routeSelectionExpression"),
                );
            }
        }
        ProtocolType::Websocket => {
            only(
                api.cors_configuration.is_some(),
                "corsConfiguration",
                "HTTP",
            );
            only(api.credentials_arn.is_some(), "credentialsArn", "HTTP");
            only(api.route_key.is_some(), "routeKey", "HTTP");
            only(api.target.is_some(), "target", "HTTP");
        }
        ProtocolType::Unknown(_) => {}
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

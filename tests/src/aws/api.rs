//! `CreateApiInput` (the body of `CreateApi`) and `Api`, with `Cors`.
//!
//! Rules that span members, not declared yet (container rules): `routeSelectionExpression` is
//! required when `protocolType` is `WEBSOCKET`, and is `${request.method} ${request.path}` when
//! it is `HTTP`; `corsConfiguration`, `credentialsArn`, `routeKey` and `target` are "supported
//! only for HTTP APIs", `apiKeySelectionExpression` and `disableSchemaValidation` only for
//! WebSocket APIs.

use std::collections::BTreeMap;

use stages_runtime::chrono::{DateTime, Utc};
use stages_runtime::Model;

use super::arn_of;

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
    /// Required by the model; an `Option` until `required` works without `Default`.
    #[model(known)]
    pub protocol_type: Option<ProtocolType>,
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

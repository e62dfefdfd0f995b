//! `CreateRouteInput` (the body of `CreateRoute`) and `Route` (what `GetRoute` returns).
//!
//! Rules that span members: `authorizerId` is required when `authorizationType` is `CUSTOM` or
//! `JWT`. Not declared: `apiKeyRequired`, `modelSelectionExpression`, `requestModels`,
//! `requestParameters` and `routeResponseSelectionExpression` are "supported only for WebSocket
//! APIs", which depends on the API the route belongs to, not on the document.

use std::collections::BTreeMap;

use stages_runtime::Model;

/// Who may call a route (`AuthorizationType`), kept as written when newer than this model.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum AuthorizationType {
    /// Open access.
    None,
    /// IAM permissions (SigV4).
    AwsIam,
    /// A Lambda authorizer.
    Custom,
    /// JSON Web Tokens (HTTP APIs).
    Jwt,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// Whether a route's request parameter must be sent (`ParameterConstraints`).
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub struct ParameterConstraints {
    /// Whether the parameter is required.
    pub required: Option<bool>,
}

/// The body of `CreateRoute`.
#[derive(Debug, Clone, PartialEq, Model)]
// Clippy reads two `require`s naming one member as one attribute given twice.
#[allow(clippy::duplicated_attributes)]
#[model(require(authorizer_id, when(authorization_type = "JWT")))]
#[model(require(authorizer_id, when(authorization_type = "CUSTOM")))]
pub struct CreateRouteInput {
    /// Whether an API key is required (WebSocket APIs).
    pub api_key_required: Option<bool>,
    /// `AuthorizationScopes`: strings of 1 to 64 characters.
    #[model(values(length(min = 1, max = 64)))]
    pub authorization_scopes: Option<Vec<String>>,
    /// One of the values this model knows.
    #[model(known)]
    pub authorization_type: Option<AuthorizationType>,
    /// The authorizer's identifier.
    pub authorizer_id: Option<String>,
    /// The model selection expression (WebSocket APIs).
    pub model_selection_expression: Option<String>,
    /// `StringWithLengthBetween1And64`.
    #[model(length(min = 1, max = 64))]
    pub operation_name: Option<String>,
    /// `RouteModels`: values are `StringWithLengthBetween1And128`.
    #[model(values(length(min = 1, max = 128)))]
    pub request_models: Option<BTreeMap<String, String>>,
    /// `RouteParameters`.
    pub request_parameters: Option<BTreeMap<String, ParameterConstraints>>,
    /// The route key: required.
    #[model(required)]
    pub route_key: String,
    /// The route response selection expression (WebSocket APIs).
    pub route_response_selection_expression: Option<String>,
    /// `StringWithLengthBetween1And128`.
    #[model(length(min = 1, max = 128))]
    pub target: Option<String>,
}

/// A route as AWS returns it.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Route {
    /// Whether API Gateway manages the route.
    pub api_gateway_managed: Option<bool>,
    /// Whether an API key is required (WebSocket APIs).
    pub api_key_required: Option<bool>,
    /// `AuthorizationScopes`: strings of 1 to 64 characters.
    #[model(values(length(min = 1, max = 64)))]
    pub authorization_scopes: Option<Vec<String>>,
    /// Kept as written, known or not.
    pub authorization_type: Option<AuthorizationType>,
    /// The authorizer's identifier.
    pub authorizer_id: Option<String>,
    /// The model selection expression (WebSocket APIs).
    pub model_selection_expression: Option<String>,
    /// `StringWithLengthBetween1And64`.
    #[model(length(min = 1, max = 64))]
    pub operation_name: Option<String>,
    /// `RouteModels`: values are `StringWithLengthBetween1And128`.
    #[model(values(length(min = 1, max = 128)))]
    pub request_models: Option<BTreeMap<String, String>>,
    /// `RouteParameters`.
    pub request_parameters: Option<BTreeMap<String, ParameterConstraints>>,
    /// The route's identifier.
    pub route_id: Option<String>,
    /// The route key: required.
    #[model(required)]
    pub route_key: String,
    /// The route response selection expression (WebSocket APIs).
    pub route_response_selection_expression: Option<String>,
    /// `StringWithLengthBetween1And128`.
    #[model(length(min = 1, max = 128))]
    pub target: Option<String>,
}

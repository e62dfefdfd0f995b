//! `CreateIntegrationInput` (the body of `CreateIntegration`) and `Integration`, with
//! `TlsConfig` and `responseParameters`, a map of maps.
//!
//! Rules that span members: `connectionId` is required when `connectionType` is `VPC_LINK`;
//! `payloadFormatVersion` is `1.0` unless `integrationType` is `AWS_PROXY`;
//! `integrationSubtype` applies to `AWS_PROXY` integrations. Not declared: what depends on the
//! API's protocol (`timeoutInMillis` at most 29,000 for WebSocket APIs, `payloadFormatVersion`
//! required for HTTP APIs, the keys of `requestParameters`, the WebSocket-only and HTTP-only
//! members), which the document does not say.

use std::collections::BTreeMap;

use stages_runtime::Model;

use super::{arn_of, CustomError};

/// `ConnectionType`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum ConnectionType {
    /// Through the public internet.
    Internet,
    /// Through a VPC link.
    VpcLink,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `ContentHandlingStrategy` (WebSocket APIs).
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum ContentHandlingStrategy {
    /// Base64 text to binary.
    ConvertToBinary,
    /// Binary to Base64 text.
    ConvertToText,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `IntegrationType`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum IntegrationType {
    /// An AWS service action (WebSocket APIs).
    Aws,
    /// An HTTP endpoint (WebSocket APIs).
    Http,
    /// A loopback endpoint (WebSocket APIs).
    Mock,
    /// An HTTP endpoint, request passed through.
    HttpProxy,
    /// A Lambda function or AWS service action, request passed through.
    AwsProxy,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `PassthroughBehavior` (WebSocket APIs).
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum PassthroughBehavior {
    /// Pass unmapped content types through.
    WhenNoMatch,
    /// Reject unmapped content types.
    Never,
    /// Pass through only when no template is mapped.
    WhenNoTemplates,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `TlsConfigInput` and `TlsConfig`: the same single member.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub struct TlsConfig {
    /// `StringWithLengthBetween1And512`.
    #[model(length(min = 1, max = 512))]
    pub server_name_to_verify: Option<String>,
}

/// The body of `CreateIntegration`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    require(connection_id, when(connection_type = "VPC_LINK")),
    custom(members_of_the_type, schema = members_of_the_type_schema)
)]
pub struct CreateIntegrationInput {
    /// `StringWithLengthBetween1And1024`: the VPC link's identifier.
    #[model(length(min = 1, max = 1024))]
    pub connection_id: Option<String>,
    /// `INTERNET` (the default) or `VPC_LINK`.
    #[model(known)]
    pub connection_type: Option<ConnectionType>,
    /// How payloads are converted (WebSocket APIs).
    #[model(known)]
    pub content_handling_strategy: Option<ContentHandlingStrategy>,
    /// An IAM role's ARN, or `arn:aws:iam::*:user/*` to pass the caller's identity.
    #[model(custom = arn_of("iam"))]
    pub credentials_arn: Option<String>,
    /// `StringWithLengthBetween0And1024`.
    #[model(length(max = 1024))]
    pub description: Option<String>,
    /// `StringWithLengthBetween1And64`: the HTTP method.
    #[model(length(min = 1, max = 64))]
    pub integration_method: Option<String>,
    /// `StringWithLengthBetween1And128`: the AWS service action (`AWS_PROXY`, HTTP APIs).
    #[model(length(min = 1, max = 128))]
    pub integration_subtype: Option<String>,
    /// Required.
    #[model(required, known)]
    pub integration_type: IntegrationType,
    /// `UriWithLengthBetween1And2048`.
    #[model(length(min = 1, max = 2048))]
    pub integration_uri: Option<String>,
    /// What happens to unmapped content types (WebSocket APIs).
    #[model(known)]
    pub passthrough_behavior: Option<PassthroughBehavior>,
    /// `StringWithLengthBetween1And64`; the supported values are 1.0 and 2.0.
    #[model(
        length(min = 1, max = 64),
        pattern(regex = r"1\.0|2\.0", message = "must be 1.0 or 2.0")
    )]
    pub payload_format_version: Option<String>,
    /// `IntegrationParameters`: values of 1 to 512 characters.
    #[model(values(length(min = 1, max = 512)))]
    pub request_parameters: Option<BTreeMap<String, String>>,
    /// `TemplateMap`: templates of up to 32,768 characters (WebSocket APIs).
    #[model(values(length(max = 32768)))]
    pub request_templates: Option<BTreeMap<String, String>>,
    /// `ResponseParameters` (HTTP APIs): a selection key, an HTTP status code from 200 to 599,
    /// to a map of `<action>:header.<name>` or `overwrite:statuscode` to a value of 1 to 512
    /// characters.
    #[model(
        keys(pattern(
            regex = "[2-5][0-9]{2}",
            message = "key must be an HTTP status code from 200 to 599"
        )),
        values(
            keys(pattern(
                regex = r"(append|overwrite|remove):header\.\S+|overwrite:statuscode",
                message = "key must be append:header.<name>, overwrite:header.<name>, remove:header.<name> or overwrite:statuscode"
            )),
            values(length(min = 1, max = 512))
        )
    )]
    pub response_parameters: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// The template selection expression.
    pub template_selection_expression: Option<String>,
    /// `IntegerWithLengthBetween50And30000`.
    #[model(range(min = 50, max = 30000))]
    pub timeout_in_millis: Option<u32>,
    /// `TlsConfigInput` (private integrations, HTTP APIs).
    pub tls_config: Option<TlsConfig>,
}

/// An integration as AWS returns it.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Integration {
    /// Whether API Gateway manages the integration.
    pub api_gateway_managed: Option<bool>,
    /// `StringWithLengthBetween1And1024`: the VPC link's identifier.
    #[model(length(min = 1, max = 1024))]
    pub connection_id: Option<String>,
    /// Kept as written, known or not.
    pub connection_type: Option<ConnectionType>,
    /// Kept as written, known or not.
    pub content_handling_strategy: Option<ContentHandlingStrategy>,
    /// An IAM role's ARN, or `arn:aws:iam::*:user/*`.
    #[model(custom = arn_of("iam"))]
    pub credentials_arn: Option<String>,
    /// `StringWithLengthBetween0And1024`.
    #[model(length(max = 1024))]
    pub description: Option<String>,
    /// The integration's identifier.
    pub integration_id: Option<String>,
    /// `StringWithLengthBetween1And64`: the HTTP method.
    #[model(length(min = 1, max = 64))]
    pub integration_method: Option<String>,
    /// The integration response selection expression (WebSocket APIs).
    pub integration_response_selection_expression: Option<String>,
    /// `StringWithLengthBetween1And128`.
    #[model(length(min = 1, max = 128))]
    pub integration_subtype: Option<String>,
    /// Kept as written, known or not.
    pub integration_type: Option<IntegrationType>,
    /// `UriWithLengthBetween1And2048`.
    #[model(length(min = 1, max = 2048))]
    pub integration_uri: Option<String>,
    /// Kept as written, known or not.
    pub passthrough_behavior: Option<PassthroughBehavior>,
    /// `StringWithLengthBetween1And64`; the supported values are 1.0 and 2.0.
    #[model(
        length(min = 1, max = 64),
        pattern(regex = r"1\.0|2\.0", message = "must be 1.0 or 2.0")
    )]
    pub payload_format_version: Option<String>,
    /// `IntegrationParameters`: values of 1 to 512 characters.
    #[model(values(length(min = 1, max = 512)))]
    pub request_parameters: Option<BTreeMap<String, String>>,
    /// `TemplateMap`: templates of up to 32,768 characters.
    #[model(values(length(max = 32768)))]
    pub request_templates: Option<BTreeMap<String, String>>,
    /// Status code → (mapping → value).
    #[model(
        keys(pattern(
            regex = "[2-5][0-9]{2}",
            message = "key must be an HTTP status code from 200 to 599"
        )),
        values(
            keys(pattern(
                regex = r"(append|overwrite|remove):header\.\S+|overwrite:statuscode",
                message = "key must be append:header.<name>, overwrite:header.<name>, remove:header.<name> or overwrite:statuscode"
            )),
            values(length(min = 1, max = 512))
        )
    )]
    pub response_parameters: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// The template selection expression.
    pub template_selection_expression: Option<String>,
    /// `IntegerWithLengthBetween50And30000`.
    #[model(range(min = 50, max = 30000))]
    pub timeout_in_millis: Option<u32>,
    /// `TlsConfig`.
    pub tls_config: Option<TlsConfig>,
}

/// Only Lambda proxy integrations (`AWS_PROXY`) take payload format 2.0 and an integration
/// subtype.
/// [`members_of_the_type`] as JSON Schema, so that the schema says it too.
fn members_of_the_type_schema() -> stages_runtime::schema::Value {
    serde_json::json!({
        "if": {"required": ["integrationType"], "properties": {"integrationType": {"const": "AWS_PROXY"}}},
        "else": {"properties": {
            "payloadFormatVersion": {"not": {"const": "2.0"}},
            "integrationSubtype": {"type": "null"}
        }}
    })
}

fn members_of_the_type(integration: &CreateIntegrationInput) -> Result<(), Vec<CustomError>> {
    let proxy = integration.integration_type == IntegrationType::AwsProxy;
    let mut faults = Vec::new();
    if !proxy && integration.payload_format_version.as_deref() == Some("2.0") {
        faults.push(
            CustomError::new("must be 1.0 unless integrationType is AWS_PROXY")
                .at("payloadFormatVersion"),
        );
    }
    if !proxy && integration.integration_subtype.is_some() {
        faults.push(
            CustomError::new("is supported only when integrationType is AWS_PROXY")
                .at("integrationSubtype"),
        );
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

//! `CreateAuthorizerInput` (the body of `CreateAuthorizer`) and `Authorizer`, with
//! `JwtConfiguration`.
//!
//! Rules that span members: `jwtConfiguration` (and in it `issuer`) is required when
//! `authorizerType` is `JWT`, and `identitySource` then has a single entry; `authorizerUri` (a
//! Lambda function URI) is required for `REQUEST` authorizers, and `authorizerCredentialsArn`
//! applies to them only. Not declared: `authorizerPayloadFormatVersion` is required for Lambda
//! authorizers of HTTP APIs, which depends on the API's protocol.

use stages_runtime::Model;

use super::{arn_of, CustomError};

/// `AuthorizerType`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum AuthorizerType {
    /// A Lambda function using request parameters.
    Request,
    /// JSON Web Tokens (HTTP APIs).
    Jwt,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `JWTConfiguration` (HTTP APIs).
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub struct JwtConfiguration {
    /// The intended recipients of the JWT.
    pub audience: Option<Vec<String>>,
    /// `UriWithLengthBetween1And2048`: the identity provider's base domain.
    #[model(length(min = 1, max = 2048))]
    pub issuer: Option<String>,
}

/// The body of `CreateAuthorizer`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    require(jwt_configuration, when(authorizer_type = "JWT")),
    require(authorizer_uri, when(authorizer_type = "REQUEST")),
    custom = members_of_the_type
)]
pub struct CreateAuthorizerInput {
    /// An IAM role's ARN (`REQUEST` authorizers).
    #[model(custom = arn_of("iam"))]
    pub authorizer_credentials_arn: Option<String>,
    /// `StringWithLengthBetween1And64`; the supported values are 1.0 and 2.0.
    #[model(
        length(min = 1, max = 64),
        pattern(regex = r"1\.0|2\.0", message = "must be 1.0 or 2.0")
    )]
    pub authorizer_payload_format_version: Option<String>,
    /// `IntegerWithLengthBetween0And3600`: 0 disables caching.
    #[model(range(min = 0, max = 3600))]
    pub authorizer_result_ttl_in_seconds: Option<u32>,
    /// Required.
    #[model(required, known)]
    pub authorizer_type: AuthorizerType,
    /// `UriWithLengthBetween1And2048`: the Lambda function's URI (`REQUEST` authorizers).
    #[model(length(min = 1, max = 2048))]
    pub authorizer_uri: Option<String>,
    /// Whether a Lambda authorizer may answer with a boolean (HTTP APIs).
    pub enable_simple_responses: Option<bool>,
    /// Required: "a set of one or more mapping expressions".
    #[model(required, length(min = 1))]
    pub identity_source: Vec<String>,
    /// `StringWithLengthBetween0And1024` (not used by API Gateway).
    #[model(length(max = 1024))]
    pub identity_validation_expression: Option<String>,
    /// Required for `JWT` authorizers (HTTP APIs).
    pub jwt_configuration: Option<JwtConfiguration>,
    /// `StringWithLengthBetween1And128`: required.
    #[model(required, length(min = 1, max = 128))]
    pub name: String,
}

/// An authorizer as AWS returns it.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Authorizer {
    /// An IAM role's ARN (`REQUEST` authorizers).
    #[model(custom = arn_of("iam"))]
    pub authorizer_credentials_arn: Option<String>,
    /// The authorizer's identifier.
    pub authorizer_id: Option<String>,
    /// `StringWithLengthBetween1And64`; the supported values are 1.0 and 2.0.
    #[model(
        length(min = 1, max = 64),
        pattern(regex = r"1\.0|2\.0", message = "must be 1.0 or 2.0")
    )]
    pub authorizer_payload_format_version: Option<String>,
    /// `IntegerWithLengthBetween0And3600`.
    #[model(range(min = 0, max = 3600))]
    pub authorizer_result_ttl_in_seconds: Option<u32>,
    /// Kept as written, known or not.
    pub authorizer_type: Option<AuthorizerType>,
    /// `UriWithLengthBetween1And2048`.
    #[model(length(min = 1, max = 2048))]
    pub authorizer_uri: Option<String>,
    /// Whether a Lambda authorizer may answer with a boolean.
    pub enable_simple_responses: Option<bool>,
    /// The identity sources.
    pub identity_source: Option<Vec<String>>,
    /// `StringWithLengthBetween0And1024`.
    #[model(length(max = 1024))]
    pub identity_validation_expression: Option<String>,
    /// The JWT configuration (HTTP APIs).
    pub jwt_configuration: Option<JwtConfiguration>,
    /// `StringWithLengthBetween1And128`: required.
    #[model(required, length(min = 1, max = 128))]
    pub name: String,
}

/// A JWT authorizer names its issuer and reads the token from a single identity source; only a
/// `REQUEST` authorizer takes credentials.
fn members_of_the_type(authorizer: &CreateAuthorizerInput) -> Result<(), Vec<CustomError>> {
    let mut faults = Vec::new();
    match authorizer.authorizer_type {
        AuthorizerType::Jwt => {
            let issuer = authorizer
                .jwt_configuration
                .as_ref()
                .and_then(|jwt| jwt.issuer.as_ref());
            if authorizer.jwt_configuration.is_some() && issuer.is_none() {
                faults.push(
                    CustomError::new("is required when authorizerType is JWT")
                        .with_rule("required")
                        .at("jwtConfiguration")
                        .at("issuer"),
                );
            }
            if authorizer.identity_source.len() > 1 {
                faults.push(
                    CustomError::new("must have exactly 1 entry when authorizerType is JWT")
                        .with_rule("length")
                        .at("identitySource"),
                );
            }
            if authorizer.authorizer_credentials_arn.is_some() {
                faults.push(
                    CustomError::new("is supported only when authorizerType is REQUEST")
                        .at("authorizerCredentialsArn"),
                );
            }
        }
        AuthorizerType::Request | AuthorizerType::Unknown(_) => {}
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

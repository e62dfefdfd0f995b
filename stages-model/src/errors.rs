//! The four errors of the Stages operations, as AWS sends them: an HTTP status, an
//! `x-amzn-ErrorType` header naming the error code, and a JSON body with a lowercase `message`.

use crate::{Model, ValidationErrors};

/// What every error body declares: the code SDK clients match, and the HTTP status.
pub trait AwsError {
    /// The error code, sent in the `x-amzn-ErrorType` header; SDKs map it to an exception class.
    const CODE: &'static str;
    /// The HTTP status.
    const STATUS: u16;
    /// The message, if any.
    fn message(&self) -> Option<&str>;
}

/// 400: the request is not valid, for example incomplete or incorrect.
///
/// Validation errors convert into one, with a message that names every offending path (a value
/// of the wrong type hides nothing else):
///
/// ```
/// use stages_model::{from_json, BadRequestException, CreateStageInput};
///
/// let errors = from_json::<CreateStageInput>(r#"{"stageName": "a b", "description": 7}"#).unwrap_err();
/// let body = BadRequestException::from(errors);
/// assert_eq!(
///     body.message.as_deref(),
///     Some(
///         "stageName: must contain only letters, digits, hyphens and underscores, or be exactly \
///          $default; description: invalid type: integer `7`, expected a string"
///     )
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Model)]
pub struct BadRequestException {
    /// What was wrong.
    pub message: Option<String>,
}

/// 404: the resource named in the request does not exist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Model)]
pub struct NotFoundException {
    /// What was not found.
    pub message: Option<String>,
    /// The kind of resource that was not found (`Api`, `Stage`).
    pub resource_type: Option<String>,
}

/// 409: the request conflicts with the resource's current state, such as a stage name that is
/// already taken.
#[derive(Debug, Clone, Default, PartialEq, Eq, Model)]
pub struct ConflictException {
    /// What conflicted.
    pub message: Option<String>,
}

/// 429: the client sends more requests than allowed.
///
/// The API reference calls this body `LimitExceededException`; the AWS service model, and so
/// every SDK, knows the error as `TooManyRequestsException`, which is the [`AwsError::CODE`] sent
/// with it so that a boto3 client raises `TooManyRequestsException`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Model)]
pub struct LimitExceededException {
    /// Which limit was exceeded.
    pub message: Option<String>,
    /// The kind of limit.
    pub limit_type: Option<String>,
}

/// The `AwsError` impl of an error body with a `message` member.
macro_rules! aws_error {
    ($($body:ident => $code:literal, $status:literal;)*) => {$(
        impl AwsError for $body {
            const CODE: &'static str = $code;
            const STATUS: u16 = $status;
            fn message(&self) -> Option<&str> {
                self.message.as_deref()
            }
        }
    )*};
}

aws_error! {
    BadRequestException => "BadRequestException", 400;
    NotFoundException => "NotFoundException", 404;
    ConflictException => "ConflictException", 409;
    LimitExceededException => "TooManyRequestsException", 429;
}

impl From<ValidationErrors> for BadRequestException {
    /// One message naming every violation: `path: what was expected`, separated by `; `.
    fn from(errors: ValidationErrors) -> Self {
        let message = errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        BadRequestException {
            message: Some(message),
        }
    }
}

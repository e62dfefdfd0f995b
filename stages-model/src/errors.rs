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
///          $default; description: expected a string, found the number 7"
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

/// How many violations a [`BadRequestException`] message lists before "and N more".
pub const MAX_REPORTED_VIOLATIONS: usize = 30;

/// The longest text, in characters, that one violation takes in a [`BadRequestException`]
/// message; longer ones (a huge map key in the path, say) end with `…`.
pub const MAX_VIOLATION_TEXT: usize = 256;

impl From<ValidationErrors> for BadRequestException {
    /// One message naming each violation (`path: what was expected`, separated by `; `), the
    /// first [`MAX_REPORTED_VIOLATIONS`] of them, each cut at [`MAX_VIOLATION_TEXT`]
    /// characters, then `and N more`: a huge invalid body never makes a huge error.
    ///
    /// ```
    /// use stages_model::{from_json, BadRequestException, CreateStageInput};
    ///
    /// let variables: Vec<String> = (0..100).map(|n| format!(r#""v{n}": """#)).collect();
    /// let body = format!(r#"{{"stageName": "prod", "stageVariables": {{{}}}}}"#, variables.join(","));
    /// let errors = from_json::<CreateStageInput>(&body).unwrap_err();
    /// assert_eq!(errors.len(), 100);
    /// let message = BadRequestException::from(errors).message.unwrap();
    /// assert!(message.starts_with("stageVariables[\"v0\"]: "));
    /// assert!(message.ends_with("; and 70 more"));
    /// ```
    fn from(errors: ValidationErrors) -> Self {
        let mut message = String::new();
        for violation in errors.iter().take(MAX_REPORTED_VIOLATIONS) {
            if !message.is_empty() {
                message.push_str("; ");
            }
            push_capped(&mut message, &violation.to_string(), MAX_VIOLATION_TEXT);
        }
        if let Some(more) = errors.len().checked_sub(MAX_REPORTED_VIOLATIONS) {
            if more > 0 {
                message.push_str(&format!("; and {more} more"));
            }
        }
        BadRequestException {
            message: Some(message),
        }
    }
}

/// Appends `text`, cut after `limit` characters with `…` when longer.
fn push_capped(out: &mut String, text: &str, limit: usize) {
    match text.char_indices().nth(limit) {
        Some((end, _)) => {
            out.push_str(&text[..end]);
            out.push('…');
        }
        None => out.push_str(text),
    }
}

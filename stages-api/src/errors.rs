//! Every failure as AWS sends it: status, `x-amzn-ErrorType` header, JSON body with `message`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use stages_model::extract::aws_error_response;
use stages_model::{
    AwsError, BadRequestException, ConflictException, LimitExceededException, NotFoundException,
    ValidationErrors,
};

/// Why a request failed.
#[derive(Debug)]
pub enum ServiceError {
    /// 400: the request is malformed or breaks a rule.
    BadRequest(BadRequestException),
    /// 404: the API, stage or route is not there.
    NotFound(NotFoundException),
    /// 409: the stage already exists.
    Conflict(ConflictException),
    /// 429: a quota or the rate limit.
    TooManyRequests(LimitExceededException),
    /// A status with no error of its own in the Stages model (405, 408, 413, 415, 431, 500):
    /// sent with the closest modelled code (`BadRequestException` for the client's faults), so
    /// that SDKs raise a typed error.
    Other {
        /// The HTTP status.
        status: StatusCode,
        /// The `x-amzn-ErrorType` sent with it.
        code: &'static str,
        /// What was wrong, for the body's `message`.
        message: String,
    },
}

impl ServiceError {
    /// 400 `BadRequestException` saying `message`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ServiceError::BadRequest(BadRequestException {
            message: Some(message.into()),
        })
    }

    /// 404 `NotFoundException` about a resource of `resource_type`.
    pub fn not_found(resource_type: &str, message: impl Into<String>) -> Self {
        ServiceError::NotFound(NotFoundException {
            message: Some(message.into()),
            resource_type: Some(resource_type.to_owned()),
        })
    }

    /// 409 `ConflictException` saying `message`.
    pub fn conflict(message: impl Into<String>) -> Self {
        ServiceError::Conflict(ConflictException {
            message: Some(message.into()),
        })
    }

    /// A service quota is exceeded: 429 `TooManyRequestsException` with the quota's `limitType`.
    pub fn limit_exceeded(limit_type: &str, message: impl Into<String>) -> Self {
        ServiceError::TooManyRequests(LimitExceededException {
            message: Some(message.into()),
            limit_type: Some(limit_type.to_owned()),
        })
    }

    /// 429 `TooManyRequestsException` for the rate limit (`limitType` `RequestRate`).
    pub fn too_many_requests() -> Self {
        ServiceError::TooManyRequests(LimitExceededException {
            message: Some("Too Many Requests".to_owned()),
            limit_type: Some("RequestRate".to_owned()),
        })
    }
}

impl ServiceError {
    /// A fault of the client's at a status the model has no error for, sent as
    /// `BadRequestException` (the code every SDK of API Gateway V2 knows).
    pub fn client_fault(status: StatusCode, message: impl Into<String>) -> Self {
        ServiceError::Other {
            status,
            code: BadRequestException::CODE,
            message: message.into(),
        }
    }
}

impl From<ValidationErrors> for ServiceError {
    fn from(errors: ValidationErrors) -> Self {
        ServiceError::BadRequest(errors.into())
    }
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        match self {
            ServiceError::BadRequest(body) => body.into_response(),
            ServiceError::NotFound(body) => body.into_response(),
            ServiceError::Conflict(body) => body.into_response(),
            ServiceError::TooManyRequests(body) => body.into_response(),
            ServiceError::Other {
                status,
                code,
                message,
            } => aws_error_response(
                status,
                code,
                &BadRequestException {
                    message: Some(message),
                },
            ),
        }
    }
}

/// A whole HTTP/1.1 error response as bytes, for the answers written straight to a socket (no
/// service saw the request): AWS's shape, `x-amzn-RequestId`, and `connection: close`.
pub fn raw_error_response(status: u16, message: &str, request_id: &str) -> Vec<u8> {
    let body = serde_json::to_vec(&BadRequestException {
        message: Some(message.to_owned()),
    })
    .unwrap_or_else(|_| br#"{"message":"the request could not be served"}"#.to_vec());
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Error");
    let mut response = format!(
        "HTTP/1.1 {status} {reason}\r\n\
         content-type: application/json\r\n\
         x-amzn-errortype: {}\r\n\
         x-amzn-requestid: {request_id}\r\n\
         content-length: {}\r\n\
         connection: close\r\n\r\n",
        BadRequestException::CODE,
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(&body);
    response
}

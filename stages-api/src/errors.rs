//! Every failure as AWS sends it: status, `x-amzn-ErrorType` header, JSON body with `message`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use stages_model::{
    AwsError, BadRequestException, ConflictException, LimitExceededException, NotFoundException,
    ValidationErrors,
};

/// Why a request failed.
#[derive(Debug)]
pub enum ServiceError {
    BadRequest(BadRequestException),
    NotFound(NotFoundException),
    Conflict(ConflictException),
    TooManyRequests(LimitExceededException),
    /// A status with no exception in the Stages model (413, 405, 415): a code and a message.
    Other {
        status: StatusCode,
        code: &'static str,
        message: String,
    },
}

impl ServiceError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        ServiceError::BadRequest(BadRequestException {
            message: Some(message.into()),
        })
    }

    pub fn not_found(resource_type: &str, message: impl Into<String>) -> Self {
        ServiceError::NotFound(NotFoundException {
            message: Some(message.into()),
            resource_type: Some(resource_type.to_owned()),
        })
    }

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

    pub fn too_many_requests() -> Self {
        ServiceError::TooManyRequests(LimitExceededException {
            message: Some("Too Many Requests".to_owned()),
            limit_type: Some("RequestRate".to_owned()),
        })
    }
}

impl From<ValidationErrors> for ServiceError {
    fn from(errors: ValidationErrors) -> Self {
        ServiceError::BadRequest(errors.into())
    }
}

/// Status, error code header and JSON body.
fn aws_response<E: AwsError + Serialize>(body: &E) -> Response {
    let status = StatusCode::from_u16(E::STATUS).unwrap_or(StatusCode::BAD_REQUEST);
    respond(status, E::CODE, serde_json::to_vec(body))
}

fn respond(status: StatusCode, code: &'static str, body: serde_json::Result<Vec<u8>>) -> Response {
    let body = body.unwrap_or_else(|_| br#"{"message":"the error could not be encoded"}"#.to_vec());
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("x-amzn-ErrorType", HeaderValue::from_static(code));
    response
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        match self {
            ServiceError::BadRequest(body) => aws_response(&body),
            ServiceError::NotFound(body) => aws_response(&body),
            ServiceError::Conflict(body) => aws_response(&body),
            ServiceError::TooManyRequests(body) => aws_response(&body),
            ServiceError::Other {
                status,
                code,
                message,
            } => respond(
                status,
                code,
                serde_json::to_vec(&BadRequestException {
                    message: Some(message),
                }),
            ),
        }
    }
}

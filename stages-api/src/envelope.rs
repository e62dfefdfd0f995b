//! The AWS envelope around every response: a fresh `x-amzn-RequestId`, and every error in AWS's
//! JSON shape with `x-amzn-ErrorType`, those raised below the handlers included.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Limited};

use crate::errors::ServiceError;
use crate::request_id;

/// Whether `response` is an error not yet in AWS's shape (one raised below the handlers), to
/// be re-sent by [`into_aws_error`]. A test, not an `async` step, so that the usual response
/// goes through no future of this module.
pub fn needs_aws_shape(response: &Response) -> bool {
    response.status().as_u16() >= 400 && !response.headers().contains_key("x-amzn-ErrorType")
}

/// Gives the response the request's fresh `x-amzn-RequestId` (`id`).
pub fn with_request_id(id: HeaderValue, mut response: Response) -> Response {
    response.headers_mut().insert(request_id::HEADER_NAME, id);
    response
}

/// An error response of the HTTP layer, re-sent as an AWS error (`{"message"}` with
/// `x-amzn-ErrorType`) at the same status, whose message keeps its text.
pub async fn into_aws_error(response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let text = Limited::new(body, 1024)
        .collect()
        .await
        .ok()
        .and_then(|body| String::from_utf8(body.to_bytes().to_vec()).ok())
        .filter(|text| !text.trim().is_empty())
        .unwrap_or_else(|| {
            parts
                .status
                .canonical_reason()
                .unwrap_or("Error")
                .to_owned()
        });
    let mut answer = if parts.status.is_server_error() {
        ServiceError::Other {
            status: parts.status,
            code: "InternalServerException",
            message: text,
        }
    } else {
        ServiceError::client_fault(parts.status, text)
    }
    .into_response();
    for name in [header::ALLOW, header::CONNECTION, header::RETRY_AFTER] {
        if let Some(value) = parts.headers.get(&name) {
            answer.headers_mut().insert(name, value.clone());
        }
    }
    answer
}

//! The request's own bounds, checked before the handlers: AWS's quota on the head, and the body
//! read whole within its size and time limits.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

use crate::connection::ConnectionState;
use crate::errors::ServiceError;

/// Applies AWS's quota on the head: the request line and the header values may add up to
/// `max_head` bytes (10,240 by default). A request line longer than that alone is answered
/// `414 URI Too Long`, any other excess `431 Request Header Fields Too Large`: that answer, or
/// `None` for a request within the quota.
pub fn refuse_head(max_head: usize, request: &Request) -> Option<Response> {
    let uri = request.uri();
    let target = match uri.path_and_query() {
        Some(origin_form) if uri.authority().is_none() => origin_form.as_str().len(),
        _ => uri.to_string().len(),
    };
    let line = request.method().as_str().len() + target + " HTTP/1.1 ".len();
    let values: usize = request.headers().values().map(HeaderValue::len).sum();
    let (status, what, size) = if line > max_head {
        (StatusCode::URI_TOO_LONG, "the request line is", line)
    } else if line + values > max_head {
        (
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "the request line and header values add up to",
            line + values,
        )
    } else {
        return None;
    };
    Some(closing(ServiceError::client_fault(
        status,
        format!("{what} {size} bytes, more than the limit of {max_head}"),
    )))
}

/// The body limits: size and time.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    /// The largest body, in bytes.
    pub max: usize,
    /// The time the whole body has to arrive.
    pub timeout: Duration,
}

/// Reads the body whole before the handlers run, so that a client cannot hold a request open
/// and a body larger than the limit is never read past it:
/// - a `Content-Length` above the limit is answered `413` before a byte of the body is read
///   (with `Expect: 100-continue`, in place of `100 Continue`);
/// - a chunked body is read up to the limit, then `413`;
/// - a body that does not arrive within `timeout` is answered `408`; one that breaks off, `400`.
///
/// Each of these answers (the `Err`) closes the connection, since the rest of the body is left
/// unread. `Ok` is the request with its body read. `connection` is marked as reading a body
/// meanwhile (so that, as a slow upload, it may be evicted).
pub async fn read_body(
    limits: BodyLimits,
    connection: Option<&Arc<ConnectionState>>,
    request: Request,
) -> Result<Request, Response> {
    if request.body().is_end_stream() {
        // No body (a GET): nothing to wait for or bound.
        return Ok(request);
    }
    let (parts, body) = request.into_parts();
    let too_large = || {
        format!(
            "the request body is larger than the limit of {} bytes",
            limits.max
        )
    };
    if body.size_hint().lower() > limits.max as u64 {
        return Err(closing(ServiceError::client_fault(
            StatusCode::PAYLOAD_TOO_LARGE,
            too_large(),
        )));
    }
    let reading = ReadingBody::mark(connection);
    let read = tokio::time::timeout(limits.timeout, read_within(body, limits.max)).await;
    drop(reading);
    let bytes = match read {
        Ok(Ok(Some(bytes))) => bytes,
        Ok(Ok(None)) => {
            return Err(closing(ServiceError::client_fault(
                StatusCode::PAYLOAD_TOO_LARGE,
                too_large(),
            )))
        }
        Ok(Err(error)) => {
            return Err(closing(ServiceError::client_fault(
                StatusCode::BAD_REQUEST,
                format!("the request body could not be read: {error}"),
            )))
        }
        Err(_) => {
            return Err(closing(ServiceError::client_fault(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request body did not arrive within {:?}",
                    limits.timeout
                ),
            )))
        }
    };
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The whole body, or `None` as soon as it is larger than `max` bytes. A body in one frame
/// (the usual small request) is kept as it came, without a copy.
pub(crate) async fn read_within(mut body: Body, max: usize) -> Result<Option<Bytes>, axum::Error> {
    let mut first = Bytes::new();
    let mut joined: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame?.into_data() else {
            // Trailers: nothing to keep.
            continue;
        };
        let read = if joined.is_empty() {
            first.len()
        } else {
            joined.len()
        };
        if read.saturating_add(data.len()) > max {
            return Ok(None);
        }
        if read == 0 {
            first = data;
        } else {
            if joined.is_empty() {
                joined.extend_from_slice(&first);
            }
            joined.extend_from_slice(&data);
        }
    }
    Ok(Some(if joined.is_empty() {
        first
    } else {
        joined.into()
    }))
}

/// Marks the connection as reading a body (so that, as a slow upload, it may be evicted) until
/// dropped.
struct ReadingBody(Option<Arc<ConnectionState>>);

impl ReadingBody {
    fn mark(connection: Option<&Arc<ConnectionState>>) -> Self {
        if let Some(connection) = connection {
            connection.reading_body(true);
        }
        ReadingBody(connection.cloned())
    }
}

impl Drop for ReadingBody {
    fn drop(&mut self) {
        if let Some(connection) = &self.0 {
            connection.reading_body(false);
        }
    }
}

/// An error after which the connection closes (the rest of the request is not read).
fn closing(error: ServiceError) -> Response {
    let mut response = error.into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

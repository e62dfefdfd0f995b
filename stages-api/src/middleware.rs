//! Around every request: the AWS envelope (`x-amzn-RequestId` on every response, every error
//! in AWS's JSON shape), the body read whole within its size and time limits, a rate limit (off
//! by default) and a one-line log.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};

use crate::errors::ServiceError;
use crate::handlers::Service;
use crate::request_id;

/// A token bucket: `rate` tokens a second, holding at most `burst`.
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    bucket: Mutex<(f64, Instant)>,
}

impl RateLimiter {
    pub fn new(rate: f64, burst: u32) -> Self {
        let burst = f64::from(burst);
        RateLimiter {
            rate,
            burst,
            bucket: Mutex::new((burst, Instant::now())),
        }
    }

    /// Takes a token if one is there.
    fn try_acquire(&self) -> bool {
        let mut bucket = self
            .bucket
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (tokens, last) = &mut *bucket;
        let now = Instant::now();
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * self.rate).min(self.burst);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Answers 429 `TooManyRequestsException` when the bucket is empty.
pub async fn rate_limit(
    State(service): State<Arc<Service>>,
    request: Request,
    next: Next,
) -> Response {
    match &service.limiter {
        Some(limiter) if !limiter.try_acquire() => {
            ServiceError::too_many_requests().into_response()
        }
        _ => next.run(request).await,
    }
}

/// One line per request on standard error: method, path, status, time taken.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let uri = request.uri().clone();
    let response = next.run(request).await;
    eprintln!(
        "{method} {uri} {} {:.1}ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// Gives every response a fresh `x-amzn-RequestId`, and turns any error response that is not
/// yet in AWS's shape (one raised below the handlers) into `{"message"}` with
/// `x-amzn-ErrorType`, at the same status.
pub async fn aws_envelope(request: Request, next: Next) -> Response {
    let id = request_id::new_request_id();
    let mut response = next.run(request).await;
    if response.status().as_u16() >= 400 && !response.headers().contains_key("x-amzn-ErrorType") {
        response = into_aws_error(response).await;
    }
    if let Ok(id) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(request_id::HEADER, id);
    }
    response
}

/// An error response of the HTTP layer, re-sent as an AWS error whose message keeps its text.
async fn into_aws_error(response: Response) -> Response {
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

/// Answers `431` when the request line and the header values add up to more than `max_head`
/// bytes, as AWS counts its quota (10,240 by default).
pub async fn limit_head(State(max_head): State<usize>, request: Request, next: Next) -> Response {
    let line =
        request.method().as_str().len() + request.uri().to_string().len() + " HTTP/1.1 ".len();
    let values: usize = request.headers().values().map(HeaderValue::len).sum();
    if line + values > max_head {
        return closing(ServiceError::client_fault(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!(
                "the request line and header values add up to {} bytes, more than the limit of {max_head}",
                line + values
            ),
        ));
    }
    next.run(request).await
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
/// Each of these answers closes the connection, since the rest of the body is left unread.
pub async fn read_body(State(limits): State<BodyLimits>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let too_large = || {
        format!(
            "the request body is larger than the limit of {} bytes",
            limits.max
        )
    };
    if body.size_hint().lower() > limits.max as u64 {
        return closing(ServiceError::client_fault(
            StatusCode::PAYLOAD_TOO_LARGE,
            too_large(),
        ));
    }
    let read = tokio::time::timeout(limits.timeout, Limited::new(body, limits.max).collect());
    let bytes = match read.await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(error)) if error.is::<LengthLimitError>() => {
            return closing(ServiceError::client_fault(
                StatusCode::PAYLOAD_TOO_LARGE,
                too_large(),
            ))
        }
        Ok(Err(error)) => {
            return closing(ServiceError::client_fault(
                StatusCode::BAD_REQUEST,
                format!("the request body could not be read: {error}"),
            ))
        }
        Err(_) => {
            return closing(ServiceError::client_fault(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request body did not arrive within {:?}",
                    limits.timeout
                ),
            ))
        }
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// An error after which the connection closes (the rest of the request is not read).
fn closing(error: ServiceError) -> Response {
    let mut response = error.into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

//! For axum services (cargo feature `axum`): the extractor [`AwsJson`], which turns a request
//! body into a model or into the AWS-style `400 BadRequestException` that names every
//! violation, and [`IntoResponse`] for the four AWS errors.
//!
//! It depends on `axum-core` (the traits `axum` re-exports) and the `http` and `bytes` crates
//! axum-core is built on — not on axum's router, hyper or tokio — so a service on `axum` 0.8
//! uses it as is, and a crate that does not ask for the feature compiles none of them.
//!
//! ```
//! use axum_core::extract::{FromRequest, Request};
//! use axum_core::response::IntoResponse;
//! use stages_model::extract::AwsJson;
//! use stages_model::CreateStageInput;
//!
//! /// A handler, as it would be routed: `Router::new().route("/v2/apis/{id}/stages", post(create))`.
//! async fn create(AwsJson(input): AwsJson<CreateStageInput>) -> String {
//!     input.stage_name
//! }
//!
//! # fn block_on<F: std::future::Future>(future: F) -> F::Output {
//! #     struct Thread(std::thread::Thread);
//! #     impl std::task::Wake for Thread {
//! #         fn wake(self: std::sync::Arc<Self>) { self.0.unpark() }
//! #     }
//! #     let waker = std::sync::Arc::new(Thread(std::thread::current())).into();
//! #     let mut context = std::task::Context::from_waker(&waker);
//! #     let mut future = std::pin::pin!(future);
//! #     loop {
//! #         if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut context) { return out; }
//! #         std::thread::park();
//! #     }
//! # }
//! let request = |body: &'static str| {
//!     Request::post("/v2/apis/a1b2c3/stages")
//!         .header("content-type", "application/json")
//!         .body(body.into())
//!         .unwrap()
//! };
//! block_on(async {
//!     let valid = AwsJson::<CreateStageInput>::from_request(request(r#"{"stageName": "prod"}"#), &());
//!     let AwsJson(input) = valid.await.unwrap();
//!     assert_eq!(create(AwsJson(input)).await, "prod");
//!
//!     let invalid = r#"{"stageName": "a b", "stageVariables": {"url": ""}}"#;
//!     let rejection = AwsJson::<CreateStageInput>::from_request(request(invalid), &()).await;
//!     let response = rejection.unwrap_err().into_response();
//!     assert_eq!(response.status(), 400);
//!     assert_eq!(response.headers()["x-amzn-ErrorType"], "BadRequestException");
//! });
//! ```

use axum_core::extract::rejection::BytesRejection;
use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;
use http::{header, HeaderValue, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{
    from_json_slice, AwsError, BadRequestException, ConflictException, LimitExceededException,
    NotFoundException,
};

/// A request body decoded and validated as `T`, or rejected with an AWS-style error.
///
/// The body must be JSON (`Content-Type: application/json` or `application/x-amz-json-*`, or no
/// `Content-Type` at all, as some clients send); its size is bounded by axum's
/// `DefaultBodyLimit`. Rejections are [`AwsJsonRejection`]s: every one answers
/// `x-amzn-ErrorType: BadRequestException`, the code AWS SDKs map to a typed error.
#[derive(Debug, Clone, Copy, Default)]
pub struct AwsJson<T>(pub T);

/// Why [`AwsJson`] refused a request; as a response, status and message say which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwsJsonRejection {
    /// 415: the body is not JSON.
    UnsupportedMediaType(String),
    /// 413: the body is larger than the limit.
    TooLarge(String),
    /// 400: the body could not be read (a broken chunked encoding, a client gone).
    Unreadable(String),
    /// 400: the document is not a valid `T`; the message names each violation.
    Invalid(BadRequestException),
}

impl<T, S> FromRequest<S> for AwsJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AwsJsonRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(content_type) = request.headers().get(header::CONTENT_TYPE) {
            check_json(content_type)?;
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(unreadable)?;
        decode(&body)
    }
}

impl<T: DeserializeOwned> AwsJson<T> {
    /// A body already read whole, with the request's `headers`, decoded and validated as `T`,
    /// or rejected as [`FromRequest`] would: for a service that reads bodies itself (within
    /// its own size and time limits) and should not have them collected a second time.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use stages_model::extract::AwsJson;
    /// use stages_model::CreateStageInput;
    ///
    /// let AwsJson(input) = AwsJson::<CreateStageInput>::from_body(&HeaderMap::new(), br#"{"stageName": "prod"}"#).unwrap();
    /// assert_eq!(input.stage_name, "prod");
    /// assert!(AwsJson::<CreateStageInput>::from_body(&HeaderMap::new(), b"{}").is_err());
    /// ```
    pub fn from_body(headers: &http::HeaderMap, body: &[u8]) -> Result<Self, AwsJsonRejection> {
        if let Some(content_type) = headers.get(header::CONTENT_TYPE) {
            check_json(content_type)?;
        }
        decode(body)
    }
}

fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<AwsJson<T>, AwsJsonRejection> {
    from_json_slice(body)
        .map(AwsJson)
        .map_err(|errors| AwsJsonRejection::Invalid(errors.into()))
}

/// `application/json` or `application/x-amz-json-*`, parameters aside.
fn check_json(content_type: &HeaderValue) -> Result<(), AwsJsonRejection> {
    const JSON: &[u8] = b"application/json";
    // Always with a protocol version after the dash (`-1.0`, `-1.1`).
    const AMZ_JSON: &[u8] = b"application/x-amz-json-";
    // The type nearly every client sends, settled by one comparison.
    if content_type.as_bytes() == JSON {
        return Ok(());
    }
    // Compared in place, without a lowercased copy: this runs on every request with a body.
    let essence = content_type
        .as_bytes()
        .split(|&byte| byte == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    let amz_json = essence
        .split_at_checked(AMZ_JSON.len())
        .is_some_and(|(start, version)| {
            start.eq_ignore_ascii_case(AMZ_JSON)
                && version.first().is_some_and(u8::is_ascii_digit)
                && version
                    .iter()
                    .all(|&byte| byte.is_ascii_digit() || byte == b'.')
        });
    if essence.eq_ignore_ascii_case(JSON) || amz_json {
        Ok(())
    } else {
        let essence = String::from_utf8_lossy(essence).to_ascii_lowercase();
        Err(AwsJsonRejection::UnsupportedMediaType(format!(
            "the body must be JSON (Content-Type: application/json), not {essence}"
        )))
    }
}

fn unreadable(rejection: BytesRejection) -> AwsJsonRejection {
    let message = format!(
        "the request body could not be read: {}",
        rejection.body_text()
    );
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AwsJsonRejection::TooLarge(message)
    } else {
        AwsJsonRejection::Unreadable(message)
    }
}

impl IntoResponse for AwsJsonRejection {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            AwsJsonRejection::Invalid(body) => return body.into_response(),
            AwsJsonRejection::UnsupportedMediaType(message) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, message)
            }
            AwsJsonRejection::TooLarge(message) => (StatusCode::PAYLOAD_TOO_LARGE, message),
            AwsJsonRejection::Unreadable(message) => (StatusCode::BAD_REQUEST, message),
        };
        aws_error_response(
            status,
            BadRequestException::CODE,
            &BadRequestException {
                message: Some(message),
            },
        )
    }
}

/// An AWS error as the rest-json protocol sends it: `status`, `x-amzn-ErrorType: code`, and
/// `body` as JSON. For statuses the Stages model has no error of its own (413, 415, 431…),
/// pair the status with the closest modelled code, as [`AwsJsonRejection`] does.
pub fn aws_error_response<E: Serialize>(
    status: StatusCode,
    code: &'static str,
    body: &E,
) -> Response {
    let body = serde_json::to_vec(body)
        .unwrap_or_else(|_| br#"{"message":"the error could not be encoded"}"#.to_vec());
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("x-amzn-ErrorType", HeaderValue::from_static(code));
    response
}

/// `IntoResponse` for each error body, at its own status and with its own code.
macro_rules! respond_as_aws_error {
    ($($body:ty),*) => {$(
        impl IntoResponse for $body {
            fn into_response(self) -> Response {
                let status = StatusCode::from_u16(<$body>::STATUS).unwrap_or(StatusCode::BAD_REQUEST);
                aws_error_response(status, <$body>::CODE, &self)
            }
        }
    )*};
}

respond_as_aws_error!(
    BadRequestException,
    NotFoundException,
    ConflictException,
    LimitExceededException
);

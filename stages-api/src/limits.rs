//! The request's own bounds, checked before the handlers: AWS's quota on the head, and the body
//! read whole within its size and time limits.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

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
/// while the service waits for the rest of one (so that, as a slow upload, it may be evicted).
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
    let mut body = body;
    let mut gathered = Gathered::default();
    // A body that came whole with its head (the usual small request) is taken without setting
    // a timer or marking the connection; the rest of any other is read against the clock.
    let at_once = poll_fn(|context| Poll::Ready(Pin::new(&mut body).poll_frame(context))).await;
    let read = match at_once {
        Poll::Ready(None) => Read::Whole,
        Poll::Ready(Some(Err(error))) => Read::Broken(error),
        ready => {
            let fits = match ready {
                Poll::Ready(Some(Ok(frame))) => frame
                    .into_data()
                    .map_or(true, |data| gathered.add(data, limits.max)),
                _ => true,
            };
            if !fits {
                Read::TooLarge
            } else if body.is_end_stream() {
                Read::Whole
            } else {
                let _reading = ReadingBody::mark(connection);
                // Boxed: the timer is large, and every request's future would carry its room.
                Box::pin(read_rest(&mut body, &mut gathered, limits)).await
            }
        }
    };
    let refusal = match read {
        Read::Whole => None,
        Read::TooLarge => Some((StatusCode::PAYLOAD_TOO_LARGE, too_large())),
        Read::Broken(error) => Some((StatusCode::BAD_REQUEST, unreadable(&error))),
        Read::Late => Some((
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "the request body did not arrive within {:?}",
                limits.timeout
            ),
        )),
    };
    if let Some((status, message)) = refusal {
        return Err(closing(ServiceError::client_fault(status, message)));
    }
    Ok(Request::from_parts(
        parts,
        Body::from(gathered.into_bytes()),
    ))
}

/// The rest of a body that did not come whole with its head, within the limits.
async fn read_rest(body: &mut Body, gathered: &mut Gathered, limits: BodyLimits) -> Read {
    let rest = read_into(body, gathered, limits.max);
    match tokio::time::timeout(limits.timeout, rest).await {
        Ok(Ok(true)) => Read::Whole,
        Ok(Ok(false)) => Read::TooLarge,
        Ok(Err(error)) => Read::Broken(error),
        Err(_) => Read::Late,
    }
}

/// How reading a body ended.
enum Read {
    Whole,
    TooLarge,
    Broken(axum::Error),
    Late,
}

/// What was read of a body so far: its one frame as it came (the usual small request, kept
/// without a copy), or its frames joined.
#[derive(Default)]
pub(crate) struct Gathered {
    first: Bytes,
    joined: Vec<u8>,
}

impl Gathered {
    /// Adds a frame's data; `false`, keeping nothing more, once that makes more than `max`
    /// bytes.
    fn add(&mut self, data: Bytes, max: usize) -> bool {
        let read = if self.joined.is_empty() {
            self.first.len()
        } else {
            self.joined.len()
        };
        if read.saturating_add(data.len()) > max {
            return false;
        }
        if read == 0 {
            self.first = data;
        } else {
            if self.joined.is_empty() {
                self.joined.extend_from_slice(&self.first);
            }
            self.joined.extend_from_slice(&data);
        }
        true
    }

    /// Everything read.
    pub(crate) fn into_bytes(self) -> Bytes {
        if self.joined.is_empty() {
            self.first
        } else {
            self.joined.into()
        }
    }
}

/// Reads the rest of the body into `gathered`: `true` once it ended, `false` as soon as it is
/// larger than `max` bytes. Frames are polled in one loop rather than awaited one by one: a
/// body read whole already (the usual case) is then taken in one poll.
pub(crate) fn read_into<'a>(
    body: &'a mut Body,
    gathered: &'a mut Gathered,
    max: usize,
) -> impl Future<Output = Result<bool, axum::Error>> + 'a {
    poll_fn(move |context| loop {
        match Pin::new(&mut *body).poll_frame(context) {
            Poll::Ready(Some(Ok(frame))) => {
                // Trailers have no data to keep.
                if let Ok(data) = frame.into_data() {
                    if !gathered.add(data, max) {
                        return Poll::Ready(Ok(false));
                    }
                }
            }
            Poll::Ready(Some(Err(error))) => return Poll::Ready(Err(error)),
            Poll::Ready(None) => return Poll::Ready(Ok(true)),
            Poll::Pending => return Poll::Pending,
        }
    })
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

/// What a client is told of a body that could not be read, and why.
pub(crate) fn unreadable(error: &dyn std::error::Error) -> String {
    format!("the request body could not be read: {}", with_causes(error))
}

/// An error and the errors that caused it, each after a colon: hyper's own says only that a
/// body could not be read, and its cause says why (a chunk size that is not one, say).
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(error) = cause {
        let said = error.to_string();
        // A wrapper that repeats its cause's words adds nothing.
        if !text.ends_with(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        cause = error.source();
    }
    text
}

/// An error after which the connection closes (the rest of the request is not read).
fn closing(error: ServiceError) -> Response {
    let mut response = error.into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::with_causes;

    #[derive(Debug)]
    struct Failure(&'static str, Option<Box<Failure>>);

    impl std::fmt::Display for Failure {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Failure {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|cause| cause as _)
        }
    }

    #[test]
    fn causes_follow_the_error_unless_it_repeats_them() {
        let cause = Failure("invalid chunk size line", None);
        let hyper = Failure("error reading a body", Some(Box::new(cause)));
        assert_eq!(
            with_causes(&hyper),
            "error reading a body: invalid chunk size line"
        );
        let repeated = Failure(
            "read: broken pipe",
            Some(Box::new(Failure("broken pipe", None))),
        );
        assert_eq!(with_causes(&repeated), "read: broken pipe");
    }
}

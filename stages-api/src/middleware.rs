//! Around every request: the AWS envelope, a one-line log, the bounds on the head and the body,
//! and a rate limit (off by default), called in turn around the routes.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use std::panic::AssertUnwindSafe;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::{HeaderValue, Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use futures_util::FutureExt;
use tower::ServiceExt;

use crate::access_log;
use crate::connection::ConnectionState;
use crate::envelope;
use crate::errors::ServiceError;
use crate::handlers::Service;
use crate::limits::{self, BodyLimits};
use crate::request_id;

/// The routes with every step around them: what the server hands each request to.
///
/// The steps are called directly around the router rather than as a `from_fn` layer inside
/// it: a layer clones the boxed routes below it and boxes a future for every request, and would
/// have to find the connection in the request's extensions.
#[derive(Clone)]
pub struct App(Arc<Steps>);

struct Steps {
    service: Arc<Service>,
    /// AWS's quota on the request line and header values.
    max_head: usize,
    body: BodyLimits,
    routes: Router,
}

impl App {
    /// `routes` behind the steps, with the service's rate limiter and the head and body limits.
    pub fn new(service: Arc<Service>, max_head: usize, body: BodyLimits, routes: Router) -> Self {
        App(Arc::new(Steps {
            service,
            max_head,
            body,
            routes,
        }))
    }

    /// Every step around the routes, outermost first: the AWS envelope, the request log, AWS's
    /// bound on the head, the body read within its limits (`connection`, when given, is marked
    /// as reading a body meanwhile), the rate limit. Each is a plain call or check in one
    /// function, rather than a future wrapping the next: the request is not moved from one to
    /// the next.
    pub async fn answer(
        &self,
        request: Request,
        connection: Option<&Arc<ConnectionState>>,
    ) -> Response {
        let id = request_id::new_header_value();
        let started = Instant::now();
        let method = request.method().clone();
        let uri = request.uri().clone();
        // A panic in a handler is a bug; its client still gets an answer (a 500), and the
        // connection its bookkeeping, rather than a connection cut without a word.
        let routed = AssertUnwindSafe(self.admit_and_route(request, connection))
            .catch_unwind()
            .await;
        let mut response = routed.unwrap_or_else(|_| {
            ServiceError::Other {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                code: "InternalServerException",
                message: "the request could not be served: the service failed while answering it"
                    .to_owned(),
            }
            .into_response()
        });
        if envelope::needs_aws_shape(&response) {
            // Boxed: rare, and every request's future would otherwise carry its room.
            response = Box::pin(envelope::into_aws_error(response)).await;
        }
        log_request(&method, &uri, started, &response, &id);
        envelope::with_request_id(id, response)
    }

    /// The head quota, the body, the rate limit, then the routes.
    async fn admit_and_route(
        &self,
        request: Request,
        connection: Option<&Arc<ConnectionState>>,
    ) -> Response {
        let steps = &*self.0;
        if let Some(refused) = limits::refuse_head(steps.max_head, &request) {
            return refused;
        }
        let request = match limits::read_body(steps.body, connection, request).await {
            Ok(request) => request,
            Err(refused) => return refused,
        };
        if let Some(refused) = rate_limited(&steps.service) {
            return refused;
        }
        match steps.routes.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    }
}

/// A token bucket: `rate` tokens a second, holding at most `burst`.
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    bucket: Mutex<(f64, Instant)>,
}

impl RateLimiter {
    /// `rate` requests a second on average, up to `burst` at once.
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

/// 429 `TooManyRequestsException` when the bucket is empty.
fn rate_limited(service: &Service) -> Option<Response> {
    match &service.limiter {
        Some(limiter) if !limiter.try_acquire() => {
            Some(ServiceError::too_many_requests().into_response())
        }
        _ => None,
    }
}

/// One line per request in the access log: method, path, status, time taken, request id.
fn log_request(
    method: &Method,
    uri: &Uri,
    started: Instant,
    response: &Response,
    id: &HeaderValue,
) {
    // Tenths of a millisecond, in integers (formatting a float to a precision is slow).
    let tenths = u64::try_from((started.elapsed().as_micros() + 50) / 100).unwrap_or(u64::MAX);
    access_log::record(|line| {
        line.extend_from_slice(method.as_str().as_bytes());
        line.push(b' ');
        match uri.path_and_query() {
            // A request's target as sent, in origin form (`/path?query`): no formatting needed.
            Some(target) if uri.scheme().is_none() => {
                line.extend_from_slice(target.as_str().as_bytes());
            }
            // Writing into a `Vec` cannot fail.
            _ => drop(write!(line, "{uri}")),
        }
        line.push(b' ');
        line.extend_from_slice(response.status().as_str().as_bytes());
        line.push(b' ');
        let mut digits = itoa::Buffer::new();
        line.extend_from_slice(digits.format(tenths / 10).as_bytes());
        line.push(b'.');
        line.push(b'0' + (tenths % 10) as u8);
        line.extend_from_slice(b"ms ");
        line.extend_from_slice(id.as_bytes());
        line.push(b'\n');
    });
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use axum::extract::Request;
    use axum::routing::get;
    use axum::Router;

    use super::App;
    use crate::config::Config;
    use crate::handlers::Service;
    use crate::limits::BodyLimits;

    #[tokio::test]
    async fn a_handler_that_panics_is_answered_500_in_the_aws_format() {
        let config = Config::from_args(std::iter::empty()).unwrap();
        let service = Arc::new(Service::new(&config).unwrap());
        let routes = Router::new().route(
            "/",
            get(|| async {
                if true {
                    panic!("a bug in a handler");
                }
            }),
        );
        let body = BodyLimits {
            max: 1024,
            timeout: Duration::from_secs(1),
        };
        let app = App::new(service, 8 * 1024, body, routes);
        let request = Request::get("/").body(axum::body::Body::empty()).unwrap();
        let response = app.answer(request, None).await;
        assert_eq!(response.status(), 500);
        assert_eq!(
            response.headers()["x-amzn-ErrorType"],
            "InternalServerException"
        );
        assert!(response.headers().contains_key("x-amzn-requestid"));
    }
}

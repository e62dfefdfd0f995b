//! Around every request: the AWS envelope, a one-line log, the bounds on the head and the body,
//! and a rate limit (off by default), as one middleware.

use std::future::Future;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::envelope::{self, RequestId};
use crate::errors::ServiceError;
use crate::handlers::Service;
use crate::limits::{self, BodyLimits};

/// What [`around`] needs.
#[derive(Clone)]
pub struct Around {
    pub service: Arc<Service>,
    /// AWS's quota on the request line and header values.
    pub max_head: usize,
    pub body: BodyLimits,
}

/// Every step around the routes, outermost first: the AWS envelope, the request log, AWS's
/// bound on the head, the body read within its limits, the rate limit. One middleware rather
/// than one each: every `from_fn` layer clones the services below it and boxes a future for each
/// request, which cost more than the steps themselves.
pub async fn around(State(around): State<Around>, request: Request, next: Next) -> Response {
    let around = &around;
    envelope::aws_envelope(request, move |request| {
        log_request(request, move |request| {
            limits::limit_head(around.max_head, request, move |request| {
                limits::read_body(around.body, request, move |request| {
                    rate_limit(&around.service, request, move |request| next.run(request))
                })
            })
        })
    })
    .await
}

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

/// Answers 429 `TooManyRequestsException` when the bucket is empty, else lets `next` answer.
async fn rate_limit<F, Answer>(service: &Service, request: Request, next: F) -> Response
where
    F: FnOnce(Request) -> Answer,
    Answer: Future<Output = Response>,
{
    match &service.limiter {
        Some(limiter) if !limiter.try_acquire() => {
            ServiceError::too_many_requests().into_response()
        }
        _ => next(request).await,
    }
}

/// One line per request on standard error: method, path, status, time taken, request id.
async fn log_request<F, Answer>(request: Request, next: F) -> Response
where
    F: FnOnce(Request) -> Answer,
    Answer: Future<Output = Response>,
{
    let started = Instant::now();
    let method = request.method().clone();
    let uri = request.uri().clone();
    let id = request.extensions().get::<RequestId>().cloned();
    let response = next(request).await;
    // Tenths of a millisecond, in integers (formatting a float to a precision is slow).
    let tenths = (started.elapsed().as_micros() + 50) / 100;
    let line = format!(
        "{method} {uri} {} {}.{}ms {}\n",
        response.status().as_u16(),
        tenths / 10,
        tenths % 10,
        id.map_or_else(String::new, |RequestId(id)| id)
    );
    // One write per line: `eprintln!` on the unbuffered standard error makes one system call
    // per piece of the format (a dozen per line), which cost more than the rest of a request.
    let _ = std::io::stderr().write_all(line.as_bytes());
    response
}

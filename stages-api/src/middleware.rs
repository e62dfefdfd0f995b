//! Around every request: a rate limit (off by default) and a one-line log.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::envelope::RequestId;
use crate::errors::ServiceError;
use crate::handlers::Service;

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

/// One line per request on standard error: method, path, status, time taken, request id.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let uri = request.uri().clone();
    let id = request.extensions().get::<RequestId>().cloned();
    let response = next.run(request).await;
    eprintln!(
        "{method} {uri} {} {:.1}ms {}",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0,
        id.map_or_else(String::new, |RequestId(id)| id)
    );
    response
}

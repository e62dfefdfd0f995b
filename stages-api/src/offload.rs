//! Bodies decoded, large ones off the threads that serve other requests.
//!
//! Decoding a body of a few MiB full of violations takes a while (all of it CPU). Done inline,
//! it holds one of the runtime's worker threads, and a couple of such requests stall every other
//! client. [`Decoded`] decodes as `AwsJson` does (`AwsJson::from_body`: same checks, same
//! rejections) the body that `limits::read_body` has already read whole within its limits, and
//! for a body above [`OFFLOAD_ABOVE`] bytes it first tells the runtime that this thread will
//! block (`block_in_place`), so the other requests move to another thread.

use axum::extract::{FromRequest, Request};
use stages_model::extract::{AwsJson, AwsJsonRejection};
use stages_model::serde::de::DeserializeOwned;
use tokio::runtime::{Handle, RuntimeFlavor};

use crate::limits::{read_into, unreadable, Gathered};

/// Bodies larger than this are decoded off the shared worker threads.
pub const OFFLOAD_ABOVE: u64 = 64 * 1024;

/// A body decoded and validated as `T` by [`AwsJson`], off the shared threads when large. It
/// takes the body as it is, unbounded: only behind the service's steps (`App::answer`), which
/// have read it within `--max-body` and `--body-timeout`.
#[derive(Debug)]
pub struct Decoded<T>(pub T);

impl<T, S> FromRequest<S> for Decoded<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AwsJsonRejection;

    async fn from_request(request: Request, _: &S) -> Result<Self, Self::Rejection> {
        let (parts, mut body) = request.into_parts();
        // The service has already read the body whole within its size and time limits
        // (`limits::read_body`): its one frame is taken as it is, not collected again.
        let mut gathered = Gathered::default();
        if let Err(error) = read_into(&mut body, &mut gathered, usize::MAX).await {
            return Err(AwsJsonRejection::Unreadable(unreadable(&error)));
        }
        let body = gathered.into_bytes();
        let decode = || AwsJson::<T>::from_body(&parts.headers, &body);
        let can_block = || {
            Handle::try_current()
                .is_ok_and(|runtime| runtime.runtime_flavor() == RuntimeFlavor::MultiThread)
        };
        let AwsJson(value) = if body.len() as u64 > OFFLOAD_ABOVE && can_block() {
            tokio::task::block_in_place(decode)?
        } else {
            decode()?
        };
        Ok(Decoded(value))
    }
}

#[cfg(test)]
mod tests {
    use super::{Decoded, OFFLOAD_ABOVE};
    use axum::extract::{FromRequest, Request};
    use axum::response::IntoResponse;
    use stages_model::CreateStageInput;

    /// A CreateStage body larger than [`OFFLOAD_ABOVE`]: valid, or with `stageName` invalid.
    fn large_body(valid: bool) -> Request {
        let name = if valid { "prod" } else { "a b" };
        let description = " ".repeat(OFFLOAD_ABOVE as usize);
        let body = format!(r#"{{"stageName": "{name}"}}{description}"#);
        Request::post("/").body(body.into()).expect("request")
    }

    async fn decode_both() {
        let Decoded(input) = Decoded::<CreateStageInput>::from_request(large_body(true), &())
            .await
            .expect("decoded");
        assert_eq!(input.stage_name, "prod");
        let rejection = Decoded::<CreateStageInput>::from_request(large_body(false), &())
            .await
            .expect_err("invalid");
        assert_eq!(rejection.into_response().status(), 400);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn large_bodies_decode_off_the_workers() {
        decode_both().await;
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_runtime_with_one_thread_decodes_in_place() {
        decode_both().await;
    }
}

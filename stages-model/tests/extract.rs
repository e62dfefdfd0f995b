//! The axum extractor `AwsJson` (feature `axum`): what each kind of bad request gets.
#![cfg(feature = "axum")]

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake};

use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use stages_model::extract::{AwsJson, AwsJsonRejection};
use stages_model::CreateStageInput;

/// Runs a future that needs no runtime (the bodies here are in memory).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Thread(std::thread::Thread);
    impl Wake for Thread {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Arc::new(Thread(std::thread::current())).into();
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut context) {
            return out;
        }
        std::thread::park();
    }
}

/// The decoded input, or the rejection's status and `x-amzn-ErrorType`.
fn extract(content_type: Option<&str>, body: Vec<u8>) -> Result<CreateStageInput, (u16, String)> {
    let mut request = Request::post("/v2/apis/a/stages");
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let request = request.body(body.into()).expect("request");
    block_on(AwsJson::<CreateStageInput>::from_request(request, &()))
        .map(|AwsJson(input)| input)
        .map_err(|rejection| status_and_code(&rejection.into_response()))
}

fn status_and_code(response: &Response) -> (u16, String) {
    let code = response.headers()["x-amzn-ErrorType"]
        .to_str()
        .expect("ascii");
    (response.status().as_u16(), code.to_owned())
}

#[test]
fn json_with_or_without_a_content_type_is_decoded() {
    let body = br#"{"stageName": "prod"}"#.to_vec();
    for content_type in [
        None,
        Some("application/json"),
        Some("application/json; charset=utf-8"),
        Some("application/x-amz-json-1.1"),
    ] {
        let input = extract(content_type, body.clone()).expect("decoded");
        assert_eq!(input.stage_name, "prod");
    }
}

#[test]
fn each_bad_request_gets_its_status_and_a_code_sdks_know() {
    let not_json = extract(Some("text/plain"), b"{}".to_vec()).unwrap_err();
    assert_eq!(not_json, (415, "BadRequestException".to_owned()));

    // axum's default body limit (2 MiB) applies when no `DefaultBodyLimit` is set.
    let huge = extract(Some("application/json"), vec![b' '; 3 << 20]).unwrap_err();
    assert_eq!(huge, (413, "BadRequestException".to_owned()));

    let invalid = extract(None, br#"{"stageName": "a b"}"#.to_vec()).unwrap_err();
    assert_eq!(invalid, (400, "BadRequestException".to_owned()));

    let broken = extract(None, b"{\"stageName\": ".to_vec()).unwrap_err();
    assert_eq!(broken, (400, "BadRequestException".to_owned()));
}

#[test]
fn a_rejection_names_what_was_wrong() {
    let request = Request::post("/")
        .body(br#"{"stageVariables": {"v": ""}}"#.to_vec().into())
        .expect("request");
    let rejection =
        block_on(AwsJson::<CreateStageInput>::from_request(request, &())).expect_err("rejected");
    let AwsJsonRejection::Invalid(body) = rejection else {
        panic!("{rejection:?}")
    };
    let message = body.message.unwrap_or_default();
    assert!(message.contains("stageName: is required"), "{message}");
    assert!(message.contains(r#"stageVariables["v"]"#), "{message}");
}

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

/// The media type is read as HTTP says (RFC 9110 §8.3.1): type and subtype in any case,
/// parameters after `;`, spaces and tabs around them; anything else in the type is another
/// type. `from_body` decides as the extractor does.
#[test]
fn the_media_type_is_read_as_http_says() {
    let body = br#"{"stageName": "prod"}"#;
    let accepted: [&[u8]; 6] = [
        b"Application/JSON",
        b"application/json ; charset=utf-8",
        b"\tapplication/json\t",
        b"APPLICATION/X-AMZ-JSON-1.0",
        b"application/json;",
        b" application/x-amz-json-1.1 ;charset=UTF-8",
    ];
    let refused: [&[u8]; 11] = [
        b"",
        b"text/json",
        b"application/jsonp",
        b"application/x-amz-jsonp",
        b"application/x-amz-json",
        b"application/x-amz-json-",
        b"application/x-amz-json-junk",
        b"application/json-seq",
        b"application/ json",
        b"application/json\xa0",
        b"\xc2\xa0application/json",
    ];
    let decide = |content_type: &[u8]| {
        let value = http::HeaderValue::from_bytes(content_type).expect("a value");
        let mut headers = http::HeaderMap::new();
        headers.insert("content-type", value.clone());
        let from_body = AwsJson::<CreateStageInput>::from_body(&headers, body).map(|_| ());
        let request = Request::post("/")
            .header("content-type", value)
            .body(body.to_vec().into())
            .expect("request");
        let extracted = block_on(AwsJson::<CreateStageInput>::from_request(request, &()));
        assert_eq!(extracted.map(|_| ()), from_body.clone(), "{content_type:?}");
        from_body
    };
    for content_type in accepted {
        assert_eq!(decide(content_type), Ok(()), "{content_type:?}");
    }
    for content_type in refused {
        match decide(content_type) {
            Err(AwsJsonRejection::UnsupportedMediaType(message)) => {
                assert!(message.starts_with("the body must be JSON"), "{message}")
            }
            other => panic!("{content_type:?}: {other:?}"),
        }
    }
}

//! The ceiling of the HTTP stack stages-api is built on: bare axum handlers answering constant
//! JSON bodies, served by `axum::serve` on a default tokio runtime. They answer the load
//! client's requests (`src/bin/load.rs`) with bodies of the bytes stages-api gives for them, so
//! that the two are compared on the same requests and the same answer sizes:
//!
//! - `POST /v2/apis`: an API (`201`);
//! - `POST /v2/apis/{apiId}/stages`: the body is read, and a stage answered (`201`);
//! - `GET /v2/apis/{apiId}/stages`: a page of PAGE such stages (`200`);
//! - `GET /`: the stage alone.
//!
//! `axum_constant [PORT] [PAGE] [--decode]` (port 0 or none: a free one; page 25 by default)
//! prints `listening on http://127.0.0.1:PORT`. With `--decode`, CreateStage also decodes its
//! body with serde_json into plain serde structs (`stages_bench::serde_only`, no rule, 400 if it
//! does not decode) before the constant answer: the least a JSON service does with the body,
//! a second reference beside the ceiling.

use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use stages_bench::serde_only;

/// What stages-api answers to the load client's CreateApi.
const API: &str = r#"{"apiId":"constant00","name":"load","protocolType":"HTTP","apiEndpoint":"https://constant00.execute-api.localhost","createdDate":"2026-11-26T02:06:07Z"}"#;
/// What stages-api answers to the load client's CreateStage (a name of the same length).
const STAGE: &str = r#"{"stageName":"c0n0000","stageVariables":{"v":"x"},"createdDate":"2026-11-26T02:06:10Z","lastUpdatedDate":"2026-11-26T02:06:10Z"}"#;

fn json(status: StatusCode, body: &'static str) -> impl IntoResponse {
    (status, [(header::CONTENT_TYPE, "application/json")], body)
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let port: u16 = args
        .next()
        .map_or(0, |port| port.parse().expect("a port number"));
    let page: usize = args
        .next()
        .map_or(25, |page| page.parse().expect("a page size"));
    let items = vec![STAGE.replace("c0n0000", "page000"); page].join(",");
    let page: &'static str = format!(r#"{{"items":[{items}]}}"#).leak();
    let decode = args.next().is_some_and(|flag| flag == "--decode");
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("a free port");
    println!(
        "listening on http://{}",
        listener.local_addr().expect("an address")
    );
    let app = Router::new()
        .route("/", get(|| async { json(StatusCode::OK, STAGE) }))
        .route(
            "/v2/apis",
            post(|| async { json(StatusCode::CREATED, API) }),
        )
        .route(
            "/v2/apis/{api_id}/stages",
            get(move || async move { json(StatusCode::OK, page) }).post(
                move |body: Bytes| async move {
                    if decode
                        && serde_json::from_slice::<serde_only::CreateStageInput>(&body).is_err()
                    {
                        return json(StatusCode::BAD_REQUEST, "{}").into_response();
                    }
                    json(StatusCode::CREATED, STAGE).into_response()
                },
            ),
        );
    axum::serve(listener, app).await.expect("the server runs");
}

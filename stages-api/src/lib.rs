#![warn(missing_docs)]
//! `stages-api`: the Stages operations as an HTTP service, built on `stages-model`.
//!
//! A library so that tests can drive the pieces; the binary in `main.rs` reads the options and
//! calls [`serve`]. Its HTTP stack never reaches users of `stages-model`.
//!
//! The layers, outside in: [`server`] accepts connections within `--max-connections` and shuts
//! down within `--shutdown-timeout`; [`connection`] tracks each connection's phases (header and
//! idle timeouts), whose deadlines the [`registry`] of open connections sweeps; [`guard`]
//! watches the socket and puts AWS-style errors in place of the bare ones hyper writes for
//! heads it refuses; [`middleware`]'s `App` takes each request through
//! the steps around the routes, in one function: [`envelope`] gives every response its
//! `x-amzn-RequestId` and puts every error in AWS's shape, the request is logged in the
//! [`access_log`] (written in batches), [`limits`] bounds the head as AWS counts it and reads the
//! body within its size and time limits, and the rate limit applies; [`handlers`] decode with
//! `stages_model::extract::AwsJson` (through [`offload`], which takes the body `limits` read and
//! keeps large ones off the threads other requests need) and answer; [`openapi`] is the
//! OpenAPI 3.1 document of those operations, served at `GET /openapi.json`.

pub mod access_log;
pub mod api;
pub mod body;
pub mod config;
pub mod connection;
pub mod envelope;
pub mod errors;
pub mod guard;
pub mod handlers;
pub mod limits;
pub mod middleware;
pub mod offload;
pub mod openapi;
pub mod pagination;
pub mod registry;
pub mod request_id;
pub mod server;
pub mod store;

use std::sync::Arc;

use tokio::net::TcpListener;

/// Serves the Stages API on `listener` until Ctrl-C or SIGTERM, then lets in-flight requests
/// finish for at most `--shutdown-timeout` and returns.
pub async fn serve(listener: TcpListener, config: &config::Config) -> std::io::Result<()> {
    let service = handlers::Service::new(config).map_err(std::io::Error::other)?;
    let state = Arc::new(service);
    let app = handlers::app(state, config);
    let flusher = tokio::spawn(access_log::flusher());
    server::serve(listener, app, config.limits, shutdown_signal()).await;
    flusher.abort();
    access_log::flush();
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so that in-flight requests finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

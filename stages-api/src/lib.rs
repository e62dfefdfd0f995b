//! `stages-api`: the Stages operations as an HTTP service, built on `stages-model`.
//!
//! A library so that tests can drive the pieces; the binary in `main.rs` reads the options and
//! calls [`serve`]. Its HTTP stack never reaches users of `stages-model`.

pub mod api;
pub mod body;
pub mod config;
pub mod errors;
pub mod handlers;
pub mod middleware;
pub mod pagination;
pub mod store;

use std::sync::Arc;

use axum::serve::ListenerExt;
use tokio::net::TcpListener;

/// Serves the Stages API on `listener` until Ctrl-C or SIGTERM, letting in-flight requests finish.
pub async fn serve(listener: TcpListener, config: &config::Config) -> std::io::Result<()> {
    let service = handlers::Service::new(config).map_err(std::io::Error::other)?;
    let state = Arc::new(service);
    let app = handlers::router(state, config);
    // Responses go out in several writes (a page is the stages' own buffers): without
    // TCP_NODELAY, Nagle's algorithm holds the last one until the client's delayed ACK, ~40 ms.
    let listener = listener.tap_io(|stream| {
        let _ = stream.set_nodelay(true);
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
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

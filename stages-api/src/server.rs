//! The accept loop: a bound on open connections, hyper's HTTP/1 on each, and a deadline for
//! shutting down.
//!
//! `axum::serve` has none of the timeouts and bounds a service facing hostile clients needs, so
//! this drives hyper itself: each connection is served by `hyper::server::conn::http1` with the
//! head limited to `--max-head` bytes, its phases timed by [`connection::drive`], and at most
//! `--max-connections` of them open; a connection beyond the bound makes the oldest idle one
//! give its place up, or waits while every connection is serving a request.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::config::ConnectionLimits;
use crate::connection::{self, Outcome};
use crate::guard::GuardedStream;
use crate::middleware::App;
use crate::registry::{Entry, Registry};

/// The most header fields a request may have (hyper's default limit); a head with more
/// is answered `431` like one too large.
pub const MAX_HEADER_FIELDS: usize = 100;

/// What a head may have beyond `--max-head`: AWS's quota counts the request line and header
/// *values*; names, colons and line ends come on top, and this is their room (80 bytes for each
/// of 100 fields, and more). hyper refuses a whole head larger than the sum before it is parsed;
/// the middleware then applies AWS's count exactly.
pub const HEAD_ALLOWANCE: usize = 8 * 1024;

/// The most a connection's read buffer holds.
const READ_BUFFER: usize = 64 * 1024;

/// Serves `app` on `listener` until `shutdown` resolves, then gives requests in flight up to
/// `limits.shutdown_timeout` to finish and returns, cutting what is left.
pub async fn serve(
    listener: TcpListener,
    app: App,
    limits: ConnectionLimits,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let registry = Arc::new(Registry::default());
    let _sweeper = registry.start_sweeping(limits);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let socket = match accepted {
            Ok((socket, _)) => socket,
            Err(error) => {
                // Out of descriptors (or another passing error): make room, then go on.
                let pause = if registry.evict_one() { 1 } else { 20 };
                if pause > 1 {
                    eprintln!("stages-api: accept failed: {error}");
                }
                tokio::time::sleep(Duration::from_millis(pause)).await;
                continue;
            }
        };
        let permit = tokio::select! {
            permit = place_for(&permits, &registry) => permit,
            () = &mut shutdown => break,
        };
        // Registered here rather than in its task, so that no connection misses the shutdown.
        let entry = registry.register();
        let app = app.clone();
        tokio::spawn(async move {
            serve_connection(socket, app, entry, limits).await;
            drop(permit);
        });
    }
    drop(listener);
    registry.shut_down();
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let drained = tokio::time::timeout(limits.shutdown_timeout, permits.acquire_many(all)).await;
    if drained.is_err() {
        eprintln!(
            "stages-api: connections still open after {:?}: cut",
            limits.shutdown_timeout
        );
    }
}

/// A place among the open connections: at once if there is one, else by asking the oldest idle
/// connection to leave, and again every few milliseconds while all are serving requests.
async fn place_for(permits: &Arc<Semaphore>, registry: &Registry) -> OwnedSemaphorePermit {
    loop {
        if let Ok(permit) = permits.clone().try_acquire_owned() {
            return permit;
        }
        registry.evict_one();
        let wait = permits.clone().acquire_owned();
        if let Ok(Ok(permit)) = tokio::time::timeout(Duration::from_millis(50), wait).await {
            return permit;
        }
    }
}

/// The largest whole head hyper accepts: AWS's quota on the request line and header values,
/// plus room for the header names and separators the quota does not count.
pub(crate) fn whole_head(limits: &ConnectionLimits) -> usize {
    limits.max_head + HEAD_ALLOWANCE
}

/// hyper's HTTP/1 with the settings of every connection (shared with the tests of
/// [`connection::drive`], so that they drive the connection the service runs).
pub(crate) fn http1(limits: &ConnectionLimits) -> hyper::server::conn::http1::Builder {
    let whole_head = whole_head(limits);
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .keep_alive(true)
        // A client may shut its sending side once its request is out (`nc`, some scripts):
        // it is still answered. The phase timeouts bound such connections like any other.
        .half_close(true)
        .max_header_size(whole_head)
        // hyper's read buffer grows to this at most (its default is ~400 KiB): with 512
        // connections, 32 MiB of buffers in the worst case rather than 200.
        .max_buf_size(READ_BUFFER.max(whole_head + 1024))
        // The phase timeouts are the registry's sweep, not a timer of hyper's.
        .header_read_timeout(None);
    builder
}

/// One connection, from accept to close.
async fn serve_connection(socket: TcpStream, app: App, entry: Entry, limits: ConnectionLimits) {
    let _ = socket.set_nodelay(true);
    let state = entry.state.clone();
    let io = TokioIo::new(GuardedStream::new(
        socket,
        state.clone(),
        whole_head(&limits),
    ));
    let service_state = state.clone();
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        service_state.request_started();
        let (app, connection) = (app.clone(), service_state.clone());
        async move {
            let response = app
                .answer(request.map(axum::body::Body::new), Some(&connection))
                .await;
            connection.request_answered();
            Ok::<_, Infallible>(response)
        }
    });
    let connection = http1(&limits).serve_connection(io, service);
    let closing = async {
        match connection::drive(connection, &state, &limits).await {
            Outcome::Done(io) => connection::close_gracefully(io.into_inner()).await,
            Outcome::Answer(io, status, message) => {
                connection::answer_and_close(io.into_inner(), status, &message).await;
            }
            Outcome::Dropped => {}
        }
    };
    // Asked to give its place up, whether serving or closing, it is dropped at once.
    tokio::select! {
        () = closing => {}
        () = state.evicted() => {}
    }
}

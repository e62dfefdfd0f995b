//! [`drive`] on a real hyper connection over an in-memory stream, with the registry's sweep
//! running: what ends a connection, and when.
//!
//! Time is tokio's paused clock: it jumps to the next timer (a sweep) whenever every task waits,
//! so a deadline is checked exactly, with no real waiting and no noise from a busy machine. A
//! phase must end no earlier than its timeout and no later than one sweep after it.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::{answer_and_close, close_gracefully, drive, Outcome};
use crate::config::ConnectionLimits;
use crate::guard::GuardedStream;
use crate::registry::{Registry, Sweeper, SWEEP_EVERY};
use crate::server;

const HEADER_TIMEOUT: Duration = Duration::from_secs(2);
/// Longer than the header timeout, so that a kept-alive connection timed by the wrong one
/// shows.
const IDLE_TIMEOUT: Duration = Duration::from_secs(5);
/// Longer than any phase: a connection still open after it was not ended by its deadline.
const GIVE_UP: Duration = Duration::from_secs(30);

fn limits() -> ConnectionLimits {
    ConnectionLimits {
        header_timeout: HEADER_TIMEOUT,
        idle_timeout: IDLE_TIMEOUT,
        ..ConnectionLimits::default()
    }
}

/// How [`drive`] ended, and when.
#[derive(Debug, PartialEq)]
enum Ended {
    Done,
    Answer(u16, String),
    Dropped,
    /// `ConnectionState::evicted` resolved first (as in `server::serve_connection`).
    Evicted,
}

/// One connection of a service with a registry and its sweep, as `server::serve` runs it.
struct Service {
    registry: Arc<Registry>,
    _sweeper: Sweeper,
    /// Each request waits for a permit before it is answered.
    answers: Arc<Semaphore>,
    /// The body of every answer.
    body: String,
}

impl Service {
    /// A service whose requests are answered at once.
    fn new() -> Self {
        Self::answering(Semaphore::MAX_PERMITS)
    }

    /// A service that answers `permits` requests, and holds later ones until
    /// [`Service::answers`] gets more permits.
    fn answering(permits: usize) -> Self {
        let registry = Arc::new(Registry::default());
        let sweeper = registry.start_sweeping(limits());
        Service {
            registry,
            _sweeper: sweeper,
            answers: Arc::new(Semaphore::new(permits)),
            body: "ok".to_owned(),
        }
    }

    /// A service whose answers carry `len` bytes: more than the in-memory stream holds.
    fn answering_with(len: usize) -> Self {
        Service {
            body: "x".repeat(len),
            ..Self::new()
        }
    }

    /// Opens a connection: the client's end of the stream, and the task driving the server's
    /// end, which says how and when it ended (and then closes it as the server does).
    fn connect(&self) -> (DuplexStream, JoinHandle<(Ended, Instant)>) {
        let (client, server) = tokio::io::duplex(64 * 1024);
        let entry = self.registry.register();
        let state = entry.state.clone();
        // The service's own wrapper: it tells the connection when bytes arrive.
        let limits = limits();
        let io = TokioIo::new(GuardedStream::new(
            server,
            state.clone(),
            server::whole_head(&limits),
        ));
        let (service_state, answers, body) =
            (state.clone(), self.answers.clone(), self.body.clone());
        // The bookkeeping `server::serve_connection` does around the service.
        let service = hyper::service::service_fn(move |_: hyper::Request<Incoming>| {
            service_state.request_started();
            let (state, answers, body) = (service_state.clone(), answers.clone(), body.clone());
            async move {
                let _permit = answers.acquire().await;
                state.request_answered();
                Ok::<_, Infallible>(hyper::Response::new(body))
            }
        });
        let connection = server::http1(&limits).serve_connection(io, service);
        let task = tokio::spawn(async move {
            let _entry = entry;
            let ended = tokio::select! {
                outcome = drive(connection, &state, &limits) => outcome,
                () = state.evicted() => return (Ended::Evicted, Instant::now()),
            };
            let at = Instant::now();
            match ended {
                Outcome::Done(io) => {
                    close_gracefully(io.into_inner()).await;
                    (Ended::Done, at)
                }
                Outcome::Answer(io, status, message) => {
                    answer_and_close(io.into_inner(), status, &message).await;
                    (Ended::Answer(status, message), at)
                }
                Outcome::Dropped => (Ended::Dropped, at),
            }
        });
        (client, task)
    }
}

/// How the connection ended, and when; a failure if it is still open after [`GIVE_UP`].
async fn ended(task: JoinHandle<(Ended, Instant)>) -> (Ended, Instant) {
    match tokio::time::timeout(GIVE_UP, task).await {
        Ok(ended) => ended.expect("the connection's task panicked"),
        Err(_) => panic!("the connection is still open after {GIVE_UP:?}"),
    }
}

/// Asserts that a phase which began at `since` and ended at `at` lasted its `timeout`, to
/// within one sweep.
fn assert_lasted(since: Instant, at: Instant, timeout: Duration) {
    let lasted = at - since;
    assert!(
        lasted >= timeout && lasted <= timeout + SWEEP_EVERY,
        "ended after {lasted:?}, expected {timeout:?} to {:?}",
        timeout + SWEEP_EVERY
    );
}

/// Reads one response with a `content-length` body; the whole of it as text.
async fn read_response(client: &mut DuplexStream) -> String {
    let mut received = Vec::new();
    loop {
        let text = String::from_utf8_lossy(&received);
        if let Some(head_end) = text.find("\r\n\r\n") {
            let length = text[..head_end]
                .lines()
                .find_map(|line| line.strip_prefix("content-length: "))
                .map(|length| length.parse::<usize>().unwrap())
                .expect("a response with a content-length");
            if received.len() >= head_end + 4 + length {
                return text.into_owned();
            }
        }
        let mut buffer = [0; 1024];
        let n = client.read(&mut buffer).await.unwrap();
        assert!(n > 0, "the connection closed in a response: {text:?}");
        received.extend_from_slice(&buffer[..n]);
    }
}

/// Reads until the server closes its end.
async fn read_to_close(client: &mut DuplexStream) -> String {
    let mut received = Vec::new();
    client.read_to_end(&mut received).await.unwrap();
    String::from_utf8(received).unwrap()
}

const REQUEST: &[u8] = b"GET /v2/apis HTTP/1.1\r\nhost: localhost\r\n\r\n";

#[tokio::test(start_paused = true)]
async fn requests_kept_alive_are_answered_and_a_client_closing_ends_the_connection() {
    let service = Service::new();
    let (mut client, task) = service.connect();
    for _ in 0..2 {
        client.write_all(REQUEST).await.unwrap();
        let response = read_response(&mut client).await;
        assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response:?}");
        assert!(response.ends_with("\r\n\r\nok"), "{response:?}");
    }
    let closed = Instant::now();
    client.shutdown().await.unwrap();
    let (ended, at) = ended(task).await;
    assert_eq!(ended, Ended::Done);
    assert_eq!(at, closed, "a client's close ends the connection at once");
    assert_eq!(read_to_close(&mut client).await, "");
}

#[tokio::test(start_paused = true)]
async fn half_a_head_then_silence_is_answered_408_within_the_header_timeout() {
    let service = Service::new();
    let (mut client, task) = service.connect();
    // Some time as a new connection first: the head's own timeout starts at its first byte.
    tokio::time::sleep(HEADER_TIMEOUT / 2).await;
    let started = Instant::now();
    client
        .write_all(b"GET /v2/apis HTTP/1.1\r\nho")
        .await
        .unwrap();
    let (ended, at) = ended(task).await;
    let message = format!("the request line and headers did not arrive within {HEADER_TIMEOUT:?}");
    assert_eq!(ended, Ended::Answer(408, message.clone()));
    assert_lasted(started, at, HEADER_TIMEOUT);
    let answer = read_to_close(&mut client).await;
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer:?}");
    assert!(answer.contains("x-amzn-requestid: "), "{answer:?}");
    assert!(
        answer.ends_with(&format!("{{\"message\":\"{message}\"}}")),
        "{answer:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_new_connection_that_sends_nothing_closes_after_the_header_timeout() {
    let service = Service::new();
    let opened = Instant::now();
    let (mut client, task) = service.connect();
    let (ended, at) = ended(task).await;
    assert_eq!(ended, Ended::Dropped);
    assert_lasted(opened, at, HEADER_TIMEOUT);
    assert_eq!(read_to_close(&mut client).await, "");
}

#[tokio::test(start_paused = true)]
async fn an_idle_kept_alive_connection_closes_after_the_idle_timeout() {
    let service = Service::new();
    let (mut client, task) = service.connect();
    client.write_all(REQUEST).await.unwrap();
    read_response(&mut client).await;
    let answered = Instant::now();
    let (ended, at) = ended(task).await;
    assert_eq!(ended, Ended::Dropped);
    assert_lasted(answered, at, IDLE_TIMEOUT);
    assert_eq!(read_to_close(&mut client).await, "");
}

#[tokio::test(start_paused = true)]
async fn a_request_in_service_has_no_deadline_and_its_answer_restarts_the_idle_timeout() {
    let service = Service::answering(0);
    let (mut client, task) = service.connect();
    client.write_all(REQUEST).await.unwrap();
    // Served for longer than every timeout: the connection stays.
    tokio::time::sleep(IDLE_TIMEOUT * 2).await;
    assert!(
        !task.is_finished(),
        "a connection serving a request was ended"
    );
    service.answers.add_permits(1);
    read_response(&mut client).await;
    let answered = Instant::now();
    let (ended, at) = ended(task).await;
    assert_eq!(ended, Ended::Dropped);
    assert_lasted(answered, at, IDLE_TIMEOUT);
}

#[tokio::test(start_paused = true)]
async fn shutdown_closes_an_idle_connection_at_once() {
    let service = Service::new();
    let (mut client, task) = service.connect();
    client.write_all(REQUEST).await.unwrap();
    read_response(&mut client).await;
    let asked = Instant::now();
    service.registry.shut_down();
    let (ended, at) = ended(task).await;
    assert_eq!((ended, at), (Ended::Done, asked));
    assert_eq!(read_to_close(&mut client).await, "");
}

/// More than the in-memory stream holds: hyper is still writing it when the test acts.
const LARGE: usize = 256 * 1024;

/// Reads a response whose body is [`LARGE`] bytes, `chunk` bytes at a time, `pause` apart;
/// the length of the body received.
async fn read_slowly(client: &mut DuplexStream, chunk: usize, pause: Duration) -> usize {
    let mut received = Vec::new();
    loop {
        let head_end = received.windows(4).position(|four| four == b"\r\n\r\n");
        if let Some(head_end) = head_end {
            if received.len() >= head_end + 4 + LARGE {
                return received.len() - head_end - 4;
            }
        }
        tokio::time::sleep(pause).await;
        let mut buffer = vec![0; chunk];
        let n = client.read(&mut buffer).await.unwrap();
        assert!(n > 0, "the answer was cut after {} bytes", received.len());
        received.extend_from_slice(&buffer[..n]);
    }
}

#[tokio::test(start_paused = true)]
async fn shutdown_lets_an_answer_the_client_is_slow_to_read_be_written_whole() {
    let service = Service::answering_with(LARGE);
    let (mut client, task) = service.connect();
    client.write_all(REQUEST).await.unwrap();
    // The answer handed over, and the stream full of it.
    tokio::time::sleep(SWEEP_EVERY).await;
    service.registry.shut_down();
    tokio::time::sleep(SWEEP_EVERY * 4).await;
    assert!(!task.is_finished(), "shutdown cut an answer being written");
    assert_eq!(
        read_slowly(&mut client, 16 * 1024, SWEEP_EVERY).await,
        LARGE
    );
    assert_eq!(ended(task).await.0, Ended::Done);
}

#[tokio::test(start_paused = true)]
async fn an_answer_read_slowly_but_steadily_outlasts_the_idle_timeout() {
    let service = Service::answering_with(LARGE);
    let (mut client, task) = service.connect();
    client.write_all(REQUEST).await.unwrap();
    let started = Instant::now();
    // 16 reads two seconds apart: three times the idle timeout in all.
    let length = read_slowly(&mut client, 16 * 1024, IDLE_TIMEOUT * 2 / 5).await;
    assert_eq!(length, LARGE);
    assert!(started.elapsed() > IDLE_TIMEOUT * 3);
    // Then idle, from the server's last write: closed by the idle timeout, whole.
    let (ended, at) = ended(task).await;
    assert_eq!(ended, Ended::Dropped);
    assert!(
        at - started > IDLE_TIMEOUT * 2,
        "ended {:?} in",
        at - started
    );
}

#[tokio::test(start_paused = true)]
async fn an_answer_the_client_stops_reading_is_cut_after_the_idle_timeout() {
    let service = Service::answering_with(LARGE);
    let (mut client, task) = service.connect();
    client.write_all(REQUEST).await.unwrap();
    let mut buffer = vec![0; 16 * 1024];
    assert!(client.read(&mut buffer).await.unwrap() > 0);
    // The write that read let through is the last progress.
    tokio::time::sleep(SWEEP_EVERY / 10).await;
    let stalled = Instant::now();
    let (ended, at) = ended(task).await;
    assert_eq!(ended, Ended::Dropped);
    assert_lasted(stalled - SWEEP_EVERY / 10, at, IDLE_TIMEOUT);
}

#[tokio::test(start_paused = true)]
async fn shutdown_lets_the_request_in_service_be_answered_then_closes() {
    let service = Service::answering(0);
    let (mut client, task) = service.connect();
    client.write_all(REQUEST).await.unwrap();
    // Long enough (in paused time) for the request to reach the service and wait there.
    tokio::time::sleep(SWEEP_EVERY).await;
    service.registry.shut_down();
    tokio::time::sleep(SWEEP_EVERY * 4).await;
    assert!(!task.is_finished(), "shutdown cut a request in service");
    service.answers.add_permits(1);
    let response = read_to_close(&mut client).await;
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response:?}");
    assert!(
        response.contains("\r\nconnection: close\r\n"),
        "{response:?}"
    );
    assert_eq!(ended(task).await.0, Ended::Done);
}

#[tokio::test(start_paused = true)]
async fn eviction_takes_an_idle_connection_not_one_serving_a_request() {
    let service = Service::answering(0);
    let (mut serving, serving_task) = service.connect();
    serving.write_all(REQUEST).await.unwrap();
    // Long enough (in paused time) for the request to reach the service and wait there.
    tokio::time::sleep(SWEEP_EVERY).await;
    let (_idle, idle_task) = service.connect();
    assert!(service.registry.evict_one());
    assert_eq!(ended(idle_task).await.0, Ended::Evicted);
    assert!(
        !service.registry.evict_one(),
        "a connection serving a request was offered for eviction"
    );
    assert!(!serving_task.is_finished());
}

//! One connection's life: which phase it is in, the timeout of that phase, and what ends it.
//!
//! | phase | ends with |
//! |---|---|
//! | waiting for the first request | `--header-timeout`: closed |
//! | between requests (kept alive) | `--idle-timeout` from the last byte of the answer the client took: closed |
//! | a head arriving | `--header-timeout`: `408` in the AWS format, then closed |
//! | (an HTTP/2 preface) | at once: `505` in the AWS format, then closed |
//! | a request being served | the body's own deadline (`--body-timeout`, in the middleware) |
//!
//! When a new connection needs a place (`--max-connections`, or the process out of
//! descriptors), one is evicted: the one waiting longest without a request in service, else the
//! one whose request body has been arriving for longest (a slow upload, not yet seen by any
//! handler, so nothing is lost). After SIGTERM a connection closes as soon as its answer in
//! flight is written (a head half arrived is dropped).
//!
//! A connection's task has no timer of its own: the registry ([`crate::registry`]) looks at
//! every deadline a few times a second and signals the connections whose deadline passed, as it
//! signals eviction and shutdown. So a request costs its connection no timer to set and no
//! future to poll beside hyper's own, only an atomic load when the task wakes.

use std::future::{poll_fn, Future};
use std::io::Write as _;
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::task::AtomicWaker;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::time::Instant;

use crate::access_log;
use crate::config::ConnectionLimits;
use crate::errors::raw_error_response;
use crate::request_id;

/// Where a connection is in its life.
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// No byte of a request head since `since`; `first` until a request has been served.
    Waiting { since: Instant, first: bool },
    /// Bytes of a request head have arrived since `since`; no request yet for the service.
    Head { since: Instant },
    /// The service has `requests` requests of this connection in hand, and has been reading
    /// a body since `body_since`, if it is reading one.
    Serving {
        requests: usize,
        body_since: Option<Instant>,
    },
}

/// What a connection's deadline does when it passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expiry {
    Close,
    AnswerTimeout,
}

/// What a connection's task is asked to do, as bits of [`ConnectionState`]'s signals.
pub(crate) mod signal {
    /// A deadline may have passed: look at the phase.
    pub const DEADLINE: u8 = 1;
    /// Give the place up, if idle or a slow upload.
    pub const EVICT: u8 = 2;
    /// The service is shutting down.
    pub const SHUT_DOWN: u8 = 4;
}

/// A connection's phase, shared by its socket wrapper, its service, its task and the registry.
pub struct ConnectionState {
    phase: Mutex<Phase>,
    /// The [`signal`]s raised and not yet handled.
    signals: AtomicU8,
    /// The connection's task, woken by a signal.
    task: AtomicWaker,
}

impl ConnectionState {
    pub(crate) fn new() -> Self {
        ConnectionState {
            phase: Mutex::new(Phase::Waiting {
                since: Instant::now(),
                first: true,
            }),
            signals: AtomicU8::new(0),
            task: AtomicWaker::new(),
        }
    }

    /// Raises `bits` and wakes the connection's task.
    pub(crate) fn signal(&self, bits: u8) {
        self.signals.fetch_or(bits, Ordering::AcqRel);
        self.task.wake();
    }

    /// The signals raised, with the task (`context`) woken by any raised from now on: an atomic
    /// load on every wake-up, where a timer or a `Notify` would be a future to poll.
    fn raised(&self, context: &Context<'_>) -> u8 {
        self.task.register(context.waker());
        self.signals.load(Ordering::Acquire)
    }

    /// The signals raised and not yet handled, without registering a task.
    #[cfg(test)]
    pub(crate) fn pending(&self) -> u8 {
        self.signals.load(Ordering::Acquire)
    }

    /// Lowers `bits` once handled.
    fn lower(&self, bits: u8) {
        self.signals.fetch_and(!bits, Ordering::AcqRel);
    }

    fn phase(&self) -> MutexGuard<'_, Phase> {
        self.phase
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Bytes came in: when no request is being served, a head has started.
    pub fn bytes_arrived(&self) {
        let mut phase = self.phase();
        if let Phase::Waiting { .. } = *phase {
            *phase = Phase::Head {
                since: Instant::now(),
            };
        }
    }

    /// hyper handed a request to the service.
    pub fn request_started(&self) {
        let mut phase = self.phase();
        *phase = match *phase {
            Phase::Serving {
                requests,
                body_since,
            } => Phase::Serving {
                requests: requests + 1,
                body_since,
            },
            _ => Phase::Serving {
                requests: 1,
                body_since: None,
            },
        };
    }

    /// The service answered a request (hyper may still be writing the answer: see
    /// [`ConnectionState::answer_moving`]).
    pub fn request_answered(&self) {
        let mut phase = self.phase();
        *phase = match *phase {
            Phase::Serving {
                requests,
                body_since,
            } if requests > 1 => Phase::Serving {
                requests: requests - 1,
                body_since,
            },
            _ => Phase::Waiting {
                since: Instant::now(),
                first: false,
            },
        };
    }

    /// An answer that had filled the socket moved on (the client read some of it): between
    /// requests, the idle time counts from here, so that an answer still being written to a
    /// slow but steady reader is neither timed out nor ranked as idle for eviction, while one
    /// the client stopped reading still is, from the last byte it took.
    pub fn answer_moving(&self) {
        if let Phase::Waiting {
            since,
            first: false,
        } = &mut *self.phase()
        {
            *since = Instant::now();
        }
    }

    /// The service started (`true`) or finished (`false`) reading a request body.
    pub fn reading_body(&self, reading: bool) {
        if let Phase::Serving { body_since, .. } = &mut *self.phase() {
            *body_since = reading.then(Instant::now);
        }
    }

    /// Resolves when the connection is asked to give its place up and may: it is idle, or a
    /// slow upload (also while it closes: its phase is then that of its last request,
    /// answered, so it ranks as idle).
    pub async fn evicted(&self) {
        poll_fn(|context| {
            if self.raised(context) & signal::EVICT != 0 {
                self.lower(signal::EVICT);
                if self.eviction_rank().is_some() {
                    return Poll::Ready(());
                }
            }
            Poll::Pending
        })
        .await;
    }

    /// When the current phase ends on its own, and how.
    fn deadline(&self, limits: &ConnectionLimits) -> Option<(Instant, Expiry)> {
        match *self.phase() {
            // A timeout too long to add to a time is one that never ends.
            Phase::Waiting { since, first: true } => since
                .checked_add(limits.header_timeout)
                .map(|at| (at, Expiry::Close)),
            Phase::Waiting { since, .. } => since
                .checked_add(limits.idle_timeout)
                .map(|at| (at, Expiry::Close)),
            Phase::Head { since } => since
                .checked_add(limits.header_timeout)
                .map(|at| (at, Expiry::AnswerTimeout)),
            Phase::Serving { .. } => None,
        }
    }

    /// Whether the current phase's deadline has passed by `now` and the task has not yet been
    /// told (a connection closing after its last answer is not woken again and again).
    pub(crate) fn expired(&self, limits: &ConnectionLimits, now: Instant) -> bool {
        self.signals.load(Ordering::Acquire) & signal::DEADLINE == 0
            && matches!(self.deadline(limits), Some((at, _)) if at <= now)
    }

    /// Whether part of a request head has arrived, and nothing of it is served yet.
    fn receiving_head(&self) -> bool {
        matches!(*self.phase(), Phase::Head { .. })
    }

    /// Whether the connection may be evicted, and how early: idle ones first (rank 0), then
    /// slow uploads (rank 1), each oldest first.
    pub(crate) fn eviction_rank(&self) -> Option<(u8, Instant)> {
        match *self.phase() {
            Phase::Waiting { since, .. } | Phase::Head { since } => Some((0, since)),
            Phase::Serving {
                body_since: Some(since),
                ..
            } => Some((1, since)),
            Phase::Serving { .. } => None,
        }
    }
}

/// How a served connection ended, for the task that drives it.
pub enum Outcome<I> {
    /// hyper is done with it (closed by either side, or after an error it answered); the
    /// socket is handed back to be closed without losing that answer.
    Done(I),
    /// The request gets an answer hyper could not give (a head too slow: `408`; HTTP/2 spoken
    /// to this HTTP/1.1 service: `505`): the socket is handed back to write it.
    Answer(I, u16, String),
    /// Its phase expired or it gave its place up: drop it.
    Dropped,
}

/// What woke a connection's task, beside hyper's own work.
enum Event<E> {
    /// hyper is done with the connection.
    Ended(Result<(), E>),
    /// The registry saw a deadline pass.
    Deadline,
    /// The service is shutting down.
    ShutDown,
}

/// Drives `connection` until it ends, applying the phase deadlines and shutdown as the
/// registry signals them (eviction is [`ConnectionState::evicted`], awaited beside this).
pub async fn drive<I, S, B>(
    mut connection: hyper::server::conn::http1::Connection<I, S>,
    state: &ConnectionState,
    limits: &ConnectionLimits,
) -> Outcome<I>
where
    S: hyper::service::HttpService<hyper::body::Incoming, ResBody = B>,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    I: hyper::rt::Read + hyper::rt::Write + Unpin,
    B: hyper::body::Body + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut shutting_down = false;
    loop {
        // The connection first (the usual wake-up), then the signals.
        let event = poll_fn(|context| {
            if let Poll::Ready(ended) = Pin::new(&mut connection).poll(context) {
                return Poll::Ready(Event::Ended(ended));
            }
            let raised = state.raised(context);
            if raised & signal::SHUT_DOWN != 0 && !shutting_down {
                return Poll::Ready(Event::ShutDown);
            }
            if raised & signal::DEADLINE != 0 {
                state.lower(signal::DEADLINE);
                return Poll::Ready(Event::Deadline);
            }
            Poll::Pending
        })
        .await;
        match event {
            Event::Ended(ended) => {
                let io = connection.into_parts().io;
                return match ended {
                    Err(error) if error.is_parse_version_h2() => {
                        Outcome::Answer(io, 505, "this service speaks HTTP/1.1 only".to_owned())
                    }
                    _ => Outcome::Done(io),
                };
            }
            // The phase may have moved on since the registry looked: looked at again.
            Event::Deadline => match state.deadline(limits) {
                Some((at, Expiry::Close)) if at <= Instant::now() => return Outcome::Dropped,
                Some((at, Expiry::AnswerTimeout)) if at <= Instant::now() => {
                    let message = format!(
                        "the request line and headers did not arrive within {:?}",
                        limits.header_timeout
                    );
                    return Outcome::Answer(connection.into_parts().io, 408, message);
                }
                _ => {}
            },
            Event::ShutDown => {
                shutting_down = true;
                // hyper ends the connection once it has written all it owes: at once when it
                // is between requests, after the answer when one is being served or written.
                // Only a head half arrived, of which nothing was acknowledged, is dropped.
                Pin::new(&mut connection).graceful_shutdown();
                if state.receiving_head() {
                    return Outcome::Dropped;
                }
            }
        }
    }
}

/// Closes a socket without losing the answer just written to it: closing a socket that still
/// has unread bytes from the client (the rest of a body too large) makes the system send a
/// reset, which may destroy the answer before the client reads it. So the sending side is shut
/// first, then what the client still sends is read and dropped, for at most a second and a MiB.
pub async fn close_gracefully<S: AsyncRead + AsyncWrite + Unpin>(mut socket: S) {
    let drain = async {
        socket.shutdown().await?;
        let mut buffer = [0u8; 8192];
        let mut drained = 0;
        while drained < (1 << 20) {
            match socket.read(&mut buffer).await? {
                0 => break,
                n => drained += n,
            }
        }
        Ok::<_, std::io::Error>(())
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
}

/// Writes an AWS-style error on a socket no service answered, then closes it.
pub async fn answer_and_close<S: AsyncRead + AsyncWrite + Unpin>(
    mut socket: S,
    status: u16,
    message: &str,
) {
    let answer = raw_error_response(status, message, &request_id::new_request_id());
    access_log::record(|line| {
        let _ = writeln!(line, "- - {status} (answered by the HTTP layer: {message})");
    });
    if let Ok(Ok(())) =
        tokio::time::timeout(Duration::from_secs(1), socket.write_all(&answer)).await
    {
        close_gracefully(socket).await;
    }
}

#[cfg(test)]
mod tests;

//! One connection's life: which phase it is in, the timeout of that phase, and what ends it.
//!
//! | phase | ends with |
//! |---|---|
//! | waiting for the first request | `--header-timeout`: closed |
//! | between requests (kept alive) | `--idle-timeout`: closed |
//! | a head arriving | `--header-timeout`: `408` in the AWS format, then closed |
//! | (an HTTP/2 preface) | at once: `505` in the AWS format, then closed |
//! | a request being served | the body's own deadline (`--body-timeout`, in the middleware) |
//!
//! When a new connection needs a place (`--max-connections`, or the process out of
//! descriptors), one is evicted: the one waiting longest without a request in service, else the
//! one whose request body has been arriving for longest (a slow upload, not yet seen by any
//! handler, so nothing is lost). After SIGTERM a connection closes as soon as its request in
//! flight is answered.

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{watch, Notify};
use tokio::time::{sleep_until, Instant};

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

/// A connection's phase, shared by its socket wrapper, its service and its task.
pub struct ConnectionState {
    phase: Mutex<Phase>,
    /// Woken when a phase begins that ends before the task's timer fires, so that the task sets
    /// its timer earlier. (A phase that ends later needs no wake-up: the timer fires early, and
    /// the task looks at the phase then. So a connection serving request after request does not
    /// wake its task for each.)
    changed: Notify,
    /// Woken when the connection is asked to give its place up.
    evict: Notify,
    /// When the task's timer fires, as nanoseconds after `origin` plus one; 0 when it is not set.
    armed: AtomicU64,
    origin: Instant,
    header_timeout: Duration,
    idle_timeout: Duration,
}

impl ConnectionState {
    fn new(limits: &ConnectionLimits) -> Self {
        let origin = Instant::now();
        ConnectionState {
            phase: Mutex::new(Phase::Waiting {
                since: origin,
                first: true,
            }),
            changed: Notify::new(),
            evict: Notify::new(),
            armed: AtomicU64::new(0),
            origin,
            header_timeout: limits.header_timeout,
            idle_timeout: limits.idle_timeout,
        }
    }

    fn encode(&self, at: Instant) -> u64 {
        let nanos = at.saturating_duration_since(self.origin).as_nanos();
        u64::try_from(nanos).unwrap_or(u64::MAX - 1) + 1
    }

    /// The task set its timer for `at`, or has none set.
    fn set_armed(&self, at: Option<Instant>) {
        let armed = at.map_or(0, |at| self.encode(at));
        self.armed.store(armed, Ordering::SeqCst);
    }

    /// A phase ending at `deadline` began: wakes the task if its timer would fire too late.
    fn began(&self, deadline: Instant) {
        let armed = self.armed.load(Ordering::SeqCst);
        if armed == 0 || self.encode(deadline) < armed {
            self.changed.notify_one();
        }
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
            let since = Instant::now();
            *phase = Phase::Head { since };
            drop(phase);
            self.began(since + self.header_timeout);
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
        // Serving has no deadline of its own: a timer set for the phase before fires early,
        // harmlessly.
    }

    /// The service answered a request.
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
        if let Phase::Waiting { since, .. } = *phase {
            drop(phase);
            self.began(since + self.idle_timeout);
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
        loop {
            self.evict.notified().await;
            if self.eviction_rank().is_some() {
                return;
            }
        }
    }

    /// When the current phase ends on its own, and how.
    fn deadline(&self, limits: &ConnectionLimits) -> Option<(Instant, Expiry)> {
        match *self.phase() {
            Phase::Waiting { since, first: true } => {
                Some((since + limits.header_timeout, Expiry::Close))
            }
            Phase::Waiting { since, .. } => Some((since + limits.idle_timeout, Expiry::Close)),
            Phase::Head { since } => Some((since + limits.header_timeout, Expiry::AnswerTimeout)),
            Phase::Serving { .. } => None,
        }
    }

    /// Since when the connection has not been serving a request, if it is not.
    fn unserved_since(&self) -> Option<Instant> {
        match *self.phase() {
            Phase::Waiting { since, .. } | Phase::Head { since } => Some(since),
            Phase::Serving { .. } => None,
        }
    }

    /// Whether the connection may be evicted, and how early: idle ones first (rank 0), then
    /// slow uploads (rank 1), each oldest first.
    fn eviction_rank(&self) -> Option<(u8, Instant)> {
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

/// The open connections, so that one can be asked to give its place up.
#[derive(Default)]
pub struct Registry {
    open: Mutex<HashMap<u64, Arc<ConnectionState>>>,
    next: AtomicU64,
}

impl Registry {
    fn open(&self) -> MutexGuard<'_, HashMap<u64, Arc<ConnectionState>>> {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A new connection's state, registered until the returned entry is dropped.
    pub fn register(self: &Arc<Self>, limits: &ConnectionLimits) -> Entry {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(ConnectionState::new(limits));
        self.open().insert(id, state.clone());
        Entry {
            registry: self.clone(),
            id,
            state,
        }
    }

    /// Asks one connection to give its place up: the one waiting longest without a request in
    /// service, else the slowest upload. Returns whether there was one.
    pub fn evict_one(&self) -> bool {
        let open = self.open();
        let oldest = open
            .values()
            .filter_map(|state| Some((state.eviction_rank()?, state)))
            .min_by_key(|(rank, _)| *rank);
        match oldest {
            Some((_, state)) => {
                state.evict.notify_one();
                true
            }
            None => false,
        }
    }
}

/// A registered connection; leaves the registry when dropped.
pub struct Entry {
    registry: Arc<Registry>,
    id: u64,
    /// What the connection is doing, shared with its stream and the registry.
    pub state: Arc<ConnectionState>,
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.registry.open().remove(&self.id);
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

/// Drives `connection` until it ends, applying the phase deadlines and shutdown (eviction is
/// [`ConnectionState::evicted`], awaited beside this).
pub async fn drive<I, S, B>(
    mut connection: hyper::server::conn::http1::Connection<I, S>,
    state: &ConnectionState,
    limits: &ConnectionLimits,
    mut shutdown: watch::Receiver<bool>,
) -> Outcome<I>
where
    S: hyper::service::HttpService<hyper::body::Incoming, ResBody = B>,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    I: hyper::rt::Read + hyper::rt::Write + Unpin,
    B: hyper::body::Body + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut shutting_down = false;
    let timer = sleep_until(Instant::now());
    tokio::pin!(timer);
    // The deadline the timer is set for. A phase whose deadline is later than it does not touch
    // the timer (nor wake the task: see `ConnectionState::began`): it fires early, the phase is
    // looked at, and the timer set again.
    let mut armed: Option<Instant> = None;
    loop {
        if let Some((at, _)) = state.deadline(limits) {
            if !matches!(armed, Some(armed) if armed <= at) {
                timer.as_mut().reset(at);
                armed = Some(at);
                state.set_armed(armed);
            }
        }
        // In this order, without the random start `select!` draws by default: the connection
        // first (the usual wake-up), then what can end it.
        tokio::select! {
            biased;
            ended = std::pin::Pin::new(&mut connection) => {
                let io = connection.into_parts().io;
                return match ended {
                    Err(error) if error.is_parse_version_h2() => Outcome::Answer(
                        io,
                        505,
                        "this service speaks HTTP/1.1 only".to_owned(),
                    ),
                    _ => Outcome::Done(io),
                };
            }
            () = state.changed.notified() => {}
            () = &mut timer, if armed.is_some() => {
                // Unset before the phase is looked at: a phase beginning from here on wakes the
                // task, which sets the timer again.
                armed = None;
                state.set_armed(None);
                match state.deadline(limits) {
                    Some((at, Expiry::Close)) if at <= Instant::now() => return Outcome::Dropped,
                    Some((at, Expiry::AnswerTimeout)) if at <= Instant::now() => {
                        let message = format!(
                            "the request line and headers did not arrive within {:?}",
                            limits.header_timeout
                        );
                        return Outcome::Answer(connection.into_parts().io, 408, message);
                    }
                    _ => {}
                }
            }
            _ = shutdown.changed(), if !shutting_down => {
                shutting_down = true;
                std::pin::Pin::new(&mut connection).graceful_shutdown();
                if state.unserved_since().is_some() {
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

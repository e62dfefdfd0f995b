//! The open connections, and what the service asks of them from outside: to look at their
//! deadline (the sweep), to give their place up, to shut down.
//!
//! One task sweeps every open connection's deadline a few times a second, in place of a timer
//! per connection: a timer would be set again for every request and polled at every wake-up of
//! its connection's task, which costs more than the rest of the connection's bookkeeping. The
//! price is precision: a phase's timeout ends up to [`SWEEP_EVERY`] late.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::{Instant, MissedTickBehavior};

use crate::config::ConnectionLimits;
use crate::connection::{signal, ConnectionState};

/// How often every open connection's deadline is looked at: how late a timeout may end.
pub const SWEEP_EVERY: Duration = Duration::from_millis(50);

/// The open connections, so that the service can reach each one.
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
    pub fn register(self: &Arc<Self>) -> Entry {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(ConnectionState::new());
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
                state.signal(signal::EVICT);
                true
            }
            None => false,
        }
    }

    /// Tells every open connection that the service is shutting down.
    pub fn shut_down(&self) {
        for state in self.open().values() {
            state.signal(signal::SHUT_DOWN);
        }
    }

    /// Signals each connection whose deadline has passed by `now`.
    fn sweep(&self, limits: &ConnectionLimits, now: Instant) {
        for state in self.open().values() {
            if state.expired(limits, now) {
                state.signal(signal::DEADLINE);
            }
        }
    }

    /// Starts the task that sweeps the deadlines every [`SWEEP_EVERY`], until the returned
    /// guard is dropped.
    pub fn start_sweeping(self: &Arc<Self>, limits: ConnectionLimits) -> Sweeper {
        let registry = Arc::clone(self);
        Sweeper(tokio::spawn(async move {
            let mut ticks = tokio::time::interval(SWEEP_EVERY);
            ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                // A sweep that panicked (a bug) must not end every timeout of the service.
                let sweep = AssertUnwindSafe(|| registry.sweep(&limits, Instant::now()));
                if std::panic::catch_unwind(sweep).is_err() {
                    eprintln!("stages-api: a sweep of the connections' deadlines panicked");
                }
            }
        }))
    }
}

/// The sweeping task; stopped when dropped.
pub struct Sweeper(JoinHandle<()>);

impl Drop for Sweeper {
    fn drop(&mut self) {
        self.0.abort();
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use tokio::time::Instant;

    use super::Registry;
    use crate::config::ConnectionLimits;
    use crate::connection::signal;

    #[test]
    fn a_sweep_signals_only_connections_past_their_deadline() {
        let registry = Arc::new(Registry::default());
        let limits = ConnectionLimits::default();
        let waiting = registry.register();
        let serving = registry.register();
        serving.state.request_started();
        let opened = Instant::now();
        registry.sweep(&limits, opened);
        assert_eq!(waiting.state.pending(), 0);
        // A new connection has the header timeout to send its first request.
        let late = opened + limits.header_timeout + Duration::from_millis(1);
        registry.sweep(&limits, late);
        assert_eq!(waiting.state.pending(), signal::DEADLINE);
        // One serving a request has no deadline of its own.
        assert_eq!(serving.state.pending(), 0);
        // Once answered, it has the idle timeout.
        serving.state.request_answered();
        registry.sweep(&limits, late);
        assert_eq!(serving.state.pending(), 0);
        registry.sweep(&limits, late + limits.idle_timeout);
        assert_eq!(serving.state.pending(), signal::DEADLINE);
    }

    #[test]
    fn eviction_picks_an_idle_connection_and_shutdown_reaches_every_one() {
        let registry = Arc::new(Registry::default());
        let serving = registry.register();
        serving.state.request_started();
        assert!(
            !registry.evict_one(),
            "a connection serving a request is not evicted"
        );
        let idle = registry.register();
        assert!(registry.evict_one());
        assert_eq!(idle.state.pending(), signal::EVICT);
        assert_eq!(serving.state.pending(), 0);
        registry.shut_down();
        assert_eq!(serving.state.pending(), signal::SHUT_DOWN);
        assert_eq!(idle.state.pending(), signal::EVICT | signal::SHUT_DOWN);
        // A dropped entry leaves the registry.
        drop(idle);
        drop(serving);
        assert!(!registry.evict_one());
    }
}

//! The access log on standard error, one line per request, written in batches: a line goes into
//! a buffer, and a task started by [`flusher`] writes the buffer a few milliseconds after its
//! first line. Under load that is one system call for many lines rather than one each (the
//! write cost more than the rest of a small request). Nothing is dropped: a full buffer is
//! written at once, without a flusher every line is written at once, and [`flush`] writes what
//! is left when the service stops.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use tokio::sync::Notify;

/// How long a line may wait in the buffer.
const DELAY: Duration = Duration::from_millis(20);

/// A buffer this large is written at once, without waiting for the flusher.
const FULL: usize = 32 * 1024;

static BUFFER: Mutex<Vec<u8>> = Mutex::new(Vec::new());
/// Whether a flusher task runs (else lines are written as they come).
static FLUSHER: AtomicBool = AtomicBool::new(false);

fn buffer() -> MutexGuard<'static, Vec<u8>> {
    BUFFER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Woken when the buffer gets its first line.
fn first_line() -> &'static Notify {
    static FIRST_LINE: OnceLock<Notify> = OnceLock::new();
    FIRST_LINE.get_or_init(Notify::new)
}

/// Adds one line (`write` appends it, newline included) to the log.
pub fn record(write: impl FnOnce(&mut Vec<u8>)) {
    let mut lines = buffer();
    let was_empty = lines.is_empty();
    write(&mut lines);
    if lines.len() >= FULL || !FLUSHER.load(Ordering::Acquire) {
        write_out(&mut lines);
    } else if was_empty {
        first_line().notify_one();
    }
}

/// Writes the buffered lines to standard error now.
pub fn flush() {
    write_out(&mut buffer());
}

fn write_out(lines: &mut Vec<u8>) {
    if !lines.is_empty() {
        // A log that cannot be written (standard error closed) is no reason to fail a request.
        let _ = std::io::stderr().write_all(lines);
        lines.clear();
    }
}

/// Writes the buffer 20 ms after its first line, for as long as it runs; to be spawned on
/// the service's runtime. Lines recorded while it runs wait for it; [`flush`] writes the last.
pub async fn flusher() {
    struct Running;
    impl Drop for Running {
        fn drop(&mut self) {
            FLUSHER.store(false, Ordering::Release);
            flush();
        }
    }
    FLUSHER.store(true, Ordering::Release);
    let _running = Running;
    loop {
        first_line().notified().await;
        tokio::time::sleep(DELAY).await;
        flush();
    }
}

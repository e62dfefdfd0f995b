//! The socket as hyper sees it, watched: it tells the connection when the bytes of a request
//! head start to arrive, and it puts AWS-style errors in place of the bare answers hyper writes
//! on its own.
//!
//! hyper answers a head it cannot parse (400), one larger than the limit (431) or a URI too long
//! (414) itself, before any service sees the request: a status line, `content-length: 0`, no
//! body. Such an answer is the only response without `x-amzn-RequestId` (every response of the
//! service has one), so when one is written, this wrapper writes a JSON error with
//! `x-amzn-ErrorType` and `x-amzn-RequestId` at the same status instead.

use std::io::{self, Write as _};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use crate::access_log;
use crate::connection::ConnectionState;
use crate::errors::raw_error_response;
use crate::request_id;

/// A TCP stream (or, in tests, any stream) that reports reads to its connection and rewrites
/// hyper's own error answers.
pub struct GuardedStream<S = TcpStream> {
    inner: S,
    state: Arc<ConnectionState>,
    /// The largest whole head hyper accepts, for the message of its `431`.
    max_head: usize,
    /// The answer written instead of hyper's, and how much of it is written.
    replacement: Option<(Vec<u8>, usize)>,
    /// The last write found the socket full: the next that gets through tells the connection.
    write_blocked: bool,
}

impl<S: AsyncRead + AsyncWrite + Unpin> GuardedStream<S> {
    /// `inner`, watched for the connection in `state`; `max_head` is the largest whole head
    /// hyper accepts (`--max-head` plus room for names), named in the message of its `431`.
    pub fn new(inner: S, state: Arc<ConnectionState>, max_head: usize) -> Self {
        GuardedStream {
            inner,
            state,
            max_head,
            replacement: None,
            write_blocked: false,
        }
    }

    /// Writes what is left of the replacement answer.
    fn poll_replacement(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some((bytes, written)) = &mut self.replacement {
            if *written == bytes.len() {
                break;
            }
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &bytes[*written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            *written += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncWrite + Unpin> GuardedStream<S> {
    /// Writes hyper's bytes; an answer that moves again after filling the socket is reported to
    /// the connection (one branch otherwise: most answers fit at once).
    fn poll_write_answer(&mut self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write(cx, buf);
        match &written {
            Poll::Pending => self.write_blocked = true,
            Poll::Ready(Ok(n)) if *n > 0 && self.write_blocked => {
                self.write_blocked = false;
                self.state.answer_moving();
            }
            Poll::Ready(_) => {}
        }
        written
    }
}

/// The status of a response hyper wrote on its own: an error status line whose head carries no
/// `x-amzn-RequestId`.
fn automatic_error_status(bytes: &[u8]) -> Option<u16> {
    let status = bytes.strip_prefix(b"HTTP/1.1 ")?.get(..3)?;
    // Settled by the first digit for the usual answer, before anything is parsed.
    if status[0] < b'4' {
        return None;
    }
    let status: u16 = std::str::from_utf8(status).ok()?.parse().ok()?;
    let head_end = find(bytes, b"\r\n\r\n").unwrap_or(bytes.len());
    let head = bytes[..head_end].to_ascii_lowercase();
    let marker = format!("\r\n{}:", request_id::HEADER);
    find(&head, marker.as_bytes()).is_none().then_some(status)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// What a client is told in place of hyper's bare answer.
fn message_for(status: u16, max_head: usize) -> String {
    match status {
        431 => format!(
            "the request head (request line and headers) is larger than {max_head} bytes \
             or has more than {} header fields",
            crate::server::MAX_HEADER_FIELDS
        ),
        414 => "the request URI is too long".to_owned(),
        400 => "the request is not valid HTTP/1.1: a request line or header could not be parsed"
            .to_owned(),
        _ => format!("the request could not be served (HTTP status {status})"),
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for GuardedStream<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        ready!(Pin::new(&mut self.inner).poll_read(cx, buf))?;
        if buf.filled().len() > before {
            self.state.bytes_arrived();
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for GuardedStream<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.replacement.is_none() {
            let Some(status) = automatic_error_status(buf) else {
                return self.poll_write_answer(cx, buf);
            };
            let message = message_for(status, self.max_head);
            let answer = raw_error_response(status, &message, &request_id::new_request_id());
            access_log::record(|line| {
                let _ = writeln!(line, "- - {status} (answered by the HTTP layer: {message})");
            });
            self.replacement = Some((answer, 0));
        }
        // hyper's bytes are dropped; the replacement goes out instead, now or on flush.
        if let Poll::Ready(Err(error)) = self.poll_replacement(cx) {
            return Poll::Ready(Err(error));
        }
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_replacement(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_replacement(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::automatic_error_status;

    #[test]
    fn only_error_answers_without_a_request_id_are_hypers_own() {
        let hyper = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(automatic_error_status(hyper), Some(431));
        let ours = b"HTTP/1.1 404 Not Found\r\nx-amzn-requestid: 1\r\ncontent-length: 2\r\n\r\n{}";
        assert_eq!(automatic_error_status(ours), None);
        assert_eq!(
            automatic_error_status(b"HTTP/1.1 100 Continue\r\n\r\n"),
            None
        );
        assert_eq!(
            automatic_error_status(b"{\"message\":\"HTTP/1.1 400\"}"),
            None
        );
    }
}

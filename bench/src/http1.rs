//! A minimal HTTP/1.1 client over one keep-alive TCP connection, for the load client
//! (`src/bin/load.rs`): it must cost the load as little as possible so that the server, not the
//! client, is what is measured. Requests are prepared bytes; a response is read into a buffer the
//! connection keeps, its head parsed just enough to find the status and where the body ends
//! (`Content-Length` or chunked). A server that answers `Connection: close` (moto_server does,
//! every time) is reconnected to before the next request; each exchange has a deadline.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The request bytes for `method path`, with `Host`, the given extra header lines (each ending in
/// `\r\n`), and `body` as JSON when given.
pub fn request(method: &str, path: &str, extra_headers: &str, body: Option<&[u8]>) -> Vec<u8> {
    let mut out = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra_headers}");
    if let Some(body) = body {
        out.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body.unwrap_or_default());
    out
}

/// How long a response may take before the exchange fails.
const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(10);

/// One keep-alive connection and its read buffer.
pub struct Connection {
    address: SocketAddr,
    stream: TcpStream,
    /// The last response said `Connection: close`.
    closed: bool,
    /// How many times the server closed the connection after a response.
    pub reconnects: u64,
    buffer: Vec<u8>,
    /// Bytes of `buffer` that belong to the next response (none: one request at a time).
    filled: usize,
}

/// A response: its status and its body.
#[derive(Debug)]
pub struct Response<'a> {
    /// The status code.
    pub status: u16,
    /// The body (chunked bodies are given undecoded, chunk framing included).
    pub body: &'a [u8],
}

impl Connection {
    /// Opens a connection to `address`, with Nagle's algorithm off.
    pub async fn open(address: SocketAddr) -> io::Result<Self> {
        Ok(Connection {
            address,
            stream: connect(address).await?,
            closed: false,
            reconnects: 0,
            buffer: vec![0; 64 * 1024],
            filled: 0,
        })
    }

    /// Sends `request` and reads the whole response, within ten seconds.
    pub async fn exchange(&mut self, request: &[u8]) -> io::Result<Response<'_>> {
        if self.closed {
            self.stream = connect(self.address).await?;
            self.closed = false;
            self.reconnects += 1;
        }
        let head = tokio::time::timeout(EXCHANGE_TIMEOUT, self.read_response(request))
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "no whole response in time"))??;
        self.closed = head.close;
        Ok(Response {
            status: head.status,
            body: &self.buffer[head.body..head.end],
        })
    }

    async fn read_response(&mut self, request: &[u8]) -> io::Result<Head> {
        self.stream.write_all(request).await?;
        self.filled = 0;
        loop {
            if let Some(head) = parse(&self.buffer[..self.filled])? {
                return Ok(head);
            }
            if self.filled == self.buffer.len() {
                self.buffer.resize(self.buffer.len() * 2, 0);
            }
            let read = self.stream.read(&mut self.buffer[self.filled..]).await?;
            if read == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the server closed the connection mid-response",
                ));
            }
            self.filled += read;
        }
    }
}

async fn connect(address: SocketAddr) -> io::Result<TcpStream> {
    let stream = TcpStream::connect(address).await?;
    stream.set_nodelay(true)?;
    Ok(stream)
}

/// What the head of a whole response says.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    /// The status code.
    pub status: u16,
    /// Where the body starts.
    pub body: usize,
    /// Where the response ends.
    pub end: usize,
    /// `Connection: close`.
    pub close: bool,
}

/// The head of the response at the start of `bytes` once `bytes` holds all of it and its body;
/// `None` while it does not yet.
pub fn parse(bytes: &[u8]) -> io::Result<Option<Head>> {
    let Some(head_end) = find(bytes, b"\r\n\r\n").map(|at| at + 4) else {
        return Ok(None);
    };
    let head = std::str::from_utf8(&bytes[..head_end]).map_err(invalid)?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| invalid(format!("bad status line {status_line:?}")))?;
    let mut length = None;
    let mut chunked = false;
    let mut close = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse::<usize>().map_err(invalid)?);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.eq_ignore_ascii_case("chunked");
        } else if name.eq_ignore_ascii_case("connection") {
            close = value.eq_ignore_ascii_case("close");
        }
    }
    let end = if chunked {
        match chunked_end(&bytes[head_end..])? {
            Some(length) => head_end + length,
            None => return Ok(None),
        }
    } else {
        head_end + length.unwrap_or(0)
    };
    Ok((bytes.len() >= end).then_some(Head {
        status,
        body: head_end,
        end,
        close,
    }))
}

/// The length of a whole chunked body at the start of `bytes`, trailers included.
fn chunked_end(bytes: &[u8]) -> io::Result<Option<usize>> {
    let mut at = 0;
    loop {
        let Some(line_end) = find(&bytes[at..], b"\r\n") else {
            return Ok(None);
        };
        let line = std::str::from_utf8(&bytes[at..at + line_end]).map_err(invalid)?;
        let size = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size, 16).map_err(invalid)?;
        at += line_end + 2;
        if size == 0 {
            // Trailers, then an empty line.
            return Ok(find(&bytes[at..], b"\r\n").map(|_| {
                let rest = &bytes[at..];
                if rest.starts_with(b"\r\n") {
                    at + 2
                } else {
                    at + find(rest, b"\r\n\r\n").map_or(rest.len(), |end| end + 4)
                }
            }));
        }
        at += size + 2;
        if at > bytes.len() {
            return Ok(None);
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn invalid(error: impl ToString) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_with_a_length_is_whole_once_its_body_is_in() {
        let response = b"HTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\n{}";
        assert_eq!(parse(&response[..response.len() - 1]).unwrap(), None);
        let head = Head {
            status: 201,
            body: 43,
            end: 45,
            close: false,
        };
        assert_eq!(parse(response).unwrap(), Some(head));
    }

    #[test]
    fn a_closing_response_says_so() {
        let response = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        assert!(parse(response).unwrap().unwrap().close);
    }

    #[test]
    fn a_chunked_response_ends_after_its_last_chunk() {
        let response =
            b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        let head = response.len() - b"3\r\nabc\r\n0\r\n\r\n".len();
        assert_eq!(parse(&response[..response.len() - 2]).unwrap(), None);
        let parsed = parse(response).unwrap().unwrap();
        assert_eq!((parsed.body, parsed.end), (head, response.len()));
    }

    #[test]
    fn a_garbled_status_line_is_an_error() {
        assert!(parse(b"HTTP/1.1 abc\r\n\r\n").is_err());
    }

    #[test]
    fn requests_carry_their_body_and_its_length() {
        let bytes = request("POST", "/x", "", Some(b"{}"));
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("POST /x HTTP/1.1\r\n"));
        assert!(text.ends_with("Content-Length: 2\r\n\r\n{}"));
    }
}

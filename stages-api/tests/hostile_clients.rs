//! The service against clients that misbehave: idle and slow sockets beyond the connection
//! bound, heads and bodies too large, broken requests, stragglers at shutdown.
//!
//! Each test starts the `stages-api` binary on 127.0.0.1 with short timeouts and speaks raw
//! HTTP/1.1 over TCP, so that nothing between the test and the service tidies the requests up.
//! After each case the service must still answer, with everything created before still there.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

mod support;

use support::Server;

/// A running service, killed when dropped (no graceful wait: the tests leave sockets held).
struct Service {
    server: Option<Server>,
    address: SocketAddr,
}

impl Service {
    fn start(args: &[&str]) -> Service {
        Service::spawn(Command::new(env!("CARGO_BIN_EXE_stages-api")), args)
    }

    /// The service in a process allowed only `descriptors` open files.
    fn start_with_descriptors(descriptors: u32, args: &[&str]) -> Service {
        let mut shell = Command::new("sh");
        shell.args([
            "-c",
            &format!("ulimit -n {descriptors} && exec \"$0\" \"$@\""),
            env!("CARGO_BIN_EXE_stages-api"),
        ]);
        Service::spawn(shell, args)
    }

    fn spawn(command: Command, args: &[&str]) -> Service {
        let server = Server::spawn(command, args, Stdio::null());
        let address = server.address().parse().expect("a socket address");
        Service {
            server: Some(server),
            address,
        }
    }

    fn server(&self) -> &Server {
        self.server.as_ref().expect("running")
    }

    fn connect(&self) -> TcpStream {
        let socket = TcpStream::connect(self.address).expect("connect");
        socket
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("read timeout");
        socket
    }

    /// Sends `request` whole and reads the answer.
    fn exchange(&self, request: &[u8]) -> Reply {
        let mut socket = self.connect();
        // The service may answer and close before all of a request too large is sent.
        let _ = socket.write_all(request);
        Reply::read(&mut socket)
    }

    fn call(&self, method: &str, path: &str, body: &str) -> Reply {
        self.exchange(
            format!(
                "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
                 Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
    }

    /// An API with a stage `kept`, to check after each case that nothing was lost.
    fn create_api_with_a_stage(&self) -> String {
        let api = self.call(
            "POST",
            "/v2/apis",
            r#"{"name": "t", "protocolType": "HTTP"}"#,
        );
        assert_eq!(api.status, 201, "{api:?}");
        let api_id = api.json()["apiId"].as_str().expect("apiId").to_owned();
        let stage = self.call(
            "POST",
            &format!("/v2/apis/{api_id}/stages"),
            r#"{"stageName": "kept"}"#,
        );
        assert_eq!(stage.status, 201, "{stage:?}");
        api_id
    }

    /// The service answers, and the stage created first is still there.
    fn assert_still_serving(&self, api_id: &str) {
        let stage = self.call("GET", &format!("/v2/apis/{api_id}/stages/kept"), "");
        assert_eq!(stage.status, 200, "{stage:?}");
        assert_eq!(stage.json()["stageName"], "kept");
    }

    /// Once the sockets opened so far have reached the service, a client is served in under a
    /// second (not a benchmark: the bound the issue sets for being served at all).
    fn assert_served_within_a_second(&self, api_id: &str, while_what: &str) {
        sleep(Duration::from_millis(100));
        let started = Instant::now();
        self.assert_still_serving(api_id);
        let waited = started.elapsed();
        assert!(
            waited < Duration::from_secs(1),
            "a client waited {waited:?} {while_what}"
        );
    }

    fn terminate(&self) {
        self.server().terminate();
    }

    /// Waits up to `limit` for the process to exit; how long it took, if it did.
    fn wait_for_exit(&mut self, limit: Duration) -> Option<Duration> {
        self.server.as_mut().expect("running").wait_for_exit(limit)
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.kill();
        }
    }
}

/// An HTTP response as read off the socket.
#[derive(Debug)]
struct Reply {
    status: u16,
    /// Names in lowercase.
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    /// Reads one response: up to its `content-length`, or to the end of the stream.
    fn read(socket: &mut TcpStream) -> Reply {
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 16384];
        loop {
            if let Some(reply) = Reply::parse(&bytes) {
                return reply;
            }
            match socket.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => bytes.extend_from_slice(&chunk[..n]),
                Err(error) if error.kind() == ErrorKind::Interrupted => {}
                Err(error) => panic!(
                    "no complete answer ({error}); got {:?}",
                    String::from_utf8_lossy(&bytes)
                ),
            }
        }
        Reply::parse(&bytes).unwrap_or_else(|| {
            panic!(
                "the connection closed without a complete answer: {:?}",
                String::from_utf8_lossy(&bytes)
            )
        })
    }

    fn parse(bytes: &[u8]) -> Option<Reply> {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n")?;
        let mut lines = head.lines();
        let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        let length: usize = headers
            .iter()
            .find(|(name, _)| name == "content-length")
            .and_then(|(_, value)| value.parse().ok())?;
        (body.len() >= length).then(|| Reply {
            status,
            headers,
            body: body[..length].to_owned(),
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {self:?}"))
    }

    /// An error as AWS sends it: the status, `x-amzn-ErrorType` naming a code SDKs know, a
    /// fresh `x-amzn-RequestId`, and a JSON body whose `message` contains `says`.
    fn assert_aws_error(&self, status: u16, code: &str, says: &str) {
        assert_eq!(self.status, status, "{self:?}");
        assert_eq!(self.header("x-amzn-errortype"), Some(code), "{self:?}");
        let id = self.header("x-amzn-requestid").unwrap_or_default();
        assert_eq!(id.len(), 36, "{self:?}");
        let message = self.json()["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(message.contains(says), "{message:?} should say {says:?}");
    }
}

/// A socket that sends `bytes` and then nothing more.
fn stalled(service: &Service, bytes: &[u8]) -> TcpStream {
    let mut socket = service.connect();
    socket.write_all(bytes).expect("send");
    socket
}

#[test]
fn idle_and_slow_sockets_beyond_the_bound_do_not_lock_a_client_out() {
    // Timeouts far longer than the test: only the bound's eviction can make room.
    let service = Service::start(&[
        "--max-connections",
        "8",
        "--header-timeout",
        "30",
        "--idle-timeout",
        "30",
    ]);
    let api_id = service.create_api_with_a_stage();
    let mut hostile = Vec::new();
    for n in 0..40 {
        hostile.push(if n % 2 == 0 {
            service.connect()
        } else {
            stalled(&service, b"GET /v2/apis HTTP/1.1\r\nHost: slow\r\nX-Slow: ")
        });
    }
    service.assert_served_within_a_second(&api_id, "behind 40 hostile sockets");
    // Most hostile sockets were closed to make room: the service holds at most 8.
    let mut closed = 0;
    for socket in &mut hostile {
        socket
            .set_read_timeout(Some(Duration::from_millis(20)))
            .expect("timeout");
        match socket.read(&mut [0u8; 64]) {
            Ok(0) => closed += 1,
            Err(error) if !matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                closed += 1
            }
            _ => {}
        }
    }
    assert!(closed >= 32, "only {closed} of 40 hostile sockets closed");
    drop(hostile);
    service.assert_still_serving(&api_id);
}

#[test]
fn slow_uploads_beyond_the_bound_do_not_lock_a_client_out() {
    let service = Service::start(&["--max-connections", "8", "--body-timeout", "30"]);
    let api_id = service.create_api_with_a_stage();
    let slow_upload = format!(
        "POST /v2/apis/{api_id}/stages HTTP/1.1\r\nHost: slow\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"stageName\""
    );
    let uploads: Vec<TcpStream> = (0..16)
        .map(|_| stalled(&service, slow_upload.as_bytes()))
        .collect();
    service.assert_served_within_a_second(&api_id, "behind 16 slow uploads");
    drop(uploads);
    // None of the cut uploads created anything.
    let listed = service.call("GET", &format!("/v2/apis/{api_id}/stages"), "");
    assert_eq!(listed.json()["items"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_process_out_of_descriptors_makes_room_for_a_client() {
    // The bound (512 by default) is above what the process may open: accepting fails until an
    // idle connection gives its place up.
    let service = Service::start_with_descriptors(64, &["--idle-timeout", "30"]);
    let api_id = service.create_api_with_a_stage();
    let hostile: Vec<TcpStream> = (0..150).map(|_| service.connect()).collect();
    service.assert_served_within_a_second(&api_id, "with the process out of descriptors");
    drop(hostile);
}

#[test]
fn timeouts_answer_in_the_aws_format_and_close() {
    let service = Service::start(&[
        "--header-timeout",
        "0.3",
        "--body-timeout",
        "0.3",
        "--idle-timeout",
        "0.3",
    ]);
    let api_id = service.create_api_with_a_stage();

    let mut slow_head = stalled(&service, b"GET /v2/apis HTTP/1.1\r\nHost: slow\r\n");
    Reply::read(&mut slow_head).assert_aws_error(408, "BadRequestException", "headers");

    let mut slow_body = stalled(
        &service,
        format!(
            "POST /v2/apis/{api_id}/stages HTTP/1.1\r\nHost: slow\r\n\
             Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{{\"stageName\""
        )
        .as_bytes(),
    );
    Reply::read(&mut slow_body).assert_aws_error(408, "BadRequestException", "body");

    // A kept-alive connection is served, then closed once idle for the idle timeout.
    let mut kept = service.connect();
    kept.write_all(b"GET /v2/apis/none HTTP/1.1\r\nHost: idle\r\n\r\n")
        .expect("send");
    Reply::read(&mut kept).assert_aws_error(404, "NotFoundException", "none");
    let started = Instant::now();
    assert_eq!(kept.read(&mut [0u8; 64]).expect("read"), 0, "closed");
    assert!(started.elapsed() < Duration::from_secs(3));

    // A connection that never sends a byte is closed after the header timeout.
    let mut silent = service.connect();
    assert_eq!(silent.read(&mut [0u8; 64]).expect("read"), 0, "closed");

    service.assert_still_serving(&api_id);
}

#[test]
fn oversized_heads_and_bodies_get_aws_errors() {
    let service = Service::start(&["--max-body", "65536"]);
    let api_id = service.create_api_with_a_stage();
    let stages = format!("/v2/apis/{api_id}/stages");
    let line = format!("GET /v2/apis/{api_id}/stages/kept HTTP/1.1");
    let head_with = |filler: usize| {
        format!(
            "{line}\r\nHost: t\r\nConnection: close\r\nX-Filler: {}\r\n\r\n",
            "f".repeat(filler)
        )
    };
    // The request line and header values may add up to 10,240 bytes (AWS's quota), not more.
    let fits = line.len() + "t".len() + "close".len();
    let at_limit = head_with(10_240 - fits);
    assert_eq!(service.exchange(at_limit.as_bytes()).status, 200);
    let over = head_with(10_241 - fits);
    service.exchange(over.as_bytes()).assert_aws_error(
        431,
        "BadRequestException",
        "10241 bytes, more than the limit of 10240",
    );
    service.assert_still_serving(&api_id);

    let long_uri = format!("GET /{} HTTP/1.1\r\nHost: t\r\n\r\n", "u".repeat(11_000));
    service.exchange(long_uri.as_bytes()).assert_aws_error(
        414,
        "BadRequestException",
        "the request line is 11014 bytes",
    );
    let huge_uri = format!("GET /{} HTTP/1.1\r\nHost: t\r\n\r\n", "u".repeat(200_000));
    service.exchange(huge_uri.as_bytes()).assert_aws_error(
        431,
        "BadRequestException",
        "larger than 18432 bytes",
    );
    let many_fields: String = (0..150).map(|n| format!("X-F{n}: v\r\n")).collect();
    let many = format!("GET / HTTP/1.1\r\nHost: t\r\n{many_fields}\r\n");
    service
        .exchange(many.as_bytes())
        .assert_aws_error(431, "BadRequestException", "fields");
    service.assert_still_serving(&api_id);

    // A declared length above the limit is refused before any of the body is sent, in place
    // of `100 Continue`.
    let mut expecting = stalled(
        &service,
        format!(
            "POST {stages} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
             Content-Length: 10000000\r\nExpect: 100-continue\r\n\r\n"
        )
        .as_bytes(),
    );
    Reply::read(&mut expecting).assert_aws_error(413, "BadRequestException", "65536 bytes");
    let declared = format!(
        "POST {stages} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
         Content-Length: 200000\r\n\r\n{}",
        " ".repeat(200_000)
    );
    service.exchange(declared.as_bytes()).assert_aws_error(
        413,
        "BadRequestException",
        "65536 bytes",
    );
    // A chunked body is read up to the limit only.
    let chunk = format!("4000\r\n{}\r\n", " ".repeat(0x4000));
    let chunked = format!(
        "POST {stages} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\n\r\n{}0\r\n\r\n",
        chunk.repeat(8)
    );
    service.exchange(chunked.as_bytes()).assert_aws_error(
        413,
        "BadRequestException",
        "65536 bytes",
    );
    service.assert_still_serving(&api_id);
}

#[test]
fn broken_requests_and_unknown_routes_get_aws_errors() {
    let service = Service::start(&[]);
    let api_id = service.create_api_with_a_stage();
    for broken in [
        &b"NOT HTTP AT ALL\r\n\r\n"[..],
        b"GET /v2/apis HTTP/1.1\r\nHost: t\r\nno colon here\r\n\r\n",
        b"POST /v2/apis HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n12345",
    ] {
        service
            .exchange(broken)
            .assert_aws_error(400, "BadRequestException", "");
    }
    // HTTP/2 with prior knowledge, to a service of HTTP/1.1.
    service
        .exchange(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
        .assert_aws_error(505, "BadRequestException", "HTTP/1.1 only");
    let bad_chunk = format!(
        "POST /v2/apis/{api_id}/stages HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n"
    );
    service.exchange(bad_chunk.as_bytes()).assert_aws_error(
        400,
        "BadRequestException",
        "chunk size",
    );
    // Both lengths: the chunked encoding counts (RFC 9112, 6.3), and a body not chunked is
    // refused with the reason, not only that it could not be read.
    let body = r#"{"stageName":"both"}"#;
    let both = format!(
        "POST /v2/apis/{api_id}/stages HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nTransfer-Encoding: chunked\r\n\r\n{body}",
        body.len()
    );
    service
        .exchange(both.as_bytes())
        .assert_aws_error(400, "BadRequestException", "chunk size");
    service.call("GET", "/no/such/route", "").assert_aws_error(
        404,
        "NotFoundException",
        "No route",
    );
    service.call("DELETE", "/v2/apis", "").assert_aws_error(
        405,
        "BadRequestException",
        "not allowed",
    );
    let invalid = r#"{"stageName": "a b", "stageVariables": {"v": ""}}"#;
    let reply = service.call("POST", &format!("/v2/apis/{api_id}/stages"), invalid);
    reply.assert_aws_error(400, "BadRequestException", "stageName");
    // Thousands of violations in the largest body allowed: a short message all the same.
    let mut huge = String::from(r#"{"stageName": "a b", "routeSettings": {"#);
    let mut n = 0;
    while huge.len() < 65_000 {
        huge.push_str(&format!(r#""k{n}": {{"loggingLevel": "x"}},"#));
        n += 1;
    }
    huge.push_str(r#""last": {}}}"#);
    let reply = service.call("POST", &format!("/v2/apis/{api_id}/stages"), &huge);
    reply.assert_aws_error(400, "BadRequestException", " more");
    assert!(reply.body.len() < 10_000, "{} bytes", reply.body.len());
    service.assert_still_serving(&api_id);
}

#[test]
fn sigterm_finishes_requests_in_flight_and_cuts_stragglers_at_the_deadline() {
    let mut service = Service::start(&["--shutdown-timeout", "1", "--body-timeout", "30"]);
    let api_id = service.create_api_with_a_stage();
    let body = r#"{"stageName": "late"}"#;
    let head = format!(
        "POST /v2/apis/{api_id}/stages HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    let half = format!("{head}{}", &body[..8]);
    let mut finishing = stalled(&service, half.as_bytes());
    let mut straggler = stalled(&service, half.as_bytes());
    let _idle = service.connect();
    sleep(Duration::from_millis(100));

    service.terminate();
    let signalled = Instant::now();
    sleep(Duration::from_millis(200));
    // In flight when the signal came: it finishes, and is answered.
    finishing.write_all(&body.as_bytes()[8..]).expect("send");
    let reply = Reply::read(&mut finishing);
    assert_eq!(reply.status, 201, "{reply:?}");

    let exited = service
        .wait_for_exit(Duration::from_secs(5))
        .map(|_| signalled.elapsed());
    let exited = exited.expect("the service did not exit within 5 s of SIGTERM");
    assert!(
        exited < Duration::from_millis(2500),
        "exited {exited:?} after SIGTERM"
    );
    // The straggler was cut without an answer.
    straggler
        .set_read_timeout(Some(Duration::from_secs(1)))
        .expect("timeout");
    assert!(matches!(straggler.read(&mut [0u8; 64]), Ok(0) | Err(_)));
}

//! The access log: one line per request, carrying the request id the client got, written soon
//! while the service runs and never lost when it stops.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod support;

use support::Server;

const BINARY: &str = env!("CARGO_BIN_EXE_stages-api");

/// Sends one request and returns the `x-amzn-RequestId` of its answer.
fn request_id(server: &Server, path: &str) -> String {
    let mut socket = TcpStream::connect(server.address()).expect("connect");
    socket
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("read timeout");
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    socket.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    socket.read_to_string(&mut answer).expect("read the answer");
    answer
        .lines()
        .find_map(|line| line.strip_prefix("x-amzn-requestid: "))
        .unwrap_or_else(|| panic!("no request id in {answer:?}"))
        .trim()
        .to_owned()
}

fn lines_with(log: &Path, id: &str) -> Vec<String> {
    std::fs::read_to_string(log)
        .expect("read the log")
        .lines()
        .filter(|line| line.ends_with(id))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_request_has_its_line_soon_and_none_is_lost_on_shutdown() {
    let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join("access-log.log");
    let mut server = Server::start(Path::new(BINARY), &[], &log);

    // While the service runs, a line appears without further requests to push it out.
    let first = request_id(&server, "/v2/apis/nosuchapi/stages");
    let started = Instant::now();
    while lines_with(&log, &first).is_empty() && started.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(10));
    }
    let lines = lines_with(&log, &first);
    assert_eq!(lines.len(), 1, "one line for the request: {lines:?}");
    assert!(
        lines[0].starts_with("GET /v2/apis/nosuchapi/stages 404 "),
        "{lines:?}"
    );
    // Then the time taken, in milliseconds to a tenth, and the request id.
    let time = lines[0]["GET /v2/apis/nosuchapi/stages 404 ".len()..]
        .strip_suffix(&format!("ms {first}"))
        .unwrap_or_else(|| panic!("time and request id at the end: {lines:?}"));
    let (whole, tenth) = time.split_once('.').expect("a tenth after a dot");
    assert!(
        !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()),
        "{lines:?}"
    );
    assert!(
        tenth.len() == 1 && tenth.bytes().all(|b| b.is_ascii_digit()),
        "{lines:?}"
    );

    // Lines still buffered when the service is told to stop are written before it exits.
    let ids: Vec<String> = (0..50)
        .map(|n| request_id(&server, &format!("/v2/apis/api{n}")))
        .collect();
    server.terminate();
    assert!(server.wait_for_exit(Duration::from_secs(10)).is_some());
    for (n, id) in ids.iter().enumerate() {
        let lines = lines_with(&log, id);
        assert_eq!(lines.len(), 1, "request {n} ({id}): {lines:?}");
        assert!(lines[0].starts_with(&format!("GET /v2/apis/api{n} 404 ")));
    }
}

//! Nothing acknowledged is ever lost: the service is killed with SIGKILL in the middle of a storm
//! of CreateStage requests, restarted on the same `--data-dir`, and every stage it answered 201
//! for is there exactly once, as it was answered; nothing half-written is there.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use stages_model::{from_json, Stage, Stages};
use support::Server;

/// Starts the binary with `args`, its log under the target directory.
fn start(args: &[&str]) -> Server {
    let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join("durability.log");
    Server::start(Path::new(env!("CARGO_BIN_EXE_stages-api")), args, &log)
}

/// One request on its own connection: the status and body, or `None` if the connection failed.
fn request(address: &str, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    Some((status, body.to_owned()))
}

/// Every stage of `api_id`, page by page.
fn list(address: &str, api_id: &str) -> Vec<Stage> {
    let (mut stages, mut token) = (Vec::new(), None::<String>);
    for _ in 0..10_000 {
        let query = token.map_or(String::new(), |token| format!("&nextToken={token}"));
        let path = format!("/v2/apis/{api_id}/stages?maxResults=100{query}");
        let (status, body) = request(address, "GET", &path, "").expect("GetStages answers");
        assert_eq!(status, 200, "{body}");
        let page: Stages = from_json(&body).expect("every listed stage is whole and valid");
        stages.extend(page.items);
        token = page.next_token;
        if token.is_none() {
            return stages;
        }
    }
    panic!("the listing never ended");
}

#[test]
fn sigkill_during_a_create_storm_loses_no_acknowledged_stage() {
    let directory = Path::new(env!("CARGO_TARGET_TMPDIR")).join("durability-data");
    let _ = std::fs::remove_dir_all(&directory);
    let data_dir = directory.to_str().expect("a UTF-8 path");
    let args = ["--data-dir", data_dir, "--max-stages-per-api", "1000000"];
    let server = start(&args);
    let address = server.address().to_owned();
    let (status, body) = request(
        &address,
        "POST",
        "/v2/apis",
        r#"{"name":"storm","protocolType":"HTTP"}"#,
    )
    .expect("CreateApi answers");
    assert_eq!(status, 201, "{body}");
    let api_id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["apiId"]
        .as_str()
        .unwrap()
        .to_owned();

    // Eight clients create stages back to back; each records what was acknowledged (with the
    // body of the 201) and what was sent without an answer.
    let acknowledged = Arc::new(Mutex::new(BTreeMap::<String, String>::new()));
    let attempted = Arc::new(Mutex::new(BTreeSet::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..8)
        .map(|client| {
            let (acknowledged, attempted, stop) = (acknowledged.clone(), attempted.clone(), stop.clone());
            let (address, api_id) = (address.clone(), api_id.clone());
            std::thread::spawn(move || {
                let deadline = Instant::now() + Duration::from_secs(20);
                for index in 0.. {
                    if stop.load(Ordering::Relaxed) || Instant::now() > deadline {
                        break;
                    }
                    let name = format!("c{client}n{index}");
                    let body = format!(
                        r#"{{"stageName":"{name}","description":"{}","stageVariables":{{"client":"{client}","index":"{index}"}},"routeSettings":{{"GET /pets":{{"throttlingBurstLimit":{index}}}}}}}"#,
                        "x".repeat(200)
                    );
                    attempted.lock().unwrap().insert(name.clone());
                    match request(&address, "POST", &format!("/v2/apis/{api_id}/stages"), &body) {
                        Some((201, stage)) => {
                            acknowledged.lock().unwrap().insert(name, stage);
                        }
                        Some((status, body)) => panic!("CreateStage answered {status}: {body}"),
                        None => {} // cut off by the kill: either outcome is allowed
                    }
                }
            })
        })
        .collect();

    // Kill once a few hundred stages are acknowledged, while the clients are still sending.
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 300 && started.elapsed() < Duration::from_secs(15) {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill();
    let killed_after = acknowledged.lock().unwrap().len();
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.join().expect("a client thread");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    let attempted = attempted.lock().unwrap().clone();
    assert!(
        killed_after >= 300,
        "only {killed_after} stages were acknowledged before the kill"
    );

    let restarted = start(&args);
    let stages = list(restarted.address(), &api_id);
    drop(restarted);

    let mut seen = BTreeSet::new();
    for stage in &stages {
        assert!(
            seen.insert(stage.stage_name.clone()),
            "{} is listed twice",
            stage.stage_name
        );
        assert!(
            attempted.contains(&stage.stage_name),
            "{} was never sent",
            stage.stage_name
        );
        assert_eq!(
            stage.description.as_deref().map(str::len),
            Some(200),
            "{stage:?}"
        );
    }
    for (name, answered) in &acknowledged {
        let stored = stages
            .iter()
            .find(|stage| &stage.stage_name == name)
            .unwrap_or_else(|| panic!("{name} was acknowledged and is lost"));
        let answered: Stage = from_json(answered).expect("the 201 body is a stage");
        assert_eq!(stored, &answered, "{name} came back different");
    }
    println!(
        "{} acknowledged, {} sent, {} found after the restart",
        acknowledged.len(),
        attempted.len(),
        stages.len()
    );
}

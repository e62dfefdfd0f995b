//! A load client that is not the bottleneck: one thread, C keep-alive connections each sending
//! the next request as soon as the last response is read, for a fixed time, counting 2xx answers.
//!
//! ```text
//! load <constant|get-stages|create-stage> <http://127.0.0.1:PORT> [--seconds 5] [--connections 16]
//!      [--page 25] [--label NAME] [--server-pid PID] [--spin]
//! ```
//!
//! - `constant`: `GET /` (the bare axum server, `src/bin/axum_constant.rs`).
//! - `get-stages`: creates an API with `--page` stages, then `GET /v2/apis/{id}/stages?maxResults=
//!   <page>` (every response is a page of `--page` stages, moto_server's too).
//! - `create-stage`: creates an API, then `POST /v2/apis/{id}/stages` with unique stage names.
//!
//! With `--spin` the connections are polled by a thread that never sleeps
//! (`stages_bench::spin`), so that the server is not charged for waking the client.
//!
//! Prints one Markdown row: label, workload, requests/s (2xx only), p50 and p99 latency (2xx),
//! the server's CPU time per answer when `--server-pid` is given (its live threads, from
//! `/proc/PID/task/*/schedstat`: unlike throughput, hardly moved by other jobs on a shared
//! machine), the client's own CPU time and sleeps (voluntary context switches) per answer, `–`
//! where `/proc` could not tell, non-2xx answers, broken connections. Loopback only.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use stages_bench::http1::{request, Connection};

// moto_server picks the service from the credential scope of a SigV4 header (the signature is
// not checked); the others ignore it. Every server gets the same bytes.
const AUTHORIZATION: &str = "Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0\r\n";

struct Options {
    workload: String,
    address: SocketAddr,
    seconds: f64,
    connections: usize,
    page: usize,
    label: String,
    server_pid: Option<u32>,
    spin: bool,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let workload = args.next().ok_or("missing workload")?;
    let url = args.next().ok_or("missing URL")?;
    let authority = url
        .strip_prefix("http://")
        .ok_or("the URL must start with http://")?
        .trim_end_matches('/');
    let address: SocketAddr = authority
        .parse()
        .map_err(|_| format!("bad address {url}"))?;
    if !address.ip().is_loopback() {
        return Err(format!("refusing to load {url}: loopback only"));
    }
    let mut options = Options {
        label: workload.clone(),
        workload,
        address,
        seconds: 5.0,
        connections: 16,
        page: 25,
        server_pid: None,
        spin: false,
    };
    while let Some(flag) = args.next() {
        if flag == "--spin" {
            options.spin = true;
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let bad = || format!("bad value for {flag}: {value}");
        match flag.as_str() {
            "--seconds" => options.seconds = value.parse().map_err(|_| bad())?,
            "--connections" => options.connections = value.parse().map_err(|_| bad())?,
            "--page" => options.page = value.parse().map_err(|_| bad())?,
            "--label" => options.label = value,
            "--server-pid" => options.server_pid = Some(value.parse().map_err(|_| bad())?),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if !(options.seconds > 0.0 && options.seconds <= 30.0) {
        return Err("--seconds must be within (0, 30]".into());
    }
    Ok(options)
}

/// What each request of a workload is.
#[derive(Clone)]
enum Workload {
    Fixed(Vec<u8>),
    CreateStage { api_id: String },
}

impl Workload {
    fn next(&self, connection: usize, count: u64) -> std::borrow::Cow<'_, [u8]> {
        match self {
            Workload::Fixed(bytes) => bytes.into(),
            Workload::CreateStage { api_id } => {
                create_stage(api_id, &format!("c{connection}n{count}")).into()
            }
        }
    }
}

fn create_stage(api_id: &str, name: &str) -> Vec<u8> {
    let body = format!(r#"{{"stageName":"{name}","stageVariables":{{"v":"x"}}}}"#);
    request(
        "POST",
        &format!("/v2/apis/{api_id}/stages"),
        AUTHORIZATION,
        Some(body.as_bytes()),
    )
}

async fn create_api(address: SocketAddr) -> Result<String, String> {
    let mut connection = Connection::open(address).await.map_err(|e| e.to_string())?;
    let body = br#"{"name":"load","protocolType":"HTTP"}"#;
    let response = connection
        .exchange(&request("POST", "/v2/apis", AUTHORIZATION, Some(body)))
        .await
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(response.body);
    if !(200..300).contains(&response.status) {
        return Err(format!(
            "CreateApi answered {}: {text:.200}",
            response.status
        ));
    }
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    value["apiId"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no apiId in {text:.200}"))
}

async fn prepare(options: &Options) -> Result<Workload, String> {
    Ok(match options.workload.as_str() {
        "constant" => Workload::Fixed(request("GET", "/", AUTHORIZATION, None)),
        "create-stage" => Workload::CreateStage {
            api_id: create_api(options.address).await?,
        },
        "get-stages" => {
            let api_id = create_api(options.address).await?;
            let mut connection = Connection::open(options.address)
                .await
                .map_err(|e| e.to_string())?;
            for index in 0..options.page {
                let response = connection
                    .exchange(&create_stage(&api_id, &format!("page{index}")))
                    .await
                    .map_err(|e| e.to_string())?;
                if !(200..300).contains(&response.status) {
                    return Err(format!("CreateStage answered {}", response.status));
                }
            }
            let path = format!("/v2/apis/{api_id}/stages?maxResults={}", options.page);
            Workload::Fixed(request("GET", &path, AUTHORIZATION, None))
        }
        other => return Err(format!("unknown workload {other}")),
    })
}

/// Nanoseconds on a CPU of every live thread of process `pid` (`self` for this one). Threads
/// that ended during the load are not counted: exact for this client (one thread) and for
/// stages-api under load; moto_server's threads per request are missed.
fn cpu_nanos(pid: &str) -> Option<u64> {
    per_thread(pid, "schedstat", |text| {
        text.split_whitespace().next()?.parse().ok()
    })
}

/// How many times the threads of process `pid` went to sleep waiting (voluntary context
/// switches): each is a wake-up the other side pays for.
fn sleeps(pid: &str) -> Option<u64> {
    per_thread(pid, "status", |text| {
        let line = text
            .lines()
            .find(|line| line.starts_with("voluntary_ctxt_switches:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    })
}

/// The sum over the live threads of process `pid` of a figure read from one of their files;
/// `None` when no thread's could be read (no such process, or a kernel without the file).
fn per_thread(pid: &str, file: &str, figure: impl Fn(&str) -> Option<u64>) -> Option<u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join(file)).ok())
        .filter_map(|text| figure(&text))
        .reduce(|sum, figure| sum + figure)
}

/// The server's CPU time, and this client's CPU time and sleeps, over the load.
struct Usage {
    server_nanos: Option<u64>,
    client_nanos: Option<u64>,
    client_sleeps: Option<u64>,
}

impl Usage {
    /// The counters now; [`Usage::since`] turns them into what was used from here.
    fn now(server_pid: Option<u32>) -> Self {
        Usage {
            server_nanos: server_pid.and_then(|pid| cpu_nanos(&pid.to_string())),
            client_nanos: cpu_nanos("self"),
            client_sleeps: sleeps("self"),
        }
    }

    fn since(self, server_pid: Option<u32>) -> Self {
        let now = Usage::now(server_pid);
        let used = |before: Option<u64>, after: Option<u64>| {
            before
                .zip(after)
                .map(|(before, after)| after.saturating_sub(before))
        };
        Usage {
            server_nanos: used(self.server_nanos, now.server_nanos),
            client_nanos: used(self.client_nanos, now.client_nanos),
            client_sleeps: used(self.client_sleeps, now.client_sleeps),
        }
    }
}

/// What one connection did: latencies (µs) of 2xx answers, and how many others it got.
async fn drive(
    address: SocketAddr,
    workload: Workload,
    index: usize,
    deadline: Instant,
) -> std::io::Result<(Vec<u32>, u64)> {
    let mut connection = Connection::open(address).await?;
    let mut latencies = Vec::with_capacity(1 << 16);
    let mut failures = 0;
    let mut count = 0;
    loop {
        let started = Instant::now();
        if started >= deadline {
            break;
        }
        let bytes = workload.next(index, count);
        let response = connection.exchange(&bytes).await?;
        count += 1;
        if (200..300).contains(&response.status) {
            let micros = started.elapsed().as_micros();
            latencies.push(u32::try_from(micros).unwrap_or(u32::MAX));
        } else {
            failures += 1;
        }
    }
    Ok((latencies, failures))
}

fn main() {
    let options = options().unwrap_or_else(|problem| {
        eprintln!("load: {problem}");
        std::process::exit(2);
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let workload = prepare(&options).await.unwrap_or_else(|problem| {
            eprintln!("load: {}: {problem}", options.label);
            std::process::exit(1);
        });
        if options.spin {
            return spin(&options, &workload);
        }
        let usage = Usage::now(options.server_pid);
        let started = Instant::now();
        let deadline = started + Duration::from_secs_f64(options.seconds);
        let tasks: Vec<_> = (0..options.connections)
            .map(|index| tokio::spawn(drive(options.address, workload.clone(), index, deadline)))
            .collect();
        tokio::time::sleep_until(deadline.into()).await;
        let usage = usage.since(options.server_pid);
        let mut latencies = Vec::new();
        let (mut failures, mut broken) = (0, 0);
        for task in tasks {
            match task.await.expect("a connection task") {
                Ok((done, failed)) => {
                    latencies.extend(done);
                    failures += failed;
                }
                Err(error) => {
                    eprintln!("load: {}: connection failed: {error}", options.label);
                    broken += 1;
                }
            }
        }
        report(
            &options,
            latencies,
            failures,
            broken,
            started.elapsed().as_secs_f64(),
            &usage,
        );
    });
}

/// The `--spin` mode: the same workload from a thread that never sleeps.
fn spin(options: &Options, workload: &Workload) {
    let usage = Usage::now(options.server_pid);
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(options.seconds);
    let outcome =
        stages_bench::spin::run(options.address, options.connections, deadline, |i, n| {
            workload.next(i, n).into_owned()
        });
    let usage = usage.since(options.server_pid);
    let elapsed = started.elapsed().as_secs_f64();
    match outcome {
        Ok(outcome) => report(
            options,
            outcome.latencies,
            outcome.failures,
            0,
            elapsed,
            &usage,
        ),
        Err(error) => {
            eprintln!("load: {}: {error}", options.label);
            std::process::exit(1);
        }
    }
}

/// Prints the row: throughput of 2xx answers, their latency, the server's CPU time per answer,
/// and this client's CPU time and sleeps per answer (a client that sleeps between answers makes
/// the server pay to wake it; one near its own limit sleeps less).
fn report(
    options: &Options,
    mut latencies: Vec<u32>,
    failures: u64,
    broken: u64,
    elapsed: f64,
    usage: &Usage,
) {
    latencies.sort_unstable();
    let quantile = |q: f64| {
        let at = ((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1));
        latencies
            .get(at)
            .map_or(f64::NAN, |&micros| f64::from(micros) / 1000.0)
    };
    // Every answer costs the server and the client, 2xx or not.
    let answers = (latencies.len() as u64 + failures).max(1) as f64;
    let micros_per_answer = |nanos: Option<u64>| {
        nanos.map_or(String::from("–"), |nanos| {
            format!("{:.1}", nanos as f64 / 1000.0 / answers)
        })
    };
    let sleeps_per_answer = usage.client_sleeps.map_or(String::from("–"), |sleeps| {
        format!("{:.2}", sleeps as f64 / answers)
    });
    println!(
        "| {} | {} | {:.0} | {:.2} | {:.2} | {} | {} | {} | {} | {} |",
        options.label,
        options.workload,
        latencies.len() as f64 / elapsed,
        quantile(0.5),
        quantile(0.99),
        micros_per_answer(usage.server_nanos),
        micros_per_answer(usage.client_nanos),
        sleeps_per_answer,
        failures,
        broken
    );
}

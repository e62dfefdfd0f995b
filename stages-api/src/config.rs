//! Command-line options.

use std::path::PathBuf;
use std::time::Duration;

/// The service quotas an account can raise (AWS's quotas page for HTTP APIs), with AWS's
/// defaults. Fixed quotas are rules of the model types, not settings.
#[derive(Debug, Clone)]
pub struct Quotas {
    /// Stages per API (AWS: 10); one more is a 429 `TooManyRequestsException`.
    pub stages_per_api: usize,
    /// Routes per API (AWS: 300). Until the service models routes, this bounds the entries of a
    /// stage's `routeSettings`, whose keys name routes.
    pub routes_per_api: usize,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            stages_per_api: 10,
            routes_per_api: 300,
        }
    }
}

/// How the service runs.
pub struct Config {
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Requests per second allowed across all clients; `None` turns the limit off.
    pub rate_limit: Option<f64>,
    /// How many requests may arrive at once before the rate applies.
    pub burst: u32,
    /// The largest request body accepted, in bytes.
    pub max_body: usize,
    /// Where APIs and stages are kept across restarts; `None` keeps them in memory only.
    pub data_dir: Option<PathBuf>,
    /// The service quotas.
    pub quotas: Quotas,
    /// How the service holds off slow, idle and oversized clients.
    pub limits: ConnectionLimits,
}

/// Timeouts and bounds of the HTTP layer, each a flag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConnectionLimits {
    /// The request line and headers must arrive within this time (from the connection's start,
    /// or from the first byte of a later request); else `408` and the connection closes.
    pub header_timeout: Duration,
    /// The whole body must arrive within this time of its first read; else `408`.
    pub body_timeout: Duration,
    /// A kept-alive connection with no request in progress closes after this time.
    pub idle_timeout: Duration,
    /// Connections open at once; beyond it, an idle one (else the slowest upload) is closed to
    /// make room, and new ones wait while every connection is serving a request.
    pub max_connections: usize,
    /// After SIGTERM or Ctrl-C, how long in-flight requests have before the process exits.
    pub shutdown_timeout: Duration,
    /// The largest request line + headers, in bytes (AWS: 10,240); beyond it, `431`.
    pub max_head: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            max_connections: 512,
            shutdown_timeout: Duration::from_secs(10),
            max_head: 10_240,
        }
    }
}

/// What `--help` prints, and what a usage error is followed by.
pub const USAGE: &str = "\
usage: stages-api --print-openapi
       stages-api [--port N] [--data-dir DIR] [--max-stages-per-api N] [--max-routes-per-api N]
                  [--rate-limit PER_SECOND] [--burst N] [--max-body BYTES]
                  [--header-timeout S] [--body-timeout S] [--idle-timeout S]
                  [--max-connections N] [--shutdown-timeout S] [--max-head BYTES]
  --print-openapi     print the OpenAPI 3.1 document (served at GET /openapi.json) and exit
  --port              port on 127.0.0.1 (default: $STAGES_API_PORT, else 8080; 0 picks one)
  --data-dir          keep APIs and stages in an SQLite database in DIR, answering only once a
                      change is on disk (default: in memory, lost on exit)
  --max-stages-per-api  stages an API may have (default: 10, AWS's quota); then 429
  --max-routes-per-api  routes an API may have, bounding routeSettings (default: 300, AWS's
                      quota); then 429
  --rate-limit        requests per second before 429 TooManyRequestsException (default: off)
  --burst             requests allowed at once on top of the rate (default: the rate, >= 1)
  --max-body          largest request body in bytes (default: 65536); beyond it 413, and the
                      body is read no further
  --header-timeout    seconds for a request line and headers to arrive (default: 10); then 408
  --body-timeout      seconds for a whole request body to arrive (default: 30); then 408
  --idle-timeout      seconds a kept-alive connection may wait for its next request (default: 60)
                      (header and idle timeouts are checked every 50 ms, so may end that late)
  --max-connections   connections open at once (default: 512); beyond it the longest idle
                      one is closed to make room, else the slowest upload; new connections
                      wait while every one is serving a request
  --shutdown-timeout  seconds in-flight requests have after SIGTERM or Ctrl-C (default: 10)
  --max-head          largest request line + header values in bytes (default: 10240, AWS's
                      quota); then 431 (414 if the request line alone is longer); a whole
                      head more than 8 KiB past it is refused 431 before it is read
Seconds may be fractional (0.5).";

const DEFAULT_PORT: u16 = 8080;
const DEFAULT_MAX_BODY: usize = 64 * 1024;

impl Config {
    /// Reads the options; the error says which one is wrong.
    pub fn from_args(args: impl Iterator<Item = String>) -> Result<Config, String> {
        let mut port = None;
        let (mut rate_limit, mut burst, mut max_body) = (None, None, DEFAULT_MAX_BODY);
        let (mut data_dir, mut quotas) = (None, Quotas::default());
        let mut limits = ConnectionLimits::default();
        let mut args = args;
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--port" => port = Some(parse(&value("--port")?, "--port")?),
                "--rate-limit" => {
                    let rate: f64 = parse(&value("--rate-limit")?, "--rate-limit")?;
                    if !(rate.is_finite() && rate > 0.0) {
                        return Err(
                            "--rate-limit must be a positive number of requests per second".into(),
                        );
                    }
                    rate_limit = Some(rate);
                }
                "--burst" => burst = Some(parse::<u32>(&value("--burst")?, "--burst")?.max(1)),
                "--max-body" => max_body = parse(&value("--max-body")?, "--max-body")?,
                "--data-dir" => data_dir = Some(PathBuf::from(value("--data-dir")?)),
                "--max-stages-per-api" => {
                    quotas.stages_per_api =
                        parse(&value("--max-stages-per-api")?, "--max-stages-per-api")?;
                }
                "--max-routes-per-api" => {
                    quotas.routes_per_api =
                        parse(&value("--max-routes-per-api")?, "--max-routes-per-api")?;
                }
                "--header-timeout" => limits.header_timeout = seconds(&value(&arg)?, &arg)?,
                "--body-timeout" => limits.body_timeout = seconds(&value(&arg)?, &arg)?,
                "--idle-timeout" => limits.idle_timeout = seconds(&value(&arg)?, &arg)?,
                "--shutdown-timeout" => limits.shutdown_timeout = seconds(&value(&arg)?, &arg)?,
                "--max-connections" => {
                    limits.max_connections = parse(&value(&arg)?, &arg)?;
                    if limits.max_connections == 0 {
                        return Err("--max-connections must be at least 1".into());
                    }
                }
                "--max-head" => {
                    limits.max_head = parse(&value(&arg)?, &arg)?;
                    if limits.max_head < 1024 {
                        return Err("--max-head must be at least 1024 bytes".into());
                    }
                }
                "-h" | "--help" => {
                    println!("{USAGE}");
                    std::process::exit(0);
                }
                other => return Err(format!("unknown option {other}")),
            }
        }
        let burst =
            burst.unwrap_or_else(|| rate_limit.map_or(1, |rate: f64| rate.ceil().max(1.0) as u32));
        Ok(Config {
            port: port.unwrap_or(DEFAULT_PORT),
            rate_limit,
            burst,
            max_body,
            data_dir,
            quotas,
            limits,
        })
    }
}

fn parse<T: std::str::FromStr>(text: &str, name: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{name}: {text:?} is not a valid value"))
}

/// A positive, finite number of seconds.
fn seconds(text: &str, name: &str) -> Result<Duration, String> {
    let value: f64 = parse(text, name)?;
    if value.is_finite() && value > 0.0 && value < 1e9 {
        Ok(Duration::from_secs_f64(value))
    } else {
        Err(format!(
            "{name}: {text:?} is not a positive number of seconds"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{Config, ConnectionLimits};
    use std::time::Duration;

    #[test]
    fn the_help_names_the_sweep_s_period() {
        let every = format!(
            "checked every {} ms",
            crate::registry::SWEEP_EVERY.as_millis()
        );
        assert!(super::USAGE.contains(&every), "{every}");
    }

    fn parse(args: &[&str]) -> Result<Config, String> {
        Config::from_args(args.iter().map(|arg| (*arg).to_owned()))
    }

    #[test]
    fn limits_have_defaults_and_take_fractional_seconds() {
        assert_eq!(parse(&[]).unwrap().limits, ConnectionLimits::default());
        let config = parse(&["--header-timeout", "0.25", "--max-connections", "3"]).unwrap();
        assert_eq!(config.limits.header_timeout, Duration::from_millis(250));
        assert_eq!(config.limits.max_connections, 3);
    }

    #[test]
    fn bad_limits_say_which_flag_is_wrong() {
        for args in [
            &["--idle-timeout", "0"][..],
            &["--body-timeout", "-1"],
            &["--shutdown-timeout", "NaN"],
            &["--max-connections", "0"],
            &["--max-head", "10"],
            &["--header-timeout"],
        ] {
            let problem = parse(args).err().expect("refused");
            assert!(problem.contains(args[0]), "{problem}");
        }
    }
}

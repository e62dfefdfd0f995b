//! Command-line options.

use std::path::PathBuf;

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
}

pub const USAGE: &str = "\
usage: stages-api [--port N] [--data-dir DIR] [--rate-limit PER_SECOND] [--burst N] [--max-body BYTES]
                  [--max-stages-per-api N] [--max-routes-per-api N]
  --port        port on 127.0.0.1 (default: $STAGES_API_PORT, else 8080; 0 picks a free port)
  --rate-limit  requests per second before answering 429 TooManyRequestsException (default: off)
  --burst       requests allowed at once on top of the rate (default: the rate, at least 1)
  --max-body    largest request body in bytes (default: 65536)
  --data-dir    keep APIs and stages in an SQLite database in DIR, answering only once a change
                is on disk (default: in memory, lost on exit)
  --max-stages-per-api  stages an API may have (default: 10, AWS's quota)
  --max-routes-per-api  routes an API may have, which bounds routeSettings (default: 300, AWS's quota)";

const DEFAULT_PORT: u16 = 8080;
const DEFAULT_MAX_BODY: usize = 64 * 1024;

impl Config {
    /// Reads the options; the error says which one is wrong.
    pub fn from_args(args: impl Iterator<Item = String>) -> Result<Config, String> {
        let mut port = None;
        let (mut rate_limit, mut burst, mut max_body) = (None, None, DEFAULT_MAX_BODY);
        let (mut data_dir, mut quotas) = (None, Quotas::default());
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
        })
    }
}

fn parse<T: std::str::FromStr>(text: &str, name: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{name}: {text:?} is not a valid value"))
}

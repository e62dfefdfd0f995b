//! `stages-api`: the Stages operations as a small HTTP service, storing in memory or, with
//! `--data-dir`, in an SQLite database.
//!
//! It shows `stages-model` inside a real service — decode a request, answer
//! `400 BadRequestException` with every violation, `404`, `409`, `429`, paginate `GetStages` —
//! and it is the proof that the wire format is right: boto3 and the AWS CLI talk to it.
//!
//! ```text
//! cargo run -p stages-api -- --print-openapi
//! cargo run -p stages-api -- [--port N] [--data-dir DIR] [--max-stages-per-api N]
//!     [--max-routes-per-api N] [--rate-limit PER_SECOND] [--burst N] [--max-body BYTES]
//!     [--header-timeout S] [--body-timeout S] [--idle-timeout S] [--max-connections N]
//!     [--shutdown-timeout S] [--max-head BYTES]
//! ```
//!
//! `--print-openapi` prints the OpenAPI 3.1 document of the operations (also served at
//! `GET /openapi.json`) and exits.
//!
//! Listens on 127.0.0.1 (port from `--port`, else `STAGES_API_PORT`, else 8080; `0` picks a free
//! one), logs one line per request to standard error, and stops on Ctrl-C or SIGTERM: requests in
//! flight have `--shutdown-timeout` to finish, then the process exits.

use std::net::SocketAddr;

use stages_api::config;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    if std::env::args().skip(1).any(|arg| arg == "--print-openapi") {
        // The document of `GET /openapi.json`, without starting the service.
        println!("{}", String::from_utf8_lossy(stages_api::openapi::bytes()));
        return;
    }
    let config = match config::Config::from_args(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(problem) => {
            eprintln!("stages-api: {problem}\n\n{}", config::USAGE);
            std::process::exit(2);
        }
    };
    let address = SocketAddr::from(([127, 0, 0, 1], config.port));
    let listener = match TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("stages-api: cannot listen on {address}: {error}");
            std::process::exit(2);
        }
    };
    let address = listener.local_addr().unwrap_or(address);
    // Tests and scripts read the port from this line.
    println!("stages-api listening on http://{address}");
    if let Err(error) = stages_api::serve(listener, &config).await {
        eprintln!("stages-api: server error: {error}");
        std::process::exit(1);
    }
    eprintln!("stages-api: stopped");
}

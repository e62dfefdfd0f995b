//! The OpenAPI document: `--print-openapi` prints what `GET /openapi.json` serves, Python's
//! `openapi-spec-validator` (installed from PyPI into a venv under the target directory) finds
//! it valid OpenAPI 3.1, every route declared in `src/handlers.rs` (its own included) is in it,
//! every operation in it is one the service answers (not its "no route" fallback), with the
//! headers it promises.

mod support;

#[path = "support/python.rs"]
mod python;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::Server;

const BINARY: &str = env!("CARGO_BIN_EXE_stages-api");

fn printed() -> Value {
    let output = Command::new(BINARY)
        .arg("--print-openapi")
        .output()
        .expect("run stages-api --print-openapi");
    assert!(output.status.success(), "exit status {}", output.status);
    serde_json::from_slice(&output.stdout).expect("the document is JSON")
}

/// One HTTP/1.1 request on a fresh connection; the status, the head (status line and headers,
/// names in lowercase) and the body.
fn request(address: &str, method: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    let body = if matches!(method, "POST" | "PATCH") {
        "{}"
    } else {
        ""
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    let status = answer
        .get(9..12)
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (status, head.to_lowercase(), body.to_owned())
}

/// `(METHOD, /path/{param})` of each `.route(...)` in the router's source, parameters renamed
/// to their wire names (`{api_id}` → `{apiId}`).
fn declared_routes() -> BTreeSet<(String, String)> {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/handlers.rs"))
        .expect("read handlers.rs");
    let mut routes = BTreeSet::new();
    for call in source.split(".route(").skip(1) {
        let path = call.split('"').nth(1).expect("a path literal");
        let path = path
            .split('/')
            .map(|segment| match segment.strip_prefix('{') {
                Some(name) => {
                    let name = name.trim_end_matches('}');
                    let mut words = name.split('_');
                    let first = words.next().unwrap_or_default().to_owned();
                    let rest: String = words
                        .map(|word| word[..1].to_uppercase() + &word[1..])
                        .collect();
                    format!("{{{first}{rest}}}")
                }
                None => segment.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("/");
        let handlers = &call[..call.find(")\n").unwrap_or(call.len())];
        for method in ["get", "post", "patch", "put", "delete"] {
            if handlers.contains(&format!("{method}(")) {
                routes.insert((method.to_owned(), path.clone()));
            }
        }
    }
    routes
}

#[test]
fn the_openapi_document_is_valid_and_covers_every_route() {
    let document = printed();
    assert_eq!(document["openapi"], "3.1.0");

    // A validator no one here wrote.
    let python = python::python_with(
        env!("CARGO_TARGET_TMPDIR"),
        "openapi-venv",
        "openapi_spec_validator",
        &["openapi-spec-validator>=0.7,<0.8"],
    );
    let verdict = python::run_script(
        &python,
        "import json, sys\nfrom openapi_spec_validator import validate\nfrom openapi_spec_validator.versions.shortcuts import get_spec_version\n\
         spec = json.load(sys.stdin)\nvalidate(spec)\nprint(get_spec_version(spec))",
        document.to_string().as_bytes(),
    );
    assert!(verdict.contains("3.1"), "{verdict}");

    // Every route the router declares is documented, `/openapi.json` included.
    let documented: BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    let declared = declared_routes();
    assert_eq!(declared.len(), 10, "{declared:?}");
    assert_eq!(declared, documented);

    // The service serves the same document, and answers every documented operation itself.
    let logs = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let server = Server::start(Path::new(BINARY), &[], &logs.join("stages-api-openapi.log"));
    let (status, _, served) = request(server.address(), "GET", "/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_str::<Value>(&served).unwrap(), document);
    for (method, path) in &documented {
        let concrete = path
            .replace("{apiId}", "a1")
            .replace("{stageName}", "s1")
            .replace("{routeKey}", "GET%20%2F");
        let (status, head, body) = request(server.address(), &method.to_uppercase(), &concrete);
        assert_ne!(status, 405, "{method} {path}: {body}");
        assert!(!body.contains("No route for"), "{method} {path}: {body}");
        let responses = &document["paths"][path][method]["responses"];
        let Some(response) = responses.get(status.to_string()) else {
            panic!("{method} {path} answered {status}, which the document does not list: {body}");
        };
        // Every header the document promises for that status is sent.
        for (name, header) in response["headers"].as_object().into_iter().flatten() {
            if header["required"] == true {
                let line = format!("\r\n{}: ", name.to_lowercase());
                assert!(
                    head.contains(&line),
                    "{method} {path} {status}: no {name}\n{head}"
                );
            }
        }
    }
}

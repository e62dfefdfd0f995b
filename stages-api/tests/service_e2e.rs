//! End to end: the `stages-api` binary, driven by clients no one here wrote.
//!
//! Creates a Python virtual environment under the target directory, installs boto3 (and, if it
//! installs, the AWS CLI) from PyPI, starts instances of the service on 127.0.0.1 (a high
//! stages-per-API quota; a low rate limit; AWS's default quotas with a `--data-dir`), runs the
//! unittest suites in `tests/e2e/`, then restarts the one with a data directory and checks that
//! it kept everything. Cargo builds the binary for this test.

mod support;

// The run of unittest suites is this test's own; the venv is shared.
#[allow(dead_code)]
#[path = "support/python.rs"]
mod python;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::Server;

const E2E: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e");

/// A virtual environment with boto3 (and the AWS CLI when it installs), made once and reused.
fn python_with_boto3() -> PathBuf {
    let requirements = format!("{E2E}/requirements.txt");
    let python = python::python_with(
        env!("CARGO_TARGET_TMPDIR"),
        "e2e-venv",
        "boto3",
        &["-r", &requirements],
    );
    if !python::imports(&python, "awscli") && !python::pip_install(&python, &["awscli"]) {
        eprintln!("awscli did not install: its tests will be skipped");
    }
    python
}

/// Runs `modules` with unittest in `tests/e2e`, with `env`; returns unittest's report.
fn run_python(python: &Path, modules: &[&str], env: &[(&str, &str)]) -> String {
    let output = Command::new(python)
        .args(["-m", "unittest", "-v"])
        .args(modules)
        .current_dir(E2E)
        .envs(env.iter().copied())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run the Python suites");
    let report = String::from_utf8_lossy(&output.stderr).into_owned();
    println!("{report}");
    assert!(
        output.status.success(),
        "the Python suites failed:\n{report}"
    );
    report
}

#[test]
fn boto3_the_aws_cli_and_concurrent_clients_against_the_service() {
    let binary = Path::new(env!("CARGO_BIN_EXE_stages-api"));
    let python = python_with_boto3();
    let logs = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let data_dir = logs.join("e2e-data");
    let _ = std::fs::remove_dir_all(&data_dir);
    let data_dir = data_dir.to_str().expect("a UTF-8 path");
    let open = Server::start(
        binary,
        &["--max-stages-per-api", "100000"],
        &logs.join("stages-api.log"),
    );
    let limited = Server::start(
        binary,
        &["--rate-limit", "2", "--burst", "2"],
        &logs.join("stages-api-limited.log"),
    );
    let durable = Server::start(
        binary,
        &["--data-dir", data_dir],
        &logs.join("stages-api-durable.log"),
    );
    let snapshot = logs.join("e2e-restart.json");
    let snapshot = snapshot.to_str().expect("a UTF-8 path");
    let env = [
        ("STAGES_API_URL", open.url.as_str()),
        ("STAGES_API_LIMITED_URL", limited.url.as_str()),
        ("STAGES_API_QUOTA_URL", durable.url.as_str()),
        ("STAGES_API_DURABLE_URL", durable.url.as_str()),
        ("STAGES_RESTART_FILE", snapshot),
    ];
    let report = run_python(
        &python,
        &[
            "test_boto3",
            "test_lifecycle",
            "test_awscli",
            "test_concurrency",
        ],
        &env,
    );
    assert!(report.contains("Ran 21 tests"), "{report}");
    assert!(
        report.contains("Boto3Stages.test_paginator_sees_every_stage_exactly_once) ... ok"),
        "{report}"
    );

    // Everything made through every operation survives a restart on the same directory.
    let before = [env.as_slice(), &[("STAGES_RESTART_PHASE", "before")]].concat();
    let report = run_python(&python, &["test_restart"], &before);
    assert!(report.contains("test_everything_survives_a_restart (test_restart.Restart.test_everything_survives_a_restart) ... ok"), "{report}");
    drop(durable);
    let durable = Server::start(
        binary,
        &["--data-dir", data_dir],
        &logs.join("stages-api-durable-restarted.log"),
    );
    let after = [
        ("STAGES_API_DURABLE_URL", durable.url.as_str()),
        ("STAGES_RESTART_FILE", snapshot),
        ("STAGES_RESTART_PHASE", "after"),
        ("STAGES_API_URL", open.url.as_str()),
        ("STAGES_API_LIMITED_URL", limited.url.as_str()),
    ];
    let report = run_python(&python, &["test_restart"], &after);
    assert!(report.contains("... ok"), "{report}");
}

//! The builds one `cargo test --workspace` cannot make, so that `cargo test-all` (the README's
//! test command) still runs every test of the project.
//!
//! Cargo unifies features across the crates it builds together: with stages-api in the build,
//! `schema` is on for every crate, and the compile-fail case for a pattern that needs the `regex`
//! feature needs that feature off. The benchmarks' crate is left out of the workspace run because
//! it compiles garde, validator and criterion. Each test here runs cargo once more, from the
//! workspace root, with the features it needs, in a target directory of its own (under
//! `target/tmp`, shared by these tests, so dependencies compile once), and fails with cargo's
//! own output.

use std::path::PathBuf;
use std::process::Command;

/// Runs `cargo test -q <args>` at the workspace root; fails with its output if it fails.
fn cargo_test(args: &[&str]) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace")
        .to_path_buf();
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("feature-builds");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["test", "-q"])
        .args(args)
        .current_dir(&root)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo can be started");
    assert!(
        output.status.success(),
        "`cargo test -q {}` failed:\n{}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
}

/// Patterns the derive leaves to the regex engine, with the `regex` feature on: the derive's and
/// the runtime's own tests, then the tests that match such patterns.
#[test]
fn patterns_left_to_the_regex_engine() {
    cargo_test(&[
        "-p",
        "stages-derive",
        "-p",
        "stages-runtime",
        "--features",
        "stages-runtime/regex,stages-runtime/schema",
        "--lib",
    ]);
    cargo_test(&[
        "-p",
        "stages-tests",
        "--features",
        "regex",
        "--test",
        "regex_engine",
        "--test",
        "rules",
        "--test",
        "pattern_equivalence",
        "--test",
        "compile_fail",
    ]);
}

/// Models built without the `schema` feature: the impls the derive writes are dropped unread.
#[test]
fn models_without_the_schema_feature() {
    cargo_test(&["-p", "stages-runtime", "--doc"]);
}

/// The benchmarks' own tests: the hand-written baseline reports exactly what our rules report,
/// and every peer accepts the valid documents, so the comparisons in BENCHMARKS.md are fair;
/// then the baseline's strongest form (`hand-vectors`) is held to the same rules.
#[test]
fn the_benchmarks_peers_check_the_same_rules() {
    cargo_test(&["-p", "stages-bench"]);
    cargo_test(&[
        "-p",
        "stages-bench",
        "--features",
        "hand-vectors",
        "--test",
        "hand_agrees",
    ]);
}

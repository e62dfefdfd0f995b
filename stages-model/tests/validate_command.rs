//! The `validate` example, driven through its `run` function with in-memory streams.

#[path = "../examples/validate/cli.rs"]
mod cli;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

use serde_json::Value;

const VALID: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/create-stage.json"
);
const INVALID: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/invalid-create-stage.json"
);

struct Output {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: &str) -> Output {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    run_os(&args, stdin)
}

fn run_os(args: &[OsString], stdin: &str) -> Output {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = cli::run(args, &mut stdin.as_bytes(), &mut stdout, &mut stderr);
    Output {
        status,
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn a_valid_document_exits_zero() {
    let out = run(&[VALID], "");
    assert_eq!(out.status, cli::VALID);
    assert_eq!(out.stdout, format!("{VALID}: valid\n"));
    assert_eq!(out.stderr, "");
}

#[test]
fn an_invalid_document_exits_one_with_a_line_per_violation() {
    let out = run(&[VALID, INVALID], "");
    assert_eq!(out.status, cli::INVALID);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1 + 8, "{}", out.stdout);
    assert!(lines.contains(&format!("{INVALID}: stageName: is required").as_str()));
    assert!(lines.contains(
        &format!("{INVALID}: accessLogSettings.format: must include $context.requestId").as_str()
    ));
}

#[test]
fn json_format_prints_one_object_per_file() {
    let out = run(&["--format", "json", VALID, INVALID], "");
    assert_eq!(out.status, cli::INVALID);
    let reports = json_lines(&out.stdout);
    assert_eq!(reports.len(), 2);
    assert_eq!(
        reports[0],
        serde_json::json!({"file": VALID, "valid": true, "violations": []})
    );
    assert_eq!(reports[1]["file"], INVALID);
    assert_eq!(reports[1]["valid"], false);
    let pointers: Vec<&str> = reports[1]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        pointers,
        [
            // A missing member comes first in its object, then document order.
            "/stageName",
            "/defaultRouteSettings/loggingLevel",
            "/routeSettings/GET ~1pets/loggingLevel",
            "/stageVariables/my-var",
            "/stageVariables/url",
            "/accessLogSettings/format",
            "/accessLogSettings/destinationArn",
            "/tags/aws:owner",
        ]
    );
    let first = &reports[1]["violations"][3];
    assert_eq!(first["path"], "stageVariables[\"my-var\"]");
    assert_eq!(first["rule"], "pattern");
    assert_eq!(first["message"], "key must match [A-Za-z0-9_]+");
}

#[test]
fn json_members_keep_the_documented_order() {
    let out = run(&["--format", "json", "-"], r#"{"stageName": ""}"#);
    assert_eq!(
        out.stdout,
        concat!(
            r#"{"file":"<stdin>","valid":false,"violations":[{"pointer":"/stageName","path":"stageName","rule":"length","#,
            r#""message":"must be 1 to 128 characters long, found 0"}]}"#,
            "\n"
        )
    );
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let out = run(
        &["--shape", "RouteSettings", "-"],
        r#"{"loggingLevel": "OFF"}"#,
    );
    assert_eq!(
        (out.status, out.stdout.as_str()),
        (cli::VALID, "<stdin>: valid\n")
    );
    let out = run(
        &["--shape", "RouteSettings", "-"],
        r#"{"throttlingBurstLimit": 2.5}"#,
    );
    assert_eq!(out.status, cli::INVALID);
    assert!(
        out.stdout
            .starts_with("<stdin>: throttlingBurstLimit: expected an integer from -2147483648 to 2147483647, found the number 2.5"),
        "{}",
        out.stdout
    );
}

#[test]
fn malformed_json_is_one_syntax_violation_where_it_broke() {
    let out = run(
        &["--format", "json", "-"],
        r#"{"stageName": "prod", "tags": {"a": }"#,
    );
    let reports = json_lines(&out.stdout);
    let violations = reports[0]["violations"].as_array().unwrap();
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0]["rule"], "syntax");
    assert_eq!(violations[0]["pointer"], "/tags/a");
    let out = run(&["--format", "json", "-"], "not json");
    let reports = json_lines(&out.stdout);
    assert_eq!(reports[0]["violations"][0]["pointer"], "");
    assert_eq!(reports[0]["violations"][0]["rule"], "syntax");
    assert_eq!(out.status, cli::INVALID);
}

#[test]
fn every_shape_can_be_chosen() {
    let cases = [
        ("CreateStageInput", r#"{"stageName": "x"}"#),
        (
            "Stage",
            r#"{"stageName": "x", "createdDate": "2024-01-01T00:00:00Z"}"#,
        ),
        ("Stages", r#"{"items": []}"#),
        ("RouteSettings", r#"{}"#),
        ("ReturnedRouteSettings", r#"{"loggingLevel": "TRACE"}"#),
        ("AccessLogSettings", r#"{"format": "$context.requestId"}"#),
    ];
    for (shape, document) in cases {
        let out = run(&["--shape", shape, "-"], document);
        assert_eq!(out.status, cli::VALID, "{shape}: {}", out.stdout);
    }
    // An UpdateStage body names no stage, and an empty variable value removes the variable.
    let update = r#"{"stageVariables": {"old": ""}}"#;
    assert_eq!(
        run(&["--shape", "UpdateStageInput", "-"], update).status,
        cli::VALID
    );
    assert_eq!(
        run(&["--shape", "CreateStageInput", "-"], update).status,
        cli::INVALID
    );
    let schema: Value =
        serde_json::from_str(&run(&["--schema", "--shape", "UpdateStageInput"], "").stdout)
            .unwrap();
    assert_eq!(schema["$ref"], "#/$defs/UpdateStageInput");
    // The same document differs by shape: a Stage needs a name, RouteSettings ignores it.
    assert_eq!(run(&["--shape", "Stage", "-"], "{}").status, cli::INVALID);
    assert_eq!(
        run(&["--shape", "RouteSettings", "-"], "{}").status,
        cli::VALID
    );
    // A logging level newer than ours: kept in what AWS returns, refused in a request.
    let newer = r#"{"loggingLevel": "TRACE"}"#;
    assert_eq!(
        run(&["--shape", "RouteSettings", "-"], newer).status,
        cli::INVALID
    );
}

#[test]
fn usage_errors_exit_two_with_a_message() {
    let cases: [(&[&str], &str); 6] = [
        (&[], "no FILE given"),
        (&["--shape"], "--shape needs a shape name"),
        (
            &["--shape", "Api", "x"],
            "unknown shape \"Api\"; expected one of CreateStageInput, Stage, Stages",
        ),
        (&["--format", "yaml", "x"], "unknown format \"yaml\""),
        (&["--verbose", "x"], "unknown option --verbose"),
        (
            &["/definitely/not/here.json"],
            "cannot read /definitely/not/here.json",
        ),
    ];
    for (args, expected) in cases {
        let out = run(args, "");
        assert_eq!(out.status, cli::FAILED, "{args:?}");
        assert!(out.stderr.contains(expected), "{args:?}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{args:?}");
    }
}

#[test]
fn help_goes_to_stdout_and_exits_zero() {
    let out = run(&["--help"], "");
    assert_eq!(out.status, cli::VALID);
    assert!(out.stdout.starts_with("usage: validate"));
}

/// A file name that is not UTF-8 (`/tmp/\xff.json`) is still a file: it is read and checked,
/// and reports show the name with U+FFFD for the byte that is not UTF-8.
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_named_lossily() {
    let directory = std::env::temp_dir().join(format!("validate-os-name-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let mut name = directory.clone().into_os_string().into_vec();
    name.extend_from_slice(b"/stage-\xff.json");
    let file = OsString::from_vec(name);
    std::fs::write(&file, r#"{"stageName": "prod"}"#).unwrap();
    let shown = format!("{}/stage-\u{FFFD}.json", directory.display());

    let out = run_os(std::slice::from_ref(&file), "");
    assert_eq!((out.status, out.stderr.as_str()), (cli::VALID, ""));
    assert_eq!(out.stdout, format!("{shown}: valid\n"));
    let out = run_os(&["--format".into(), "json".into(), file.clone()], "");
    assert_eq!(json_lines(&out.stdout)[0]["file"], shown.as_str());

    std::fs::remove_dir_all(&directory).unwrap();
    let out = run_os(&[file], "");
    assert_eq!(out.status, cli::FAILED);
    assert!(
        out.stderr.contains(&format!("cannot read {shown}")),
        "{}",
        out.stderr
    );
}

#[test]
fn an_option_value_that_is_not_utf8_is_a_usage_error() {
    let value = OsString::from_vec(b"Stage\xff".to_vec());
    let out = run_os(&["--shape".into(), value, "-".into()], "{}");
    assert_eq!(out.status, cli::FAILED);
    assert!(
        out.stderr.contains("unknown shape \"Stage\u{FFFD}\""),
        "{}",
        out.stderr
    );
}

#[test]
fn schema_prints_the_json_schema_of_a_shape() {
    let out = run(&["--schema", "--shape", "Stage"], "");
    assert_eq!(out.status, cli::VALID, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    let schema: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["$ref"], "#/$defs/Stage");
    let stage = &schema["$defs"]["Stage"];
    assert_eq!(stage["required"], serde_json::json!(["stageName"]));
    assert_eq!(stage["properties"]["stageName"]["maxLength"], 128);
    assert_eq!(
        stage["properties"]["routeSettings"]["additionalProperties"]["$ref"],
        "#/$defs/ReturnedRouteSettings"
    );
    // A returned stage may carry a logging level newer than ours: any string is accepted.
    let level = &schema["$defs"]["LoggingLevel"];
    assert_eq!(
        level["anyOf"][0]["enum"],
        serde_json::json!(["ERROR", "INFO", "OFF"])
    );
    assert_eq!(level["anyOf"][1], serde_json::json!({"type": "string"}));

    // The default shape is CreateStageInput.
    let out = run(&["--schema"], "");
    let schema: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(schema["$ref"], "#/$defs/CreateStageInput");
    // A request lists only the logging levels this model knows.
    assert_eq!(
        schema["$defs"]["RouteSettings"]["properties"]["loggingLevel"]["anyOf"][0]["enum"],
        serde_json::json!(["ERROR", "INFO", "OFF"])
    );
}

#[test]
fn schema_refuses_an_unknown_shape_and_files() {
    let out = run(&["--schema", "--shape", "Stag"], "");
    assert_eq!(out.status, cli::FAILED);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.starts_with(
            "validate: unknown shape \"Stag\"; expected one of CreateStageInput, Stage,"
        ),
        "{}",
        out.stderr
    );
    let out = run(&["--schema", VALID], "");
    assert_eq!(out.status, cli::FAILED);
    assert!(
        out.stderr
            .contains("--schema prints a schema and reads no FILE"),
        "{}",
        out.stderr
    );
}

/// The README shows this command's output for its two example documents: that text is the
/// output, line for line and in order.
#[test]
fn the_readme_shows_what_the_command_prints() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let section = &readme[readme
        .find("## Checking documents")
        .expect("the validate section")..];
    let command = section
        .lines()
        .find(|line| line.starts_with("cargo run -q -p stages-model --example validate -- "))
        .expect("the command");
    let files: Vec<String> = command
        .split(" -- ")
        .nth(1)
        .unwrap()
        .split(' ')
        .map(|file| format!("{root}/{file}"))
        .collect();
    let shown = section
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the output block");

    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = run(&args, "");
    assert_eq!(out.status, cli::INVALID);
    assert_eq!(out.stdout.replace(&format!("{root}/"), ""), shown);
}

//! The `validate` command, apart from the process: arguments and streams come in, an exit
//! status goes out, so tests can drive it directly.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::Path;

use stages_model::{
    from_json_slice, schema_for, AccessLogSettings, CreateStageInput, ReturnedRouteSettings,
    RouteSettings, Stage, Stages, UpdateStageInput, ValidationErrors,
};

/// Every document was valid.
pub const VALID: i32 = 0;
/// At least one document was invalid.
pub const INVALID: i32 = 1;
/// The command could not run: bad arguments, or a file that could not be read.
pub const FAILED: i32 = 2;

const USAGE: &str = "\
usage: validate [--shape NAME] [--format text|json] FILE...
       validate --schema [--shape NAME]

Checks each FILE (or `-` for standard input) against the AWS rules for a Stages shape.
A FILE name need not be UTF-8; reports show it with U+FFFD for the bytes that are not.
  --shape NAME     CreateStageInput (default), UpdateStageInput, Stage, Stages, RouteSettings
                   (in a request), ReturnedRouteSettings (in a Stage) or AccessLogSettings
  --format FORMAT  text (default): one line per violation, `FILE: path: message`
                   json: one object per file, {\"file\", \"valid\": bool, \"violations\": [...]}
  --schema         print the shape's JSON Schema (draft 2020-12) instead, made from the same
                   rules; exit 0
Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error.";

/// The shapes a document can be checked as.
#[derive(Clone, Copy)]
enum Shape {
    CreateStageInput,
    UpdateStageInput,
    Stage,
    Stages,
    RouteSettings,
    ReturnedRouteSettings,
    AccessLogSettings,
}

const SHAPES: &[(&str, Shape)] = &[
    ("CreateStageInput", Shape::CreateStageInput),
    ("Stage", Shape::Stage),
    ("Stages", Shape::Stages),
    ("RouteSettings", Shape::RouteSettings),
    ("ReturnedRouteSettings", Shape::ReturnedRouteSettings),
    ("AccessLogSettings", Shape::AccessLogSettings),
    ("UpdateStageInput", Shape::UpdateStageInput),
];

impl Shape {
    /// Decodes and validates `document` as this shape.
    fn check(self, document: &[u8]) -> Result<(), ValidationErrors> {
        match self {
            Shape::CreateStageInput => from_json_slice::<CreateStageInput>(document).map(drop),
            Shape::UpdateStageInput => from_json_slice::<UpdateStageInput>(document).map(drop),
            Shape::Stage => from_json_slice::<Stage>(document).map(drop),
            Shape::Stages => from_json_slice::<Stages>(document).map(drop),
            Shape::RouteSettings => from_json_slice::<RouteSettings>(document).map(drop),
            Shape::ReturnedRouteSettings => {
                from_json_slice::<ReturnedRouteSettings>(document).map(drop)
            }
            Shape::AccessLogSettings => from_json_slice::<AccessLogSettings>(document).map(drop),
        }
    }

    /// The JSON Schema of this shape.
    fn schema(self) -> serde_json::Value {
        match self {
            Shape::CreateStageInput => schema_for::<CreateStageInput>(),
            Shape::UpdateStageInput => schema_for::<UpdateStageInput>(),
            Shape::Stage => schema_for::<Stage>(),
            Shape::Stages => schema_for::<Stages>(),
            Shape::RouteSettings => schema_for::<RouteSettings>(),
            Shape::ReturnedRouteSettings => schema_for::<ReturnedRouteSettings>(),
            Shape::AccessLogSettings => schema_for::<AccessLogSettings>(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

struct Options {
    shape: Shape,
    /// Print the shape's schema rather than check files.
    schema: bool,
    format: Format,
    files: Vec<OsString>,
}

/// Why the command cannot run.
enum Usage {
    Help,
    Wrong(String),
}

fn parse(args: &[OsString]) -> Result<Options, Usage> {
    let mut options = Options {
        shape: Shape::CreateStageInput,
        schema: false,
        format: Format::Text,
        files: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        // Options are UTF-8; anything else can only be a file name.
        match arg.to_str().unwrap_or_default() {
            "-h" | "--help" => return Err(Usage::Help),
            "--schema" => options.schema = true,
            "--shape" => {
                let name = args
                    .next()
                    .ok_or_else(|| Usage::Wrong("--shape needs a shape name".into()))?;
                let name = name.to_string_lossy();
                options.shape = SHAPES
                    .iter()
                    .find(|(known, _)| *known == name)
                    .map(|(_, shape)| *shape)
                    .ok_or_else(|| {
                        let names: Vec<&str> = SHAPES.iter().map(|(known, _)| *known).collect();
                        Usage::Wrong(format!(
                            "unknown shape {name:?}; expected one of {}",
                            names.join(", ")
                        ))
                    })?;
            }
            "--format" => {
                options.format = match args.next().map(|arg| arg.to_string_lossy()).as_deref() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some(other) => {
                        return Err(Usage::Wrong(format!(
                            "unknown format {other:?}; expected text or json"
                        )))
                    }
                    None => return Err(Usage::Wrong("--format needs text or json".into())),
                };
            }
            "--" => options.files.extend(args.by_ref().cloned()),
            flag if flag.starts_with("--") => {
                return Err(Usage::Wrong(format!("unknown option {flag}")))
            }
            _ => options.files.push(arg.clone()),
        }
    }
    if options.schema {
        if let Some(file) = options.files.first() {
            return Err(Usage::Wrong(format!(
                "--schema prints a schema and reads no FILE, but {} was given",
                Path::new(file).display()
            )));
        }
        return Ok(options);
    }
    if options.files.is_empty() {
        return Err(Usage::Wrong(
            "no FILE given (use - for standard input)".into(),
        ));
    }
    Ok(options)
}

/// Runs the command; returns the exit status.
pub fn run(
    args: &[OsString],
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let options = match parse(args) {
        Ok(options) => options,
        Err(Usage::Help) => return report_io(writeln!(stdout, "{USAGE}"), VALID, stderr),
        Err(Usage::Wrong(problem)) => {
            let _ = writeln!(stderr, "validate: {problem}\n\n{USAGE}");
            return FAILED;
        }
    };
    if options.schema {
        let written = serde_json::to_writer_pretty(&mut *stdout, &options.shape.schema())
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(stdout));
        return report_io(written, VALID, stderr);
    }
    let mut status = VALID;
    for file in &options.files {
        let document = match read(file, stdin) {
            Ok(document) => document,
            Err(error) => {
                let file = Path::new(file).display();
                let _ = writeln!(stderr, "validate: cannot read {file}: {error}");
                return FAILED;
            }
        };
        let outcome = options.shape.check(&document);
        if outcome.is_err() {
            status = INVALID;
        }
        let name = if file == "-" {
            "<stdin>".into()
        } else {
            file.to_string_lossy()
        };
        let written = match options.format {
            Format::Text => write_text(stdout, &name, &outcome),
            Format::Json => write_json(stdout, &name, &outcome),
        };
        if let Err(error) = written {
            let _ = writeln!(stderr, "validate: cannot write the report: {error}");
            return FAILED;
        }
    }
    status
}

fn read(file: &OsStr, stdin: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut document = Vec::new();
        stdin.read_to_end(&mut document)?;
        Ok(document)
    } else {
        std::fs::read(file)
    }
}

fn write_text(
    out: &mut dyn Write,
    name: &str,
    outcome: &Result<(), ValidationErrors>,
) -> std::io::Result<()> {
    match outcome {
        Ok(()) => writeln!(out, "{name}: valid"),
        Err(errors) => errors
            .iter()
            .try_for_each(|violation| writeln!(out, "{name}: {violation}")),
    }
}

fn write_json(
    out: &mut dyn Write,
    name: &str,
    outcome: &Result<(), ValidationErrors>,
) -> std::io::Result<()> {
    let violations = match outcome {
        Ok(()) => &[][..],
        Err(errors) => errors.violations(),
    };
    // Written by hand so the members keep their documented order.
    // `file` tells the objects of several files apart.
    write!(out, "{{\"file\":")?;
    serde_json::to_writer(&mut *out, name)?;
    write!(out, ",\"valid\":{},\"violations\":", outcome.is_ok())?;
    serde_json::to_writer(&mut *out, violations)?;
    writeln!(out, "}}")
}

fn report_io(result: std::io::Result<()>, status: i32, stderr: &mut dyn Write) -> i32 {
    match result {
        Ok(()) => status,
        Err(error) => {
            let _ = writeln!(stderr, "validate: cannot write: {error}");
            FAILED
        }
    }
}

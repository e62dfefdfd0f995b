//! The JSON Schema says what decoding says: Python's `jsonschema` (installed from PyPI into a
//! venv under the target directory), which no one here wrote, judges every document of the
//! SPEC table (`stages_tests::spec_table`), of `tests/aws_resources.rs`
//! (`stages_tests::aws::documents`), the `validate` example's documents, and the documents
//! below and in `schema_proof/fixtures.rs`, each against the schema of the shape it is decoded
//! as; its verdict must equal `from_json`'s.
//!
//! Where the schema is known to differ from decoding, the document is listed in [`KNOWN`] with
//! the reason and the direction (almost always looser: the schema accepts what decoding
//! rejects). The test fails when a document outside the list disagrees, and when a listed one
//! starts to agree or differs the other way, so the list stays honest. Text that is not JSON at all has no verdict
//! from a schema; decoding must reject it, and it is counted apart.

#[path = "schema_proof/extra.rs"]
mod extra;
#[path = "schema_proof/fixtures.rs"]
mod fixtures;
#[path = "../../stages-api/tests/support/python.rs"]
mod python;

use std::collections::BTreeMap;

use serde_json::{json, Value};
use stages_model::schema_for;
use stages_tests::aws::api::{Api, CreateApiInput};
use stages_tests::aws::authorizer::{Authorizer, CreateAuthorizerInput};
use stages_tests::aws::documents::documents as aws_corpus;
use stages_tests::aws::integration::{CreateIntegrationInput, Integration};
use stages_tests::aws::route::{CreateRouteInput, Route};
use stages_tests::spec_table::{cases, decode, Shape};

/// How the schema's verdict differs from decoding's on a listed document.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Differs {
    /// The schema accepts what decoding rejects.
    Looser,
    /// The schema rejects what decoding accepts.
    Stricter,
}

use Differs::{Looser, Stricter};

/// Documents on which the schema's verdict differs from decoding's, and why.
const KNOWN: &[(&str, Differs, &str)] = &[
    (
        "stage variable repeated name",
        Looser,
        "a member given twice is a `duplicate` violation; JSON Schema sees the parsed object, in \
         which the last one won",
    ),
    (
        "Stage: 51 tags besides aws: ones",
        Looser,
        "`custom::returned_tags` (at most 50 tags not counting aws: keys) has no schema form: \
         JSON Schema cannot count the members whose names match a pattern",
    ),
    (
        "RouteSettings: burst limit 1.0",
        Looser,
        "JSON Schema's integer is a number without a fraction, so 1.0 is one; decoding takes a \
         fraction, even .0, as a `type` violation",
    ),
    (
        "Stage: createdDate on February 30",
        Looser,
        "the date-time pattern checks each field's range, not that the day exists in its month",
    ),
    (
        "Stage: createdDate before year 0000 in UTC",
        Looser,
        "the instant must lie in years 0000-9999 once converted to UTC; the pattern sees the \
         local time only",
    ),
    (
        "Stage: createdDate after year 9999 in UTC",
        Looser,
        "as before year 0000: the pattern cannot convert to UTC",
    ),
    (
        "Stage: createdDate with a final newline",
        Looser,
        "Python's `$` also matches before a final newline; patterns end in a plain `$` so that \
         RE2-based validators read them (a lookahead would close the gap and lose those)",
    ),
    (
        "Stage: stage name with a final newline",
        Looser,
        "as the date: Python's `$` before a final newline",
    ),
    (
        "aws: create api: HTTP with WebSocket members",
        Looser,
        "`members_of_the_protocol`, a struct rule without a schema form (the schema's description \
         names it): an HTTP API takes no WebSocket members",
    ),
    (
        "aws: create authorizer: JWT with two sources and credentials",
        Looser,
        "`members_of_the_type`, a struct rule without a schema form (named in the description): \
         a JWT authorizer reads one identity source, takes no credentials, needs an issuer",
    ),
    (
        "Holder: a model without a schema, invalid",
        Looser,
        "`Opaque` is `skip_schema`: the schema of a member of that type accepts any value, and \
         its description says so",
    ),
];

/// One document, the schema it is judged by, and decoding's verdict.
struct Document {
    name: String,
    schema: &'static str,
    text: String,
    decodes: bool,
}

fn spec_shape(shape: Shape) -> &'static str {
    match shape {
        Shape::Input => "CreateStageInput",
        Shape::Stage => "Stage",
        Shape::Stages => "Stages",
        Shape::Route => "RouteSettings",
        Shape::AccessLog => "AccessLogSettings",
    }
}

fn schemas() -> BTreeMap<&'static str, Value> {
    let mut schemas: BTreeMap<_, _> = stages_tests::schemas::stages_model().into_iter().collect();
    schemas.extend([
        ("CreateRouteInput", schema_for::<CreateRouteInput>()),
        ("Route", schema_for::<Route>()),
        (
            "CreateIntegrationInput",
            schema_for::<CreateIntegrationInput>(),
        ),
        ("Integration", schema_for::<Integration>()),
        ("CreateApiInput", schema_for::<CreateApiInput>()),
        ("Api", schema_for::<Api>()),
        (
            "CreateAuthorizerInput",
            schema_for::<CreateAuthorizerInput>(),
        ),
        ("Authorizer", schema_for::<Authorizer>()),
    ]);
    schemas.extend(fixtures::schemas());
    schemas
}

fn documents() -> Vec<Document> {
    let mut documents: Vec<Document> = cases()
        .into_iter()
        .map(|case| Document {
            decodes: decode(case.shape, &case.document).is_ok(),
            name: case.name.to_owned(),
            schema: spec_shape(case.shape),
            text: case.document,
        })
        .collect();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../stages-model/examples/data");
    for file in ["create-stage.json", "invalid-create-stage.json"] {
        let text = std::fs::read_to_string(format!("{examples}/{file}")).expect("example data");
        documents.push(Document {
            name: format!("examples/data/{file}"),
            schema: "CreateStageInput",
            decodes: decode(Shape::Input, &text).is_ok(),
            text,
        });
    }
    documents.extend(aws_corpus().into_iter().map(|document| Document {
        name: format!("aws: {}", document.name),
        schema: document.resource.name(),
        decodes: document.resource.pointers(&document.text).is_empty(),
        text: document.text,
    }));
    documents.extend(extra::aws_documents());
    documents.extend(extra::stage_documents());
    documents.extend(fixtures::documents());
    documents
}

/// Checks each schema, then judges each document: `true`/`false`, or `null` when the text is
/// not JSON.
const JUDGE: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
job = json.load(sys.stdin)
validators = {}
for name, schema in job["schemas"].items():
    Draft202012Validator.check_schema(schema)
    validators[name] = Draft202012Validator(schema)
verdicts = []
for document in job["documents"]:
    try:
        instance = json.loads(document["text"])
    except ValueError:
        verdicts.append(None)
        continue
    verdicts.append(validators[document["schema"]].is_valid(instance))
json.dump(verdicts, sys.stdout)
"#;

#[test]
fn the_schema_gives_every_document_the_verdict_decoding_gives() {
    let python = python::python_with(
        env!("CARGO_TARGET_TMPDIR"),
        "jsonschema-venv",
        "jsonschema",
        &["jsonschema>=4.18,<5"],
    );
    let documents = documents();
    assert!(documents.len() > 100, "{} documents", documents.len());
    let job = json!({
        "schemas": schemas(),
        "documents": documents.iter().map(|d| json!({"schema": d.schema, "text": d.text})).collect::<Vec<_>>(),
    });
    let output = python::run_script(&python, JUDGE, job.to_string().as_bytes());
    let verdicts: Vec<Option<bool>> = serde_json::from_str(&output).expect("verdicts");
    assert_eq!(verdicts.len(), documents.len());

    let known: BTreeMap<&str, (Differs, &str)> = KNOWN
        .iter()
        .map(|(name, differs, reason)| (*name, (*differs, *reason)))
        .collect();
    let mut problems = Vec::new();
    let (mut agreed, mut listed, mut not_json) = (0, 0, 0);
    for (document, verdict) in documents.iter().zip(&verdicts) {
        let name = document.name.as_str();
        let Some(schema) = *verdict else {
            if document.decodes {
                problems.push(format!("{name}: decodes, but is not JSON to Python"));
            }
            not_json += 1;
            continue;
        };
        let found = match (schema, document.decodes) {
            (true, false) => Some(Looser),
            (false, true) => Some(Stricter),
            _ => None,
        };
        match (found, known.get(name)) {
            (None, None) => agreed += 1,
            (Some(found), Some((differs, _))) if found == *differs => listed += 1,
            (found, Some((differs, reason))) => problems.push(format!(
                "{name}: listed as {differs:?} ({reason}), but the schema is {}: update KNOWN",
                found.map_or("exact".to_owned(), |found| format!("{found:?}"))
            )),
            (Some(found), None) => problems.push(format!(
                "{name} ({}): the schema is {found:?} than decoding\n    {}",
                document.schema,
                document.text.chars().take(200).collect::<String>(),
            )),
        }
    }
    for (name, _, _) in KNOWN {
        if !documents.iter().any(|document| document.name == *name) {
            problems.push(format!(
                "{name}: listed in KNOWN, but there is no such document"
            ));
        }
    }
    println!("{agreed} documents agree, {listed} differ as listed, {not_json} are not JSON");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

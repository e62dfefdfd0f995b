//! Models that use what the Stages types do not — `flatten`, aliases, `deny_unknown_fields`,
//! defaults, `require(..)` on bools, integers and presence, open enums with `known`, sets,
//! map keys, `contains` on items, fractional ranges, generics — with documents at their
//! boundaries, so that the proof covers every construct the schema generator writes.

use std::collections::{BTreeSet, HashMap};

use stages_model::serde::de::DeserializeOwned;
use stages_model::{from_json, schema_for, Model, Validate};

use super::Document;

#[derive(Debug, Model)]
struct Inner {
    #[model(required, length(min = 1, max = 8))]
    name: String,
    #[model(range(max = 10))]
    burst: Option<u32>,
}

fn three() -> u16 {
    3
}

#[derive(Debug, Model)]
#[model(deny_unknown_fields)]
struct Outer {
    #[model(flatten)]
    inner: Inner,
    #[model(required)]
    id: String,
    #[model(alias = "uri")]
    url: Option<String>,
    #[model(default)]
    retries: u8,
    #[model(default = three, range(min = 1))]
    limit: u16,
}

#[derive(Debug, Model)]
#[model(
    require(tls, when(secure = true)),
    require(description, when(retries = 3)),
    require(method, when(uri))
)]
struct Conditions {
    secure: Option<bool>,
    tls: Option<String>,
    retries: Option<u8>,
    description: Option<String>,
    uri: Option<String>,
    method: Option<String>,
}

#[derive(Debug, Model)]
enum Kind {
    #[model(alias = "LEGACY")]
    Http,
    Mock,
    #[model(other)]
    Unknown(String),
}

/// A model without a schema (`skip_schema`): where another model holds it, that model's
/// schema accepts any value and says why.
#[derive(Debug, Model)]
#[model(skip_schema)]
struct Opaque {
    #[model(required, length(max = 3))]
    code: String,
}

#[derive(Debug, Model)]
struct Holder {
    opaque: Option<Opaque>,
    kind: Option<Kind>,
    #[model(known)]
    known_kind: Option<Kind>,
    #[model(values(known))]
    kinds: Option<Vec<Kind>>,
    #[model(length(max = 2))]
    set: Option<BTreeSet<String>>,
    #[model(
        length(min = 1),
        keys(pattern = "[a-z]+", length(max = 3)),
        values(range(min = 1, max = 5))
    )]
    scores: Option<HashMap<String, i64>>,
    #[model(values(contains = "x."))]
    texts: Option<Vec<String>>,
    #[model(range(min = -1.5, max = 2.5))]
    ratio: Option<f64>,
}

/// A model that holds itself.
#[derive(Debug, Model)]
struct Tree {
    #[model(required, length(min = 1))]
    name: String,
    children: Option<Vec<Tree>>,
}

#[derive(Debug, Model)]
struct Page<T> {
    #[model(default)]
    items: Vec<T>,
    next: Option<String>,
}

/// Rows for `T`: each document, judged by `T`'s schema under `key`.
fn rows<T: DeserializeOwned + Validate>(
    key: &'static str,
    documents: &[(&str, &str)],
) -> Vec<Document> {
    documents
        .iter()
        .map(|(name, text)| Document {
            name: format!("{key}: {name}"),
            schema: key,
            text: (*text).to_owned(),
            decodes: from_json::<T>(text).is_ok(),
        })
        .collect()
}

/// The schemas of the models here, by key.
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("Outer", schema_for::<Outer>()),
        ("Conditions", schema_for::<Conditions>()),
        ("Holder", schema_for::<Holder>()),
        ("Page<Inner>", schema_for::<Page<Inner>>()),
        ("Tree", schema_for::<Tree>()),
    ]
}

pub fn documents() -> Vec<Document> {
    let mut out = rows::<Outer>(
        "Outer",
        &[
            (
                "flattened and own members",
                r#"{"name": "a", "id": "x", "burst": 10}"#,
            ),
            ("a flattened member missing", r#"{"id": "x"}"#),
            (
                "a flattened member too long",
                r#"{"name": "abcdefghi", "id": "x"}"#,
            ),
            (
                "a flattened member out of range",
                r#"{"name": "a", "id": "x", "burst": 11}"#,
            ),
            (
                "an unknown member",
                r#"{"name": "a", "id": "x", "other": 1}"#,
            ),
            ("by alias", r#"{"name": "a", "id": "x", "uri": "u"}"#),
            ("by name", r#"{"name": "a", "id": "x", "url": "u"}"#),
            (
                "null defaults",
                r#"{"name": "a", "id": "x", "retries": null, "limit": null}"#,
            ),
            (
                "a default out of its range",
                r#"{"name": "a", "id": "x", "limit": 0}"#,
            ),
            (
                "u8 beyond its width",
                r#"{"name": "a", "id": "x", "retries": 256}"#,
            ),
            ("a required member null", r#"{"name": "a", "id": null}"#),
        ],
    );
    out.extend(rows::<Conditions>(
        "Conditions",
        &[
            ("no condition holds", r#"{"secure": false, "retries": 2}"#),
            ("secure without tls", r#"{"secure": true}"#),
            ("secure with null tls", r#"{"secure": true, "tls": null}"#),
            ("secure with tls", r#"{"secure": true, "tls": "t"}"#),
            ("three retries without a description", r#"{"retries": 3}"#),
            (
                "three retries with a description",
                r#"{"retries": 3, "description": "d"}"#,
            ),
            ("a uri without a method", r#"{"uri": "u"}"#),
            ("a null uri without a method", r#"{"uri": null}"#),
            ("a uri with a method", r#"{"uri": "u", "method": "GET"}"#),
        ],
    ));
    out.extend(rows::<Holder>(
        "Holder",
        &[
            ("an unknown kind is kept", r#"{"kind": "GRPC"}"#),
            (
                "a kind by alias",
                r#"{"kind": "LEGACY", "knownKind": "LEGACY"}"#,
            ),
            ("a known kind", r#"{"knownKind": "MOCK"}"#),
            (
                "an unknown kind where a known one is needed",
                r#"{"knownKind": "GRPC"}"#,
            ),
            ("a kind not a string", r#"{"kind": 1}"#),
            ("known items", r#"{"kinds": ["HTTP", "MOCK"]}"#),
            ("an unknown item", r#"{"kinds": ["HTTP", "GRPC"]}"#),
            ("a set of two", r#"{"set": ["a", "b"]}"#),
            ("a set of three", r#"{"set": ["a", "b", "c"]}"#),
            ("a set with a repeated item", r#"{"set": ["a", "a"]}"#),
            ("scores", r#"{"scores": {"abc": 1, "z": 5}}"#),
            ("no scores", r#"{"scores": {}}"#),
            ("a score key too long", r#"{"scores": {"abcd": 1}}"#),
            ("a score key not lowercase", r#"{"scores": {"A": 1}}"#),
            ("a score out of range", r#"{"scores": {"a": 6}}"#),
            ("texts containing x.", r#"{"texts": ["ax.b", "x."]}"#),
            ("a text without x.", r#"{"texts": ["axb"]}"#),
            ("ratio at its bounds", r#"{"ratio": -1.5}"#),
            ("ratio beyond its bounds", r#"{"ratio": 2.51}"#),
            ("a model without a schema", r#"{"opaque": {"code": "abc"}}"#),
            (
                "a model without a schema, invalid",
                r#"{"opaque": {"code": "abcd"}}"#,
            ),
        ],
    ));
    out.extend(rows::<Tree>(
        "Tree",
        &[
            (
                "nested",
                r#"{"name": "a", "children": [{"name": "b", "children": []}]}"#,
            ),
            (
                "a nested name empty",
                r#"{"name": "a", "children": [{"name": ""}]}"#,
            ),
        ],
    ));
    out.extend(rows::<Page<Inner>>(
        "Page<Inner>",
        &[
            ("items", r#"{"items": [{"name": "a"}], "next": "n"}"#),
            ("no items", r#"{}"#),
            ("an invalid item", r#"{"items": [{"name": ""}]}"#),
            ("an item not an object", r#"{"items": ["a"]}"#),
        ],
    ));
    out
}

#[test]
fn a_member_whose_model_has_no_schema_says_so() {
    let schema = schema_for::<Holder>();
    let opaque = &schema["$defs"]["Holder"]["properties"]["opaque"];
    let text = opaque.to_string();
    assert!(
        text.contains("Opaque` does not implement JsonSchema"),
        "{opaque}"
    );
    assert!(schema["$defs"].get("Opaque").is_none(), "{schema}");
}

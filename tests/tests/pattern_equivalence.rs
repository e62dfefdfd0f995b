//! The derive compiles patterns to tables when it expands (no regex engine at run time); the
//! regex crate is the reference it must agree with. For every pattern of the repository and a
//! set of tricky ones, a model declared with it accepts exactly the strings that
//! `^(?:pattern)$` matches: random Unicode, strings built from the patterns' own pieces (so that
//! matches and near misses are common), empty and long ones.

use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;
use stages_model::{Model, Validate};

/// Declares one model per pattern and lists them with their pattern.
macro_rules! models {
    ($($name:ident = $pattern:tt;)*) => {
        $(
            // Some patterns here (`\d`, astral classes) have no JSON Schema form.
            #[derive(Debug, Model)]
            #[model(skip_schema)]
            struct $name {
                #[model(required, pattern = $pattern)]
                value: String,
            }
        )*

        /// Each pattern, and whether its model accepts a string.
        const MODELS: &[(&str, fn(&str) -> bool)] = &[$(
            ($pattern, |text| $name { value: text.to_owned() }.validate().is_ok()),
        )*];
    };
}

models! {
    // The repository's patterns (stages-model, tests/src/aws, the tests).
    StageVariableName = "[A-Za-z0-9_]+";
    StageVariableValue = "[A-Za-z0-9-._~:/?#&=,]+";
    UpdateVariableValue = "[A-Za-z0-9-._~:/?#&=,]*";
    RouteKey = r"\$default|[A-Z]+ /\S*";
    ResponseParameter = r"(append|overwrite|remove):header\.\S+|overwrite:statuscode";
    ResponseParameterShort = "(append|overwrite|remove):[a-z.]+";
    StatusCode = "[2-5][0-9]{2}";
    PayloadVersion = r"1\.0|2\.0";
    RequestParameter = r"route\.request\.(header|querystring|path)\.[A-Za-z0-9._-]+";
    IntegrationTarget = "integrations/[a-z0-9]+";
    ShortId = "[a-z0-9]{1,10}";
    Digits = "[0-9]+";
    ThreeDigits = "[0-9]{3}";
    Lower = "[a-z]+";
    TwoOrThree = "[a-z]{2,3}";
    Colons = "[a-z:]+";
    DefaultOrLower = r"\$default|[a-z]+";
    Name = "[A-ZÉ][a-zé]*";
    // Tricky ones: Unicode classes, anchors inside, empty branches, nested and lazy repetition,
    // the shapes that make backtracking engines blow up.
    Spaces = r"\s*\S+\s*";
    UnicodeDigits = r"[\d\s]+|\D";
    Dot = ".*é.";
    Astral = "😀+|[^😀a-z]";
    Anchors = r"^a$|\Ab\z|c$d";
    EmptyBranch = "(|a|bc)+x?";
    Nested = "(a|ab)(c|bcd)(d*)";
    Exploding = "(x+x+)+y";
    StarStar = "(a*)*b";
    Counted = "[a-z]{0,3}[0-9]{2,}(-[a-f]{2}){1,2}";
    Lazy = "a+?b*?c??";
    Negated = r"[^\s/]+/[^\n]*";
    Arn = r"arn:aws[a-zA-Z-]*:iam::\d{12}:role/.+";
    Escapes = r"\x41\u{e9}\t[\x00-\x1F]";
    Posix = "[[:alpha:]][[:^digit:]]";
    Empty = "";
}

/// The reference: the regex crate, anchored as the derive anchors.
static REFERENCE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    MODELS
        .iter()
        .map(|(pattern, _)| Regex::new(&format!("^(?:{pattern})$")).unwrap())
        .collect()
});

fn agree(text: &str) -> Result<(), TestCaseError> {
    for ((pattern, accepts), reference) in MODELS.iter().zip(REFERENCE.iter()) {
        prop_assert_eq!(
            accepts(text),
            reference.is_match(text),
            "`{}` on {:?}",
            pattern,
            text
        );
    }
    Ok(())
}

/// Pieces of the patterns' languages, and characters at the edges of their classes.
const PIECES: &[&str] = &[
    "$default",
    "GET",
    " /",
    "/",
    "pets",
    "append",
    "overwrite",
    "remove",
    ":",
    "header",
    ".",
    "statuscode",
    "route.request.",
    "querystring",
    "path",
    "integrations/",
    "1.0",
    "2.0",
    "200",
    "599",
    "600",
    "a",
    "b",
    "c",
    "d",
    "x",
    "y",
    "z",
    "A",
    "Z",
    "É",
    "é",
    "0",
    "9",
    "٣",
    "_",
    "-",
    "~",
    " ",
    "\t",
    "\n",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "😀",
    "arn:aws",
    "iam::",
    "123456789012",
    "role/",
    "\u{0}",
    "\u{1f}",
    "\u{7f}",
    "\u{80}",
    "\u{10ffff}",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_unicode(text in any::<String>()) {
        agree(&text)?;
    }

    #[test]
    fn strings_made_of_the_patterns_pieces(text in pieces()) {
        agree(&text)?;
    }

    #[test]
    fn long_strings(piece in pieces(), times in 1usize..400, tail in pieces()) {
        agree(&format!("{}{tail}", piece.repeat(times)))?;
    }
}

#[test]
fn edge_strings() {
    let long = "a".repeat(100_000);
    let exploding = format!("{}!", "x".repeat(10_000));
    for text in [
        "",
        "\n",
        "pets\n",
        "$default",
        "$defaults",
        "GET /",
        "overwrite:statuscode",
        "overwrite:header.",
        "append:header.x\u{a0}",
        "😀😀",
        "a\u{2028}",
        &long,
        &exploding,
    ] {
        agree(text).unwrap();
    }
}

//! Mistakes in `#[model(...)]` attributes are compile errors that point at the offending tokens.
//! Each `ui/<what-is-wrong>.rs` holds one mistake; its `.stderr` is what the user sees.
//!
//! After changing a message, regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p stages-tests --test compile_fail` (and, for
//! `ui-with-regex/`, the same with `--features regex`) and read them.

/// Without the `regex` feature (the feature changes what some patterns say; its own cases are
/// in `ui-with-regex/`).
#[cfg(not(feature = "regex"))]
#[test]
fn attribute_mistakes_are_compile_errors() {
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}

/// Without the `regex` feature, a pattern the derive does not compile ahead of time is an error
/// that names the construct and the feature (`ui-regex/`). With it, such patterns compile and
/// `tests/regex_engine.rs` runs them.
#[cfg(not(feature = "regex"))]
#[test]
fn patterns_left_to_the_regex_engine_need_its_feature() {
    trybuild::TestCases::new().compile_fail("ui-regex/*.rs");
}

/// With the `regex` feature, a pattern the regex engine matches still has no JSON Schema form:
/// one error on the pattern, which says both ways out (`ui-with-regex/`). Run by
/// `tests/feature_builds.rs`.
#[cfg(feature = "regex")]
#[test]
fn patterns_left_to_the_regex_engine_have_no_json_schema_form() {
    trybuild::TestCases::new().compile_fail("ui-with-regex/*.rs");
}

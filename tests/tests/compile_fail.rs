//! Mistakes in `#[model(...)]` attributes are compile errors that point at the offending tokens.
//! Each `ui/<what-is-wrong>.rs` holds one mistake; its `.stderr` is what the user sees.
//!
//! After changing a message, regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p stages-tests --test compile_fail` and read them.

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

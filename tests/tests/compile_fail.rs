//! Mistakes in `#[model(...)]` attributes are compile errors that point at the offending tokens.
//! Each `ui/<what-is-wrong>.rs` holds one mistake; its `.stderr` is what the user sees.
//!
//! After changing a message, regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p stages-tests --test compile_fail` and read them.

#[test]
fn attribute_mistakes_are_compile_errors() {
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}

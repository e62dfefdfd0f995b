//! The AWS rules of `SPEC.md`, one row per rule and boundary, on the real Stages types (the rows
//! are in `src/spec_table.rs`, which the schema proof reads too).
//!
//! Each row decodes a document as a shape and names the exact set of `(pointer, rule)` pairs it
//! must produce; an empty set means the document is valid.

use std::collections::BTreeSet;

use stages_tests::spec_table::{cases, decode};

#[test]
fn every_rule_of_the_spec() {
    let cases = cases();
    assert!(cases.len() >= 60, "the suite has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let found: Vec<(String, String)> = match decode(case.shape, &case.document) {
            Ok(()) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|v| (v.pointer(), v.rule().to_owned()))
                .collect(),
        };
        let mut found_sorted = found.clone();
        found_sorted.sort();
        let mut expected: Vec<(String, String)> = case
            .expected
            .iter()
            .map(|(pointer, rule)| (pointer.to_string(), rule.to_string()))
            .collect();
        expected.sort();
        if found_sorted != expected {
            failures.push(format!(
                "{} ({:?}):\n  expected {expected:?}\n  found    {found:?}",
                case.name, case.shape
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn case_names_are_unique() {
    let cases = cases();
    let names: BTreeSet<&str> = cases.iter().map(|case| case.name).collect();
    assert_eq!(names.len(), cases.len());
}

//! What every fuzz target checks, for any document and any shape.
//!
//! - Decoding never panics (libFuzzer reports a panic as a crash).
//! - A document that decodes gives a value that validates, encodes, and decodes again to an
//!   equal value that encodes to the same JSON; the derive's `to_json_string` writes the same
//!   text as serde_json.
//! - A document that fails has at least one violation, and every violation's pointer resolves
//!   in the document, or names a missing member of an object that does. A member repeated in
//!   an object is each of its occurrences (the decoder reports what is wrong in each). Checked
//!   when the document is JSON that parses (broken JSON and numbers beyond a double have no
//!   tree to point into).
//! - The same input gives the same violations twice.

use std::fmt::Debug;

use stages_model::serde::{de::DeserializeOwned, Serialize};
use stages_model::{from_json, from_json_slice, to_json_string, Validate, WriteJson};

mod tree;
use tree::Tree;

/// Checks the properties above for `data` decoded as `T`; panics when one does not hold.
pub fn check<T>(data: &[u8])
where
    T: DeserializeOwned + Serialize + WriteJson + Validate + PartialEq + Debug,
{
    match (from_json_slice::<T>(data), from_json_slice::<T>(data)) {
        (Ok(first), Ok(second)) => {
            assert_eq!(first, second, "the same input decoded twice differs");
            round_trips(&first);
        }
        (Err(first), Err(second)) => {
            assert_eq!(first, second, "the same input failed differently twice");
            assert!(
                !first.violations().is_empty(),
                "a failure without violations"
            );
            // Rendering must not panic either.
            let _ = first.to_string();
            if let Ok(document) = serde_json::from_slice::<Tree>(data) {
                for violation in first.iter() {
                    let pointer = violation.pointer();
                    assert!(
                        document.resolves(&pointer),
                        "{pointer:?} ({violation}) does not resolve in the document"
                    );
                }
            }
        }
        (first, second) => {
            panic!("the same input decoded once and failed once: {first:?} / {second:?}")
        }
    }
}

/// A decoded value validates, encodes, decodes to an equal value, and encodes the same again.
fn round_trips<T>(value: &T)
where
    T: DeserializeOwned + Serialize + WriteJson + Validate + PartialEq + Debug,
{
    if let Err(errors) = value.validate() {
        panic!("a decoded value does not validate: {errors}\n{value:?}");
    }
    let encoded = serde_json::to_string(value).expect("a decoded value encodes");
    let written = to_json_string(value).expect("a decoded value encodes");
    assert_eq!(written, encoded, "to_json_string and serde_json differ");
    let again: T = from_json(&encoded)
        .unwrap_or_else(|errors| panic!("{encoded} does not decode again: {errors}"));
    assert_eq!(value, &again, "decoding {encoded} gives another value");
    let encoded_again = serde_json::to_string(&again).expect("a decoded value encodes");
    assert_eq!(
        encoded, encoded_again,
        "the value encodes differently the second time"
    );
}

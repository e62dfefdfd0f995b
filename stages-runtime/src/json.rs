//! Decoding JSON into models with every problem reported as a structured [`Violation`].
//!
//! `serde_json::from_str` works on any model too, but its error is a single string. These
//! functions return [`ValidationErrors`]: each violation keeps its path, rule code and message,
//! and broken JSON or a value of the wrong type becomes a violation (`syntax` or `type`) at the
//! path where decoding stopped.
//!
//! The type decoded should be a model. A list or map of models at the root of a document is
//! decoded item by item by serde: the first invalid item stops decoding and its paths start
//! inside the item. Wrap such a list in a model (as `stages_model::Stages` wraps its items)
//! to get one report with every item's index.

use serde::de::DeserializeOwned;

use super::de::{capture, Failure};
use super::number;
use super::violation::{code, ValidationErrors, Violation};

/// Decodes and validates a JSON document.
///
/// ```
/// use stages_runtime::{from_json, Model};
///
/// #[derive(Debug, Model)]
/// struct Pet {
///     #[model(required, length(min = 1, max = 16))]
///     name: String,
/// }
///
/// let errors = from_json::<Pet>(r#"{"name": ""}"#).unwrap_err();
/// assert_eq!(errors.pointers(), ["/name"]);
/// assert_eq!(errors.to_string(), "name: must be 1 to 16 characters long, found 0");
/// ```
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ValidationErrors> {
    decode(|| serde_json::from_str(text))
}

/// Decodes and validates a JSON document given as bytes (which must be UTF-8).
pub fn from_json_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ValidationErrors> {
    decode(|| serde_json::from_slice(bytes))
}

/// Decodes and validates an already parsed JSON value.
pub fn from_json_value<T: DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, ValidationErrors> {
    decode(|| serde_json::from_value(value))
}

/// Runs `decode` and turns its failure into violations: those the root decoder recorded, or
/// one `syntax` or `type` violation where decoding stopped.
fn decode<T>(decode: impl FnOnce() -> Result<T, serde_json::Error>) -> Result<T, ValidationErrors> {
    let (error, failure) = match capture(decode) {
        Ok(value) => return Ok(value),
        Err(failed) => failed,
    };
    // A number beyond a double is a value out of range, not broken JSON.
    let (rule, replaced) = match number::beyond_double(&error) {
        Some(message) => (code::RANGE, Some(message)),
        None if error.is_syntax() || error.is_eof() => (code::SYNTAX, None),
        None => (code::TYPE, None),
    };
    let violations = match failure {
        Some(Failure::Invalid(errors)) => return Err(errors),
        Some(Failure::Broken {
            path,
            message,
            mut found,
        }) => {
            found.push(Violation::new(path, rule, replaced.unwrap_or(message)));
            found
        }
        None => vec![Violation::new(
            Vec::new(),
            rule,
            replaced.unwrap_or_else(|| error.to_string()),
        )],
    };
    Err(ValidationErrors::from_violations(violations)
        .expect("a failed decode yields at least one violation"))
}

//! Decoding JSON into models with every problem reported as a structured [`Violation`].
//!
//! `serde_json::from_str` works on any model too, but its error is a single string. These
//! functions return [`ValidationErrors`]: each violation keeps its path, rule code and message,
//! in document order. A value of the wrong type becomes a `type` violation at its path and hides
//! nothing else: when one stops serde's parser, the document is read a second time (only then),
//! each member, item and entry decoded on its own. Broken JSON becomes a `syntax` violation
//! where decoding stopped, after what was found before it.
//!
//! The type decoded should be a model. A list or map of models at the root of a document is
//! decoded item by item by serde: the first invalid item stops decoding and its paths start
//! inside the item. Wrap such a list in a model (as `stages_model::Stages` wraps its items)
//! to get one report with every item's index.

use serde::de::DeserializeOwned;

use super::de::{capture, root_type_message, take_failure, Failure};
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
#[inline]
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ValidationErrors> {
    let run = |lenient| capture(lenient, || serde_json::from_str(text));
    // The happy path hands the decoded value straight on; the rest is out of line.
    match run(false) {
        Ok(value) => Ok(value),
        Err(error) => Err(failed(error, run, || root_type_message::<T>(text))),
    }
}

/// Decodes and validates a JSON document given as bytes (which must be UTF-8).
///
/// The bytes are checked as UTF-8 once, whole, and decoded as [`from_json`] decodes text:
/// serde_json checks each string of a document read from bytes on its own, which costs a
/// short string as much again as the rest of its decoding. Bytes that are not UTF-8 are read
/// as they stand, so that the report says where and keeps what came before.
#[inline]
pub fn from_json_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ValidationErrors> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_json(text),
        Err(_) => from_json_bytes(bytes),
    }
}

/// [`from_json_slice`] for bytes that are not all UTF-8.
#[cold]
fn from_json_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ValidationErrors> {
    let run = |lenient| capture(lenient, || serde_json::from_slice(bytes));
    match run(false) {
        Ok(value) => Ok(value),
        Err(error) => Err(failed(error, run, || {
            root_type_message::<T>(std::str::from_utf8(bytes).ok()?)
        })),
    }
}

/// Decodes and validates an already parsed JSON value.
pub fn from_json_value<T: DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, ValidationErrors> {
    let error = match capture(false, || T::deserialize(&value)) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    // The second look reads text (see `failed`); a value is turned back into some.
    let text = value.to_string();
    Err(failed(
        error,
        |lenient| capture(lenient, || serde_json::from_str::<T>(&text)),
        || root_type_message::<T>(&text),
    ))
}

/// The violations of a document whose strict run (under [`capture`]) failed with `error`: when
/// a value of the wrong type stopped it, `run` reads the document again leniently, so that the
/// error lists every violation of the document, not only those before the type error.
/// `retell` gives the message of a `type` violation of the whole document in our words.
#[cold]
#[inline(never)]
fn failed<T>(
    error: serde_json::Error,
    run: impl FnOnce(bool) -> Result<T, serde_json::Error>,
    retell: impl Fn() -> Option<String>,
) -> ValidationErrors {
    let failure = take_failure();
    if !needs_second_look(&error, failure.as_ref()) {
        return violations(error, failure, retell);
    }
    match run(true) {
        // The lenient run unexpectedly succeeded: the first run's error stands.
        Ok(_) => violations(error, failure, retell),
        Err(again) => violations(again, take_failure(), retell),
    }
}

/// Whether the first run stopped at a value of the wrong type (or at an invalid model serde
/// needed a value for) and could have missed violations after it. Broken JSON cannot be read
/// again, and a root decoder that read everything has nothing more to say.
fn needs_second_look(error: &serde_json::Error, failure: Option<&Failure>) -> bool {
    matches!(failure, Some(Failure::Broken { .. })) && error.is_data()
}

/// A failure as violations: those the root decoder recorded, and one `syntax` or `type`
/// violation where decoding stopped (a `type` violation of the whole document is told by
/// `retell`).
fn violations(
    error: serde_json::Error,
    failure: Option<Failure>,
    retell: impl Fn() -> Option<String>,
) -> ValidationErrors {
    // A number beyond a double is a value out of range, not broken JSON.
    let (rule, replaced) = match number::beyond_double(&error) {
        Some(message) => (code::RANGE, Some(message)),
        None if error.is_syntax() || error.is_eof() => (code::SYNTAX, None),
        None => (code::TYPE, None),
    };
    let violations = match failure {
        Some(Failure::Invalid(errors)) => return errors,
        Some(Failure::Broken {
            path,
            message,
            mut found,
            incomplete,
        }) => {
            if !incomplete || found.is_empty() {
                let retold = (rule == code::TYPE && path.is_empty() && !incomplete)
                    .then(&retell)
                    .flatten();
                let message = replaced.or(retold).unwrap_or(message);
                found.push(Violation::new(path, rule, message));
            }
            found
        }
        None => vec![Violation::new(
            Vec::new(),
            rule,
            replaced.unwrap_or_else(|| error.to_string()),
        )],
    };
    ValidationErrors::from_violations(violations)
        .expect("a failed decode yields at least one violation")
}

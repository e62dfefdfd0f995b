//! The root decoder, which turns what a document's decoders recorded into one error, and the
//! capture through which `from_json` receives that error in structured form.

use std::cell::Cell;

use serde::de::{self, Deserializer};

use super::{found_len, with_state, CAPTURE, DEPTH, FOUND, INCOMPLETE, LENIENT, RAW_DEPTH};
use crate::path::{self, Segment};
use crate::violation::{code, ValidationErrors, Violation};

/// Why the root decoder failed, kept in structured form for callers that want it.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The document decoded, and these are all its violations.
    Invalid(ValidationErrors),
    /// Decoding stopped at `path` with `message`; `found` holds what had been recorded before.
    /// `incomplete` when it stopped because an invalid model sat in a container the derive does
    /// not know (its reasons are in `found`, and `message` says nothing more).
    Broken {
        path: Vec<Segment>,
        message: String,
        found: Vec<Violation>,
        incomplete: bool,
    },
}

/// Leaves the depth count as it was, even when a decoder panics.
struct DepthGuard;

impl Drop for DepthGuard {
    #[inline]
    fn drop(&mut self) {
        DEPTH.with(|depth| depth.set(depth.get() - 1));
    }
}

/// The message of the error a model returns when it is invalid but must give serde a value.
const INCOMPLETE_MESSAGE: &str = "invalid value (see the other violations)";

/// The body of every generated `Deserialize::deserialize`.
///
/// Nested inside another model's decoding (reached through a container the derive does not
/// know, such as a set or a custom `Deserialize`), it only runs `decode`, and turns an invalid
/// value into an error since serde needs a value. As the root it turns everything recorded into
/// one error.
#[inline]
pub fn root<'de, D, T>(
    deserializer: D,
    decode: impl FnOnce(D) -> Result<Option<T>, D::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let depth = DEPTH.with(|depth| {
        depth.set(depth.get() + 1);
        depth.get()
    });
    let guard = DepthGuard;
    if depth > 1 {
        return match decode(deserializer)? {
            Some(value) => Ok(value),
            None => {
                INCOMPLETE.with(|flag| flag.set(true));
                Err(de::Error::custom(INCOMPLETE_MESSAGE))
            }
        };
    }
    // This document's violations are those recorded from here on: a root opened inside another
    // decoder (by `from_json` in a custom rule, see `capture`) leaves that decoder's record
    // below the mark, as it found it.
    let start = found_len();
    let outer_incomplete = INCOMPLETE.with(|flag| flag.replace(false));
    let outcome = decode(deserializer);
    drop(guard);
    match outcome {
        Ok(Some(value)) if found_len() == start => {
            INCOMPLETE.with(|flag| flag.set(outer_incomplete));
            Ok(value)
        }
        outcome => failed(outcome.map(|_| ()), start, outer_incomplete),
    }
}

/// The error of a root decoder that did not yield a valid value: what it recorded since `start`
/// (taken off the record), and where decoding stopped if it did.
#[cold]
#[inline(never)]
fn failed<T, E: de::Error>(
    outcome: Result<(), E>,
    start: usize,
    outer_incomplete: bool,
) -> Result<T, E> {
    // The trail holds a hard error's path only while the error travels up: it is empty when a
    // root opens, so all of it is this document's.
    let (found, mut trail) = with_state(|state| {
        let found = state.found.split_off(start);
        (found, std::mem::take(&mut state.trail))
    });
    FOUND.with(|count| count.set(start));
    let capture = CAPTURE.with(Cell::get);
    let error = match outcome {
        Ok(()) => {
            INCOMPLETE.with(|flag| flag.set(outer_incomplete));
            return invalid(found, capture);
        }
        Err(error) => error,
    };
    let incomplete = INCOMPLETE.with(|flag| flag.replace(outer_incomplete));
    trail.reverse();
    if capture {
        // The caller reads the path from here, and keeps the error's own kind (syntax or data)
        // and position.
        let failure = Failure::Broken {
            path: trail,
            message: error.to_string(),
            found,
            incomplete,
        };
        with_state(|state| state.failure = Some(failure));
        return Err(error);
    }
    if incomplete && !found.is_empty() {
        return invalid(found, false);
    }
    if trail.is_empty() {
        Err(error)
    } else {
        Err(de::Error::custom(format!(
            "{}: {error}",
            path::human(&trail)
        )))
    }
}

/// The error of a root decoder that read the whole document and found violations.
#[cold]
fn invalid<T, E: de::Error>(found: Vec<Violation>, capture: bool) -> Result<T, E> {
    let errors = ValidationErrors::from_violations(found).unwrap_or_else(|| {
        // A decoder yields `None` only after recording why; this is a bug in a hand-written
        // `Decode` impl, reported rather than hidden.
        ValidationErrors::from_violations(vec![Violation::new(
            Vec::new(),
            code::TYPE,
            "the value is invalid, but its decoder did not say why",
        )])
        .expect("one violation")
    });
    if capture {
        // `from_json` keeps the structured errors and drops this one: no need to render it.
        with_state(|state| state.failure = Some(Failure::Invalid(errors)));
        return Err(E::custom("invalid document"));
    }
    Err(E::custom(errors.to_string()))
}

/// Runs `decode` while recording the structured failure of any root decoder it runs; with
/// `lenient`, values are read as raw text first (see the module docs). The decoder's own result
/// is handed on as it is (a decoded value is not moved into another type); after an error, the
/// caller takes the failure with [`take_failure`].
#[inline]
pub(crate) fn capture<T, E>(lenient: bool, decode: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    struct Reset(bool, bool, u32, u32);
    impl Drop for Reset {
        #[inline]
        fn drop(&mut self) {
            CAPTURE.with(|flag| flag.set(self.0));
            LENIENT.with(|flag| flag.set(self.1));
            DEPTH.with(|depth| depth.set(self.2));
            RAW_DEPTH.with(|depth| depth.set(self.3));
        }
    }
    // A decode started from inside another (by a custom rule, say) has a root of its own,
    // which leaves the outer record as it found it. Every root that records a failure does so
    // under a capture, whose caller takes it: none is left over from an earlier decode.
    let _reset = Reset(
        CAPTURE.with(|flag| flag.replace(true)),
        LENIENT.with(|flag| flag.replace(lenient)),
        DEPTH.with(|depth| depth.replace(0)),
        RAW_DEPTH.with(|depth| depth.replace(0)),
    );
    decode()
}

/// The structured failure the root decoder of the last [`capture`] recorded, taken off the
/// record: called after it returned an error.
pub(crate) fn take_failure() -> Option<Failure> {
    with_state(|state| state.failure.take())
}

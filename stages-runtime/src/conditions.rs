//! `require(member, when(other = VALUE))` on a struct: comparing a member with the text of a
//! condition (checked against an enum's wire names at compile time), and the violation when
//! the required member is absent.

use std::borrow::Cow;

use super::path::Path;
use super::violation::{code, Report};

/// A value a `when(member = "text")` condition compares with text: strings, and enum models
/// (by wire name).
pub trait WireValue {
    /// The wire names an enum can take, checked against the text at compile time; `None` for
    /// strings, which can hold any text.
    const WIRE_VALUES: Option<&'static [&'static str]>;
    /// The value as it is written on the wire.
    fn wire_value(&self) -> &str;
}

impl WireValue for String {
    const WIRE_VALUES: Option<&'static [&'static str]> = None;
    fn wire_value(&self) -> &str {
        self
    }
}

impl WireValue for Cow<'_, str> {
    const WIRE_VALUES: Option<&'static [&'static str]> = None;
    fn wire_value(&self) -> &str {
        self
    }
}

/// Fails compilation (as a constant) with `message` when `text` is not one of `T`'s wire names.
pub const fn assert_wire_value<T: WireValue>(text: &str, message: &str) {
    let Some(values) = T::WIRE_VALUES else {
        return;
    };
    let mut index = 0;
    while index < values.len() {
        if const_eq(values[index].as_bytes(), text.as_bytes()) {
            return;
        }
        index += 1;
    }
    panic!("{}", message);
}

const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// `require(member, when(...))`: records `required` at `member` when the condition holds and
/// the member is absent.
#[inline]
pub fn required_when(
    holds: bool,
    absent: bool,
    member: &Path<'_>,
    condition: &'static str,
    report: &mut Report,
) {
    if holds && absent {
        report.push(member, code::REQUIRED, required_when_message(condition));
    }
}

/// The message of a `require(...)` violation.
#[cold]
pub fn required_when_message(condition: &str) -> String {
    format!("is required when {condition}")
}

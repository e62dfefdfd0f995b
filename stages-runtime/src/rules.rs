//! The built-in rules as plain functions. Generated code calls these with constants taken from
//! the attributes; each records one violation with a message that says what was expected.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Display;
use std::sync::LazyLock;

use regex::Regex;

use super::path::{Path, Segment};
use super::violation::{code, Report, Violation};

/// Whether a rule applies to a value itself or to the key of a map entry; only the message
/// differs ("key must …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The value at the path.
    Value,
    /// The key of the map entry at the path.
    Key,
}

impl Subject {
    fn lead(self) -> &'static str {
        match self {
            Subject::Value => "must",
            Subject::Key => "key must",
        }
    }
}

/// What a `length` rule counts: characters of a string, entries of a map or list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values of a string.
    Characters,
    /// Entries of a map or items of a list.
    Entries,
}

impl Unit {
    fn noun(self, count: usize) -> &'static str {
        match (self, count) {
            (Unit::Characters, 1) => "character",
            (Unit::Characters, _) => "characters",
            (Unit::Entries, 1) => "entry",
            (Unit::Entries, _) => "entries",
        }
    }
}

/// A value whose size a `length` rule can check.
pub trait Length {
    /// What the size counts.
    const UNIT: Unit;
    /// `None` when the size lies in `min..=max`, otherwise the size found.
    fn outside(&self, min: usize, max: usize) -> Option<usize>;
}

impl Length for str {
    const UNIT: Unit = Unit::Characters;
    #[inline]
    fn outside(&self, min: usize, max: usize) -> Option<usize> {
        // A string never has more characters than bytes, and has as many when it is ASCII:
        // most values are settled without counting.
        let bytes = self.len();
        if bytes < min {
            return Some(self.chars().count());
        }
        if bytes <= max && (min == 0 || self.is_ascii()) {
            return None;
        }
        let chars = self.chars().count();
        (chars < min || chars > max).then_some(chars)
    }
}

impl Length for String {
    const UNIT: Unit = Unit::Characters;
    #[inline]
    fn outside(&self, min: usize, max: usize) -> Option<usize> {
        self.as_str().outside(min, max)
    }
}

impl Length for Cow<'_, str> {
    const UNIT: Unit = Unit::Characters;
    #[inline]
    fn outside(&self, min: usize, max: usize) -> Option<usize> {
        (**self).outside(min, max)
    }
}

fn count_outside(len: usize, min: usize, max: usize) -> Option<usize> {
    (len < min || len > max).then_some(len)
}

impl<T> Length for Vec<T> {
    const UNIT: Unit = Unit::Entries;
    #[inline]
    fn outside(&self, min: usize, max: usize) -> Option<usize> {
        count_outside(self.len(), min, max)
    }
}

impl<T> Length for [T] {
    const UNIT: Unit = Unit::Entries;
    #[inline]
    fn outside(&self, min: usize, max: usize) -> Option<usize> {
        count_outside(self.len(), min, max)
    }
}

impl<K, V> Length for BTreeMap<K, V> {
    const UNIT: Unit = Unit::Entries;
    #[inline]
    fn outside(&self, min: usize, max: usize) -> Option<usize> {
        count_outside(self.len(), min, max)
    }
}

impl<K, V, S> Length for HashMap<K, V, S> {
    const UNIT: Unit = Unit::Entries;
    #[inline]
    fn outside(&self, min: usize, max: usize) -> Option<usize> {
        count_outside(self.len(), min, max)
    }
}

/// `length(min, max)`: `max` is `usize::MAX` when the attribute gives none.
#[inline]
pub fn length<T: Length + ?Sized>(
    value: &T,
    min: usize,
    max: usize,
    subject: Subject,
    path: &Path<'_>,
    report: &mut Report,
) {
    if let Some(found) = value.outside(min, max) {
        report.push(
            path,
            code::LENGTH,
            length_message(T::UNIT, min, max, subject, found),
        );
    }
}

#[cold]
fn length_message(unit: Unit, min: usize, max: usize, subject: Subject, found: usize) -> String {
    let lead = subject.lead();
    let expected = match (min, max) {
        (min, usize::MAX) => match unit {
            Unit::Characters => format!("be at least {min} {} long", unit.noun(min)),
            Unit::Entries => format!("have at least {min} {}", unit.noun(min)),
        },
        (0, max) => match unit {
            Unit::Characters => format!("be at most {max} {} long", unit.noun(max)),
            Unit::Entries => format!("have at most {max} {}", unit.noun(max)),
        },
        (min, max) if min == max => match unit {
            Unit::Characters => format!("be exactly {min} {} long", unit.noun(min)),
            Unit::Entries => format!("have exactly {min} {}", unit.noun(min)),
        },
        (min, max) => match unit {
            Unit::Characters => format!("be {min} to {max} characters long"),
            Unit::Entries => format!("have {min} to {max} entries"),
        },
    };
    format!("{lead} {expected}, found {found}")
}

/// A compiled `pattern` rule: the source as written in the attribute, and how to match it.
///
/// Patterns that are a single ASCII character class repeated (`[A-Za-z0-9_]+`) are turned into a
/// byte table when the derive expands, so the common case needs no regex engine at run time.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    matcher: Matcher,
}

// Patterns live in statics, one per rule: a 256-byte table inline costs nothing and saves an
// indirection per byte tested.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Matcher {
    Regex(LazyLock<Regex, fn() -> Regex>),
    Class {
        table: [bool; 256],
        min: usize,
        max: usize,
    },
}

impl Pattern {
    /// A pattern matched by the regex engine. `compile` is called once per process, on first use.
    pub const fn regex(source: &'static str, compile: fn() -> Regex) -> Self {
        Pattern {
            source,
            matcher: Matcher::Regex(LazyLock::new(compile)),
        }
    }

    /// A pattern that is one ASCII class repeated `min..=max` times; `allowed` has bit `b` set
    /// for each allowed byte `b` (low half in `[0]`, high half in `[1]`, which stays zero).
    pub const fn class(source: &'static str, allowed: [u128; 2], min: usize, max: usize) -> Self {
        Pattern {
            source,
            matcher: Matcher::Class {
                table: {
                    let mut table = [false; 256];
                    let mut byte = 0;
                    while byte < 256 {
                        table[byte] = (allowed[byte >> 7] >> (byte & 127)) & 1 == 1;
                        byte += 1;
                    }
                    table
                },
                min,
                max,
            },
        }
    }

    /// The pattern as written in the attribute.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `value` matches.
    #[inline]
    pub fn is_match(&self, value: &str) -> bool {
        match &self.matcher {
            Matcher::Regex(regex) => regex.is_match(value),
            Matcher::Class { table, min, max } => {
                let len = value.len();
                len >= *min
                    && len <= *max
                    && value
                        .bytes()
                        .fold(true, |ok, byte| ok & table[usize::from(byte)])
            }
        }
    }
}

/// Compiles `source` so that it must match the whole string. The derive has already parsed the
/// pattern, so this cannot fail for generated code.
#[doc(hidden)]
pub fn compile_anchored(source: &str) -> Regex {
    Regex::new(&format!("^(?:{source})$")).unwrap_or_else(|error| {
        unreachable!("the pattern `{source}` was checked when the derive expanded: {error}")
    })
}

/// `pattern = "..."`: the whole string must match.
#[inline]
pub fn pattern(
    value: &str,
    pattern: &Pattern,
    subject: Subject,
    path: &Path<'_>,
    report: &mut Report,
) {
    if !pattern.is_match(value) {
        report.push(
            path,
            code::PATTERN,
            format!("{} match {}", subject.lead(), pattern.source()),
        );
    }
}

/// `contains = "..."`: the string must include `needle`.
#[inline]
pub fn contains(
    value: &str,
    needle: &'static str,
    subject: Subject,
    path: &Path<'_>,
    report: &mut Report,
) {
    if !value.contains(needle) {
        report.push(
            path,
            code::CONTAINS,
            format!("{} include {needle}", subject.lead()),
        );
    }
}

/// `range(min, max)`: inclusive bounds; `None` where the attribute gives none.
#[inline]
pub fn range<T: PartialOrd + Display + Copy>(
    value: T,
    min: Option<T>,
    max: Option<T>,
    subject: Subject,
    path: &Path<'_>,
    report: &mut Report,
) {
    // NaN compares as neither above nor below: it fails whichever bound is given.
    use std::cmp::Ordering::{Greater, Less};
    let below = min.is_some_and(|min| matches!(value.partial_cmp(&min), Some(Less) | None));
    let above = max.is_some_and(|max| matches!(value.partial_cmp(&max), Some(Greater) | None));
    if below || above {
        report.push(path, code::RANGE, range_message(value, min, max, subject));
    }
}

#[cold]
fn range_message<T: Display>(value: T, min: Option<T>, max: Option<T>, subject: Subject) -> String {
    let lead = subject.lead();
    match (min, max) {
        (Some(min), Some(max)) => format!("{lead} be between {min} and {max}, found {value}"),
        (Some(min), None) => format!("{lead} be at least {min}, found {value}"),
        (None, Some(max)) => format!("{lead} be at most {max}, found {value}"),
        (None, None) => format!("{lead} be a number, found {value}"),
    }
}

/// `finite`: NaN and the infinities are rejected (JSON cannot carry them).
#[inline]
pub fn finite(value: f64, subject: Subject, path: &Path<'_>, report: &mut Report) {
    if !value.is_finite() {
        report.push(
            path,
            code::FINITE,
            format!("{} be a finite number, found {value}", subject.lead()),
        );
    }
}

/// The error a `custom = path::to::function` rule returns.
///
/// The function has the signature `fn(&T) -> Result<(), CustomError>` where `T` is the field's
/// type (the inner type for `Option` fields, which are only checked when present).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomError {
    rule: Cow<'static, str>,
    message: Cow<'static, str>,
    /// Where, below the value the rule was given, the failure lies.
    below: Vec<Segment>,
}

impl CustomError {
    /// A failure reported under the rule code `custom`. The message says what was expected,
    /// in the style of the built-in rules ("must be a log-group ARN").
    pub fn new(message: impl Into<Cow<'static, str>>) -> Self {
        CustomError {
            rule: Cow::Borrowed(code::CUSTOM),
            message: message.into(),
            below: Vec::new(),
        }
    }

    /// Reports the failure under another rule code, such as `pattern`, when that is what it is.
    pub fn with_rule(mut self, rule: impl Into<Cow<'static, str>>) -> Self {
        self.rule = rule.into();
        self
    }

    /// Reports the failure at member `name` (a wire name) of the value the rule was given: a
    /// rule over a whole struct points at the member at fault. Chain calls to go deeper.
    pub fn at(mut self, name: &'static str) -> Self {
        self.below.push(Segment::Member(Cow::Borrowed(name)));
        self
    }

    /// Reports the failure at entry `key` of the map reached so far.
    pub fn at_key(mut self, key: impl Into<String>) -> Self {
        self.below.push(Segment::Key(key.into()));
        self
    }

    /// Reports the failure at item `index` of the list reached so far.
    pub fn at_index(mut self, index: usize) -> Self {
        self.below.push(Segment::Index(index));
        self
    }

    /// The rule code.
    pub fn rule(&self) -> &str {
        &self.rule
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    fn record(self, path: &Path<'_>, report: &mut Report) {
        let mut segments = path.to_segments();
        segments.extend(self.below);
        report.push_violation(Violation::new(
            segments,
            self.rule,
            self.message.into_owned(),
        ));
    }
}

/// What a custom function returns: `Result<(), CustomError>`, or `Result<(), Vec<CustomError>>`
/// for a rule that can find several faults (a rule over a whole struct, say).
pub trait CustomOutcome {
    /// Records each failure below `path`.
    fn record(self, path: &Path<'_>, report: &mut Report);
}

impl CustomOutcome for Result<(), CustomError> {
    #[inline]
    fn record(self, path: &Path<'_>, report: &mut Report) {
        if let Err(error) = self {
            error.record(path, report);
        }
    }
}

impl CustomOutcome for Result<(), Vec<CustomError>> {
    #[inline]
    fn record(self, path: &Path<'_>, report: &mut Report) {
        if let Err(errors) = self {
            for error in errors {
                error.record(path, report);
            }
        }
    }
}

pub use super::conditions::{assert_wire_value, required_when, required_when_message, WireValue};

/// Records the outcome of a custom rule.
#[inline]
pub fn custom(outcome: impl CustomOutcome, path: &Path<'_>, report: &mut Report) {
    outcome.record(path, report);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(check: impl FnOnce(&Path<'_>, &mut Report)) -> Vec<String> {
        let mut report = Report::new();
        check(&Path::root(), &mut report);
        report
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.rule(), v.message()))
            .collect()
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // "ééé" is three characters in six bytes.
        assert!(messages(|p, r| length("ééé", 1, 3, Subject::Value, p, r)).is_empty());
        assert_eq!(
            messages(|p, r| length("éééé", 1, 3, Subject::Value, p, r)),
            ["length: must be 1 to 3 characters long, found 4"]
        );
        assert_eq!(
            messages(|p, r| length("", 1, usize::MAX, Subject::Value, p, r)),
            ["length: must be at least 1 character long, found 0"]
        );
    }

    #[test]
    fn length_counts_entries_of_collections() {
        let items = vec![1, 2, 3];
        assert_eq!(
            messages(|p, r| length(&items, 0, 2, Subject::Value, p, r)),
            ["length: must have at most 2 entries, found 3"]
        );
        assert!(messages(|p, r| length(&items, 3, 3, Subject::Value, p, r)).is_empty());
    }

    #[test]
    fn class_patterns_match_whole_ascii_strings() {
        let mut allowed = [0u128; 2];
        for byte in b'a'..=b'z' {
            allowed[0] |= 1 << byte;
        }
        let lower = Pattern::class("[a-z]+", allowed, 1, usize::MAX);
        assert!(lower.is_match("abc"));
        assert!(!lower.is_match(""));
        assert!(!lower.is_match("abC"));
        assert!(!lower.is_match("é"));
    }

    #[test]
    fn regex_patterns_are_anchored() {
        let pattern = Pattern::regex("a|b", || compile_anchored("a|b"));
        assert!(pattern.is_match("a"));
        assert!(!pattern.is_match("ab"));
        assert_eq!(
            messages(|p, r| super::pattern("ab", &pattern, Subject::Key, p, r)),
            ["pattern: key must match a|b"]
        );
    }

    #[test]
    fn range_is_inclusive_and_rejects_nan() {
        assert!(messages(|p, r| range(5, Some(0), Some(5), Subject::Value, p, r)).is_empty());
        assert_eq!(
            messages(|p, r| range(6, Some(0), Some(5), Subject::Value, p, r)),
            ["range: must be between 0 and 5, found 6"]
        );
        assert_eq!(
            messages(|p, r| range(f64::NAN, Some(0.0), None, Subject::Value, p, r)),
            ["range: must be at least 0, found NaN"]
        );
    }

    #[test]
    fn custom_errors_keep_their_rule_code() {
        let failure = CustomError::new("must be an ARN").with_rule("pattern");
        assert_eq!(
            messages(|p, r| custom(Err(failure), p, r)),
            ["pattern: must be an ARN"]
        );
        assert!(messages(|p, r| custom(Ok::<(), CustomError>(()), p, r)).is_empty());
    }
}

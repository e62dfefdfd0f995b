//! The built-in rules as plain functions. Generated code calls these with constants taken from
//! the attributes; each records one violation with a message that says what was expected.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
#[cfg(target_arch = "x86_64")]
mod ascii_simd;
mod bytes;
mod custom;
mod numeric;
mod pattern;

use super::open_enum::OpenEnum;
use super::path::Path;
use super::violation::{code, Report};

pub use bytes::ByteClass;
pub use custom::{custom, CustomError, CustomOutcome};
pub use numeric::{finite, range};
#[cfg(feature = "regex")]
pub use pattern::compile_anchored;
pub use pattern::{class_pattern, pattern, ClassPattern, Dfa, Pattern, Table};

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
#[diagnostic::on_unimplemented(
    message = "`length` counts the characters of a string or the entries of a list, set or map, and `{Self}` is none of them",
    label = "`length` cannot count `{Self}`",
    note = "bound a number with `range(min = .., max = ..)`, or check `{Self}` with a `custom` rule"
)]
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
        // A character takes one to four bytes: a string of at most `max` bytes has at most
        // `max` characters, and one of `bytes` has at least a quarter as many. Most values are
        // settled by their length alone, without reading them.
        // So `low..=max` bytes settle it, where `low` (`4 × min − 3`) is a constant once this
        // is inlined: one comparison.
        let bytes = self.len();
        let low = min.saturating_mul(4).saturating_sub(3);
        if low <= max && bytes.wrapping_sub(low) <= max - low {
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

/// `Length` for collections: their entries or items are counted.
macro_rules! entries {
    ($($ty:ty where $($param:ident),*;)*) => {$(
        impl<$($param),*> Length for $ty {
            const UNIT: Unit = Unit::Entries;
            #[inline]
            fn outside(&self, min: usize, max: usize) -> Option<usize> {
                let len = self.len();
                (len < min || len > max).then_some(len)
            }
        }
    )*};
}

entries! {
    Vec<T> where T;
    [T] where T;
    VecDeque<T> where T;
    BTreeSet<T> where T;
    HashSet<T, S> where T, S;
    BTreeMap<K, V> where K, V;
    HashMap<K, V, S> where K, V, S;
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
        out_of_length(T::UNIT, min, max, subject, found, path, report);
    }
}

/// The violation of `length`, out of line like every rule's: a valid value only pays for the
/// test, and the functions that call the rules stay small enough to inline.
#[cold]
#[inline(never)]
fn out_of_length(
    unit: Unit,
    min: usize,
    max: usize,
    subject: Subject,
    found: usize,
    path: &Path<'_>,
    report: &mut Report,
) {
    report.push(
        path,
        code::LENGTH,
        length_message(unit, min, max, subject, found),
    );
}

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
        missing(needle, subject, path, report);
    }
}

/// The violation of `contains`, out of line.
#[cold]
#[inline(never)]
fn missing(needle: &str, subject: Subject, path: &Path<'_>, report: &mut Report) {
    report.push(
        path,
        code::CONTAINS,
        format!("{} include {needle}", subject.lead()),
    );
}

/// `known`: an open enum must hold one of its known values, not one it kept without knowing it.
/// Reported under the rule code `enum`, as a closed enum reports an unknown value.
#[inline]
pub fn known<T: OpenEnum>(value: &T, subject: Subject, path: &Path<'_>, report: &mut Report) {
    if value.kept() {
        kept_value(value, subject, path, report);
    }
}

/// The rest of `known` for a value the catch-all holds, out of line: a known value only pays
/// for the test of its variant. A kept value spelt as a known one is not a violation.
#[cold]
#[inline(never)]
fn kept_value<T: OpenEnum>(value: &T, subject: Subject, path: &Path<'_>, report: &mut Report) {
    if let Some(unknown) = value.unknown() {
        report.push(
            path,
            code::ENUM,
            format!(
                "{} be one of {}; found {unknown:?}",
                subject.lead(),
                T::EXPECTED
            ),
        );
    }
}

/// Gives what a rule reported since `mark` (the report's length before it ran) the author's
/// `code` and `message`, where the attribute gives them.
#[inline]
pub fn relabel(
    report: &mut Report,
    mark: usize,
    code: Option<&'static str>,
    message: Option<&'static str>,
) {
    if report.len() > mark {
        report.relabel_since(mark, code, message);
    }
}

pub use super::conditions::{assert_wire_value, required_when, required_when_message, WireValue};

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn messages(check: impl FnOnce(&Path<'_>, &mut Report)) -> Vec<String> {
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
    fn length_settled_by_bytes_alone_only_when_every_character_count_fits() {
        // Four-byte characters: 8 bytes may be 2 characters, which is below a minimum of 3.
        assert_eq!(
            messages(|p, r| length("😀😀", 3, 8, Subject::Value, p, r)),
            ["length: must be 3 to 8 characters long, found 2"]
        );
        assert!(messages(|p, r| length("😀😀😀", 3, 12, Subject::Value, p, r)).is_empty());
        // 9 bytes are at least 3 characters whatever they are.
        assert!(messages(|p, r| length("a😀😀", 3, 9, Subject::Value, p, r)).is_empty());
        // More bytes than the maximum, but not more characters.
        assert!(messages(|p, r| length("😀😀", 1, 2, Subject::Value, p, r)).is_empty());
        assert_eq!(
            messages(|p, r| length("abc", 1, 2, Subject::Key, p, r)),
            ["length: key must be 1 to 2 characters long, found 3"]
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
        let lower = ClassPattern::new("[a-z]+", allowed, 1, usize::MAX);
        assert!(lower.is_match("abc"));
        assert!(!lower.is_match(""));
        assert!(!lower.is_match("abC"));
        assert!(!lower.is_match("é"));
    }

    #[cfg(feature = "regex")]
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
    fn custom_errors_keep_their_rule_code() {
        let failure = CustomError::new("must be an ARN").with_rule("pattern");
        assert_eq!(
            messages(|p, r| custom(Err(failure), p, r)),
            ["pattern: must be an ARN"]
        );
        assert!(messages(|p, r| custom(Ok::<(), CustomError>(()), p, r)).is_empty());
    }
}

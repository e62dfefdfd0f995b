//! The rules on numbers: `range` (inclusive bounds; NaN fails whichever bound is given) and
//! `finite` (no NaN, no infinity). They read no text and count nothing, so they sit apart from
//! the rules on strings and sizes in `mod.rs`, `bytes.rs` and `pattern.rs`.

use std::fmt::Display;

use super::Subject;
use crate::path::Path;
use crate::violation::{code, Report};

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
        out_of_range(value, min, max, subject, path, report);
    }
}

/// The violation of `range`, out of line.
#[cold]
#[inline(never)]
fn out_of_range<T: Display>(
    value: T,
    min: Option<T>,
    max: Option<T>,
    subject: Subject,
    path: &Path<'_>,
    report: &mut Report,
) {
    let lead = subject.lead();
    let message = match (min, max) {
        (Some(min), Some(max)) => format!("{lead} be between {min} and {max}, found {value}"),
        (Some(min), None) => format!("{lead} be at least {min}, found {value}"),
        (None, Some(max)) => format!("{lead} be at most {max}, found {value}"),
        (None, None) => format!("{lead} be a number, found {value}"),
    };
    report.push(path, code::RANGE, message);
}

/// `finite`: NaN and the infinities are rejected (JSON cannot carry them).
#[inline]
pub fn finite(value: f64, subject: Subject, path: &Path<'_>, report: &mut Report) {
    if !value.is_finite() {
        not_finite(value, subject, path, report);
    }
}

/// The violation of `finite`, out of line.
#[cold]
#[inline(never)]
fn not_finite(value: f64, subject: Subject, path: &Path<'_>, report: &mut Report) {
    report.push(
        path,
        code::FINITE,
        format!("{} be a finite number, found {value}", subject.lead()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::messages;

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
    fn finite_rejects_exactly_nan_and_the_infinities() {
        let values = [
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::from_bits(1),
            0.0,
            -0.0,
            50.5,
            f64::from_bits(0x7ff0_0000_0000_0001),
            f64::from_bits(0x7fef_ffff_ffff_ffff),
        ];
        for value in values {
            let found = messages(|p, r| finite(value, Subject::Value, p, r));
            assert_eq!(found.is_empty(), value.is_finite(), "{value}");
        }
        assert_eq!(
            messages(|p, r| finite(f64::NEG_INFINITY, Subject::Value, p, r)),
            ["finite: must be a finite number, found -inf"]
        );
    }
}

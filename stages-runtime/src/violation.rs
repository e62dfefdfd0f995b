//! What went wrong, where, and what was expected — the values every check produces.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::path::{self, Path, Segment};

/// The stable rule codes this crate reports. Custom rules may add their own codes.
pub mod code {
    /// A required member is absent (or `null`).
    pub const REQUIRED: &str = "required";
    /// A string is too short or too long, or a map or list has too few or too many entries.
    pub const LENGTH: &str = "length";
    /// A string does not match its pattern.
    pub const PATTERN: &str = "pattern";
    /// A string does not contain a required substring.
    pub const CONTAINS: &str = "contains";
    /// A number lies outside its range.
    pub const RANGE: &str = "range";
    /// A floating-point number is NaN or infinite.
    pub const FINITE: &str = "finite";
    /// A string is not in the format its type needs (an RFC 3339 date-time, say).
    pub const FORMAT: &str = "format";
    /// A string is not one of an enumeration's values.
    pub const ENUM: &str = "enum";
    /// A member is present more than once, a map key repeats, or a set's item equals one before
    /// it (reported at the later one).
    pub const DUPLICATE: &str = "duplicate";
    /// A member is not known to a type that denies unknown members.
    pub const UNKNOWN: &str = "unknown";
    /// A value has the wrong JSON type (a number where a string belongs, say), or an integer
    /// does not fit its type; the message names what was expected and what was found.
    pub const TYPE: &str = "type";
    /// The document is not well-formed JSON.
    pub const SYNTAX: &str = "syntax";
    /// A custom rule failed without naming a code of its own.
    pub const CUSTOM: &str = "custom";
}

/// One broken rule: the path of the offending value in wire names, a stable rule code, and a
/// message that says what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: Vec<Segment>,
    rule: Cow<'static, str>,
    message: String,
}

impl Violation {
    /// A violation at `path` (outermost segment first).
    pub fn new(
        path: Vec<Segment>,
        rule: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Violation {
            path,
            rule: rule.into(),
            message: message.into(),
        }
    }

    /// The path of the offending value, outermost segment first.
    pub fn path(&self) -> &[Segment] {
        &self.path
    }

    /// The path as an RFC 6901 JSON Pointer (`/routeSettings/GET ~1pets/throttlingBurstLimit`);
    /// empty for the document itself.
    pub fn pointer(&self) -> String {
        path::pointer(&self.path)
    }

    /// The path for people (`routeSettings["GET /pets"].throttlingBurstLimit`); empty for the
    /// document itself.
    pub fn path_string(&self) -> String {
        path::human(&self.path)
    }

    /// The stable rule code, such as `required`, `length` or `pattern` (see [`code`]).
    pub fn rule(&self) -> &str {
        &self.rule
    }

    /// What was expected, and what was found where that helps.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Puts `segment` in front of the path: the violation was found inside that member, key or
    /// item.
    pub(crate) fn prefix(&mut self, segment: Segment) {
        self.path.insert(0, segment);
    }
}

impl fmt::Display for Violation {
    /// `path: message`, or just the message when the document itself is at fault.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            path::write_human(f, &self.path)?;
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

impl Serialize for Violation {
    /// `{"pointer", "path", "rule", "message"}`: what tools need to point at the value.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Violation", 4)?;
        out.serialize_field("pointer", &self.pointer())?;
        out.serialize_field("path", &self.path_string())?;
        out.serialize_field("rule", self.rule())?;
        out.serialize_field("message", self.message())?;
        out.end()
    }
}

/// Every violation found in one value; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(Vec<Violation>);

impl ValidationErrors {
    /// Wraps violations; `None` when there are none, so that an error always has something to
    /// say.
    pub fn from_violations(violations: Vec<Violation>) -> Option<Self> {
        if violations.is_empty() {
            None
        } else {
            Some(ValidationErrors(violations))
        }
    }

    /// The violations, in the order they were found.
    pub fn violations(&self) -> &[Violation] {
        &self.0
    }

    /// How many violations there are (at least one).
    #[allow(clippy::len_without_is_empty)] // never empty by construction
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Iterates over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// The violations as a vector.
    pub fn into_violations(self) -> Vec<Violation> {
        self.0
    }

    /// The JSON Pointers of every violation, in order: handy in tests and logs.
    pub fn pointers(&self) -> Vec<String> {
        self.0.iter().map(Violation::pointer).collect()
    }
}

impl fmt::Display for ValidationErrors {
    /// One violation per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, violation) in self.0.iter().enumerate() {
            if position > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(violation, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Serialize for ValidationErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The collector a validation pass writes into. Empty (and unallocated) until a rule fails.
#[derive(Debug, Default)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// An empty report; does not allocate.
    pub const fn new() -> Self {
        Report {
            violations: Vec::new(),
        }
    }

    /// Records that the value at `path` broke `rule`.
    pub fn push(
        &mut self,
        path: &Path<'_>,
        rule: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) {
        self.violations
            .push(Violation::new(path.to_segments(), rule, message));
    }

    /// Records an already built violation.
    pub fn push_violation(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// True while nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// How many violations have been recorded.
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// The violations recorded so far.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// `Ok(())` when nothing was recorded, otherwise every violation.
    #[inline]
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.violations.is_empty() {
            if self.violations.capacity() == 0 {
                // Nothing to drop: skip the (out-of-line) drop of no violations.
                std::mem::forget(self);
            }
            return Ok(());
        }
        Err(ValidationErrors(self.violations))
    }

    /// Puts `at` in front of the paths of the violations recorded since `mark` (the report's
    /// length before they were). Validation checks a value's rules at paths relative to it and
    /// copies the path above only when something failed: this is that copy.
    #[cold]
    #[inline(never)]
    pub fn prefix_since(&mut self, mark: usize, at: &Path<'_>) {
        let segments = at.to_segments();
        if segments.is_empty() {
            return;
        }
        for violation in &mut self.violations[mark..] {
            violation.path.splice(0..0, segments.iter().cloned());
        }
    }

    /// Replaces the rule code and message of the violations recorded since the first `mark`.
    #[cold]
    pub(crate) fn relabel_since(
        &mut self,
        mark: usize,
        code: Option<&'static str>,
        message: Option<&'static str>,
    ) {
        for violation in &mut self.violations[mark..] {
            if let Some(code) = code {
                violation.rule = Cow::Borrowed(code);
            }
            if let Some(message) = message {
                violation.message = message.to_owned();
            }
        }
    }

    pub(crate) fn into_violations(self) -> Vec<Violation> {
        self.violations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_puts_one_violation_per_line() {
        let root = Path::root();
        let name = root.member("stageName");
        let mut report = Report::new();
        report.push(&name, code::REQUIRED, "is required");
        report.push(&root, code::SYNTAX, "expected value");
        let errors = report.into_result().unwrap_err();
        assert_eq!(errors.to_string(), "stageName: is required\nexpected value");
        assert_eq!(errors.pointers(), ["/stageName", ""]);
    }

    #[test]
    fn an_empty_report_is_ok() {
        assert!(Report::new().into_result().is_ok());
        assert!(ValidationErrors::from_violations(Vec::new()).is_none());
    }

    #[test]
    fn violations_serialize_with_pointer_and_path() {
        let violation = Violation::new(
            vec![
                Segment::Member("stageVariables".into()),
                Segment::Key("my-var".into()),
            ],
            code::PATTERN,
            "must match [A-Za-z0-9_]+",
        );
        let json = serde_json::to_value(&violation).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "pointer": "/stageVariables/my-var",
                "path": "stageVariables[\"my-var\"]",
                "rule": "pattern",
                "message": "must match [A-Za-z0-9_]+",
            })
        );
    }
}

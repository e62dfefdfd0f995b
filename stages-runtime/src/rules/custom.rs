//! `custom = function`: what a function of the author's returns, and how it is recorded.

use std::borrow::Cow;

use crate::path::{Path, Segment};
use crate::violation::{code, Report, Violation};

/// The error a `custom = path::to::function` rule returns.
///
/// The function has the signature `fn(&T) -> Result<(), CustomError>` where `T` is the field's
/// type (the inner type for `Option` fields, which are only checked when present);
/// `custom = function(a, b)` calls `function(&value, a, b)`.
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
#[diagnostic::on_unimplemented(
    message = "a `custom` rule's function must return `Result<(), CustomError>` (or `Result<(), Vec<CustomError>>`), but this one returns `{Self}`",
    label = "returns `{Self}`, not `Result<(), CustomError>`",
    note = "return `Ok(())` for a valid value and `Err(CustomError::new(\"must be ...\"))` otherwise, with a message that says what was expected (`CustomError` is in stages_runtime and stages_model)"
)]
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

/// Records the outcome of a custom rule.
#[inline]
pub fn custom(outcome: impl CustomOutcome, path: &Path<'_>, report: &mut Report) {
    outcome.record(path, report);
}

//! A rule's own `message` and `code`, checked: a message says something, a code is one word.

use crate::attr;
use crate::errors::Errors;

/// Checks the message and code of every rule, and hands them on as they were written.
pub(super) fn labels(labels: &attr::Labels, errors: &mut Errors) -> attr::Labels {
    for label in [
        &labels.length,
        &labels.pattern,
        &labels.contains,
        &labels.range,
        &labels.finite,
        &labels.known,
    ] {
        check(label, errors);
    }
    labels.clone()
}

/// A message says what was expected, so it cannot be empty; a code is matched by programs, so it
/// is one word.
fn check(label: &attr::Label, errors: &mut Errors) {
    if let Some(message) = &label.message {
        if message.value().trim().is_empty() {
            errors.spanned(
                message,
                "a rule's `message` tells the user what was expected, so it cannot be empty; \
                 remove it to keep the rule's own message",
            );
        }
    }
    if let Some(code) = &label.code {
        let text = code.value();
        let word = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
        if !word {
            errors.spanned(
                code,
                format!(
                    "a rule `code` is one word that programs match, made of ASCII letters, digits, \
                     `_`, `-`, `.` and `:`, such as `code = \"routeKey\"`; found {text:?}"
                ),
            );
        }
    }
}

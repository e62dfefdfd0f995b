//! A rule's own `message` and `code`, checked: a message says something, a code is one word.

use syn::LitStr;

use crate::attr;
use crate::errors::Errors;

/// The message and rule code each built-in rule reports instead of its own, where given.
#[derive(Default)]
pub struct Labels {
    pub length: Label,
    pub pattern: Label,
    pub contains: Label,
    pub range: Label,
    pub finite: Label,
    pub known: Label,
}

/// A message and a rule code, checked to be usable.
#[derive(Default, Clone)]
pub struct Label {
    pub message: Option<LitStr>,
    pub code: Option<LitStr>,
}

impl Label {
    /// Whether the rule reports something of the author's.
    pub fn is_set(&self) -> bool {
        self.message.is_some() || self.code.is_some()
    }
}

/// A message says what was expected, so it cannot be empty; a code is matched by programs, so it
/// is one word.
pub(super) fn label(label: &attr::Label, errors: &mut Errors) -> Label {
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
    Label {
        message: label.message.clone(),
        code: label.code.clone(),
    }
}

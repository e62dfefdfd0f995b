//! `message = "..."` and `code = "..."`: what an author gives a built-in rule in place of its
//! own message and code, and the rule forms that carry them.

use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr};

use super::syntax::{set_once, string_value, unknown_word};
use crate::errors::Errors;

/// The message and rule code an author gives each built-in rule, in place of its own.
#[derive(Default, Clone)]
pub struct Labels {
    pub length: Label,
    pub pattern: Label,
    pub contains: Label,
    pub range: Label,
    pub finite: Label,
    pub known: Label,
}

/// `message = "..."` and `code = "..."` inside a rule's parentheses.
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

/// Parses `message = "..."` or `code = "..."` into `label`; false for any other name.
pub(super) fn label_option(
    meta: &ParseNestedMeta,
    label: &mut Label,
    errors: &mut Errors,
) -> syn::Result<bool> {
    if meta.path.is_ident("message") {
        let lit = string_value(meta, "message = \"must be a route key such as GET /pets\"")?;
        set_once(&mut label.message, lit, meta, errors);
    } else if meta.path.is_ident("code") {
        let lit = string_value(meta, "code = \"routeKey\"")?;
        set_once(&mut label.code, lit, meta, errors);
    } else {
        return Ok(false);
    }
    Ok(true)
}

/// Parses `rule = "..."`, or `rule(key = "...", message = "...", code = "...")`.
pub(super) fn text_rule(
    meta: &ParseNestedMeta,
    rule: &Ident,
    key: &str,
    usage: &str,
    label: &mut Label,
    errors: &mut Errors,
) -> syn::Result<Option<LitStr>> {
    if !meta.input.peek(syn::token::Paren) {
        return string_value(meta, usage).map(Some);
    }
    let mut value = None;
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident(key) {
            let lit = string_value(&inner, usage)?;
            set_once(&mut value, lit, &inner, errors);
        } else if !label_option(&inner, label, errors)? {
            return unknown_word(
                &inner,
                &format!("`{rule}` option"),
                &[key, "message", "code"],
                errors,
            );
        }
        Ok(())
    })?;
    if value.is_none() {
        errors.spanned(
            rule,
            format!("`{rule}(...)` needs `{key} = \"...\"`: `{usage}`"),
        );
    }
    Ok(value)
}

/// Parses `rule`, or `rule(message = "...", code = "...")`.
pub(super) fn flag_rule(
    meta: &ParseNestedMeta,
    rule: &Ident,
    label: &mut Label,
    errors: &mut Errors,
) -> syn::Result<()> {
    if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| {
            if !label_option(&inner, label, errors)? {
                return unknown_word(
                    &inner,
                    &format!("`{rule}` option"),
                    &["message", "code"],
                    errors,
                );
            }
            Ok(())
        })?;
    }
    Ok(())
}

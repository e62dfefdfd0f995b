//! The rule grammar: `length`, `pattern`, `contains`, `range`, `finite`, `known`, `custom`, and
//! `keys(...)`/`values(...)` around other rules.

use proc_macro2::Span;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Ident, LitFloat, LitInt, LitStr, Token};

use super::custom::{custom_call, custom_with_options};
use super::label::{flag_rule, label_option, text_rule, Label, Labels};
use super::syntax::{set_once, skip_arguments, unknown_word};
use super::{FIELD_OPTIONS, FIELD_WORDS};
use crate::errors::Errors;

/// The rules, which a field and the keys and values inside it share.
const RULE_WORDS: &[&str] = &[
    "length", "pattern", "contains", "range", "finite", "known", "custom", "keys", "values",
];

/// The rules on a value: a field, or the keys or values of a map or list.
#[derive(Default)]
pub struct Rules {
    pub length: Option<Bounds<Count>>,
    pub pattern: Option<LitStr>,
    pub contains: Option<LitStr>,
    pub range: Option<Bounds<Number>>,
    pub finite: Option<Ident>,
    pub known: Option<Ident>,
    pub custom: Vec<Custom>,
    /// The schema form of each `custom` rule, by position: `custom(function, schema = path)`.
    pub custom_schemas: Vec<Option<syn::Path>>,
    pub keys: Option<(Ident, Box<Rules>)>,
    pub values: Option<(Ident, Box<Rules>)>,
    pub labels: Labels,
}

impl Rules {
    /// True when no rule was given.
    pub fn is_empty(&self) -> bool {
        !self.any()
    }

    /// Whether any rule was written.
    pub fn any(&self) -> bool {
        self.length.is_some()
            || self.pattern.is_some()
            || self.contains.is_some()
            || self.range.is_some()
            || self.finite.is_some()
            || self.known.is_some()
            || !self.custom.is_empty()
            || self.keys.is_some()
            || self.values.is_some()
    }
}

/// `custom = function` or `custom = function(arguments)`: called as `function(&value, arguments)`.
#[derive(Clone)]
pub struct Custom {
    pub function: syn::Path,
    pub args: Vec<syn::Expr>,
}

impl Custom {
    /// The call as written, to tell two listings of one call apart.
    fn text(&self) -> String {
        let args = &self.args;
        quote::quote!(#(#args),*).to_string() + &self.function.to_token_stream().to_string()
    }
}

/// The arguments of `length(...)` or `range(...)`; `rule` is the rule's name, for errors.
pub struct Bounds<T> {
    pub rule: Ident,
    pub min: Option<T>,
    pub max: Option<T>,
}

/// A `length` bound.
pub struct Count {
    pub value: usize,
    pub lit: LitInt,
}

/// A `range` bound as written: sign, digits and whether it had a fractional part.
#[derive(Clone)]
pub struct Number {
    pub negative: bool,
    pub lit: NumberLit,
    pub span: Span,
}

#[derive(Clone)]
pub enum NumberLit {
    Int(LitInt),
    Float(LitFloat),
}

impl Number {
    /// The value as a float, for comparing bounds.
    pub fn as_f64(&self) -> f64 {
        let magnitude = match &self.lit {
            NumberLit::Int(lit) => lit.base10_parse::<f64>().unwrap_or(f64::INFINITY),
            NumberLit::Float(lit) => lit.base10_parse::<f64>().unwrap_or(f64::INFINITY),
        };
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }

    /// The value as written, for messages.
    pub fn text(&self) -> String {
        let digits = match &self.lit {
            NumberLit::Int(lit) => lit.base10_digits().to_owned(),
            NumberLit::Float(lit) => lit.base10_digits().to_owned(),
        };
        if self.negative {
            format!("-{digits}")
        } else {
            digits
        }
    }
}

/// Parses one rule into `rules`; `at_field` when it is written on the field rather than inside
/// `keys(...)`/`values(...)`, which changes only what a mistake is told.
pub(super) fn rule(
    meta: &ParseNestedMeta,
    ident: &Ident,
    rules: &mut Rules,
    at_field: bool,
    errors: &mut Errors,
) -> syn::Result<()> {
    match ident.to_string().as_str() {
        "length" => {
            let bounds = bounds(meta, ident, &mut rules.labels.length, errors, |input| {
                let not_a_count = |span| {
                    syn::Error::new(
                        span,
                        "a `length` bound is a count of characters or entries: a whole number \
                         of 0 or more, such as `min = 1`",
                    )
                };
                let lit: LitInt = input.parse().map_err(|error| not_a_count(error.span()))?;
                let value = lit
                    .base10_parse::<usize>()
                    .map_err(|_| not_a_count(lit.span()))?;
                Ok(Count { value, lit })
            })?;
            set_once(&mut rules.length, bounds, meta, errors);
        }
        "range" => {
            let bounds = bounds(meta, ident, &mut rules.labels.range, errors, number)?;
            set_once(&mut rules.range, bounds, meta, errors);
        }
        "pattern" => {
            let usage = "pattern = \"[a-z]+\"` or `pattern(regex = \"[a-z]+\", message = \"...\")";
            let label = &mut rules.labels.pattern;
            if let Some(lit) = text_rule(meta, ident, "regex", usage, label, errors)? {
                set_once(&mut rules.pattern, lit, meta, errors);
            }
        }
        "contains" => {
            let usage = "contains = \"text\"` or `contains(text = \"text\", message = \"...\")";
            let label = &mut rules.labels.contains;
            if let Some(lit) = text_rule(meta, ident, "text", usage, label, errors)? {
                if lit.value().is_empty() {
                    errors.spanned(
                        &lit,
                        "`contains` needs a non-empty string: every string contains \"\"",
                    );
                }
                set_once(&mut rules.contains, lit, meta, errors);
            }
        }
        "finite" => {
            flag_rule(meta, ident, &mut rules.labels.finite, errors)?;
            set_once(&mut rules.finite, ident.clone(), meta, errors);
        }
        "known" => {
            flag_rule(meta, ident, &mut rules.labels.known, errors)?;
            set_once(&mut rules.known, ident.clone(), meta, errors);
        }
        "custom" => {
            let (call, schema) = if meta.input.peek(syn::token::Paren) {
                custom_with_options(meta)?
            } else {
                (custom_call(meta)?, None)
            };
            if rules.custom.iter().any(|known| known.text() == call.text()) {
                errors.spanned(
                    &call.function,
                    "this custom function is already listed for this value",
                );
            }
            rules.custom.push(call);
            rules.custom_schemas.push(schema);
        }
        "keys" | "values" => {
            let mut nested = Rules::default();
            meta.parse_nested_meta(|inner| match inner.path.get_ident().cloned() {
                Some(inner_ident) => rule(&inner, &inner_ident, &mut nested, false, errors),
                None => unknown_word(
                    &inner,
                    &format!("rule in `{ident}(...)`"),
                    RULE_WORDS,
                    errors,
                ),
            })?;
            let slot = if ident == "keys" {
                &mut rules.keys
            } else {
                &mut rules.values
            };
            set_once(slot, (ident.clone(), Box::new(nested)), meta, errors);
        }
        "message" | "code" => {
            errors.spanned(
                ident,
                format!(
                    "`{ident}` belongs to one rule, inside its parentheses: \
                     `pattern(regex = \"...\", {ident} = \"...\")`, `length(min = 1, {ident} = \"...\")`; \
                     a `custom` function gives its own in the `CustomError` it returns"
                ),
            );
            skip_arguments(meta)?;
        }
        word if !at_field && FIELD_OPTIONS.contains(&word) => {
            errors.spanned(
                ident,
                format!(
                    "`{ident}` applies to the field itself, not to the keys or values of a map or list; \
                     move it out of `keys(...)`/`values(...)`"
                ),
            );
            skip_arguments(meta)?;
        }
        _ => {
            let words = if at_field { FIELD_WORDS } else { RULE_WORDS };
            return unknown_word(meta, "rule", words, errors);
        }
    }
    Ok(())
}

/// Parses `(min = .., max = ..)`, with an optional `message` and `code`; either bound may be
/// left out, not both.
fn bounds<T>(
    meta: &ParseNestedMeta,
    rule: &Ident,
    label: &mut Label,
    errors: &mut Errors,
    parse: impl Fn(ParseStream) -> syn::Result<T>,
) -> syn::Result<Bounds<T>> {
    let mut out = Bounds {
        rule: rule.clone(),
        min: None,
        max: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!(
            "`{rule}` needs bounds, such as `{rule}(min = 1, max = 10)`"
        )));
    }
    meta.parse_nested_meta(|bound| {
        if bound.path.is_ident("min") {
            let value = parse(bound.value()?)?;
            set_once(&mut out.min, value, &bound, errors);
        } else if bound.path.is_ident("max") {
            let value = parse(bound.value()?)?;
            set_once(&mut out.max, value, &bound, errors);
        } else if !label_option(&bound, label, errors)? {
            return unknown_word(
                &bound,
                &format!("`{rule}` option"),
                &["min", "max", "message", "code"],
                errors,
            );
        }
        Ok(())
    })?;
    if out.min.is_none() && out.max.is_none() {
        errors.spanned(rule, format!("`{rule}(...)` needs `min`, `max` or both"));
    }
    Ok(out)
}

/// Parses a number literal with an optional minus sign.
fn number(input: ParseStream) -> syn::Result<Number> {
    let negative = input.parse::<Option<Token![-]>>()?.is_some();
    let span = input.span();
    let lit = if input.peek(LitFloat) {
        NumberLit::Float(input.parse()?)
    } else if input.peek(LitInt) {
        NumberLit::Int(input.parse()?)
    } else {
        return Err(input
            .error("a `range` bound is a number, such as `min = 0`, `max = 100` or `max = 0.5`"));
    };
    Ok(Number {
        negative,
        lit,
        span,
    })
}

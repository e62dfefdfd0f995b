//! The `#[model(...)]` grammar: attributes become rule values, spans kept for later errors.
//!
//! ```text
//! container: rename_all = "camelCase" | crate = "path" | deny_unknown_fields
//!            | custom = path::to::function          (structs: a rule over the whole value)
//!            | require(member, ..., when(member = LITERAL))  (structs; or `when(member)`)
//! field:     required | default | rename = "wire" | flatten | RULE
//! variant:   rename = "wire"
//! RULE:      length(min = N, max = N) | pattern = "regex" | contains = "text"
//!            | range(min = X, max = X) | finite | custom = path::to::function
//!            | keys(RULE, ...) | values(RULE, ...)          (keys/values: one level deep)
//! ```
//!
//! Every mistake is recorded and parsing goes on, so one compile reports them all.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitFloat, LitInt, LitStr, Token};

use crate::case::Case;
use crate::errors::Errors;
use crate::suggest;

const CONTAINER_WORDS: &[&str] = &[
    "rename_all",
    "crate",
    "deny_unknown_fields",
    "custom",
    "require",
];
const FIELD_WORDS: &[&str] = &[
    "required", "default", "rename", "flatten", "length", "pattern", "contains", "range", "finite",
    "custom", "keys", "values",
];
const NESTED_RULE_WORDS: &[&str] = &["length", "pattern", "contains", "range", "finite", "custom"];
const VARIANT_WORDS: &[&str] = &["rename"];

/// Options on the struct or enum itself.
#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<(Case, Span)>,
    pub krate: Option<syn::Path>,
    pub deny_unknown: Option<Span>,
    /// `custom = path`: functions over the whole value; `keyword` is kept for errors.
    pub custom: Vec<(Ident, syn::Path)>,
    pub require: Vec<Require>,
}

/// `require(member, ..., when(condition))`: members that must be present when the condition
/// holds.
pub struct Require {
    pub keyword: Ident,
    pub members: Vec<Ident>,
    pub when: Option<When>,
}

/// `when(member = value)` (the member is present and equal to the value) or `when(member)`
/// (the member is present).
pub struct When {
    pub member: Ident,
    pub value: Option<syn::Lit>,
}

/// Options and rules on one field.
#[derive(Default)]
pub struct FieldAttrs {
    pub required: Option<Ident>,
    /// `flatten`: the members of this struct-typed field sit in the enclosing object.
    pub flatten: Option<Ident>,
    pub default: Option<Ident>,
    pub rename: Option<LitStr>,
    pub rules: Rules,
}

/// Options on one enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    pub rename: Option<LitStr>,
}

/// The rules on a value: a field, or the keys or values of a map or list.
#[derive(Default)]
pub struct Rules {
    pub length: Option<Bounds<Count>>,
    pub pattern: Option<LitStr>,
    pub contains: Option<LitStr>,
    pub range: Option<Bounds<Number>>,
    pub finite: Option<Ident>,
    pub custom: Vec<syn::Path>,
    pub keys: Option<(Ident, Box<Rules>)>,
    pub values: Option<(Ident, Box<Rules>)>,
}

impl Rules {
    /// True when no rule was given.
    pub fn is_empty(&self) -> bool {
        self.length.is_none()
            && self.pattern.is_none()
            && self.contains.is_none()
            && self.range.is_none()
            && self.finite.is_none()
            && self.custom.is_empty()
            && self.keys.is_none()
            && self.values.is_none()
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

/// True for attributes this derive reads.
fn is_model(attr: &Attribute) -> bool {
    attr.path().is_ident("model")
}

/// Parses the container attributes.
pub fn container(attrs: &[Attribute], errors: &mut Errors) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs.iter().filter(|attr| is_model(attr)) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some(word) = meta.path.get_ident().map(Ident::to_string) else {
                return unknown_word(&meta, "container option", CONTAINER_WORDS, errors);
            };
            match word.as_str() {
                "rename_all" => {
                    let lit = string_value(&meta, "rename_all = \"camelCase\"")?;
                    match Case::from_name(&lit.value()) {
                        Some(case) => set_once(&mut out.rename_all, (case, lit.span()), &meta, errors),
                        None => {
                            let names: Vec<&str> = Case::NAMES.iter().map(|(name, _)| *name).collect();
                            errors.spanned(&lit, suggest::unknown("case convention", &lit.value(), &names));
                        }
                    }
                }
                "crate" => {
                    let lit = string_value(&meta, "crate = \"::stages_runtime\"")?;
                    match lit.parse::<syn::Path>() {
                        Ok(path) => set_once(&mut out.krate, path, &meta, errors),
                        Err(_) => errors.spanned(
                            &lit,
                            format!(
                                "`{}` is not a Rust path; `crate` takes the path through which this crate reaches \
                                 the runtime, such as \"::stages_runtime\" or \"my_crate::model\"",
                                lit.value()
                            ),
                        ),
                    }
                }
                "deny_unknown_fields" => set_once(&mut out.deny_unknown, meta.path.segments[0].ident.span(), &meta, errors),
                "custom" => {
                    let keyword = meta.path.segments[0].ident.clone();
                    out.custom.push((keyword, function_path(&meta)?));
                }
                "require" => out.require.push(require(&meta, errors)?),
                _ => return unknown_word(&meta, "container option", CONTAINER_WORDS, errors),
            }
            Ok(())
        });
        errors.keep(parsed);
    }
    out
}

/// Parses `require(member, ..., when(member = value))`.
fn require(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<Require> {
    const USAGE: &str = "`require(member, when(other = \"VALUE\"))`";
    let keyword = meta.path.segments[0].ident.clone();
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("`require` lists members and a condition: {USAGE}")));
    }
    let mut out = Require {
        keyword,
        members: Vec::new(),
        when: None,
    };
    meta.parse_nested_meta(|inner| {
        let Some(ident) = inner.path.get_ident().cloned() else {
            return Err(inner.error(format!("expected a member name or `when(...)`: {USAGE}")));
        };
        if ident == "when" {
            let when = when(&inner)?;
            set_once(&mut out.when, when, &inner, errors);
        } else if inner.input.peek(Token![=]) || inner.input.peek(syn::token::Paren) {
            return Err(inner.error(format!(
                "`{ident}` is a member name here and takes no value; conditions go in `when(...)`: {USAGE}"
            )));
        } else {
            out.members.push(ident);
        }
        Ok(())
    })?;
    Ok(out)
}

/// Parses `when(member = value)` or `when(member)`.
fn when(meta: &ParseNestedMeta) -> syn::Result<When> {
    const USAGE: &str = "`when(member = \"VALUE\")` or `when(member)`";
    let content;
    syn::parenthesized!(content in meta.input);
    let member: Ident = content.parse().map_err(|error| {
        syn::Error::new(error.span(), format!("expected a member name: {USAGE}"))
    })?;
    let value = if content.peek(Token![=]) {
        content.parse::<Token![=]>()?;
        Some(content.parse::<syn::Lit>().map_err(|error| {
            syn::Error::new(
                error.span(),
                format!(
                    "the value to compare with is a literal (a string, number or bool): {USAGE}"
                ),
            )
        })?)
    } else {
        None
    };
    if !content.is_empty() {
        return Err(content.error(format!("`when` takes one condition: {USAGE}")));
    }
    Ok(When { member, value })
}

/// Parses the attributes of one field.
pub fn field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs.iter().filter(|attr| is_model(attr)) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some(ident) = meta.path.get_ident().cloned() else {
                return unknown_word(&meta, "rule", FIELD_WORDS, errors);
            };
            match ident.to_string().as_str() {
                "required" => set_once(&mut out.required, ident, &meta, errors),
                "flatten" => set_once(&mut out.flatten, ident, &meta, errors),
                "default" => set_once(&mut out.default, ident, &meta, errors),
                "rename" => {
                    let lit = string_value(&meta, "rename = \"wireName\"")?;
                    set_once(&mut out.rename, lit, &meta, errors);
                }
                _ => return rule(&meta, &ident, &mut out.rules, true, errors),
            }
            Ok(())
        });
        errors.keep(parsed);
    }
    out
}

/// Parses the attributes of one enum variant.
pub fn variant(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    for attr in attrs.iter().filter(|attr| is_model(attr)) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                let lit = string_value(&meta, "rename = \"WIRE_NAME\"")?;
                set_once(&mut out.rename, lit, &meta, errors);
                Ok(())
            } else {
                unknown_word(&meta, "variant option", VARIANT_WORDS, errors)
            }
        });
        errors.keep(parsed);
    }
    out
}

/// Parses one rule into `rules`. `keys(...)` and `values(...)` are allowed when `nesting`.
fn rule(
    meta: &ParseNestedMeta,
    ident: &Ident,
    rules: &mut Rules,
    nesting: bool,
    errors: &mut Errors,
) -> syn::Result<()> {
    match ident.to_string().as_str() {
        "length" => {
            let bounds = bounds(meta, ident, errors, |input| {
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
            let bounds = bounds(meta, ident, errors, number)?;
            set_once(&mut rules.range, bounds, meta, errors);
        }
        "pattern" => {
            let lit = string_value(meta, "pattern = \"^[a-z]+$\"")?;
            set_once(&mut rules.pattern, lit, meta, errors);
        }
        "contains" => {
            let lit = string_value(meta, "contains = \"text\"")?;
            if lit.value().is_empty() {
                errors.spanned(
                    &lit,
                    "`contains` needs a non-empty string: every string contains \"\"",
                );
            }
            set_once(&mut rules.contains, lit, meta, errors);
        }
        "finite" => set_once(&mut rules.finite, ident.clone(), meta, errors),
        "custom" => {
            let path = function_path(meta)?;
            if rules.custom.iter().any(|known| {
                known.to_token_stream().to_string() == path.to_token_stream().to_string()
            }) {
                errors.spanned(
                    &path,
                    "this custom function is already listed for this value",
                );
            }
            rules.custom.push(path);
        }
        "keys" | "values" if nesting => {
            let mut nested = Rules::default();
            meta.parse_nested_meta(|inner| match inner.path.get_ident().cloned() {
                Some(inner_ident)
                    if NESTED_RULE_WORDS.contains(&inner_ident.to_string().as_str())
                        || ["required", "default", "rename"].contains(&inner_ident.to_string().as_str()) =>
                {
                    rule(&inner, &inner_ident, &mut nested, false, errors)
                }
                Some(inner_ident) if ["keys", "values"].contains(&inner_ident.to_string().as_str()) => {
                    errors.spanned(
                        &inner_ident,
                        format!("`{inner_ident}(...)` cannot be nested inside `{ident}(...)`: rules reach one level into a map or list"),
                    );
                    skip_arguments(&inner)
                }
                _ => unknown_word(&inner, &format!("rule in `{ident}(...)`"), NESTED_RULE_WORDS, errors),
            })?;
            let slot = if ident == "keys" {
                &mut rules.keys
            } else {
                &mut rules.values
            };
            set_once(slot, (ident.clone(), Box::new(nested)), meta, errors);
        }
        "keys" | "values" => {
            errors.spanned(
                ident,
                format!(
                    "`{ident}(...)` cannot be nested: rules reach one level into a map or list"
                ),
            );
            skip_arguments(meta)?;
        }
        "required" | "default" | "rename" => {
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
            let words = if nesting {
                FIELD_WORDS
            } else {
                NESTED_RULE_WORDS
            };
            return unknown_word(meta, "rule", words, errors);
        }
    }
    Ok(())
}

/// Parses `(min = .., max = ..)`; either may be left out, not both.
fn bounds<T>(
    meta: &ParseNestedMeta,
    rule: &Ident,
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
        } else {
            return unknown_word(&bound, &format!("`{rule}` bound"), &["min", "max"], errors);
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

/// Stores `value` unless the slot already holds one, which is a duplicated option.
fn set_once<T>(slot: &mut Option<T>, value: T, meta: &ParseNestedMeta, errors: &mut Errors) {
    if slot.is_some() {
        let name = meta
            .path
            .get_ident()
            .map(Ident::to_string)
            .unwrap_or_default();
        errors.spanned(
            &meta.path,
            format!("`{name}` is given more than once here; give it once"),
        );
    } else {
        *slot = Some(value);
    }
}

/// Parses `= "..."`, or explains with `usage` (the option written correctly) what was expected.
fn string_value(meta: &ParseNestedMeta, usage: &str) -> syn::Result<LitStr> {
    let name = meta.path.to_token_stream().to_string();
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("`{name}` takes a string: `{usage}`")));
    }
    meta.value()?.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("`{name}` takes a string in quotes: `{usage}`"),
        )
    })
}

/// Parses `= path::to::function`; a quoted path (as serde writes it) gets its own hint.
fn function_path(meta: &ParseNestedMeta) -> syn::Result<syn::Path> {
    const USAGE: &str = "`custom = path::to::function`";
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("`custom` takes the function to call: {USAGE}")));
    }
    let value = meta.value()?;
    if value.peek(LitStr) {
        let lit: LitStr = value.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`custom` takes a path, not a string: write `custom = {}` without quotes",
                lit.value()
            ),
        ));
    }
    value.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("`custom` takes the path of a function: {USAGE}"),
        )
    })
}

/// Records an unknown name (suggesting the nearest valid one) and skips its arguments so that
/// parsing can go on.
fn unknown_word(
    meta: &ParseNestedMeta,
    kind: &str,
    words: &[&str],
    errors: &mut Errors,
) -> syn::Result<()> {
    let name = meta.path.to_token_stream().to_string().replace(' ', "");
    errors.spanned(&meta.path, suggest::unknown(kind, &name, words));
    skip_arguments(meta)
}

/// Consumes `= value` or `(...)` after a name.
fn skip_arguments(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
    }
    Ok(())
}

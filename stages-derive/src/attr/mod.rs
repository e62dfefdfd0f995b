//! The `#[model(...)]` grammar: attributes become rule values, spans kept for later errors.
//!
//! ```text
//! container: rename_all = "camelCase" | crate = "path" | deny_unknown_fields | skip_schema
//!            | custom = path::to::function          (structs: a rule over the whole value)
//!            | custom(path::to::function, schema = path::to::schema_function)
//!            | require(member, ..., when(member = LITERAL))  (structs; or `when(member)`)
//! field:     required | default | default = path | rename = "wire" | alias = "wire" | skip
//!            | flatten
//!            | skip_serializing_if = path | omit_empty | omit_default | RULE
//! variant:   rename = "wire" | alias = "wire" | other  (other: the catch-all `Name(String)`)
//! RULE:      length(min = N, max = N) | pattern = "regex" | contains = "text"
//!            | range(min = X, max = X) | finite | known | custom = function | custom = function(ARG, ...)
//!            | custom(function, schema = path::to::schema_function)
//!            | keys(RULE, ...) | values(RULE, ...)          (at any depth)
//! ```
//!
//! Every mistake is recorded and parsing goes on, so one compile reports them all.

mod container;
mod custom;
mod label;
mod rules;
mod serde_attrs;
mod syntax;

pub use serde_attrs::reject as reject_serde;

use proc_macro2::Span;
use syn::{Attribute, Ident, LitStr, Token};

pub use container::Require;
pub use label::{Label, Labels};
use rules::rule;
pub use rules::{Bounds, Count, Custom, Number, NumberLit, Rules};
use syntax::{function_path, set_once, string_value, unknown_word};

use crate::case::Case;
use crate::errors::Errors;
use crate::suggest;

const CONTAINER_WORDS: &[&str] = &[
    "rename_all",
    "crate",
    "deny_unknown_fields",
    "skip_schema",
    "custom",
    "require",
];
const VARIANT_WORDS: &[&str] = &["rename", "alias", "other"];
/// What a field says about itself (as opposed to rules on its value).
const FIELD_OPTIONS: &[&str] = &[
    "required",
    "flatten",
    "default",
    "rename",
    "alias",
    "skip",
    "skip_serializing_if",
    "omit_empty",
    "omit_default",
];
/// Everything a field accepts, for "did you mean".
const FIELD_WORDS: &[&str] = &[
    "required",
    "flatten",
    "default",
    "rename",
    "alias",
    "skip",
    "skip_serializing_if",
    "omit_empty",
    "omit_default",
    "length",
    "pattern",
    "contains",
    "range",
    "finite",
    "known",
    "custom",
    "keys",
    "values",
];

/// Options on the struct or enum itself.
#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<(Case, Span)>,
    pub krate: Option<syn::Path>,
    pub deny_unknown: Option<Span>,
    /// `skip_schema`: no `JsonSchema` impl, and patterns need no JSON Schema form.
    pub skip_schema: Option<Span>,
    /// `custom = path`: functions over the whole value; `keyword` is kept for errors.
    pub custom: Vec<(Ident, syn::Path)>,
    /// The schema form of each `custom` function, by position (`custom(path, schema = path)`).
    pub custom_schemas: Vec<Option<syn::Path>>,
    pub require: Vec<Require>,
}

/// Options and rules on one field.
#[derive(Default)]
pub struct FieldAttrs {
    pub required: Option<Ident>,
    /// `flatten`: the members of this struct-typed field sit in the enclosing object.
    pub flatten: Option<Ident>,
    /// `default`, with the function of `default = path` when given.
    pub default: Option<(Ident, Option<syn::Path>)>,
    pub rename: Option<LitStr>,
    /// Other names the member is accepted under when decoding.
    pub aliases: Vec<LitStr>,
    /// Never decoded, encoded or validated.
    pub skip: Option<Ident>,
    /// Left out of the output when this function says so.
    pub skip_serializing_if: Option<syn::Path>,
    /// Left out of the output when empty.
    pub omit_empty: Option<Ident>,
    /// Left out of the output when equal to the type's `Default`.
    pub omit_default: Option<Ident>,
    pub rules: Rules,
}

/// Options on one enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    pub rename: Option<LitStr>,
    /// Other values decoded as this variant.
    pub aliases: Vec<LitStr>,
    /// The catch-all that keeps a value the enum does not know.
    pub other: Option<Ident>,
}

/// The doc comment (`///` lines), one space of indentation removed, without its code
/// examples (fenced blocks; a colon that introduced one becomes a full stop); it becomes the
/// `description` of the schema.
pub fn doc(attrs: &[Attribute]) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut in_code = false;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        let syn::Meta::NameValue(syn::MetaNameValue {
            value:
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }),
            ..
        }) = &attr.meta
        else {
            continue;
        };
        let text = text.value();
        for line in text.split('\n') {
            let line = line.strip_prefix(' ').unwrap_or(line).trim_end();
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                // "... as this:" introduced the example just removed: the sentence ends.
                if let Some(last) = lines.iter_mut().rev().find(|line| !line.is_empty()) {
                    if in_code && last.ends_with(':') {
                        last.pop();
                        last.push('.');
                    }
                }
            } else if !in_code {
                lines.push(line.to_owned());
            }
        }
    }
    let text = lines.join("\n");
    // Paragraphs left empty by a removed example collapse into one break.
    let mut text = text.trim().to_owned();
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    (!text.is_empty()).then_some(text)
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
                "skip_schema" => set_once(&mut out.skip_schema, meta.path.segments[0].ident.span(), &meta, errors),
                "custom" => {
                    let keyword = meta.path.segments[0].ident.clone();
                    let (function, schema) = if meta.input.peek(syn::token::Paren) {
                        custom::container_custom_with_options(&meta)?
                    } else {
                        let usage = "`custom = path::to::function`";
                        (function_path(&meta, "custom", usage)?, None)
                    };
                    out.custom.push((keyword, function));
                    out.custom_schemas.push(schema);
                }
                "require" => out.require.push(container::require(&meta, errors)?),
                _ => return unknown_word(&meta, "container option", CONTAINER_WORDS, errors),
            }
            Ok(())
        });
        errors.keep(parsed);
    }
    out
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
                "default" => {
                    let function = if meta.input.peek(Token![=]) {
                        Some(function_path(&meta, "default", "`default = path::to::function`")?)
                    } else {
                        None
                    };
                    set_once(&mut out.default, (ident, function), &meta, errors);
                }
                "rename" => {
                    let lit = string_value(&meta, "rename = \"wireName\"")?;
                    set_once(&mut out.rename, lit, &meta, errors);
                }
                "alias" => out.aliases.push(string_value(&meta, "alias = \"oldName\"")?),
                "skip" => set_once(&mut out.skip, ident, &meta, errors),
                "skip_serializing_if" => {
                    let usage = "`skip_serializing_if = path::to::function`";
                    let function = function_path(&meta, "skip_serializing_if", usage)?;
                    set_once(&mut out.skip_serializing_if, function, &meta, errors);
                }
                "omit_empty" => set_once(&mut out.omit_empty, ident, &meta, errors),
                "omit_default" => set_once(&mut out.omit_default, ident, &meta, errors),
                "other" => errors.spanned(
                    &ident,
                    "`other` marks the variant of an enum that keeps unknown values; on a field, use \
                     `known` to reject an enum's unknown values instead",
                ),
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
            } else if meta.path.is_ident("alias") {
                out.aliases
                    .push(string_value(&meta, "alias = \"OLD_NAME\"")?);
                Ok(())
            } else if meta.path.is_ident("other") {
                set_once(
                    &mut out.other,
                    meta.path.segments[0].ident.clone(),
                    &meta,
                    errors,
                );
                Ok(())
            } else {
                unknown_word(&meta, "variant option", VARIANT_WORDS, errors)
            }
        });
        errors.keep(parsed);
    }
    out
}

//! Decisions that need the whole picture: does each rule fit its field's type, are the bounds
//! sound, does every field say what happens when its member is absent, are wire names unique.
//! The result is the [`Model`] that code generation reads; every error carries a span.

use std::collections::HashMap;

mod enums;
mod rules;

use quote::ToTokens;
use syn::{Ident, LitStr, Type};

use crate::ast::{self, Container};
use crate::case::Case;
use crate::errors::Errors;
use crate::shape;

pub use enums::Enum;
use rules::check_rules;
pub use rules::{Entries, Label, Pattern, Rules};

/// A checked model, ready to expand.
pub struct Model<'a> {
    pub ident: &'a Ident,
    /// The path generated code uses to reach the runtime crate.
    pub krate: syn::Path,
    pub body: Body<'a>,
}

pub enum Body<'a> {
    Struct {
        fields: Vec<Field<'a>>,
        deny_unknown: bool,
    },
    Enum(Enum<'a>),
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    /// The field's type as declared.
    pub ty: &'a Type,
    /// The type of the value when present: the `T` of `Option<T>`, or the declared type.
    pub value_ty: &'a Type,
    pub wire: String,
    pub presence: Presence,
    pub rules: Rules,
}

/// What happens when a member is absent or `null`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// A `required` violation.
    Required,
    /// The type's `Default`.
    Default,
    /// `None`: the field is an `Option`.
    Optional,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub wire: String,
}

/// Checks a parsed container, adding every problem to `errors`.
pub fn check<'a>(container: &Container<'a>, default_crate: &str, errors: &mut Errors) -> Model<'a> {
    let attrs = &container.attrs;
    let krate = attrs.krate.clone().unwrap_or_else(|| {
        let ident = syn::Ident::new(default_crate, proc_macro2::Span::call_site());
        syn::parse_quote!(::#ident)
    });
    let body = match &container.body {
        ast::Body::Struct(fields) => {
            let case = attrs.rename_all.map_or(Case::Camel, |(case, _)| case);
            let fields: Vec<Field> = fields
                .iter()
                .filter_map(|field| check_field(field, case, errors))
                .collect();
            unique_wire_names(
                fields
                    .iter()
                    .map(|field| (field.wire.as_str(), field.ident)),
                "field",
                errors,
            );
            Body::Struct {
                fields,
                deny_unknown: attrs.deny_unknown.is_some(),
            }
        }
        ast::Body::Enum(variants) => {
            if let Some(span) = attrs.deny_unknown {
                errors.at(
                    span,
                    "`deny_unknown_fields` applies to structs; an enum rejects unknown values unless a variant \
                     is marked `#[model(other)]`, so remove it",
                );
            }
            let case = attrs
                .rename_all
                .map_or(Case::ScreamingSnake, |(case, _)| case);
            Body::Enum(enums::check(variants, case, errors))
        }
    };
    Model {
        ident: container.ident,
        krate,
        body,
    }
}

fn check_field<'a>(field: &ast::Field<'a>, case: Case, errors: &mut Errors) -> Option<Field<'a>> {
    let attrs = &field.attrs;
    let option_inner = shape::option_inner(field.ty);
    let wire = wire_name(field.ident, attrs.rename.as_ref(), case, errors);
    let presence = presence(field, option_inner, &wire, errors);
    let value_ty = option_inner.unwrap_or(field.ty);
    let subject = format!("field `{}`", field.ident);
    let rules = check_rules(&attrs.rules, value_ty, &subject, errors);
    Some(Field {
        ident: field.ident,
        ty: field.ty,
        value_ty,
        wire,
        presence: presence?,
        rules,
    })
}

/// Decides what an absent member means, rejecting contradictory or missing choices.
fn presence(
    field: &ast::Field,
    option_inner: Option<&Type>,
    wire: &str,
    errors: &mut Errors,
) -> Option<Presence> {
    let attrs = &field.attrs;
    if !field.attrs_parsed {
        // The attribute that would have settled this may be the one that failed to parse.
        return None;
    }
    match (&attrs.required, &attrs.default, option_inner.is_some()) {
        (Some(required), _, true) => {
            errors.spanned(
                required,
                format!(
                    "`required` cannot apply to an `Option` field: `Option` means the member may be absent; \
                     remove `required`, or change the field's type from `{}` to `{}`",
                    type_text(field.ty),
                    option_inner.map(type_text).unwrap_or_default()
                ),
            );
            None
        }
        (None, Some(default), true) => {
            errors.spanned(
                default,
                "`default` is redundant on an `Option` field: an absent member is already `None`; \
                 remove `default`",
            );
            None
        }
        (Some(_), Some(default), false) => {
            errors.spanned(
                default,
                "`required` and `default` contradict each other: a required member is never absent, so its \
                 default is never used; keep one of them",
            );
            None
        }
        (Some(_), None, false) => Some(Presence::Required),
        (None, Some(_), false) => Some(Presence::Default),
        (None, None, true) => Some(Presence::Optional),
        (None, None, false) => {
            errors.spanned(
                field.ident,
                format!(
                    "field `{}` must say what happens when a document has no `{wire}`: add `#[model(required)]` \
                     to reject the document, `#[model(default)]` to use `Default::default()`, or make the type \
                     `Option<{}>`",
                    field.ident,
                    type_text(field.ty)
                ),
            );
            None
        }
    }
}

/// The wire name: the `rename`, or the Rust name in the container's case.
fn wire_name(ident: &Ident, rename: Option<&LitStr>, case: Case, errors: &mut Errors) -> String {
    match rename {
        Some(lit) => {
            let name = lit.value();
            if name.is_empty() {
                errors.spanned(
                    lit,
                    "a wire name cannot be empty: give the JSON name, or remove `rename` to derive it from the Rust name",
                );
            }
            name
        }
        None => case.apply(&ident.to_string()),
    }
}

/// Two members with one wire name could never both be decoded.
fn unique_wire_names<'a>(
    names: impl Iterator<Item = (&'a str, &'a Ident)>,
    what: &str,
    errors: &mut Errors,
) {
    let mut seen: HashMap<&str, &Ident> = HashMap::new();
    for (wire, ident) in names {
        if let Some(first) = seen.get(wire) {
            errors.spanned(
                ident,
                format!(
                    "{what} `{ident}` has the wire name `{wire}`, which {what} `{first}` already has; \
                     give one of them another name with `#[model(rename = \"...\")]`"
                ),
            );
        } else {
            seen.insert(wire, ident);
        }
    }
}

fn type_text(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("< ", "<")
}

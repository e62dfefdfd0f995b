//! Decisions that need the whole picture: does each rule fit its field's type, are the bounds
//! sound, does every field say what happens when its member is absent, are wire names unique.
//! The result is the [`Model`] that code generation reads; every error carries a span.

use std::collections::HashMap;

mod bounds;
mod container;
mod enums;
mod fields;
mod label;
mod map_keys;
mod rules;

use proc_macro2::Span;
use quote::ToTokens;
use syn::{Ident, LitStr, Type};

use crate::ast::{self, Container};
use crate::case::Case;
use crate::errors::Errors;

pub use container::{Compare, ContainerRules};
pub use enums::{CatchAllVariant, Enum};
use fields::check_field;
use rules::check_rules;
pub use rules::{Entries, Pattern, Rules};

/// A checked model, ready to expand.
pub struct Model<'a> {
    pub ident: &'a Ident,
    /// The path generated code uses to reach the runtime crate.
    pub krate: syn::Path,
    pub body: Body<'a>,
    /// Rules over the whole struct (empty for enums).
    pub rules: ContainerRules,
    /// Type parameters (and their where clause); lifetimes and constants are refused.
    pub generics: &'a syn::Generics,
    /// The doc comment, for the schema's `description`.
    pub doc: Option<String>,
    /// `skip_schema`: no `JsonSchema` impl.
    pub skip_schema: bool,
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
    /// Other names the member is decoded from.
    pub aliases: Vec<LitStr>,
    pub presence: Presence,
    /// The function of `default = path`, for `Default` and `Skipped` fields; `Default::default`
    /// when `None`.
    pub default: Option<syn::Path>,
    /// When the member is left out of the output, besides an absent `Option`.
    pub omit: Option<Omit>,
    pub rules: Rules,
    /// The doc comment, for the schema's `description`.
    pub doc: Option<String>,
}

/// What happens when a member is absent or `null`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// A `required` violation.
    Required,
    /// The field's default.
    Default,
    /// `None`: the field is an `Option`.
    Optional,
    /// `skip`: the field is not part of the wire format; it always takes its default.
    Skipped,
    /// The field is a struct whose members sit in the enclosing object (`flatten`).
    Flatten,
}

/// `omit_empty`, `omit_default` or `skip_serializing_if = path`.
pub enum Omit {
    /// When the value (inside the `Option`, if any) is empty; the attribute, for errors.
    Empty(Ident),
    /// When the value (inside the `Option`, if any) equals its type's `Default`.
    Default(Ident),
    /// When `path(&field)` returns true.
    If(syn::Path),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub wire: String,
    /// Other values decoded as this variant.
    pub aliases: Vec<LitStr>,
    /// The doc comment, for the schema's `description`.
    pub doc: Option<String>,
}

/// Checks a parsed container, adding every problem to `errors`.
pub fn check<'a>(container: &Container<'a>, default_crate: &str, errors: &mut Errors) -> Model<'a> {
    let attrs = &container.attrs;
    let krate = attrs.krate.clone().unwrap_or_else(|| {
        let ident = syn::Ident::new(default_crate, proc_macro2::Span::call_site());
        syn::parse_quote!(::#ident)
    });
    let mut rules = ContainerRules::default();
    let body = match &container.body {
        ast::Body::Struct(fields) => {
            let case = attrs.rename_all.map_or(Case::Camel, |(case, _)| case);
            let fields: Vec<Field> = fields
                .iter()
                .filter_map(|field| check_field(field, case, attrs.skip_schema.is_none(), errors))
                .collect();
            unique_wire_names(
                fields
                    .iter()
                    .filter(|field| {
                        !matches!(field.presence, Presence::Skipped | Presence::Flatten)
                    })
                    .flat_map(|field| {
                        std::iter::once((
                            field.wire.clone(),
                            field.ident,
                            Name::Wire,
                            field.ident.span(),
                        ))
                        .chain(
                            field.aliases.iter().map(|alias| {
                                (alias.value(), field.ident, Name::Alias, alias.span())
                            }),
                        )
                    }),
                "field",
                errors,
            );
            rules = container::check(attrs, &fields, errors);
            if attrs.skip_schema.is_none() {
                for error in fields.iter().flat_map(|field| field.rules.ecma_errors()) {
                    errors.push(syn::Error::new(
                        error.span(),
                        format!(
                            "{error}; or, if this model needs no JSON Schema (the derive writes \
                             one for every model, for the runtime's `schema` feature), mark it \
                             `#[model(skip_schema)]`"
                        ),
                    ));
                }
            }
            Body::Struct {
                fields,
                deny_unknown: attrs.deny_unknown.is_some(),
            }
        }
        ast::Body::Enum(variants) => {
            container::reject_on_enum(attrs, errors);
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
        rules,
        generics: container.generics,
        doc: container.doc.clone(),
        skip_schema: attrs.skip_schema.is_some(),
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

/// An alias names a member or value on the wire, so it cannot be empty.
fn nonempty_names(names: &[LitStr], errors: &mut Errors) {
    for name in names.iter().filter(|name| name.value().is_empty()) {
        errors.spanned(
            name,
            "an alias cannot be empty: give another JSON name the member is accepted under",
        );
    }
}

/// Whether a name a member or value is decoded from is its wire name or an alias.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Name {
    Wire,
    Alias,
}

impl Name {
    fn describe(self) -> &'static str {
        match self {
            Name::Wire => "the wire name",
            Name::Alias => "the alias",
        }
    }
}

/// Two members (or values) decoded from one name could never be told apart.
fn unique_wire_names<'a>(
    names: impl Iterator<Item = (String, &'a Ident, Name, Span)>,
    what: &str,
    errors: &mut Errors,
) {
    let mut seen: HashMap<String, (&Ident, Name)> = HashMap::new();
    for (wire, ident, name, span) in names {
        let Some(&(first, first_name)) = seen.get(&wire) else {
            seen.insert(wire, (ident, name));
            continue;
        };
        let message = if first == ident {
            format!(
                "`{wire}` is already {} of {what} `{ident}`; remove this alias",
                first_name.describe()
            )
        } else {
            let hint = match name {
                Name::Alias => "remove or change the alias",
                Name::Wire => "give one of them another name with `#[model(rename = \"...\")]`",
            };
            format!(
                "{what} `{ident}` has {} `{wire}`, which is already {} of {what} `{first}`; {hint}",
                name.describe(),
                first_name.describe()
            )
        };
        errors.at(span, message);
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

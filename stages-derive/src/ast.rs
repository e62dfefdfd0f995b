//! The input as the derive understands it: a container with named fields or variants, and
//! the attributes parsed on each. Shapes the derive cannot model are rejected here.

use syn::{Data, DeriveInput, Fields, GenericParam, Generics, Ident, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, VariantAttrs};
use crate::errors::Errors;

/// The type being derived.
pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub body: Body<'a>,
    /// The doc comment, for the schema's `description`.
    pub doc: Option<String>,
}

/// Fields of a struct or variants of an enum.
pub enum Body<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

/// One named field.
pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    /// The doc comment, for the schema's `description`.
    pub doc: Option<String>,
    /// False when the field's attributes had mistakes: what is missing from `attrs` is then
    /// unknown, and checks that rely on absence (such as "neither required nor default") would
    /// only repeat the mistake.
    pub attrs_parsed: bool,
}

/// One variant: a unit variant, or the catch-all that keeps unknown values (its fields are
/// checked with its attributes).
pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub fields: &'a Fields,
    pub attrs: VariantAttrs,
    /// The doc comment, for the schema's `description`.
    pub doc: Option<String>,
}

impl<'a> Container<'a> {
    /// Reads the input as far as it can, adding every mistake to `errors`, so that checking
    /// can go on and report its own findings in the same compile.
    pub fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Self {
        reject_generics(&input.generics, errors);
        attr::reject_serde(&input.attrs, errors);
        let attrs = attr::container(&input.attrs, errors);
        let body = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => Body::Struct(
                    named
                        .named
                        .iter()
                        .map(|field| {
                            let before = errors.count();
                            attr::reject_serde(&field.attrs, errors);
                            let attrs = attr::field(&field.attrs, errors);
                            Field {
                                ident: field.ident.as_ref().expect("named fields have names"),
                                ty: &field.ty,
                                attrs,
                                doc: attr::doc(&field.attrs),
                                attrs_parsed: errors.count() == before,
                            }
                        })
                        .collect(),
                ),
                Fields::Unnamed(fields) => {
                    errors.spanned(
                        fields,
                        "`Model` needs named fields: a JSON object's members are matched by name; \
                         use `struct Name { field: Type }`",
                    );
                    Body::Struct(Vec::new())
                }
                Fields::Unit => {
                    errors.spanned(
                        &input.ident,
                        "`Model` needs named fields; a unit struct has nothing to decode: \
                         use `struct Name {}` for an empty object",
                    );
                    Body::Struct(Vec::new())
                }
            },
            Data::Enum(data) => {
                if data.variants.is_empty() {
                    errors.spanned(
                        &input.ident,
                        "`Model` on an enum needs at least one variant to decode into",
                    );
                }
                Body::Enum(
                    data.variants
                        .iter()
                        .map(|variant| {
                            if let Some((_, discriminant)) = &variant.discriminant {
                                errors.spanned(discriminant, "a `Model` enum is a JSON string (a variant's wire name), not a number: remove the discriminant");
                            }
                            attr::reject_serde(&variant.attrs, errors);
                            Variant {
                                ident: &variant.ident,
                                fields: &variant.fields,
                                attrs: attr::variant(&variant.attrs, errors),
                                doc: attr::doc(&variant.attrs),
                            }
                        })
                        .collect(),
                )
            }
            Data::Union(data) => {
                errors.spanned(
                    data.union_token,
                    "`Model` cannot be derived for a union: use a struct with named fields or a fieldless enum",
                );
                Body::Struct(Vec::new())
            }
        };
        Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            body,
            doc: attr::doc(&input.attrs),
        }
    }
}

/// Type parameters are supported; lifetimes and constant parameters are not (a model owns its
/// values and decodes from any document).
fn reject_generics(generics: &Generics, errors: &mut Errors) {
    for param in &generics.params {
        match param {
            GenericParam::Lifetime(lifetime) => errors.spanned(
                lifetime,
                "`Model` does not support lifetime parameters: a model owns its values (use \
                 `String`, not `&str`), so that it decodes from any document",
            ),
            GenericParam::Const(constant) => errors.spanned(
                constant,
                "`Model` does not support constant parameters; use a type parameter or a \
                 concrete type",
            ),
            GenericParam::Type(_) => {}
        }
    }
}

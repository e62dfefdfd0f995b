//! Enums: every variant is a unit variant named by its wire value, except at most one catch-all
//! (`#[model(other)] Unknown(String)`) that keeps a value the enum does not know.

use syn::{Fields, Ident};

use super::{nonempty_names, type_text, unique_wire_names, wire_name, Name, Variant};
use crate::ast;
use crate::case::Case;
use crate::errors::Errors;
use crate::shape;

/// A checked enum.
pub struct Enum<'a> {
    /// The variants with a wire value, in declaration order.
    pub variants: Vec<Variant<'a>>,
    /// The catch-all variant, whose one field holds an unknown value as it was written.
    pub other: Option<&'a Ident>,
}

/// Checks the variants of an enum.
pub fn check<'a>(variants: &[ast::Variant<'a>], case: Case, errors: &mut Errors) -> Enum<'a> {
    let mut out = Enum {
        variants: Vec::new(),
        other: None,
    };
    for variant in variants {
        match &variant.attrs.other {
            Some(marker) => {
                if let Some(first) = out.other {
                    errors.spanned(
                        marker,
                        format!(
                            "only one variant can keep unknown values, and `{first}` already does; \
                             remove `other` from `{}`",
                            variant.ident
                        ),
                    );
                } else if catch_all(variant, errors) {
                    out.other = Some(variant.ident);
                }
            }
            None => {
                nonempty_names(&variant.attrs.aliases, errors);
                if !matches!(variant.fields, Fields::Unit) {
                    errors.spanned(
                        variant.fields,
                        format!(
                            "a `Model` enum is a JSON string (a variant's wire name), so variants cannot \
                             carry data; make `{0}` a unit variant, or mark it `#[model(other)]` and write \
                             `{0}(String)` to keep values the enum does not know",
                            variant.ident
                        ),
                    );
                }
                out.variants.push(Variant {
                    ident: variant.ident,
                    wire: wire_name(variant.ident, variant.attrs.rename.as_ref(), case, errors),
                    aliases: variant.attrs.aliases.clone(),
                    doc: variant.doc.clone(),
                });
            }
        }
    }
    if let (Some(other), true) = (out.other, out.variants.is_empty()) {
        errors.spanned(
            other,
            "an enum needs at least one known value besides the variant that keeps unknown ones",
        );
    }
    unique_wire_names(
        out.variants.iter().flat_map(|variant| {
            std::iter::once((
                variant.wire.clone(),
                variant.ident,
                Name::Wire,
                variant.ident.span(),
            ))
            .chain(
                variant
                    .aliases
                    .iter()
                    .map(|alias| (alias.value(), variant.ident, Name::Alias, alias.span())),
            )
        }),
        "variant",
        errors,
    );
    out
}

/// Whether the variant marked `other` has the one shape that can keep a wire value: a single
/// unnamed `String` (or `UnknownValue`) field, and no wire name of its own.
fn catch_all(variant: &ast::Variant, errors: &mut Errors) -> bool {
    let mut ok = true;
    let names = (variant.attrs.rename.iter().map(|lit| (lit, "rename")))
        .chain(variant.attrs.aliases.iter().map(|lit| (lit, "alias")));
    for (lit, option) in names {
        errors.spanned(
            lit,
            format!(
                "the variant that keeps unknown values has no wire name of its own (it writes back the \
                 value it kept); remove `{option}`"
            ),
        );
        ok = false;
    }
    let usage = format!("`{}(String)`", variant.ident);
    match variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            let ty = &fields.unnamed[0].ty;
            if !is_string(ty) {
                errors.spanned(
                    ty,
                    format!(
                        "the variant that keeps unknown values holds the value as it was written, so its \
                         field is a `String` or an `UnknownValue`, not `{}`; write {usage}",
                        type_text(ty)
                    ),
                );
                ok = false;
            }
        }
        Fields::Unit => {
            errors.spanned(
                variant.ident,
                format!(
                    "`other` keeps the unknown value, so the variant needs a field to hold it: write {usage}"
                ),
            );
            ok = false;
        }
        fields => {
            errors.spanned(
                fields,
                format!("the variant that keeps unknown values has exactly one unnamed field: write {usage}"),
            );
            ok = false;
        }
    }
    ok
}

/// `String` or the runtime's `UnknownValue`, however it is spelt (`String`,
/// `std::string::String`, `stages_runtime::UnknownValue`).
fn is_string(ty: &syn::Type) -> bool {
    let named = |name: &str| matches!(ty, syn::Type::Path(path) if path.path.segments.last().is_some_and(|last| last.ident == name));
    (matches!(shape::kind(ty), shape::Kind::Str) && named("String")) || named("UnknownValue")
}

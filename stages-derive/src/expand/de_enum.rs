//! The `Decode` body of an enum: the wire string read once and matched to its variant. A closed
//! enum records an unknown value as a violation; an open one (with a `#[model(other)]` variant)
//! keeps it in its catch-all. Kept apart from `de.rs`, whose struct decoder shares none of it.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use super::keep_text;
use crate::check::{CatchAllVariant, Variant};

/// Every value an enum decodes from, wire values first (in order) then aliases, with the
/// variant each decodes to; and the wire values listed for messages.
fn enum_values<'a>(variants: &'a [Variant]) -> (Vec<(String, &'a Ident)>, String) {
    let values = variants
        .iter()
        .map(|variant| (variant.wire.clone(), variant.ident))
        .chain(variants.iter().flat_map(|variant| {
            variant
                .aliases
                .iter()
                .map(move |alias| (alias.value(), variant.ident))
        }))
        .collect();
    let expected = variants
        .iter()
        .map(|variant| variant.wire.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    (values, expected)
}

/// A closure from a wire value to its variant: a `match` on strings, which rustc compiles to a
/// dispatch on length and a few word comparisons.
fn known_values(values: &[(String, &Ident)]) -> TokenStream {
    let arms = values.iter().map(|(value, variant_ident)| {
        quote!(#value => ::core::option::Option::Some(Self::#variant_ident),)
    });
    quote! {
        |__value: &str| match __value {
            #(#arms)*
            _ => ::core::option::Option::None,
        }
    }
}

/// A closed enum: a known value becomes its variant, any other is a violation.
pub(super) fn enum_body(variants: &[Variant], rt: &TokenStream) -> TokenStream {
    let de = quote!(#rt::de);
    let (values, expected) = enum_values(variants);
    let known = known_values(&values);
    // An unknown value was recorded as a violation: the enum is invalid (`None`), and no
    // variant stands in for it.
    quote! {
        __deserializer.deserialize_str(#de::EnumValue::new(#known, #expected))
    }
}

/// An enum with a catch-all: a known value becomes its variant, any other string is kept.
pub(super) fn open_enum_body(
    variants: &[Variant],
    other: &CatchAllVariant,
    rt: &TokenStream,
) -> TokenStream {
    let (values, expected) = enum_values(variants);
    let known = known_values(&values);
    let (variant, kept) = (other.ident, keep_text(other, quote!(__unknown), rt));
    quote! {
        let __value = __deserializer.deserialize_str(#rt::open_enum::OpenValue::new(#known, #expected))?;
        ::core::result::Result::Ok(::core::option::Option::Some(match __value {
            ::core::result::Result::Ok(__known) => __known,
            ::core::result::Result::Err(__unknown) => Self::#variant(#kept),
        }))
    }
}

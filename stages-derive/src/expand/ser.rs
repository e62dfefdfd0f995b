//! `Serialize`: members under their wire names, absent `Option`s left out (never `null`), and
//! members the author asked to omit (`omit_empty`, `skip_serializing_if`) left out when so.

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::{self, Header};
use super::{respan, runtime};
use crate::check::{Body, Enum, Field, Model, Omit, Presence};

/// When a member with `omit_empty` or `skip_serializing_if` is written: a condition on
/// `__value` (the value inside an `Option`) or on the field itself. `None` for other members.
fn kept(field: &Field, rt: &TokenStream) -> Option<TokenStream> {
    let ident = field.ident;
    let value = match field.presence {
        Presence::Optional => quote!(__value),
        _ => quote!((&self.#ident)),
    };
    Some(match field.omit.as_ref()? {
        Omit::Empty(attribute) => {
            let ty = field.value_ty;
            let test = respan(
                quote!(<#ty as #rt::IsEmpty>::is_empty_value),
                attribute.span(),
            );
            quote!(!#test(#value))
        }
        Omit::Default(attribute) => {
            let ty = field.value_ty;
            let test = respan(
                quote!(<#ty as #rt::IsDefault>::is_default_value),
                attribute.span(),
            );
            quote!(!#test(#value))
        }
        Omit::If(path) => quote!(!#path(&self.#ident)),
    })
}

pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let ident = model.ident;
    let name = ident.to_string();
    let body = match &model.body {
        Body::Struct { fields, .. } => {
            let on_wire = || {
                fields
                    .iter()
                    .filter(|field| field.presence != Presence::Skipped)
            };
            // The length serde is told: members always written, plus those written on a
            // condition (an `Option`'s presence, an omission the author asked for).
            let always = on_wire()
                .filter(|field| field.presence != Presence::Optional && kept(field, &rt).is_none())
                .count();
            let counted = on_wire().filter_map(|field| {
                let ident = field.ident;
                match (field.presence, kept(field, &rt)) {
                    (Presence::Optional, None) => {
                        Some(quote!(+ ::core::primitive::usize::from(self.#ident.is_some())))
                    }
                    (Presence::Optional, Some(keep)) => Some(
                        quote!(+ ::core::primitive::usize::from(matches!(&self.#ident, ::core::option::Option::Some(__value) if #keep))),
                    ),
                    (_, Some(keep)) => Some(quote!(+ ::core::primitive::usize::from(#keep))),
                    (_, None) => None,
                }
            });
            let writes = on_wire().map(|field| {
                let ident = field.ident;
                let wire = &field.wire;
                match (field.presence, kept(field, &rt)) {
                    (Presence::Optional, None) => quote! {
                        match &self.#ident {
                            ::core::option::Option::Some(__value) => __state.serialize_field(#wire, __value)?,
                            ::core::option::Option::None => __state.skip_field(#wire)?,
                        }
                    },
                    (Presence::Optional, Some(keep)) => quote! {
                        match &self.#ident {
                            ::core::option::Option::Some(__value) if #keep => __state.serialize_field(#wire, __value)?,
                            _ => __state.skip_field(#wire)?,
                        }
                    },
                    (_, Some(keep)) => quote! {
                        if #keep {
                            __state.serialize_field(#wire, &self.#ident)?;
                        } else {
                            __state.skip_field(#wire)?;
                        }
                    },
                    (_, None) => quote! {
                        __state.serialize_field(#wire, &self.#ident)?;
                    },
                }
            });
            quote! {
                use #rt::serde::ser::SerializeStruct as _;
                let mut __state = __serializer.serialize_struct(#name, #always #(#counted)*)?;
                #(#writes)*
                __state.end()
            }
        }
        Body::Enum(Enum { variants, other }) => {
            let arms = variants.iter().enumerate().map(|(index, variant)| {
                let variant_ident = variant.ident;
                let wire = &variant.wire;
                let index = index as u32;
                quote!(Self::#variant_ident => __serializer.serialize_unit_variant(#name, #index, #wire))
            });
            // The catch-all writes back the value it kept, unchanged.
            let other = other
                .map(|other| quote!(Self::#other(__value) => __serializer.serialize_str(__value)));
            quote! {
                match self {
                    #(#arms,)*
                    #other
                }
            }
        }
    };
    let Header { params, ty, bounds } =
        generics::header(model, &quote!(#rt::serde::Serialize), false);
    quote! {
        #[automatically_derived]
        impl #params #rt::serde::Serialize for #ty #bounds {
            fn serialize<__S: #rt::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #body
            }
        }
    }
}

//! `Serialize`: members under their wire names, absent `Option`s left out (never `null`), and
//! members the author asked to omit (`omit_empty`, `omit_default`, `skip_serializing_if`) left
//! out when so.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::generics::{self, Header};
use super::{kept_text, respan, runtime};
use crate::check::{Body, Enum, Field, Model, Omit, Presence};

/// When a member with an omission is written: a condition on `__value` (the value inside an
/// `Option`) or on the field itself. `None` for other members.
pub(super) fn kept(field: &Field, rt: &TokenStream) -> Option<TokenStream> {
    let ident = field.ident;
    let value = match field.presence {
        Presence::Optional => quote!(__value),
        _ => quote!((&self.#ident)),
    };
    let test = |attribute: &syn::Ident, check: TokenStream| {
        let test = respan(check, attribute.span());
        quote!(!#test(#value))
    };
    let ty = field.value_ty;
    Some(match field.omit.as_ref()? {
        Omit::Empty(attribute) => test(attribute, quote!(<#ty as #rt::IsEmpty>::is_empty_value)),
        Omit::Default(attribute) => {
            test(attribute, quote!(<#ty as #rt::IsDefault>::is_default_value))
        }
        Omit::If(path) => quote!(!#path(&self.#ident)),
    })
}

pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let ident = model.ident;
    let name = ident.to_string();
    let mut members = TokenStream::new();
    let body = match &model.body {
        Body::Struct { fields, .. } => {
            members = serialize_members(model, fields, &rt);
            quote! {
                use #rt::serde::ser::SerializeStruct as _;
                use #rt::ser::SerializeMembers as _;
                let mut __state = __serializer.serialize_struct(#name, self.member_count())?;
                self.serialize_members(&mut __state)?;
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
            let other = other.map(|other| {
                let (variant, text) = (other.ident, kept_text(&other, quote!(__value), &rt));
                quote!(Self::#variant(__value) => __serializer.serialize_str(#text))
            });
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
        #members

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

/// `SerializeMembers`: the members under their wire names; a flattened struct writes its own.
fn serialize_members(model: &Model, fields: &[Field], rt: &TokenStream) -> TokenStream {
    // The length serde is told: members always written, plus those written on a condition (an
    // `Option`'s presence, an omission the author asked for, a flattened struct's members).
    let always = fields
        .iter()
        .filter(|field| {
            matches!(field.presence, Presence::Required | Presence::Default)
                && kept(field, rt).is_none()
        })
        .count();
    let counted = fields.iter().filter_map(|field| {
        let ident = field.ident;
        match (field.presence, kept(field, rt)) {
            (Presence::Optional, None) => {
                Some(quote!(+ ::core::primitive::usize::from(self.#ident.is_some())))
            }
            (Presence::Optional, Some(keep)) => Some(
                quote!(+ ::core::primitive::usize::from(matches!(&self.#ident, ::core::option::Option::Some(__value) if #keep))),
            ),
            (Presence::Flatten, _) => {
                Some(quote!(+ #rt::ser::SerializeMembers::member_count(&self.#ident)))
            }
            (Presence::Required | Presence::Default, Some(keep)) => {
                Some(quote!(+ ::core::primitive::usize::from(#keep)))
            }
            (Presence::Required | Presence::Default | Presence::Skipped, _) => None,
        }
    });
    let writes = fields.iter().map(|field| {
        let ident = field.ident;
        let wire = &field.wire;
        // The value as written on the wire (see `ser::Member`), spanned at the field's type.
        let written = |value: TokenStream| {
            quote_spanned!(field.value_ty.span()=> &(&#rt::ser::Member(#value)).__stages_wire())
        };
        let written_value = written(quote!(__value));
        let written_field = written(quote!(&self.#ident));
        // Spanned likewise: the call is where a value without `Serialize` fails.
        let serialize_field = quote_spanned!(field.value_ty.span()=> serialize_field);
        match (field.presence, kept(field, rt)) {
            (Presence::Optional, None) => quote! {
                match &self.#ident {
                    ::core::option::Option::Some(__value) => __state.#serialize_field(#wire, #written_value)?,
                    ::core::option::Option::None => __state.skip_field(#wire)?,
                }
            },
            (Presence::Optional, Some(keep)) => quote! {
                match &self.#ident {
                    ::core::option::Option::Some(__value) if #keep => __state.#serialize_field(#wire, #written_value)?,
                    _ => __state.skip_field(#wire)?,
                }
            },
            (Presence::Required | Presence::Default, Some(keep)) => quote! {
                if #keep {
                    __state.#serialize_field(#wire, #written_field)?;
                } else {
                    __state.skip_field(#wire)?;
                }
            },
            (Presence::Required | Presence::Default, None) => quote! {
                __state.#serialize_field(#wire, #written_field)?;
            },
            (Presence::Flatten, _) => quote! {
                #rt::ser::SerializeMembers::serialize_members(&self.#ident, __state)?;
            },
            // Not on the wire.
            (Presence::Skipped, _) => TokenStream::new(),
        }
    });
    let Header { params, ty, bounds } =
        generics::header(model, &quote!(#rt::serde::Serialize), false);
    quote! {
        #[automatically_derived]
        impl #params #rt::ser::SerializeMembers for #ty #bounds {
            #[inline]
            fn member_count(&self) -> usize {
                #always #(#counted)*
            }

            #[inline]
            fn serialize_members<__S: #rt::serde::ser::SerializeStruct>(
                &self,
                __state: &mut __S,
            ) -> ::core::result::Result<(), __S::Error> {
                #[allow(unused_imports)]
                use #rt::ser::{AsRfc3339 as _, AsSerialize as _};
                #(#writes)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

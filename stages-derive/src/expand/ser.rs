//! `Serialize`: members under their wire names, absent `Option`s left out (never `null`).

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::{self, Header};
use super::runtime;
use crate::check::{Body, Field, Model, Presence};

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
        Body::Enum(variants) => {
            let arms = variants.iter().enumerate().map(|(index, variant)| {
                let variant_ident = variant.ident;
                let wire = &variant.wire;
                let index = index as u32;
                quote!(Self::#variant_ident => __serializer.serialize_unit_variant(#name, #index, #wire))
            });
            quote! {
                match self {
                    #(#arms,)*
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
    let always = fields
        .iter()
        .filter(|field| matches!(field.presence, Presence::Required | Presence::Default))
        .count();
    let counted = fields.iter().filter_map(|field| {
        let ident = field.ident;
        match field.presence {
            Presence::Optional => {
                Some(quote!(+ ::core::primitive::usize::from(self.#ident.is_some())))
            }
            Presence::Flatten => {
                Some(quote!(+ #rt::ser::SerializeMembers::member_count(&self.#ident)))
            }
            Presence::Required | Presence::Default => None,
        }
    });
    let writes = fields.iter().map(|field| {
        let ident = field.ident;
        let wire = &field.wire;
        match field.presence {
            Presence::Optional => quote! {
                match &self.#ident {
                    ::core::option::Option::Some(__value) => __state.serialize_field(#wire, __value)?,
                    ::core::option::Option::None => __state.skip_field(#wire)?,
                }
            },
            Presence::Required | Presence::Default => quote! {
                __state.serialize_field(#wire, &self.#ident)?;
            },
            Presence::Flatten => quote! {
                #rt::ser::SerializeMembers::serialize_members(&self.#ident, __state)?;
            },
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
                #(#writes)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

//! `Serialize`: members under their wire names, absent `Option`s left out (never `null`).

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::{self, Header};
use super::runtime;
use crate::check::{Body, Model, Presence};

pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let ident = model.ident;
    let name = ident.to_string();
    let body = match &model.body {
        Body::Struct { fields, .. } => {
            let always = fields
                .iter()
                .filter(|field| field.presence != Presence::Optional)
                .count();
            let counted = fields
                .iter()
                .filter(|field| field.presence == Presence::Optional)
                .map(|field| {
                    let ident = field.ident;
                    quote!(+ ::core::primitive::usize::from(self.#ident.is_some()))
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
                }
            });
            quote! {
                use #rt::serde::ser::SerializeStruct as _;
                let mut __state = __serializer.serialize_struct(#name, #always #(#counted)*)?;
                #(#writes)*
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

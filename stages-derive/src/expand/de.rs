//! `Deserialize`: a map visitor that records what is missing or unknown and goes on, wrapped in
//! the runtime's `decode`, which validates the finished root value and reports everything.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Type;

use super::runtime;
use crate::check::{Body, Field, Model, Presence, Variant};
use crate::shape::{self, Kind};

pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let ident = model.ident;
    let (members, body) = match &model.body {
        Body::Struct {
            fields,
            deny_unknown,
        } => (
            decode_members(model, fields, *deny_unknown, &rt),
            struct_body(model, &rt),
        ),
        Body::Enum(variants) => (TokenStream::new(), enum_body(variants, &rt)),
    };
    quote! {
        #members

        #[automatically_derived]
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #body
            }
        }
    }
}

/// `deserialize` for a struct: a map visitor handing over to `DecodeMembers`, inside the
/// runtime's `decode`.
fn struct_body(model: &Model, rt: &TokenStream) -> TokenStream {
    let ident = model.ident;
    let name = ident.to_string();
    let expecting = format!("a JSON object for {name}");
    let de = quote!(#rt::de);
    quote! {
        struct __Visitor;
        impl<'de> #rt::serde::de::Visitor<'de> for __Visitor {
            type Value = #ident;

            fn expecting(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __formatter.write_str(#expecting)
            }

            fn visit_map<__A: #rt::serde::de::MapAccess<'de>>(
                self,
                __map: __A,
            ) -> ::core::result::Result<#ident, __A::Error> {
                <#ident as #de::DecodeMembers>::decode_members(__map)
            }
        }
        #de::decode(__deserializer, |__deserializer| {
            __deserializer.deserialize_struct(
                #name,
                <#ident as #de::DecodeMembers>::MEMBERS,
                __Visitor,
            )
        })
    }
}

/// The members of a struct, decoded by a `DecodeMembers` impl for the model.
fn decode_members(
    model: &Model,
    fields: &[Field],
    deny_unknown: bool,
    rt: &TokenStream,
) -> TokenStream {
    let ident = model.ident;
    let de = quote!(#rt::de);
    let wires: Vec<&str> = fields.iter().map(|field| field.wire.as_str()).collect();
    let slots: Vec<_> = (0..fields.len())
        .map(|index| quote::format_ident!("__slot{}", index))
        .collect();
    let declarations = fields.iter().zip(&slots).map(|(field, slot)| {
        let value_ty = field.value_ty;
        quote!(let mut #slot: ::core::option::Option<::core::option::Option<#value_ty>> = ::core::option::Option::None;)
    });
    let arms = fields.iter().zip(&slots).enumerate().map(|(index, (field, slot))| {
        let wire = &field.wire;
        let seed = seed(field.value_ty, rt);
        quote!(#de::Member::Known(#index) => #de::member(&mut __map, #wire, &mut #slot, #seed)?,)
    });
    let inits = fields.iter().zip(&slots).map(|(field, slot)| {
        let field_ident = field.ident;
        let wire = &field.wire;
        let ty = field.ty;
        // The `Default` bound is spanned on the field's type, so a type without it is reported
        // there, not on the derive.
        let value = match field.presence {
            Presence::Required => quote_spanned! {ty.span()=>
                #de::required(#slot, #wire, <#ty as ::core::default::Default>::default)
            },
            Presence::Default => quote_spanned! {ty.span()=>
                #de::or_default(#slot, <#ty as ::core::default::Default>::default)
            },
            Presence::Optional => quote!(#de::optional(#slot)),
        };
        quote!(#field_ident: #value,)
    });
    let positions = wires
        .iter()
        .enumerate()
        .map(|(index, wire)| quote!(#wire => ::core::option::Option::Some(#index),));
    // The members are decoded in an impl for the model itself, where `Self` in a field's type
    // means the model, as the user wrote it.
    quote! {
        #[automatically_derived]
        impl #de::DecodeMembers for #ident {
            const MEMBERS: &'static [&'static str] = &[#(#wires),*];

            fn decode_members<'de, __A: #rt::serde::de::MapAccess<'de>>(
                mut __map: __A,
            ) -> ::core::result::Result<Self, __A::Error> {
                fn __position(__name: &str) -> ::core::option::Option<usize> {
                    match __name {
                        #(#positions)*
                        _ => ::core::option::Option::None,
                    }
                }
                #(#declarations)*
                while let ::core::option::Option::Some(__member) =
                    __map.next_key_seed(#de::MemberKey::new(__position, #deny_unknown))?
                {
                    match __member {
                        #(#arms)*
                        __other => #de::unknown(&mut __map, __other, Self::MEMBERS)?,
                    }
                }
                ::core::result::Result::Ok(Self { #(#inits)* })
            }
        }
    }
}
/// The seed that decodes a member's value: lists and maps, at any depth, put indexes and keys
/// on paths, and date-times are read as RFC 3339.
fn seed(ty: &Type, rt: &TokenStream) -> TokenStream {
    let de = quote!(#rt::de);
    if shape::is_utc_date_time(ty) {
        return quote_spanned!(ty.span()=> #de::timestamp());
    }
    match shape::kind(ty) {
        Kind::Seq { item } => {
            let item = seed(item, rt);
            quote_spanned!(ty.span()=> #de::seq(#item))
        }
        Kind::Map { value, .. } => {
            let value = seed(value, rt);
            quote_spanned!(ty.span()=> #de::map::<#ty, _>(#value))
        }
        // Integers read `-0` as 0, which serde's own integer visitors refuse.
        Kind::Int(_) => quote_spanned!(ty.span()=> #rt::number::integer::<#ty>()),
        _ => quote_spanned!(ty.span()=> #de::plain::<#ty>()),
    }
}

fn enum_body(variants: &[Variant], rt: &TokenStream) -> TokenStream {
    let de = quote!(#rt::de);
    let wires: Vec<&str> = variants
        .iter()
        .map(|variant| variant.wire.as_str())
        .collect();
    let expected = wires.join(", ");
    let arms = variants.iter().enumerate().map(|(index, variant)| {
        let variant_ident = variant.ident;
        quote!(::core::option::Option::Some(#index) => Self::#variant_ident,)
    });
    // An unknown value was recorded as a violation and the root decoder will fail; the first
    // variant only stands in so that decoding can go on.
    let stand_in = variants
        .first()
        .map(|variant| variant.ident)
        .expect("enums have a variant (checked)");
    quote! {
        const __VALUES: &[&str] = &[#(#wires),*];
        #de::decode(__deserializer, |__deserializer| {
            let __position = __deserializer.deserialize_str(#de::EnumValue::new(__VALUES, #expected))?;
            ::core::result::Result::Ok(match __position {
                #(#arms)*
                _ => Self::#stand_in,
            })
        })
    }
}

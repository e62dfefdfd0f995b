//! `Deserialize`: a map visitor that records what is missing or unknown and goes on, wrapped in
//! the runtime's `decode`, which validates the finished root value and reports everything.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Type;

use super::runtime;
use syn::Ident;

use crate::check::{Body, Enum, Field, Model, Presence, Variant};
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
        Body::Enum(Enum {
            variants,
            other: None,
        }) => (TokenStream::new(), enum_body(variants, &rt)),
        Body::Enum(Enum {
            variants,
            other: Some(other),
        }) => (TokenStream::new(), open_enum_body(variants, other, &rt)),
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
    // Skipped fields are not on the wire: no slot, no name.
    let slots: Vec<_> = fields
        .iter()
        .enumerate()
        .filter(|(_, field)| field.presence != Presence::Skipped)
        .map(|(index, field)| (field, quote::format_ident!("__slot{}", index)))
        .collect();
    let wires: Vec<&str> = slots.iter().map(|(field, _)| field.wire.as_str()).collect();
    // Every name a member is decoded from: wire names first, in order, then aliases. Paths
    // always use the wire name, as `validate()` does, so that one member has one path.
    let names: Vec<(String, usize)> = slots
        .iter()
        .enumerate()
        .map(|(slot, (field, _))| (field.wire.clone(), slot))
        .chain(slots.iter().enumerate().flat_map(|(slot, (field, _))| {
            field.aliases.iter().map(move |alias| (alias.value(), slot))
        }))
        .collect();
    let declarations = slots.iter().map(|(field, slot)| {
        let value_ty = field.value_ty;
        quote!(let mut #slot: ::core::option::Option<::core::option::Option<#value_ty>> = ::core::option::Option::None;)
    });
    let arms = names.iter().enumerate().map(|(index, (_, slot))| {
        let (field, slot) = &slots[*slot];
        let wire = &field.wire;
        let seed = seed(field.value_ty, rt);
        quote!(#de::Member::Known(#index) => #de::member(&mut __map, #wire, &mut #slot, #seed)?,)
    });
    let inits = fields.iter().enumerate().map(|(index, field)| {
        let field_ident = field.ident;
        let wire = &field.wire;
        let ty = field.ty;
        let slot = quote::format_ident!("__slot{}", index);
        // The `Default` bound is spanned on the field's type, so a type without it is reported
        // there, not on the derive.
        let default = match &field.default {
            Some(path) => quote!(#path),
            None => quote_spanned!(ty.span()=> <#ty as #rt::FieldDefault>::field_default),
        };
        let value = match field.presence {
            Presence::Required => quote_spanned! {ty.span()=>
                #de::required(#slot, #wire, <#ty as ::core::default::Default>::default)
            },
            Presence::Default => quote!(#de::or_default(#slot, #default)),
            Presence::Optional => quote!(#de::optional(#slot)),
            Presence::Skipped => quote!(#default()),
        };
        quote!(#field_ident: #value,)
    });
    let positions = names
        .iter()
        .enumerate()
        .map(|(index, (name, _))| quote!(#name => ::core::option::Option::Some(#index),));
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

fn enum_body(variants: &[Variant], rt: &TokenStream) -> TokenStream {
    let de = quote!(#rt::de);
    let (values, expected) = enum_values(variants);
    let wires = values.iter().map(|(value, _)| value);
    let arms = values.iter().enumerate().map(|(index, (_, variant_ident))| {
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

/// An enum with a catch-all: a known value becomes its variant, any other string is kept.
fn open_enum_body(variants: &[Variant], other: &Ident, rt: &TokenStream) -> TokenStream {
    let de = quote!(#rt::de);
    let (values, expected) = enum_values(variants);
    let wires = values.iter().map(|(value, _)| value);
    // The visitor only returns positions of `__VALUES`: the last value's variant takes the
    // remaining one, which keeps the `match` exhaustive without an arm that cannot run.
    let ((_, last), rest) = values
        .split_last()
        .expect("an open enum has a known value (checked)");
    let arms = rest.iter().enumerate().map(|(index, (_, variant_ident))| {
        quote!(::core::result::Result::Ok(#index) => Self::#variant_ident,)
    });
    quote! {
        const __VALUES: &[&str] = &[#(#wires),*];
        #de::decode(__deserializer, |__deserializer| {
            let __value = __deserializer.deserialize_str(#rt::open_enum::OpenValue::new(__VALUES, #expected))?;
            ::core::result::Result::Ok(match __value {
                #(#arms)*
                ::core::result::Result::Ok(_) => Self::#last,
                ::core::result::Result::Err(__unknown) => Self::#other(__unknown),
            })
        })
    }
}

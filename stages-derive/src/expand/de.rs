//! `Deserialize`: a `Decode` impl that records what is missing, unknown or breaks a rule and goes
//! on, never making a value up, and a `Deserialize` impl that hands it to the runtime's `root`,
//! which reports everything.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Type;

use super::container::{self, Source};
use super::de_enum::{enum_body, open_enum_body};
use super::generics::{self, Header};
use super::{runtime, validate};

use crate::check::{Body, Enum, Field, Model, Presence};
use crate::shape::{self, Kind};

pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let de = quote!(#rt::de);
    // An open enum keeps any string: its decoder never records.
    let may_record = matches!(&model.body, Body::Enum(Enum { other: Some(_), .. })).then(|| {
        quote!(
            const MAY_RECORD: bool = false;
        )
    });
    let (members, decode) = match &model.body {
        Body::Struct {
            fields,
            deny_unknown,
        } => (
            decode_members(model, fields, *deny_unknown, &rt),
            quote!(#de::decode_struct::<Self, __D>(__deserializer)),
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
    let bound = validate::decode_bound(&rt);
    let Header { params, ty, bounds } = generics::header(model, &bound, false);
    let with_de = generics::header(model, &bound, true);
    let (de_params, de_ty, de_bounds) = (with_de.params, with_de.ty, with_de.bounds);
    quote! {
        #members

        #[automatically_derived]
        impl #params #de::Decode for #ty #bounds {
            #may_record

            #[inline]
            fn decode_in<'de, __D: #rt::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<::core::option::Option<Self>, __D::Error> {
                #decode
            }
        }

        #[automatically_derived]
        impl #de_params #rt::serde::Deserialize<'de> for #de_ty #de_bounds {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #de::root(__deserializer, <Self as #de::Decode>::decode_in)
            }
        }
    }
}

/// The members of a struct, decoded by a `DecodeMembers` impl for the model: each member into
/// a slot, its rules checked as soon as it is read; the struct is built only when every member
/// it needs has a value. A flattened struct's members are decoded from the same object, by its
/// own impl, at positions after the struct's own members.
fn decode_members(
    model: &Model,
    fields: &[Field],
    deny_unknown: bool,
    rt: &TokenStream,
) -> TokenStream {
    let ident = model.ident;
    let name = ident.to_string();
    let expecting = format!("a JSON object for {name}");
    let de = quote!(#rt::de);
    // Skipped fields are not on the wire: no position, no name, an empty slot.
    let own: Vec<(usize, &Field)> = fields
        .iter()
        .enumerate()
        .filter(|(_, field)| !matches!(field.presence, Presence::Flatten | Presence::Skipped))
        .collect();
    let flattened: Vec<(usize, &Field)> = fields
        .iter()
        .enumerate()
        .filter(|(_, field)| field.presence == Presence::Flatten)
        .collect();
    let wires: Vec<&str> = own.iter().map(|(_, field)| field.wire.as_str()).collect();
    let count = own.len();
    let decoder = |field: &Field| {
        let ty = field.ty;
        quote!(<#ty as #de::DecodeMembers>)
    };
    // Where each flattened struct's positions start.
    let offsets: Vec<TokenStream> = flattened
        .iter()
        .scan(quote!(#count), |offset, (_, field)| {
            let start = offset.clone();
            let decoder = decoder(field);
            *offset = quote!(#offset + #decoder::POSITIONS);
            Some(start)
        })
        .collect();
    let slot_types = fields.iter().map(|field| match field.presence {
        Presence::Flatten => {
            let decoder = decoder(field);
            quote!(#decoder::Slots)
        }
        Presence::Skipped => quote!(()),
        _ => {
            let value_ty = field.value_ty;
            quote!(#de::Slot<#value_ty>)
        }
    });
    let empty_slots = fields.iter().map(|field| match field.presence {
        Presence::Flatten => {
            let decoder = decoder(field);
            quote!(#decoder::slots())
        }
        Presence::Skipped => quote!(()),
        _ => quote!(#de::Slot::absent()),
    });
    // An alias decodes at its member's position; paths always use the wire name, as
    // `validate()` does, so that one member has one path.
    let positions = own.iter().enumerate().flat_map(|(position, (_, field))| {
        std::iter::once(field.wire.clone())
            .chain(field.aliases.iter().map(syn::LitStr::value))
            .map(move |name| quote!(#name => ::core::option::Option::Some(#position),))
    });
    let position_body = if flattened.is_empty() {
        quote! {
            match __name {
                #(#positions)*
                _ => ::core::option::Option::None,
            }
        }
    } else {
        let lookups = flattened.iter().zip(&offsets).map(|((_, field), offset)| {
            let decoder = decoder(field);
            quote! {
                if let ::core::option::Option::Some(__position) = #decoder::position(__name) {
                    return ::core::option::Option::Some(#offset + __position);
                }
            }
        });
        quote! {
            let __own = match __name {
                #(#positions)*
                _ => ::core::option::Option::None,
            };
            if __own.is_some() {
                return __own;
            }
            #(#lookups)*
            ::core::option::Option::None
        }
    };
    let own_arms = own.iter().enumerate().map(|(position, (index, field))| {
        let wire = &field.wire;
        let fns = validate::rule_fns(field);
        let rules = match &fns.own {
            Some(name) => quote!(Self::#name),
            None => quote!(#de::no_rules),
        };
        let seed = seed(field.value_ty, rt, Some(&fns));
        let slot = syn::Index::from(*index);
        let site = quote!(&const { #de::MemberSite::new(#wire) });
        quote!(#position => #de::member(__map, __lenient, #site, &mut __slots.#slot, #seed, #rules),)
    });
    let flattened_arms = flattened.iter().zip(&offsets).map(|((index, field), offset)| {
        let decoder = decoder(field);
        let slot = syn::Index::from(*index);
        quote! {
            __position if __position >= #offset && __position < #offset + #decoder::POSITIONS => {
                #decoder::decode_member(&mut __slots.#slot, __position - (#offset), __map, __lenient)
            }
        }
    });
    let slots: Vec<_> = (0..fields.len())
        .map(|index| format_ident!("__slot{}", index))
        .collect();
    let values: Vec<_> = (0..fields.len()).map(container::local).collect();
    let finals = fields
        .iter()
        .zip(&slots)
        .zip(&values)
        .map(|((field, slot), value)| {
            let wire = &field.wire;
            let ty = field.ty;
            // A type without `Default` is reported on the field's type, not on the derive.
            let default = match &field.default {
                Some(path) => quote!(#path),
                None => {
                    let made =
                        quote_spanned!(ty.span()=> <#ty as #rt::FieldDefault>::field_default());
                    quote!(|| #made)
                }
            };
            let taken = match field.presence {
                Presence::Required => quote!(#de::required(#slot, #wire)),
                Presence::Default => {
                    let check = validate::default_check_fn(field);
                    quote!(#de::or_default(#slot, #wire, #default, Self::#check))
                }
                Presence::Optional => quote!(#de::optional(#slot)),
                Presence::Skipped => quote!({
                    let () = #slot;
                    ::core::option::Option::Some((#default)())
                }),
                Presence::Flatten => {
                    let decoder = decoder(field);
                    quote!(#decoder::finish(#slot))
                }
            };
            quote!(let #value = #taken;)
        });
    // Each value is moved straight into its field (`?` gives up at the first missing one).
    let field_idents = fields.iter().map(|field| field.ident);
    let build = quote!(::core::option::Option::Some(Self { #(#field_idents: #values?,)* }));
    let check_whole = (!model.rules.custom.is_empty() || !flattened.is_empty()).then(|| {
        let own = (!model.rules.custom.is_empty()).then(|| {
            let custom = container::custom_fn();
            quote!(Self::#custom(__value, __path, __report);)
        });
        let children = flattened.iter().map(|(_, field)| {
            let decoder = decoder(field);
            let ident = field.ident;
            quote!(#decoder::check_whole(&__value.#ident, __path, __report);)
        });
        quote! {
            #[inline]
            fn check_whole(__value: &Self, __path: &#rt::Path<'_>, __report: &mut #rt::Report) {
                #(#children)*
                #own
            }
        }
    });
    let require = container::require_checks(model, Source::Decoded, rt);
    let can_miss = fields
        .iter()
        .any(|field| field.presence == Presence::Required)
        || !model.rules.require.is_empty();
    let flattened_can_miss = flattened.iter().map(|(_, field)| {
        let decoder = decoder(field);
        quote!(|| #decoder::CAN_MISS)
    });
    let positions_count = flattened.iter().fold(quote!(#count), |sum, (_, field)| {
        let decoder = decoder(field);
        quote!(#sum + #decoder::POSITIONS)
    });
    let expected = (!flattened.is_empty()).then(|| {
        let children = flattened.iter().map(|(_, field)| {
            let decoder = decoder(field);
            quote!(#decoder::expected(__names);)
        });
        quote! {
            fn expected(__names: &mut ::std::vec::Vec<&'static str>) {
                __names.extend_from_slice(Self::MEMBERS);
                #(#children)*
            }
        }
    });
    // The members are decoded in an impl for the model itself, where `Self` in a field's type
    // means the model, as the user wrote it.
    let Header { params, ty, bounds } = generics::header(model, &validate::decode_bound(rt), false);
    quote! {
        #[automatically_derived]
        impl #params #de::DecodeMembers for #ty #bounds {
            const MEMBERS: &'static [&'static str] = &[#(#wires),*];
            const EXPECTING: &'static str = #expecting;
            const NAME: &'static str = #name;
            const POSITIONS: usize = #positions_count;
            const DENY_UNKNOWN: bool = #deny_unknown;
            const CAN_MISS: bool = #can_miss #(#flattened_can_miss)*;
            type Slots = (#(#slot_types,)*);

            #[inline(always)]
            fn slots() -> Self::Slots {
                (#(#empty_slots,)*)
            }

            #[inline(always)]
            fn position(__name: &str) -> ::core::option::Option<usize> {
                #position_body
            }

            #[inline(always)]
            fn decode_member<'de, __A: #rt::serde::de::MapAccess<'de>>(
                __slots: &mut Self::Slots,
                __position: usize,
                __map: &mut __A,
                __lenient: bool,
            ) -> ::core::result::Result<(), __A::Error> {
                #[allow(unused_imports)]
                use #de::{ModelProbe as _, SerdeProbe as _};
                match __position {
                    #(#own_arms)*
                    #(#flattened_arms)*
                    _ => #de::unknown(__map, #de::Member::Unknown(::core::option::Option::None), Self::expected),
                }
            }

            #[inline(always)]
            fn finish(__slots: Self::Slots) -> ::core::option::Option<Self> {
                let (#(#slots,)*) = __slots;
                #(#finals)*
                #require
                #build
            }

            #check_whole
            #expected
        }
    }
}

/// The seed that decodes a member's value: lists, sets and maps, at any depth, put indexes and
/// keys on paths (and sets report a repeated item); models, date-times (read as RFC 3339) and
/// other `Decode` types decode with their reporting decoder, anything else with its own
/// `Deserialize`. `fns` are the rules of the member's keys and items, checked as each is read.
fn seed(ty: &Type, rt: &TokenStream, fns: Option<&validate::RuleFns>) -> TokenStream {
    let de = quote!(#rt::de);
    let rules = |name: Option<&syn::Ident>| match name {
        Some(name) => quote!(Self::#name),
        None => quote!(#de::no_rules),
    };
    let keys = rules(fns.and_then(|fns| fns.keys.as_ref()));
    let values = rules(fns.and_then(|fns| fns.values.as_ref()));
    match shape::kind(ty) {
        Kind::Seq { item } => {
            let item = seed(item, rt, None);
            quote_spanned!(ty.span()=> #de::seq(#item, #values))
        }
        Kind::Set { item } => {
            let item = seed(item, rt, None);
            quote_spanned!(ty.span()=> #de::set::<#ty, _>(#item))
        }
        Kind::Map { value, .. } => {
            let value = seed(value, rt, None);
            quote_spanned!(ty.span()=> #de::map::<#ty, _, _, _>(#value, #keys, #values))
        }
        // Integers read `-0` as 0, which serde's own integer visitors refuse.
        Kind::Int(_) => quote_spanned!(ty.span()=> #de::always(#rt::number::integer::<#ty>())),
        _ => quote_spanned!(ty.span()=> (&#de::Probe::<#ty>::new()).seed()),
    }
}

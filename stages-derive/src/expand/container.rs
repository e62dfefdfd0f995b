//! Rules over a whole struct, for `validate` and for decoding: `require(...)` conditions and
//! `custom` functions; and the wire names of an enum, which conditions compare with.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::Ident;

use super::generics::{self, Header};
use super::{kept_text, validate};
use crate::check::{Body, Compare, Enum, Field, Model, Presence, Variant};

/// Where the value of a member is read from: the struct being validated, or the locals of a
/// decoder (each `Option<T>`, or `Option<Option<T>>` for an `Option` member; `None` when the
/// value was invalid).
#[derive(Clone, Copy)]
pub enum Source {
    Value,
    Decoded,
}

/// The name of the function holding a struct's `custom` functions.
pub fn custom_fn() -> Ident {
    format_ident!("__model_container_custom")
}

/// An inherent function running the struct's `custom` functions, shared by both sides; and
/// a constant per condition on an enum's wire name, which fails compilation when the name is
/// not one of the enum's.
pub fn items(model: &Model, rt: &TokenStream) -> TokenStream {
    let Body::Struct { fields, .. } = &model.body else {
        return enum_wire_value(model, rt);
    };
    let mut out = TokenStream::new();
    if !model.rules.custom.is_empty() {
        let name = custom_fn();
        let calls = model.rules.custom.iter().map(|function| {
            quote_spanned! {function.span()=>
                #rt::rules::custom(#function(__value), __path, __report);
            }
        });
        let Header { params, ty, bounds } =
            generics::header(model, &validate::inherent_bound(rt), false);
        out.extend(quote! {
            #[automatically_derived]
            impl #params #ty #bounds {
                #[inline]
                fn #name(__value: &Self, __path: &#rt::Path<'_>, __report: &mut #rt::Report) {
                    #(#calls)*
                }
            }
        });
    }
    for required in &model.rules.require {
        if let Some(Compare::Wire(text)) = &required.compare {
            let ty = fields[required.when].value_ty;
            if generics::is_generic(model, ty) {
                // A constant cannot name the model's parameters: the text is compared at run time.
                continue;
            }
            let message = format!(
                "`{}` is not a value of `{}`: `when({} = \"...\")` compares with one of its wire names",
                text.value(),
                ty.to_token_stream().to_string().replace(' ', ""),
                fields[required.when].ident,
            );
            // The call is spanned on the text, where the compile error should point.
            let check = quote_spanned!(text.span()=> __assert_wire_value::<#ty>(#text, #message));
            out.extend(quote! {
                const _: () = {
                    use #rt::rules::assert_wire_value as __assert_wire_value;
                    #check
                };
            });
        }
    }
    out
}

/// The `require(...)` checks, reading members from `source`.
pub fn require_checks(model: &Model, source: Source, rt: &TokenStream) -> TokenStream {
    let Body::Struct { fields, .. } = &model.body else {
        return TokenStream::new();
    };
    let mut out = TokenStream::new();
    for required in &model.rules.require {
        let subject = &fields[required.when];
        let value = read(subject, required.when, source);
        let holds = match &required.compare {
            None => quote!(#value.is_some()),
            Some(Compare::Wire(text)) => quote! {
                #value.is_some_and(|__v| #rt::rules::WireValue::wire_value(__v) == #text)
            },
            Some(Compare::Equal(literal)) => quote!(#value.is_some_and(|__v| *__v == #literal)),
        };
        let condition = &required.condition;
        let checks = required.members.iter().map(|&index| {
            let member = &fields[index];
            let wire = &member.wire;
            match source {
                Source::Value => {
                    let ident = member.ident;
                    quote! {
                        #rt::rules::required_when(__holds, self.#ident.is_none(), &__parent.member(#wire), #condition, __report);
                    }
                }
                Source::Decoded => {
                    let local = local(index);
                    quote! {
                        #rt::de::required_when(__holds, ::core::matches!(#local, ::core::option::Option::Some(::core::option::Option::None)), #wire, #condition);
                    }
                }
            }
        });
        out.extend(quote! {{
            let __holds = #holds;
            #(#checks)*
        }});
    }
    out
}

/// The name of the decoder's local for field `index`.
pub fn local(index: usize) -> Ident {
    format_ident!("__value{}", index)
}

/// `Option<&T>`: the member's value when present.
fn read(field: &Field, index: usize, source: Source) -> TokenStream {
    match (source, field.presence) {
        (Source::Value, Presence::Optional) => {
            let ident = field.ident;
            quote!(self.#ident.as_ref())
        }
        (Source::Value, _) => {
            let ident = field.ident;
            quote!(::core::option::Option::Some(&self.#ident))
        }
        (Source::Decoded, Presence::Optional) => {
            let local = local(index);
            quote!(#local.as_ref().and_then(::core::option::Option::as_ref))
        }
        (Source::Decoded, _) => {
            let local = local(index);
            quote!(#local.as_ref())
        }
    }
}

/// `WireValue` for an enum, so that `when(member = "WIRE_NAME")` can compare with it, and
/// `MapKey`, so that it can key a map member (SQS's `Attributes` are keyed by attribute name).
fn enum_wire_value(model: &Model, rt: &TokenStream) -> TokenStream {
    let Body::Enum(Enum { variants, other }) = &model.body else {
        return TokenStream::new();
    };
    let ident = model.ident;
    let wires = variants
        .iter()
        .map(|variant: &Variant| variant.wire.as_str());
    let arms = variants.iter().map(|variant| {
        let variant_ident = variant.ident;
        let wire = &variant.wire;
        quote!(Self::#variant_ident => #wire,)
    });
    // A value kept by the catch-all compares as written.
    let other = other.map(|other| {
        let (variant, text) = (other.ident, kept_text(&other, quote!(__value), rt));
        quote!(Self::#variant(__value) => #text,)
    });
    quote! {
        #[automatically_derived]
        impl #rt::rules::WireValue for #ident {
            const WIRE_VALUES: ::core::option::Option<&'static [&'static str]> =
                ::core::option::Option::Some(&[#(#wires),*]);
            fn wire_value(&self) -> &str {
                match self {
                    #(#arms)*
                    #other
                }
            }
        }

        #[automatically_derived]
        impl #rt::MapKey for #ident {
            #[inline]
            fn as_key(&self) -> &str {
                <Self as #rt::rules::WireValue>::wire_value(self)
            }
        }
    }
}

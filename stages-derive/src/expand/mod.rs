//! Code generation from a checked [`Model`]: one module per generated trait. Generated code
//! reaches the runtime only through `<crate>::__private`, and stays small by calling runtime
//! functions instead of inlining logic.

mod checks;
mod container;
mod de;
mod de_enum;
mod description;
mod generics;
mod json;
mod schema;
mod ser;
mod stub;
mod validate;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::check::{CatchAllVariant, Model};

pub use stub::stub;

/// All impls for the model, in an anonymous const so helper imports stay private.
pub fn expand(model: &Model) -> TokenStream {
    let validate = validate::expand(model);
    let ser = ser::expand(model);
    let json = json::expand(model);
    let de = de::expand(model);
    let container = container::items(model, &runtime(model));
    let schema = schema::expand(model);
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #validate
            #ser
            #json
            #de
            #container
            #schema
        };
    }
}

/// `<crate>::__private`, where generated code finds the runtime.
fn runtime(model: &Model) -> TokenStream {
    let krate = &model.krate;
    quote!(#krate::__private)
}

/// The text that `value`, the field of the catch-all variant `other`, holds. Read through the
/// runtime's `CatchAll` at the field's type, so that a type that cannot hold it (one of the
/// user's own named `UnknownValue`) is reported there.
fn kept_text(other: &CatchAllVariant, value: TokenStream, rt: &TokenStream) -> TokenStream {
    let ty = other.ty;
    quote_spanned!(ty.span()=> <#ty as #rt::CatchAll>::as_text(#value))
}

/// `text`, a string the enum does not know, made into the field of the catch-all variant
/// `other` (see [`kept_text`]).
fn keep_text(other: &CatchAllVariant, text: TokenStream, rt: &TokenStream) -> TokenStream {
    let ty = other.ty;
    quote_spanned!(ty.span()=> <#ty as #rt::CatchAll>::from_text(#text))
}

/// `tokens` with every span set to `span`, so that a trait error in a generated call points at
/// the attribute that asked for it rather than at the derive.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

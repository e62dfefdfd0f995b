//! `#[derive(Model)]`: one set of `#[model(...)]` attributes generates validation and the AWS
//! JSON wire format. Use it through `stages-model`, which re-exports it and documents the
//! attribute grammar; this crate only generates code.
//!
//! The pipeline is parse → check → expand. Parsing turns the input into [`ast`] values and
//! collects every attribute mistake; checking decides whether the rules fit the fields' types
//! and resolves wire names into a [`check::Model`]; expanding writes the impls, which call into
//! `stages_model::__private`.

mod ast;
mod attr;
mod case;
mod check;
mod errors;
mod expand;
mod pattern;
mod shape;
mod suggest;

use proc_macro::TokenStream;

/// Derives `Validate`, `Serialize` and `Deserialize` from `#[model(...)]` attributes.
/// The grammar is documented on `stages_model::Model`.
#[proc_macro_derive(Model, attributes(model))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    ast::Container::from_syn(&input)
        .and_then(|container| check::check(&container))
        .map(|model| expand::expand(&model))
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

//! `#[derive(Model)]`: one set of `#[model(...)]` attributes generates validation and the AWS
//! JSON wire format. Use it through `stages-runtime` (or `stages-model`), which re-exports it;
//! this crate only generates code.
//!
//! The pipeline is parse → check → expand. Parsing turns the input into `ast` values and
//! records every attribute mistake; checking, which runs even when parsing found mistakes so
//! that one compile reports both kinds, decides whether the rules fit the fields' types
//! and resolves wire names into a `check::Model`; expanding writes the impls, which call into
//! the runtime crate's `__private` module.

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

// The derive as the runtime crate re-exports it: generated code reaches
// `::stages_runtime::__private` unless `crate = "..."` says otherwise.
#[doc = include_str!("model.md")]
#[proc_macro_derive(Model, attributes(model, serde))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    derive(input, "stages_runtime")
}

// The same derive as `stages-model` re-exports it, so that a crate depending on `stages-model`
// alone needs no `stages-runtime` in its manifest: generated code reaches
// `::stages_model::__private` by default.
#[doc = include_str!("model.md")]
#[doc(hidden)]
#[proc_macro_derive(ModelViaStagesModel, attributes(model, serde))]
pub fn derive_model_via_stages_model(input: TokenStream) -> TokenStream {
    derive(input, "stages_model")
}

/// Parse → check → expand, with every error of the first two stages reported together.
fn derive(input: TokenStream, default_crate: &str) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    let mut errors = errors::Errors::default();
    let container = ast::Container::from_syn(&input, &mut errors);
    let model = check::check(&container, default_crate, &mut errors);
    let krate = model.krate.clone();
    match errors.finish(model) {
        Ok(model) => expand::expand(&model).into(),
        // The mistakes, and impls that keep them from being buried under errors at every use
        // of the type.
        Err(error) => {
            let mut out = error.into_compile_error();
            out.extend(expand::stub(&input, &krate));
            out.into()
        }
    }
}

//! `#[derive(Model)]`: one set of `#[model(...)]` attributes generates validation and the AWS
//! JSON wire format. Use it through `stages-model`, which re-exports it and documents the
//! attribute grammar; this crate only generates code.
//!
//! The pipeline is parse → check → expand. Parsing turns the input into `ast` values and
//! records every attribute mistake; checking, which runs even when parsing found mistakes so
//! that one compile reports both kinds, decides whether the rules fit the fields' types
//! and resolves wire names into a `check::Model`; expanding writes the impls, which call into
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
///
/// Works on structs with named fields (JSON objects) and on enums of unit variants (JSON
/// strings). Generic types are not supported.
///
/// # Container attributes
///
/// | attribute | meaning |
/// |---|---|
/// | `rename_all = "camelCase"` | how Rust names become wire names: `camelCase` (structs' default), `SCREAMING_SNAKE_CASE` (enums' default), `PascalCase`, `snake_case`, `kebab-case`, `SCREAMING-KEBAB-CASE`, `lowercase`, `UPPERCASE` or `verbatim` |
/// | `deny_unknown_fields` | a member the struct does not have is an `unknown` violation (by default it is ignored, so that documents with newer members still decode) |
/// | `crate = "path"` | where generated code finds `stages_model`, for crates that re-export it |
///
/// # Field attributes
///
/// Every field says what an absent (or `null`) member means: `Option<T>` fields become `None`,
/// others need one of
///
/// | attribute | meaning |
/// |---|---|
/// | `required` | the member must be present: absence is a `required` violation. The type must implement `Default`, which stands in while decoding goes on to find other violations (it is never returned) |
/// | `default` | an absent member takes `Default::default()` |
/// | `rename = "wireName"` | the member's wire name, instead of the container's case convention |
///
/// Rules (on `Option` fields, they apply when the value is present):
///
/// | rule | applies to | violation when |
/// |---|---|---|
/// | `length(min = N, max = N)` | strings (characters), `Vec`s and maps (entries) | the size is outside `min..=max`; either bound may be left out |
/// | `pattern = "regex"` | strings | the whole string does not match (the regex is checked at compile time) |
/// | `contains = "text"` | strings | the string does not include `text` |
/// | `range(min = X, max = X)` | integers and floats | the value is outside `min..=max` (NaN always is) |
/// | `finite` | floats | the value is NaN or infinite |
/// | `custom = path::to::function` | anything | `function(&value)` returns `Err(CustomError)`; its signature is `fn(&T) -> Result<(), CustomError>`, or takes what `&T` derefs to (`&str` for a `String`) |
/// | `keys(RULE, ...)` | `BTreeMap`, `HashMap` | a key breaks one of the rules; the violation's path is the entry |
/// | `values(RULE, ...)` | `Vec`, `BTreeMap`, `HashMap` | an item or value breaks one of the rules |
///
/// Nested models, and `Option`, `Box`, `Vec` and string-keyed maps of them, are validated
/// without any attribute. Variants take `rename = "WIRE"`.
///
/// Mistakes in these attributes are compile errors on the offending tokens.
#[proc_macro_derive(Model, attributes(model))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    let mut errors = errors::Errors::default();
    let container = ast::Container::from_syn(&input, &mut errors);
    let model = check::check(&container, &mut errors);
    errors
        .finish(model)
        .map(|model| expand::expand(&model))
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

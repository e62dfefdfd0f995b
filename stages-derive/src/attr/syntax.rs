//! The pieces of syntax every option shares: `= "text"`, `= path::to::function`, an option
//! given at most once, and the error for a word the place does not accept (with the skip of its
//! arguments that lets parsing go on). The grammar of each place stays in `attr/mod.rs` and
//! `attr/rules.rs`; these only read values and word the mistakes.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr, Token};

use super::{CONTAINER_WORDS, FIELD_WORDS};
use crate::errors::Errors;
use crate::suggest;

/// Stores `value` unless the slot already holds one, which is a duplicated option.
pub(super) fn set_once<T>(
    slot: &mut Option<T>,
    value: T,
    meta: &ParseNestedMeta,
    errors: &mut Errors,
) {
    if slot.is_some() {
        let name = meta
            .path
            .get_ident()
            .map(Ident::to_string)
            .unwrap_or_default();
        errors.spanned(
            &meta.path,
            format!("`{name}` is given more than once here; give it once"),
        );
    } else {
        *slot = Some(value);
    }
}

/// Parses `= "..."`, or explains with `usage` (the option written correctly) what was expected.
pub(super) fn string_value(meta: &ParseNestedMeta, usage: &str) -> syn::Result<LitStr> {
    let name = meta.path.to_token_stream().to_string();
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("`{name}` takes a string: `{usage}`")));
    }
    meta.value()?.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("`{name}` takes a string in quotes: `{usage}`"),
        )
    })
}

/// Parses `= path::to::function`; a quoted path (as serde writes it) gets its own hint.
pub(super) fn function_path(
    meta: &ParseNestedMeta,
    name: &str,
    usage: &str,
) -> syn::Result<syn::Path> {
    let value = function_value(meta, name, usage)?;
    value.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("`{name}` takes the path of a function: {usage}"),
        )
    })
}

/// The input after `name =`, where a function is expected; a quoted path (as serde writes it)
/// gets its own hint.
pub(super) fn function_value<'a>(
    meta: &'a ParseNestedMeta,
    name: &str,
    usage: &str,
) -> syn::Result<syn::parse::ParseStream<'a>> {
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("`{name}` takes the function to call: {usage}")));
    }
    let value = meta.value()?;
    reject_quoted(value, name, None)?;
    Ok(value)
}

/// After `name =`, a quoted path (as serde writes it) is an error whose hint shows it unquoted,
/// with the function's `signature` (`"() -> Value"`) when it helps.
pub(super) fn reject_quoted(
    value: syn::parse::ParseStream,
    name: &str,
    signature: Option<&str>,
) -> syn::Result<()> {
    if !value.peek(LitStr) {
        return Ok(());
    }
    let lit: LitStr = value.parse()?;
    let path = lit.value();
    let shape = signature.map_or(String::new(), |signature| {
        format!(", where `fn {path}{signature}`")
    });
    Err(syn::Error::new(
        lit.span(),
        format!(
            "`{name}` takes a path, not a string: write `{name} = {path}` without quotes{shape}"
        ),
    ))
}

/// Records an unknown name (suggesting the nearest valid one) and skips its arguments so that
/// parsing can go on.
pub(super) fn unknown_word(
    meta: &ParseNestedMeta,
    kind: &str,
    words: &[&str],
    errors: &mut Errors,
) -> syn::Result<()> {
    let name = meta.path.to_token_stream().to_string().replace(' ', "");
    let message = match misplaced(&name, kind) {
        Some(advice) => match suggest::closest(&name, words) {
            Some(near) => format!("`{name}` {advice}; or did you mean `{near}`?"),
            None => format!("`{name}` {advice}"),
        },
        None => suggest::unknown(kind, &name, words),
    };
    errors.spanned(&meta.path, message);
    skip_arguments(meta)
}

/// Where a word that is unknown as a `kind` belongs, when it is an option of another place
/// (`skip_schema` on a field, `required` on a struct): the advice to move it.
fn misplaced(name: &str, kind: &str) -> Option<&'static str> {
    let on_container = kind == "container option";
    if !on_container && CONTAINER_WORDS.contains(&name) && !FIELD_WORDS.contains(&name) {
        Some("is a container option: put it in the `#[model(...)]` on the struct or enum")
    } else if on_container && FIELD_WORDS.contains(&name) {
        Some("is a field option: put it in the `#[model(...)]` on the field")
    } else {
        None
    }
}

/// Consumes `= value` or `(...)` after a name.
pub(super) fn skip_arguments(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
    }
    Ok(())
}

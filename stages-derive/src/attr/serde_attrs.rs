//! `#[serde(...)]` beside `#[derive(Model)]`: the derive writes the serde impls itself, from
//! `#[model(...)]`, so serde's own attributes would be ignored without a word. Each is an error
//! that shows the `#[model(...)]` form, which takes serde's words where they mean the same.

use syn::{Attribute, Meta};

use crate::errors::Errors;

/// serde's words that `#[model(...)]` takes with the same meaning.
const SHARED: &[&str] = &[
    "rename",
    "rename_all",
    "alias",
    "default",
    "skip",
    "skip_serializing_if",
    "flatten",
    "deny_unknown_fields",
];

/// Reports every `#[serde(...)]` among `attrs`.
pub fn reject(attrs: &[Attribute], errors: &mut Errors) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let (inner, words) = match &attr.meta {
            Meta::List(list) => (model_form(&list.tokens), first_words(&list.tokens)),
            _ => ("...".to_owned(), Vec::new()),
        };
        let foreign: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|word| !SHARED.contains(word))
            .collect();
        let advice = if foreign.is_empty() {
            format!("write `#[model({inner})]`")
        } else {
            format!(
                "`#[model(...)]` has no `{}` (it takes serde's {})",
                foreign.join("`, `"),
                shared_list()
            )
        };
        errors.spanned(
            attr,
            format!(
                "`Model` writes the serde impls itself, from `#[model(...)]`, and does not read \
                 `#[serde(...)]`: {advice}{}",
                if foreign.is_empty() {
                    format!(" ({} mean what they mean to serde)", shared_list())
                } else {
                    String::new()
                }
            ),
        );
    }
}

/// The shared words, quoted, for a message.
fn shared_list() -> String {
    let quoted: Vec<String> = SHARED.iter().map(|word| format!("`{word}`")).collect();
    format!(
        "{} and {}",
        quoted[..quoted.len() - 1].join(", "),
        quoted[quoted.len() - 1]
    )
}

/// serde's words whose value is a function, which serde quotes and `#[model(...)]` does not.
const FUNCTION_VALUED: &[&str] = &["default", "skip_serializing_if"];

/// The tokens of `#[serde(...)]` as `#[model(...)]` takes them: a function's path unquoted
/// (`default = "f"` becomes `default = f`).
fn model_form(tokens: &proc_macro2::TokenStream) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut function_value = false;
    for token in tokens.clone() {
        let text = match &token {
            proc_macro2::TokenTree::Literal(literal) if function_value => {
                let text = literal.to_string();
                match text
                    .strip_prefix('"')
                    .and_then(|rest| rest.strip_suffix('"'))
                {
                    Some(path) => path.to_owned(),
                    None => text,
                }
            }
            other => other.to_string(),
        };
        function_value = match &token {
            proc_macro2::TokenTree::Ident(ident) => FUNCTION_VALUED.contains(&&*ident.to_string()),
            proc_macro2::TokenTree::Punct(punct) => function_value && punct.as_char() == '=',
            _ => false,
        };
        parts.push(text);
    }
    let mut form = String::new();
    for part in parts {
        if !form.is_empty() && part != "," {
            form.push(' ');
        }
        form.push_str(&part);
    }
    form
}

/// The first word of each comma-separated part of an attribute's tokens (`rename = "x", default`
/// gives `rename` and `default`).
fn first_words(tokens: &proc_macro2::TokenStream) -> Vec<String> {
    let mut words = Vec::new();
    let mut at_start = true;
    for token in tokens.clone() {
        match token {
            proc_macro2::TokenTree::Ident(ident) if at_start => {
                words.push(ident.to_string());
                at_start = false;
            }
            proc_macro2::TokenTree::Punct(punct) if punct.as_char() == ',' => at_start = true,
            _ => at_start = false,
        }
    }
    words
}

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
            Meta::List(list) => (list.tokens.to_string(), first_words(&list.tokens)),
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

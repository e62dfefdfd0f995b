//! `#[serde(...)]` beside `#[derive(Model)]`: the derive writes the serde impls itself, from
//! `#[model(...)]`, so serde's own attributes would be ignored without a word. Each is an error
//! that shows the `#[model(...)]` form, which takes serde's words where they mean the same.

use syn::{Attribute, Meta};

use crate::errors::Errors;

/// Reports every `#[serde(...)]` among `attrs`.
pub fn reject(attrs: &[Attribute], errors: &mut Errors) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let inner = match &attr.meta {
            Meta::List(list) => list.tokens.to_string(),
            _ => "...".to_owned(),
        };
        errors.spanned(
            attr,
            format!(
                "`Model` writes the serde impls itself, from `#[model(...)]`, and does not read \
                 `#[serde(...)]`: write `#[model({inner})]` (`rename`, `rename_all`, `alias`, \
                 `default`, `skip`, `skip_serializing_if`, `flatten` and `deny_unknown_fields` \
                 mean what they mean to serde)"
            ),
        );
    }
}

//! The grammar of rules over a whole struct: `require(member, ..., when(member = LITERAL))`.

use syn::meta::ParseNestedMeta;
use syn::{Ident, Token};

use super::syntax::set_once;
use crate::errors::Errors;

/// `require(member, ..., when(condition))`: members that must be present when the condition
/// holds.
pub struct Require {
    pub keyword: Ident,
    pub members: Vec<Ident>,
    pub when: Option<When>,
}

/// `when(member = value)` (the member is present and equal to the value) or `when(member)`
/// (the member is present).
pub struct When {
    pub member: Ident,
    pub value: Option<syn::Lit>,
}

/// Parses `require(member, ..., when(member = value))`.
pub(super) fn require(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<Require> {
    const USAGE: &str = "`require(member, when(other = \"VALUE\"))`";
    let keyword = meta.path.segments[0].ident.clone();
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("`require` lists members and a condition: {USAGE}")));
    }
    let mut out = Require {
        keyword,
        members: Vec::new(),
        when: None,
    };
    meta.parse_nested_meta(|inner| {
        let Some(ident) = inner.path.get_ident().cloned() else {
            return Err(inner.error(format!("expected a member name or `when(...)`: {USAGE}")));
        };
        if ident == "when" {
            let when = when(&inner)?;
            set_once(&mut out.when, when, &inner, errors);
        } else if inner.input.peek(Token![=]) || inner.input.peek(syn::token::Paren) {
            return Err(inner.error(format!(
                "`{ident}` is a member name here and takes no value; conditions go in `when(...)`: {USAGE}"
            )));
        } else {
            out.members.push(ident);
        }
        Ok(())
    })?;
    Ok(out)
}

/// Parses `when(member = value)` or `when(member)`.
fn when(meta: &ParseNestedMeta) -> syn::Result<When> {
    const USAGE: &str = "`when(member = \"VALUE\")` or `when(member)`";
    let content;
    syn::parenthesized!(content in meta.input);
    let member: Ident = content.parse().map_err(|error| {
        syn::Error::new(error.span(), format!("expected a member name: {USAGE}"))
    })?;
    let value = if content.peek(Token![=]) {
        content.parse::<Token![=]>()?;
        Some(content.parse::<syn::Lit>().map_err(|error| {
            syn::Error::new(
                error.span(),
                format!(
                    "the value to compare with is a literal (a string, number or bool): {USAGE}"
                ),
            )
        })?)
    } else {
        None
    };
    if !content.is_empty() {
        return Err(content.error(format!("`when` takes one condition: {USAGE}")));
    }
    Ok(When { member, value })
}

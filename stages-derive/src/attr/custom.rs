//! `custom = function`, `custom = function(ARG, ...)` and `custom(function, schema = path)`:
//! the call a custom rule makes, and the function returning its JSON Schema form.

use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Ident, Token};

use super::rules::Custom;
use super::syntax::{function_value, reject_quoted};

const CUSTOM_USAGE: &str = "`custom = path::to::function` or `custom = function(argument, ...)`";
const SCHEMA_USAGE: &str =
    "`custom(path::to::function, schema = path::to::schema_function)`, where the schema function is `fn() -> Value`";

/// Parses `= path::to::function` or `= path::to::function(arg, ...)`; a quoted path (as serde
/// writes it) gets its own hint.
pub(super) fn custom_call(meta: &ParseNestedMeta) -> syn::Result<Custom> {
    let value = function_value(meta, "custom", CUSTOM_USAGE)?;
    custom_expr(value)
}

/// Parses `(function, schema = path)`: the function (with arguments if it needs them) and the
/// function returning the JSON Schema that says the same rule.
pub(super) fn custom_with_options(
    meta: &ParseNestedMeta,
) -> syn::Result<(Custom, Option<syn::Path>)> {
    let content;
    syn::parenthesized!(content in meta.input);
    if content.is_empty() {
        return Err(content.error(format!(
            "`custom(...)` names the function first: {SCHEMA_USAGE}"
        )));
    }
    if content.peek(Ident) && content.peek2(Token![=]) && !content.peek2(Token![==]) {
        return Err(content.error(format!(
            "`custom(...)` names the function first, then its options: {SCHEMA_USAGE}"
        )));
    }
    let call = custom_expr(&content)?;
    let mut schema = None;
    while !content.is_empty() {
        content.parse::<Token![,]>()?;
        if content.is_empty() {
            break;
        }
        let option: Ident = content.parse()?;
        if option != "schema" {
            return Err(syn::Error::new(
                option.span(),
                crate::suggest::unknown("`custom` option", &option.to_string(), &["schema"])
                    + &format!(" (the form is {SCHEMA_USAGE})"),
            ));
        }
        if !content.peek(Token![=]) {
            return Err(syn::Error::new(
                option.span(),
                format!("`schema` takes the function that returns the rule's JSON Schema: {SCHEMA_USAGE}"),
            ));
        }
        content.parse::<Token![=]>()?;
        reject_quoted(&content, "schema", Some("() -> Value"))?;
        let path: syn::Path = content.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                format!("`schema` takes the path of a function: {SCHEMA_USAGE}"),
            )
        })?;
        if schema.is_some() {
            return Err(syn::Error::new_spanned(
                &path,
                "`schema` is given more than once here; give it once",
            ));
        }
        schema = Some(path);
    }
    Ok((call, schema))
}

/// A function's path, or a call of it with arguments.
fn custom_expr(value: ParseStream) -> syn::Result<Custom> {
    const USAGE: &str = CUSTOM_USAGE;
    let not_a_function = |span| {
        syn::Error::new(
            span,
            format!("`custom` takes a function, with arguments if it needs them: {USAGE}"),
        )
    };
    let expr: syn::Expr = value
        .parse()
        .map_err(|error| not_a_function(error.span()))?;
    match expr {
        syn::Expr::Path(path) if path.qself.is_none() => Ok(Custom {
            function: path.path,
            args: Vec::new(),
        }),
        syn::Expr::Call(call) => match *call.func {
            syn::Expr::Path(path) if path.qself.is_none() => Ok(Custom {
                function: path.path,
                args: call.args.into_iter().collect(),
            }),
            other => Err(syn::Error::new_spanned(
                other,
                format!("`custom` calls a function by its path: {USAGE}"),
            )),
        },
        other => Err(syn::Error::new_spanned(
            other,
            format!("`custom` takes a function, with arguments if it needs them: {USAGE}"),
        )),
    }
}

/// `custom(function, schema = path)` on a struct: the function takes the whole value and no
/// arguments.
pub(super) fn container_custom_with_options(
    meta: &ParseNestedMeta,
) -> syn::Result<(syn::Path, Option<syn::Path>)> {
    let (call, schema) = custom_with_options(meta)?;
    if let Some(first) = call.args.first() {
        return Err(syn::Error::new_spanned(
            first,
            "`custom` on a struct calls a function with the whole value only; remove the arguments",
        ));
    }
    Ok((call.function, schema))
}

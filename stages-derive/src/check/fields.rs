//! One field: what an absent member means (`required`, `default`, `default = path`, `Option`),
//! whether it is on the wire at all (`skip`), under which names (`rename`, `alias`), and when it
//! is left out of the output (`omit_empty`, `omit_default`, `skip_serializing_if`).

use quote::ToTokens;
use syn::Type;

use super::map_keys::check_map_keys;
use super::{check_rules, nonempty_names, type_text, wire_name, Field, Omit, Presence};
use crate::ast;
use crate::case::Case;
use crate::errors::Errors;
use crate::shape::{self, Kind};

pub(super) fn check_field<'a>(
    field: &ast::Field<'a>,
    case: Case,
    schema: bool,
    errors: &mut Errors,
) -> Option<Field<'a>> {
    let attrs = &field.attrs;
    let option_inner = shape::option_inner(field.ty);
    let wire = wire_name(field.ident, attrs.rename.as_ref(), case, errors);
    nonempty_names(&attrs.aliases, errors);
    let presence = match (&attrs.skip, &attrs.flatten) {
        (Some(_), _) => skipped(field, errors),
        (None, Some(flatten)) if field.attrs_parsed => {
            flatten_presence(field, flatten, option_inner, errors)
        }
        (None, _) => presence(field, option_inner, &wire, errors),
    };
    let value_ty = option_inner.unwrap_or(field.ty);
    let subject = format!("field `{}`", field.ident);
    if attrs.skip.is_none() {
        check_map_keys(value_ty, &subject, attrs.rules.keys.is_some(), errors);
    }
    let rules = check_rules(&attrs.rules, value_ty, &subject, schema, errors);
    let omit = omit(field, value_ty, errors);
    Some(Field {
        ident: field.ident,
        ty: field.ty,
        value_ty,
        wire,
        aliases: attrs.aliases.clone(),
        presence: presence?,
        default: attrs.default.as_ref().and_then(|(_, path)| path.clone()),
        omit,
        rules,
        doc: field.doc.clone(),
    })
}

/// A skipped field is not on the wire: it takes its default, and whatever would only matter
/// on the wire is a mistake.
fn skipped(field: &ast::Field, errors: &mut Errors) -> Option<Presence> {
    let attrs = &field.attrs;
    let ident = field.ident;
    if let Some(required) = &attrs.required {
        errors.spanned(
            required,
            format!(
                "`required` and `skip` contradict each other: `{ident}` is never decoded, so it is never \
                 present; keep one of them"
            ),
        );
    }
    let wire_only = [
        attrs
            .rename
            .as_ref()
            .map(|lit| (lit as &dyn quote::ToTokens, "rename")),
        attrs
            .aliases
            .first()
            .map(|lit| (lit as &dyn quote::ToTokens, "alias")),
        attrs
            .skip_serializing_if
            .as_ref()
            .map(|path| (path as &dyn quote::ToTokens, "skip_serializing_if")),
        attrs
            .omit_empty
            .as_ref()
            .map(|ident| (ident as &dyn quote::ToTokens, "omit_empty")),
    ];
    for (tokens, name) in wire_only.into_iter().flatten() {
        errors.spanned(
            tokens,
            format!(
                "`{name}` has no effect on a `skip` field, which is never decoded or encoded; remove it"
            ),
        );
    }
    if attrs.rules.any() {
        errors.spanned(
            ident,
            format!(
                "`{ident}` is `skip`: it is never decoded or encoded, so its rules would never run; \
                 remove them or `skip`"
            ),
        );
    }
    field.attrs_parsed.then_some(Presence::Skipped)
}

/// Decides what an absent member means, rejecting contradictory or missing choices.
fn presence(
    field: &ast::Field,
    option_inner: Option<&Type>,
    wire: &str,
    errors: &mut Errors,
) -> Option<Presence> {
    let attrs = &field.attrs;
    if !field.attrs_parsed {
        // The attribute that would have settled this may be the one that failed to parse.
        return None;
    }
    let default = attrs.default.as_ref().map(|(ident, _)| ident);
    match (&attrs.required, default, option_inner.is_some()) {
        (Some(required), _, true) => {
            errors.spanned(
                required,
                format!(
                    "`required` cannot apply to an `Option` field: `Option` means the member may be absent; \
                     remove `required`, or change the field's type from `{}` to `{}`",
                    type_text(field.ty),
                    option_inner.map(type_text).unwrap_or_default()
                ),
            );
            None
        }
        (None, Some(default), true) => {
            let message = match attrs.default.as_ref().and_then(|(_, path)| path.as_ref()) {
                None => "`default` is redundant on an `Option` field: an absent member is already `None`; \
                         remove `default`"
                    .to_owned(),
                Some(path) => format!(
                    "an absent `Option` member is `None`, so `default = {}` would never be called; to use it \
                     when the member is absent, change the field's type from `{}` to `{}`",
                    path.to_token_stream(),
                    type_text(field.ty),
                    option_inner.map(type_text).unwrap_or_default()
                ),
            };
            errors.spanned(default, message);
            None
        }
        (Some(_), Some(default), false) => {
            errors.spanned(
                default,
                "`required` and `default` contradict each other: a required member is never absent, so its \
                 default is never used; keep one of them",
            );
            None
        }
        (Some(_), None, false) => Some(Presence::Required),
        (None, Some(_), false) => Some(Presence::Default),
        (None, None, true) => Some(Presence::Optional),
        (None, None, false) => {
            errors.spanned(
                field.ident,
                format!(
                    "field `{}` must say what happens when a document has no `{wire}`: add `#[model(required)]` \
                     to reject the document, `#[model(default)]` to use `Default::default()` (or \
                     `default = path::to::function`), or make the type `Option<{}>`",
                    field.ident,
                    type_text(field.ty)
                ),
            );
            None
        }
    }
}

/// When the member is left out of the output: at most one of `omit_empty`, `omit_default` and
/// `skip_serializing_if`.
fn omit(field: &ast::Field, value_ty: &Type, errors: &mut Errors) -> Option<Omit> {
    let attrs = &field.attrs;
    let given: Vec<(&dyn ToTokens, &str)> = [
        attrs
            .omit_empty
            .as_ref()
            .map(|ident| (ident as &dyn ToTokens, "omit_empty")),
        attrs
            .omit_default
            .as_ref()
            .map(|ident| (ident as &dyn ToTokens, "omit_default")),
        attrs
            .skip_serializing_if
            .as_ref()
            .map(|path| (path as &dyn ToTokens, "skip_serializing_if")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let [(_, first), (second, name), ..] = given.as_slice() {
        errors.spanned(
            second,
            format!(
                "`{first}` and `{name}` both decide when the member is left out; keep one \
                 (`skip_serializing_if` can test any condition)"
            ),
        );
        return None;
    }
    if let Some(omit_empty) = &attrs.omit_empty {
        if let kind @ (Kind::Int(_) | Kind::Float(_) | Kind::Bool) = shape::kind(value_ty) {
            errors.spanned(
                omit_empty,
                format!(
                    "`omit_empty` applies to strings, lists, sets and maps, but field `{}` is {}; use \
                     `omit_default` to leave out its default value, or `skip_serializing_if = \
                     path::to::function` for a condition of yours",
                    field.ident,
                    kind.describe()
                ),
            );
            return None;
        }
        return Some(Omit::Empty(omit_empty.clone()));
    }
    if let Some(omit_default) = &attrs.omit_default {
        return Some(Omit::Default(omit_default.clone()));
    }
    attrs.skip_serializing_if.clone().map(Omit::If)
}

/// A flattened field is a struct model whose members sit in the enclosing object: it is as
/// present as they are, and has no wire name or rules of its own.
fn flatten_presence(
    field: &ast::Field,
    flatten: &syn::Ident,
    option_inner: Option<&Type>,
    errors: &mut Errors,
) -> Option<Presence> {
    let attrs = &field.attrs;
    let before = errors.count();
    if option_inner.is_some() {
        errors.spanned(
            field.ty,
            "a flattened member cannot be an `Option`: its members sit in the enclosing object, \
             each absent or present on its own; make the flattened struct's members optional",
        );
    }
    let extra: Option<&dyn ToTokens> = if let Some(required) = &attrs.required {
        Some(required)
    } else if let Some((default, _)) = &attrs.default {
        Some(default)
    } else if let Some(rename) = &attrs.rename {
        Some(rename)
    } else if let Some(alias) = attrs.aliases.first() {
        Some(alias)
    } else if let Some(omit) = &attrs.omit_empty {
        Some(omit)
    } else if let Some(omit) = &attrs.omit_default {
        Some(omit)
    } else {
        attrs
            .skip_serializing_if
            .as_ref()
            .map(|path| path as &dyn ToTokens)
    };
    if let Some(extra) = extra {
        errors.spanned(
            extra,
            "`flatten` takes no `required`, `default`, `rename`, `alias` or omission: the flattened \
             struct's own members say whether they are required, their wire names and their output",
        );
    }
    if !attrs.rules.is_empty() {
        errors.spanned(
            flatten,
            "`flatten` takes no rules: put them on the flattened struct's members, or on the \
             struct with `#[model(custom = ...)]`",
        );
    }
    if matches!(
        shape::kind(field.ty),
        Kind::Str
            | Kind::Int(_)
            | Kind::Float(_)
            | Kind::Bool
            | Kind::Seq { .. }
            | Kind::Set { .. }
            | Kind::Map { .. }
    ) {
        errors.spanned(
            field.ty,
            "`flatten` applies to a struct deriving `Model`, whose members then sit in this object",
        );
    }
    (errors.count() == before).then_some(Presence::Flatten)
}

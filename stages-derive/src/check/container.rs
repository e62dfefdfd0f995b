//! Rules on a struct as a whole: `custom = path` and `require(member, ..., when(...))`. Members
//! must exist, a required member must be one that can be absent, and a condition's value must
//! fit the type of the member it compares (an enum's wire name is checked by a constant).

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{Ident, Lit, LitInt, LitStr};

use super::{Field, Presence};
use crate::attr::{ContainerAttrs, Require};
use crate::errors::Errors;
use crate::shape::{self, Kind};
use crate::suggest;

/// The checked rules of a struct.
#[derive(Default)]
pub struct ContainerRules {
    /// Functions over the whole value.
    pub custom: Vec<syn::Path>,
    /// The schema form of each function, by position.
    pub custom_schemas: Vec<Option<syn::Path>>,
    pub require: Vec<Required>,
}

/// One checked `require(...)`: positions are indexes into the struct's fields.
pub struct Required {
    pub members: Vec<usize>,
    pub when: usize,
    pub compare: Option<Compare>,
    /// The condition for messages, in wire names: "connectionType is VPC_LINK".
    pub condition: String,
}

/// How the `when` member's value is compared with the literal.
pub enum Compare {
    /// By wire value (a string, or an enum's wire name, checked by a constant).
    Wire(LitStr),
    /// With `==`, against a literal of the member's own type.
    Equal(TokenStream),
}

/// Rejects struct rules on an enum, which is one JSON string without members.
pub fn reject_on_enum(attrs: &ContainerAttrs, errors: &mut Errors) {
    for (keyword, _) in &attrs.custom {
        errors.spanned(
            keyword,
            "`custom` on the container applies to structs: an enum is one JSON string; \
             put `custom = ...` on the fields of the structs that hold it",
        );
    }
    for require in &attrs.require {
        errors.spanned(
            &require.keyword,
            "`require(...)` applies to structs: an enum is one JSON string and has no members",
        );
    }
}

/// Checks the struct rules against the fields.
pub fn check(attrs: &ContainerAttrs, fields: &[Field], errors: &mut Errors) -> ContainerRules {
    ContainerRules {
        custom: attrs.custom.iter().map(|(_, path)| path.clone()).collect(),
        custom_schemas: attrs.custom_schemas.clone(),
        require: attrs
            .require
            .iter()
            .filter_map(|require| check_require(require, fields, errors))
            .collect(),
    }
}

fn check_require(require: &Require, fields: &[Field], errors: &mut Errors) -> Option<Required> {
    let before = errors.count();
    let Some(when) = &require.when else {
        errors.spanned(
            &require.keyword,
            "`require(...)` needs a condition: `require(member, when(other = \"VALUE\"))`, or \
             `when(other)` for \"when `other` is present\"; a member required always is \
             `#[model(required)]` on the field",
        );
        return None;
    };
    if require.members.is_empty() {
        errors.spanned(
            &require.keyword,
            "`require(...)` names the members it requires: `require(member, when(...))`",
        );
    }
    let members: Vec<usize> = require
        .members
        .iter()
        .filter_map(|member| {
            let index = find(member, fields, errors)?;
            let field = &fields[index];
            if field.presence != Presence::Optional {
                errors.spanned(
                    member,
                    format!(
                        "`{member}` always has a value (it is {}), so requiring it changes \
                         nothing; `require(...)` applies to `Option` members",
                        match field.presence {
                            Presence::Required => "`required`",
                            Presence::Flatten => "flattened",
                            _ => "`default`",
                        }
                    ),
                );
                return None;
            }
            Some(index)
        })
        .collect();
    let when_index = find(&when.member, fields, errors)?;
    let subject = &fields[when_index];
    let compare = when
        .value
        .as_ref()
        .and_then(|value| compare(value, subject, errors));
    let condition = match &when.value {
        None => format!("{} is present", subject.wire),
        Some(Lit::Str(text)) => format!("{} is {}", subject.wire, text.value()),
        Some(other) => format!("{} is {}", subject.wire, other.to_token_stream()),
    };
    (errors.count() == before).then_some(Required {
        members,
        when: when_index,
        compare,
        condition,
    })
}

/// The position of the field named `member`, or an error with the nearest name.
fn find(member: &Ident, fields: &[Field], errors: &mut Errors) -> Option<usize> {
    let position = fields.iter().position(|field| field.ident == member);
    if position.is_none() {
        let names: Vec<String> = fields.iter().map(|field| field.ident.to_string()).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        errors.spanned(
            member,
            suggest::unknown("member", &member.to_string(), &names)
                + " (name the field as written in Rust, not its wire name)",
        );
    }
    position
}

/// Checks that `value` can be compared with the member `subject`.
fn compare(value: &Lit, subject: &Field, errors: &mut Errors) -> Option<Compare> {
    let kind = shape::kind(subject.value_ty);
    match (value, &kind) {
        (Lit::Str(text), Kind::Str | Kind::Other) => Some(Compare::Wire(text.clone())),
        (Lit::Int(int), Kind::Int(ty)) => {
            let typed = LitInt::new(&format!("{}{ty}", int.base10_digits()), int.span());
            Some(Compare::Equal(quote!(#typed)))
        }
        (Lit::Bool(flag), Kind::Bool) => Some(Compare::Equal(quote!(#flag))),
        _ => {
            errors.spanned(
                value,
                format!(
                    "`when({} = ...)` compares with {}, but `{}` is {}; compare a string or \
                     enum with \"text\", an integer with a whole number, a bool with true or false",
                    subject.ident,
                    describe(value),
                    subject.ident,
                    kind.describe(),
                ),
            );
            None
        }
    }
}

fn describe(value: &Lit) -> &'static str {
    match value {
        Lit::Str(_) => "a string",
        Lit::Int(_) => "an integer",
        Lit::Float(_) => "a float",
        Lit::Bool(_) => "a bool",
        _ => "this literal",
    }
}

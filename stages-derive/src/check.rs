//! Decisions that need the whole picture: does each rule fit its field's type, are the bounds
//! sound, does every field say what happens when its member is absent, are wire names unique.
//! The result is the [`Model`] that code generation reads; every error carries a span.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{Ident, LitFloat, LitInt, LitStr, Type};

use crate::ast::{self, Container};
use crate::attr::{self, Bounds, Number, NumberLit};
use crate::case::Case;
use crate::errors::Errors;
use crate::pattern::{self, Matcher};
use crate::shape::{self, Kind};

mod container;

pub use container::{Compare, ContainerRules};

/// A checked model, ready to expand.
pub struct Model<'a> {
    pub ident: &'a Ident,
    /// The path generated code uses to reach the runtime crate.
    pub krate: syn::Path,
    pub body: Body<'a>,
    /// Rules over the whole struct (empty for enums).
    pub rules: ContainerRules,
    /// Type parameters (and their where clause); lifetimes and constants are refused.
    pub generics: &'a syn::Generics,
}

pub enum Body<'a> {
    Struct {
        fields: Vec<Field<'a>>,
        deny_unknown: bool,
    },
    Enum(Vec<Variant<'a>>),
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    /// The field's type as declared.
    pub ty: &'a Type,
    /// The type of the value when present: the `T` of `Option<T>`, or the declared type.
    pub value_ty: &'a Type,
    pub wire: String,
    pub presence: Presence,
    pub rules: Rules,
}

/// What happens when a member is absent or `null`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// A `required` violation.
    Required,
    /// The type's `Default`.
    Default,
    /// `None`: the field is an `Option`.
    Optional,
    /// The field is a struct whose members sit in the enclosing object (`flatten`).
    Flatten,
}

/// Checked rules on one value; bounds are ready to paste into generated code.
#[derive(Default)]
pub struct Rules {
    /// Inclusive character or entry counts; `usize::MAX` when unbounded above.
    pub length: Option<(usize, usize)>,
    pub pattern: Option<Pattern>,
    pub contains: Option<LitStr>,
    /// `Option<T>` expressions for the lower and upper bound.
    pub range: Option<(TokenStream, TokenStream)>,
    pub finite: bool,
    pub custom: Vec<syn::Path>,
    pub entries: Option<Box<Entries>>,
}

impl Rules {
    /// True when there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.own_is_empty() && self.entries.is_none()
    }

    /// True when there is nothing to check on the value itself (its entries aside).
    pub fn own_is_empty(&self) -> bool {
        self.length.is_none()
            && self.pattern.is_none()
            && self.contains.is_none()
            && self.range.is_none()
            && !self.finite
            && self.custom.is_empty()
    }
}

/// Rules on the entries of a map (keys and values) or the items of a list (values).
pub struct Entries {
    pub is_map: bool,
    pub keys: Rules,
    pub values: Rules,
}

pub struct Pattern {
    pub source: LitStr,
    pub matcher: Matcher,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub wire: String,
}

/// Checks a parsed container, adding every problem to `errors`.
pub fn check<'a>(container: &Container<'a>, default_crate: &str, errors: &mut Errors) -> Model<'a> {
    let attrs = &container.attrs;
    let krate = attrs.krate.clone().unwrap_or_else(|| {
        let ident = syn::Ident::new(default_crate, proc_macro2::Span::call_site());
        syn::parse_quote!(::#ident)
    });
    let mut rules = ContainerRules::default();
    let body = match &container.body {
        ast::Body::Struct(fields) => {
            let case = attrs.rename_all.map_or(Case::Camel, |(case, _)| case);
            let fields: Vec<Field> = fields
                .iter()
                .filter_map(|field| check_field(field, case, errors))
                .collect();
            unique_wire_names(
                fields
                    .iter()
                    .filter(|field| field.presence != Presence::Flatten)
                    .map(|field| (field.wire.as_str(), field.ident)),
                "field",
                errors,
            );
            rules = container::check(attrs, &fields, errors);
            Body::Struct {
                fields,
                deny_unknown: attrs.deny_unknown.is_some(),
            }
        }
        ast::Body::Enum(variants) => {
            container::reject_on_enum(attrs, errors);
            if let Some(span) = attrs.deny_unknown {
                errors.at(
                    span,
                    "`deny_unknown_fields` applies to structs; an enum already rejects unknown values, so remove it",
                );
            }
            let case = attrs
                .rename_all
                .map_or(Case::ScreamingSnake, |(case, _)| case);
            let variants: Vec<Variant> = variants
                .iter()
                .map(|variant| Variant {
                    ident: variant.ident,
                    wire: wire_name(variant.ident, variant.attrs.rename.as_ref(), case, errors),
                })
                .collect();
            unique_wire_names(
                variants
                    .iter()
                    .map(|variant| (variant.wire.as_str(), variant.ident)),
                "variant",
                errors,
            );
            Body::Enum(variants)
        }
    };
    Model {
        ident: container.ident,
        krate,
        body,
        rules,
        generics: container.generics,
    }
}

fn check_field<'a>(field: &ast::Field<'a>, case: Case, errors: &mut Errors) -> Option<Field<'a>> {
    let attrs = &field.attrs;
    let option_inner = shape::option_inner(field.ty);
    let wire = wire_name(field.ident, attrs.rename.as_ref(), case, errors);
    let presence = presence(field, option_inner, &wire, errors);
    let value_ty = option_inner.unwrap_or(field.ty);
    let subject = format!("field `{}`", field.ident);
    let rules = check_rules(&attrs.rules, value_ty, &subject, errors);
    Some(Field {
        ident: field.ident,
        ty: field.ty,
        value_ty,
        wire,
        presence: presence?,
        rules,
    })
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
    if let Some(flatten) = &attrs.flatten {
        return flatten_presence(field, flatten, option_inner, errors);
    }
    match (&attrs.required, &attrs.default, option_inner.is_some()) {
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
            errors.spanned(
                default,
                "`default` is redundant on an `Option` field: an absent member is already `None`; \
                 remove `default`",
            );
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
                     to reject the document, `#[model(default)]` to use `Default::default()`, or make the type \
                     `Option<{}>`",
                    field.ident,
                    type_text(field.ty)
                ),
            );
            None
        }
    }
}

/// A flattened field is a struct model whose members sit in the enclosing object: it is as
/// present as they are, and has no wire name or rules of its own.
fn flatten_presence(
    field: &ast::Field,
    flatten: &Ident,
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
    } else if let Some(default) = &attrs.default {
        Some(default)
    } else {
        attrs.rename.as_ref().map(|rename| rename as &dyn ToTokens)
    };
    if let Some(extra) = extra {
        errors.spanned(
            extra,
            "`flatten` takes no `required`, `default` or `rename`: the flattened struct's own \
             members say whether they are required, and their wire names",
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
            | Kind::Map { .. }
    ) {
        errors.spanned(
            field.ty,
            "`flatten` applies to a struct deriving `Model`, whose members then sit in this object",
        );
    }
    (errors.count() == before).then_some(Presence::Flatten)
}

/// Checks that each rule fits the type it applies to, and prepares its arguments.
fn check_rules(rules: &attr::Rules, ty: &Type, subject: &str, errors: &mut Errors) -> Rules {
    let kind = shape::kind(ty);
    let mut out = Rules::default();
    let mismatch =
        |errors: &mut Errors, rule: &dyn ToTokens, name: &str, fits: &str, hint: &str| {
            errors.spanned(
                rule,
                format!(
                    "`{name}` applies to {fits}, but {subject} is {} (`{}`){hint}",
                    kind.describe(),
                    type_text(ty)
                ),
            );
        };
    if let Some(bounds) = &rules.length {
        match kind {
            Kind::Int(_) | Kind::Float(_) | Kind::Bool => {
                let hint = if matches!(kind, Kind::Bool) {
                    ""
                } else {
                    "; use `range(min = .., max = ..)` for numbers"
                };
                mismatch(
                    errors,
                    &bounds.rule,
                    "length",
                    "strings, lists and maps",
                    hint,
                );
            }
            _ => out.length = length_bounds(bounds, errors),
        }
    }
    if let Some(lit) = &rules.pattern {
        let path = syn::Ident::new("pattern", lit.span());
        if accepts_text(&kind) {
            if let Some(matcher) = errors.keep(pattern::analyze(lit)) {
                out.pattern = Some(Pattern {
                    source: lit.clone(),
                    matcher,
                });
            }
        } else {
            mismatch(errors, &path, "pattern", "strings", number_hint(&kind));
        }
    }
    if let Some(lit) = &rules.contains {
        if accepts_text(&kind) {
            out.contains = Some(lit.clone());
        } else {
            let path = syn::Ident::new("contains", lit.span());
            mismatch(errors, &path, "contains", "strings", number_hint(&kind));
        }
    }
    if let Some(bounds) = &rules.range {
        match kind {
            Kind::Int(_) | Kind::Float(_) | Kind::Other => {
                out.range = range_bounds(bounds, &kind, errors)
            }
            Kind::Str | Kind::Seq { .. } | Kind::Map { .. } => mismatch(
                errors,
                &bounds.rule,
                "range",
                "numbers",
                "; use `length(min = .., max = ..)` to bound its size",
            ),
            Kind::Bool => mismatch(errors, &bounds.rule, "range", "numbers", ""),
        }
    }
    if let Some(finite) = &rules.finite {
        match kind {
            Kind::Float(_) | Kind::Other => out.finite = true,
            Kind::Int(_) => mismatch(
                errors,
                finite,
                "finite",
                "floating-point numbers",
                "; an integer is always finite, so remove `finite`",
            ),
            _ => mismatch(errors, finite, "finite", "floating-point numbers", ""),
        }
    }
    out.custom = rules.custom.clone();
    out.entries = entries(rules, &kind, subject, ty, errors);
    out
}

/// Checks `keys(...)` and `values(...)` against the entry types of a map or list.
fn entries(
    rules: &attr::Rules,
    kind: &Kind,
    subject: &str,
    ty: &Type,
    errors: &mut Errors,
) -> Option<Box<Entries>> {
    if rules.keys.is_none() && rules.values.is_none() {
        return None;
    }
    let (is_map, key_ty, value_ty) = match kind {
        Kind::Map { key, value } => (true, Some(*key), *value),
        Kind::Seq { item } => (false, None, *item),
        _ => {
            let (rule, _) = rules
                .keys
                .as_ref()
                .or(rules.values.as_ref())
                .expect("checked above");
            let found = match kind {
                Kind::Other => format!(
                    "has type `{}`, which the derive cannot see into (write the type as `Vec<_>`, \
                     `BTreeMap<_, _>` or `HashMap<_, _>` rather than through an alias)",
                    type_text(ty)
                ),
                _ => format!("is {} (`{}`)", kind.describe(), type_text(ty)),
            };
            errors.spanned(
                rule,
                format!("`{rule}(...)` applies to a `Vec`, `BTreeMap` or `HashMap`, but {subject} {found}"),
            );
            return None;
        }
    };
    let mut out = Entries {
        is_map,
        keys: Rules::default(),
        values: Rules::default(),
    };
    if let Some((rule, key_rules)) = &rules.keys {
        match key_ty {
            Some(key_ty) => {
                out.keys = check_rules(key_rules, key_ty, &format!("the key of {subject}"), errors)
            }
            None => errors.spanned(
                rule,
                format!("`keys(...)` applies to maps, but {subject} is a list; use `values(...)`"),
            ),
        }
    }
    if let Some((_, value_rules)) = &rules.values {
        let what = if is_map { "a value" } else { "an item" };
        out.values = check_rules(
            value_rules,
            value_ty,
            &format!("{what} of {subject}"),
            errors,
        );
    }
    Some(Box::new(out))
}

/// Points a text rule on a number to the rule for numbers.
fn number_hint(kind: &Kind) -> &'static str {
    match kind {
        Kind::Int(_) | Kind::Float(_) => "; use `range(min = .., max = ..)` to bound a number",
        _ => "",
    }
}

fn accepts_text(kind: &Kind) -> bool {
    matches!(kind, Kind::Str | Kind::Other)
}

fn length_bounds(bounds: &Bounds<attr::Count>, errors: &mut Errors) -> Option<(usize, usize)> {
    let min = bounds.min.as_ref().map_or(0, |count| count.value);
    let max = bounds.max.as_ref().map_or(usize::MAX, |count| count.value);
    if let (Some(low), Some(high)) = (&bounds.min, &bounds.max) {
        if low.value > high.value {
            errors.spanned(
                &high.lit,
                format!(
                    "`max` ({}) is less than `min` ({}): no length can satisfy both",
                    high.value, low.value
                ),
            );
            return None;
        }
    }
    (bounds.min.is_some() || bounds.max.is_some()).then_some((min, max))
}

fn range_bounds(
    bounds: &Bounds<Number>,
    kind: &Kind,
    errors: &mut Errors,
) -> Option<(TokenStream, TokenStream)> {
    if let (Some(low), Some(high)) = (&bounds.min, &bounds.max) {
        if low.as_f64() > high.as_f64() {
            errors.at(
                high.span,
                format!(
                    "`max` ({}) is less than `min` ({}): no value can satisfy both",
                    high.text(),
                    low.text()
                ),
            );
            return None;
        }
    }
    let mut ok = true;
    let mut bound = |number: &Option<Number>| match number {
        None => quote!(::core::option::Option::None),
        Some(number) => match typed_number(number, kind) {
            Ok(tokens) => quote!(::core::option::Option::Some(#tokens)),
            Err(error) => {
                ok = false;
                errors.push(error);
                TokenStream::new()
            }
        },
    };
    let min = bound(&bounds.min);
    let max = bound(&bounds.max);
    ok.then_some((min, max))
}

/// The bound as a literal of the field's own type, checked to fit it.
fn typed_number(number: &Number, kind: &Kind) -> syn::Result<TokenStream> {
    let sign = if number.negative {
        quote!(-)
    } else {
        TokenStream::new()
    };
    match (kind, &number.lit) {
        (Kind::Int(int), NumberLit::Int(lit)) => {
            let value: i128 = lit.base10_parse()?;
            let value = if number.negative { -value } else { value };
            let (low, high) = int_limits(int);
            if value < low || value > high {
                return Err(syn::Error::new(
                    number.span,
                    format!(
                        "{} does not fit in `{int}`, which holds {low} to {high}; use a bound in that range, \
                         or a wider type",
                        number.text()
                    ),
                ));
            }
            let lit = LitInt::new(&format!("{}{int}", lit.base10_digits()), lit.span());
            Ok(quote!(#sign #lit))
        }
        (Kind::Int(int), NumberLit::Float(_)) => Err(syn::Error::new(
            number.span,
            format!(
                "{} is not a whole number, so it cannot bound an `{int}`; use an integer bound",
                number.text()
            ),
        )),
        (Kind::Float(float), lit) => {
            let digits = match lit {
                NumberLit::Int(lit) => lit.base10_digits().to_owned(),
                NumberLit::Float(lit) => lit.base10_digits().to_owned(),
            };
            let lit = LitFloat::new(&format!("{digits}{float}"), number.span);
            Ok(quote!(#sign #lit))
        }
        (_, NumberLit::Int(lit)) => Ok(quote!(#sign #lit)),
        (_, NumberLit::Float(lit)) => Ok(quote!(#sign #lit)),
    }
}

fn int_limits(int: &str) -> (i128, i128) {
    match int {
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "u128" => (0, i128::MAX),
        _ => (i128::MIN, i128::MAX),
    }
}

/// The wire name: the `rename`, or the Rust name in the container's case.
fn wire_name(ident: &Ident, rename: Option<&LitStr>, case: Case, errors: &mut Errors) -> String {
    match rename {
        Some(lit) => {
            let name = lit.value();
            if name.is_empty() {
                errors.spanned(
                    lit,
                    "a wire name cannot be empty: give the JSON name, or remove `rename` to derive it from the Rust name",
                );
            }
            name
        }
        None => case.apply(&ident.to_string()),
    }
}

/// Two members with one wire name could never both be decoded.
fn unique_wire_names<'a>(
    names: impl Iterator<Item = (&'a str, &'a Ident)>,
    what: &str,
    errors: &mut Errors,
) {
    let mut seen: HashMap<&str, &Ident> = HashMap::new();
    for (wire, ident) in names {
        if let Some(first) = seen.get(wire) {
            errors.spanned(
                ident,
                format!(
                    "{what} `{ident}` has the wire name `{wire}`, which {what} `{first}` already has; \
                     give one of them another name with `#[model(rename = \"...\")]`"
                ),
            );
        } else {
            seen.insert(wire, ident);
        }
    }
}

fn type_text(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("< ", "<")
}

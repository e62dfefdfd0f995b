//! Whether each rule fits the type it applies to, with its arguments made ready for code
//! generation: bounds as typed literals, patterns analysed, nested rules checked level by level.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{LitStr, Type};

use super::bounds::{length_bounds, range_bounds};
use super::label::labels;
use super::map_keys::is_text_key;
use super::type_text;
use crate::attr;
use crate::errors::Errors;
use crate::pattern::{self, Matcher};
use crate::shape::{self, Kind};

/// Checked rules on one value; bounds are ready to paste into generated code.
#[derive(Default)]
pub struct Rules {
    /// Inclusive character or entry counts; `usize::MAX` when unbounded above.
    pub length: Option<(usize, usize)>,
    /// Where `length` was written and the type it counts, so that a type it cannot count is
    /// reported on the attribute.
    pub length_site: Option<(syn::Ident, Type)>,
    pub pattern: Option<Pattern>,
    pub contains: Option<LitStr>,
    /// `Option<T>` expressions for the lower and upper bound.
    pub range: Option<(TokenStream, TokenStream)>,
    pub finite: bool,
    /// `known`: the rule's name, where a type without a catch-all variant is reported, and
    /// the type it applies to.
    pub known: Option<(syn::Ident, Type)>,
    pub custom: Vec<attr::Custom>,
    /// The schema form of each `custom` rule, by position (`custom(f, schema = path)`).
    pub custom_schemas: Vec<Option<syn::Path>>,
    pub entries: Option<Box<Entries>>,
    /// The author's message and code for each built-in rule, where given.
    pub labels: attr::Labels,
}

impl Rules {
    /// Why each pattern here, at any depth, has no JSON Schema form.
    pub fn ecma_errors(&self) -> Vec<syn::Error> {
        let mut out: Vec<syn::Error> = self
            .pattern
            .iter()
            .filter_map(|pattern| pattern.ecma.as_ref().err().cloned())
            .collect();
        if let Some(entries) = &self.entries {
            out.extend(entries.keys.ecma_errors());
            out.extend(entries.values.ecma_errors());
        }
        out
    }

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
            && self.known.is_none()
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
    /// The anchored ECMA-262 form, for JSON Schema, or why there is none (a compile error
    /// unless the model is `skip_schema`).
    pub ecma: Result<String, syn::Error>,
}

/// Checks that each rule fits the type it applies to, and prepares its arguments. `schema`:
/// whether the model has a JSON Schema (it is not `skip_schema`).
pub(super) fn check_rules(
    rules: &attr::Rules,
    ty: &Type,
    subject: &str,
    schema: bool,
    errors: &mut Errors,
) -> Rules {
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
                    "strings, lists, sets and maps",
                    hint,
                );
            }
            _ => {
                out.length = length_bounds(bounds, errors);
                out.length_site = Some((bounds.rule.clone(), ty.clone()));
            }
        }
    }
    if let Some(lit) = &rules.pattern {
        let path = syn::Ident::new("pattern", lit.span());
        if accepts_text(&kind) {
            if let Some(matcher) = errors.keep(pattern::analyze(lit, schema)) {
                out.pattern = Some(Pattern {
                    source: lit.clone(),
                    matcher,
                    // Computed here so that a pattern JSON Schema cannot carry is a compile
                    // error on its literal (reported by `check` unless the model skips its schema).
                    ecma: pattern::ecma(lit),
                });
            }
        } else {
            let hint = each_hint(&kind, "pattern = \"...\"").unwrap_or(number_hint(&kind));
            mismatch(errors, &path, "pattern", "strings", &hint);
        }
    }
    if let Some(lit) = &rules.contains {
        if accepts_text(&kind) {
            out.contains = Some(lit.clone());
        } else {
            let path = syn::Ident::new("contains", lit.span());
            let hint = each_hint(&kind, "contains = \"...\"").unwrap_or(number_hint(&kind));
            mismatch(errors, &path, "contains", "strings", &hint);
        }
    }
    if let Some(bounds) = &rules.range {
        match kind {
            Kind::Int(_) | Kind::Float(_) | Kind::Other => {
                out.range = range_bounds(bounds, &kind, errors)
            }
            Kind::Seq { .. } | Kind::Set { .. } | Kind::Map { .. } => {
                let each = each_hint(&kind, "range(..)").unwrap_or_default();
                let hint = format!("{each}, or `length(min = .., max = ..)` to bound its size");
                mismatch(errors, &bounds.rule, "range", "numbers", &hint);
            }
            Kind::Str => mismatch(
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
            _ => {
                let hint = each_hint(&kind, "finite").unwrap_or_default();
                mismatch(errors, finite, "finite", "floating-point numbers", &hint)
            }
        }
    }
    if let Some(known) = &rules.known {
        match kind {
            Kind::Other => out.known = Some((known.clone(), ty.clone())),
            Kind::Seq { .. } | Kind::Set { .. } | Kind::Map { .. } => mismatch(
                errors,
                known,
                "known",
                "enums with a `#[model(other)]` variant",
                "; write `values(known)` to check each item",
            ),
            _ => mismatch(
                errors,
                known,
                "known",
                "enums with a `#[model(other)]` variant",
                "; it rejects the values such an enum keeps without knowing them",
            ),
        }
    }
    out.custom = rules.custom.clone();
    out.custom_schemas = rules.custom_schemas.clone();
    out.labels = labels(&rules.labels, errors);
    out.entries = entries(rules, &kind, subject, ty, schema, errors);
    out
}

/// Checks `keys(...)` and `values(...)` against the entry types of a map or list.
fn entries(
    rules: &attr::Rules,
    kind: &Kind,
    subject: &str,
    ty: &Type,
    schema: bool,
    errors: &mut Errors,
) -> Option<Box<Entries>> {
    if rules.keys.is_none() && rules.values.is_none() {
        return None;
    }
    let (is_map, key_ty, value_ty) = match kind {
        Kind::Map { key, value } => (true, Some(*key), *value),
        Kind::Seq { item } | Kind::Set { item } => (false, None, *item),
        _ => {
            let (rule, _) = rules
                .keys
                .as_ref()
                .or(rules.values.as_ref())
                .expect("checked above");
            let found = match kind {
                Kind::Other if shape::is_one_or_many(ty) => format!(
                    "is a `{}`, which `{rule}(...)` does not see into: check its values with a \
                     `custom` rule over `as_slice()`",
                    type_text(ty)
                ),
                Kind::Other => format!(
                    "has type `{}`, which the derive cannot see into (write the type as `Vec<_>`, \
                     `BTreeSet<_>`, `BTreeMap<_, _>` or `HashMap<_, _>` rather than through an alias)",
                    type_text(ty)
                ),
                _ => format!("is {} (`{}`)", kind.describe(), type_text(ty)),
            };
            errors.spanned(
                rule,
                format!("`{rule}(...)` applies to a list, set or map (`Vec`, `BTreeSet`, `HashSet`, `BTreeMap`, `HashMap`), but {subject} {found}"),
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
            // Keys that are not text are reported on the key type (`map_keys`), once.
            Some(key_ty) if !is_text_key(key_ty) => {}
            Some(key_ty) => {
                let subject = format!("the key of {subject}");
                out.keys = check_rules(key_rules, key_ty, &subject, schema, errors)
            }
            None => errors.spanned(
                rule,
                format!(
                    "`keys(...)` applies to maps, but {subject} is {}; use `values(...)`",
                    kind.describe()
                ),
            ),
        }
    }
    if let Some((_, value_rules)) = &rules.values {
        let what = if is_map { "a value" } else { "an item" };
        out.values = check_rules(
            value_rules,
            value_ty,
            &format!("{what} of {subject}"),
            schema,
            errors,
        );
    }
    Some(Box::new(out))
}

/// Points a text rule on a number to the rule for numbers.
fn number_hint(kind: &Kind) -> String {
    match kind {
        Kind::Int(_) | Kind::Float(_) => {
            "; use `range(min = .., max = ..)` to bound a number".into()
        }
        _ => String::new(),
    }
}

/// Points a rule on a list, set or map to `values(...)`, which checks each item or value.
fn each_hint(kind: &Kind, rule: &str) -> Option<String> {
    let each = match kind {
        Kind::Seq { .. } | Kind::Set { .. } => "item",
        Kind::Map { .. } => "value",
        _ => return None,
    };
    Some(format!("; write `values({rule})` to check each {each}"))
}

fn accepts_text(kind: &Kind) -> bool {
    matches!(kind, Kind::Str | Kind::Other)
}

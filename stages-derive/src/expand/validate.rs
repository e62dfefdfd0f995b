//! `Validate`: for each field, a few calls into `rules`, then a hand-over to nested models.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use super::container::{self, Source};
use super::generics::{self, Header};
use super::runtime;
use crate::check::{Body, Entries, Field, Model, Pattern, Presence, Rules};
use crate::pattern::Matcher;
use crate::shape::{self, Kind};

/// Every local of the generated code starts with `__`, so that no user path (a custom function
/// called `path`, say) is shadowed by it.
pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let (body, rules) = match &model.body {
        Body::Struct { fields, .. } => {
            let checks = fields.iter().map(|field| field_checks(field, &rt));
            // Conditions on the members first and functions over the whole value last: the
            // order in which decoding finds them.
            let require = container::require_checks(model, Source::Value, &rt);
            let custom = (!model.rules.custom.is_empty()).then(|| {
                let name = container::custom_fn();
                quote!(Self::#name(self, __parent, __report);)
            });
            let body = quote! {
                #[allow(unused_imports)]
                use #rt::{NestedModel as _, NotAModel as _};
                #require
                #(#checks)*
                #custom
            };
            (body, rules_fns(model, fields, &rt))
        }
        Body::Enum(_) => (
            quote! {
                let _ = (__parent, __report);
            },
            TokenStream::new(),
        ),
    };
    let Header { params, ty, bounds } = generics::header(model, &quote!(#rt::Validate), false);
    quote! {
        #rules

        #[automatically_derived]
        impl #params #rt::Validate for #ty #bounds {
            // Compiled where it is called, as serde's generic impls are: a crate that only
            // declares models does not pay for optimising their checks.
            #[inline]
            fn validate_into(&self, __parent: &#rt::Path<'_>, __report: &mut #rt::Report) {
                #body
            }
        }
    }
}

/// The bound of the inherent impls holding rule functions, which `validate` calls.
pub fn inherent_bound(rt: &TokenStream) -> TokenStream {
    quote!(#rt::Validate)
}

/// The bound of the decoding impls: a type parameter decodes with its own reporting decoder,
/// and the rule functions it reaches need it to validate.
pub fn decode_bound(rt: &TokenStream) -> TokenStream {
    quote!(#rt::de::Decode + #rt::Validate)
}

/// The functions that check a field's rules, shared by `validate` and by decoding (which calls
/// each as soon as the value it checks is read): the field's own rules, and those of each key
/// and each value or item of a map or list.
pub struct RuleFns {
    pub own: Option<Ident>,
    pub keys: Option<Ident>,
    pub values: Option<Ident>,
}

pub fn rule_fns(field: &Field) -> RuleFns {
    let entries = field.rules.entries.as_deref();
    let name = |what: &str| format_ident!("__model_{}_{}", what, field.ident);
    RuleFns {
        own: (!field.rules.own_is_empty()).then(|| name("rules")),
        keys: entries
            .filter(|entries| entries.is_map && !entries.keys.is_empty())
            .map(|_| name("keys")),
        values: entries
            .filter(|entries| !entries.values.is_empty())
            .map(|_| name("values")),
    }
}

/// One function per rule set of a field, in an inherent impl so that `Self` in a field's type
/// means the model.
fn rules_fns(model: &Model, fields: &[Field], rt: &TokenStream) -> TokenStream {
    let mut fns = Vec::new();
    for field in fields {
        if field.presence == Presence::Default {
            let name = default_check_fn(field);
            let ty = field.value_ty;
            let walk = value_walk(field, rt);
            fns.push(quote! {
                #[inline]
                fn #name(__value: &#ty, __path: &#rt::Path<'_>, __report: &mut #rt::Report) {
                    #[allow(unused_imports)]
                    use #rt::{NestedModel as _, NotAModel as _};
                    #walk
                }
            });
        }
        let names = rule_fns(field);
        let mut define = |name: Option<Ident>, ty: &Type, rules: &Rules, subject, entries| {
            if let Some(name) = name {
                let checks =
                    value_checks(rules, quote!(__value), quote!(__path), subject, entries, rt);
                fns.push(quote! {
                    #[inline]
                    fn #name(__value: &#ty, __path: &#rt::Path<'_>, __report: &mut #rt::Report) {
                        #checks
                    }
                });
            }
        };
        define(
            names.own,
            field.value_ty,
            &field.rules,
            Subject::Value,
            false,
        );
        if let Some(entries) = &field.rules.entries {
            let (key_ty, item_ty) = entry_types(field.value_ty);
            if let Some(key_ty) = key_ty {
                define(names.keys, key_ty, &entries.keys, Subject::Key, true);
            }
            define(names.values, item_ty, &entries.values, Subject::Value, true);
        }
    }
    if fns.is_empty() {
        return TokenStream::new();
    }
    let Header { params, ty, bounds } = generics::header(model, &inherent_bound(rt), false);
    quote! {
        #[automatically_derived]
        impl #params #ty #bounds {
            #(#fns)*
        }
    }
}

/// The key type (of a map) and the value or item type of a field with `keys`/`values` rules.
pub fn entry_types(ty: &Type) -> (Option<&Type>, &Type) {
    match shape::kind(ty) {
        Kind::Map { key, value } => (Some(key), value),
        Kind::Seq { item } => (None, item),
        _ => unreachable!("`keys`/`values` are checked to apply to maps and lists"),
    }
}

/// The checks of one field, on its value when present.
fn field_checks(field: &Field, rt: &TokenStream) -> TokenStream {
    let ident = field.ident;
    let wire = &field.wire;
    if field.presence == Presence::Flatten {
        // Its members sit in this object: it is checked at this object's path.
        let ty = field.ty;
        return quote_spanned! {ty.span()=>
            #rt::Validate::validate_into(&self.#ident, __parent, __report);
        };
    }
    let checks = match field.presence {
        // Shared with decoding, which checks a default value as a whole.
        Presence::Default => {
            let name = default_check_fn(field);
            quote!(Self::#name(__value, &__path, __report);)
        }
        _ => value_walk(field, rt),
    };
    let access = match field.presence {
        Presence::Optional => quote! {
            if let ::core::option::Option::Some(__value) = &self.#ident {
                #checks
            }
        },
        Presence::Required | Presence::Default | Presence::Flatten => quote! {
            let __value = &self.#ident;
            #checks
        },
    };
    quote! {
        {
            let __path = __parent.member(#wire);
            #access
        }
    }
}

/// The function that checks the value of a `default` field as a whole (its models, entries and
/// rules): `validate` calls it, and decoding, on a default it put in.
pub fn default_check_fn(field: &Field) -> Ident {
    format_ident!("__model_check_{}", field.ident)
}

/// Every check of a field's value `__value` at `__path`, in the order decoding finds them: for
/// each entry its key's rules, the models inside its value, the value's rules; then the
/// field's own rules.
fn value_walk(field: &Field, rt: &TokenStream) -> TokenStream {
    let names = rule_fns(field);
    let own = names
        .own
        .map(|name| quote!(Self::#name(__value, &__path, __report);));
    // Only the call carries the type's span (so a trait error points at the type); the locals
    // are interpolated with the call-site span, which keeps them resolvable when the model is
    // declared inside a `macro_rules!` expansion.
    let nested = |value: TokenStream, path: TokenStream, ty: &Type| {
        let report = quote!(__report);
        quote_spanned! {ty.span()=>
            (&#rt::Nested(#value)).validate_nested(&#path, #report);
        }
    };
    let walk = match &field.rules.entries {
        Some(entries) if names.keys.is_some() || names.values.is_some() => {
            let (_, item_ty) = entry_types(field.value_ty);
            let item = nested(quote!(__item), quote!(__entry), item_ty);
            let values = names
                .values
                .map(|name| quote!(Self::#name(__item, &__entry, __report);));
            if entries.is_map {
                let keys = names
                    .keys
                    .map(|name| quote!(Self::#name(__key, &__entry, __report);));
                quote! {
                    for (__key, __item) in __value {
                        let __entry = __path.key(::core::convert::AsRef::<str>::as_ref(__key));
                        #keys
                        #item
                        #values
                    }
                }
            } else {
                quote! {
                    for (__index, __item) in __value.iter().enumerate() {
                        let __entry = __path.index(__index);
                        #item
                        #values
                    }
                }
            }
        }
        _ => nested(quote!(__value), quote!(__path), field.value_ty),
    };
    quote! {
        #walk
        #own
    }
}

#[derive(Clone, Copy)]
enum Subject {
    Value,
    Key,
}

/// Calls for each rule on `value` (a reference expression) at `path`.
fn value_checks(
    rules: &Rules,
    value: TokenStream,
    path: TokenStream,
    subject: Subject,
    entries: bool,
    rt: &TokenStream,
) -> TokenStream {
    let subject = match subject {
        Subject::Value => quote!(#rt::rules::Subject::Value),
        Subject::Key => quote!(#rt::rules::Subject::Key),
    };
    let mut out = TokenStream::new();
    let as_str = quote!(::core::convert::AsRef::<str>::as_ref(#value));
    if let Some((min, max)) = rules.length {
        let max = if max == usize::MAX {
            quote!(::core::primitive::usize::MAX)
        } else {
            quote!(#max)
        };
        out.extend(quote! {
            #rt::rules::length(#value, #min, #max, #subject, &#path, __report);
        });
    }
    if let Some(pattern) = &rules.pattern {
        let constant = pattern_constant(pattern, rt);
        out.extend(quote! {{
            static __PATTERN: #rt::rules::Pattern = #constant;
            #rt::rules::pattern(#as_str, &__PATTERN, #subject, &#path, __report);
        }});
    }
    if let Some(needle) = &rules.contains {
        out.extend(quote! {
            #rt::rules::contains(#as_str, #needle, #subject, &#path, __report);
        });
    }
    if let Some((min, max)) = &rules.range {
        out.extend(quote! {
            #rt::rules::range(*#value, #min, #max, #subject, &#path, __report);
        });
    }
    if rules.finite {
        out.extend(quote! {
            #rt::rules::finite(::core::convert::Into::<f64>::into(*#value), #subject, &#path, __report);
        });
    }
    for function in &rules.custom {
        let report = quote!(__report);
        out.extend(quote_spanned! {function.span()=>
            #rt::rules::custom(#function(#value), &#path, #report);
        });
    }
    if let Some(entries) = rules.entries.as_ref().filter(|_| entries) {
        out.extend(entry_checks(entries, &value, &path, rt));
    }
    out
}

/// A loop over the entries of a map or the items of a list, with the key or index on the path.
fn entry_checks(
    entries: &Entries,
    value: &TokenStream,
    path: &TokenStream,
    rt: &TokenStream,
) -> TokenStream {
    let values = value_checks(
        &entries.values,
        quote!(__item),
        quote!(__entry),
        Subject::Value,
        true,
        rt,
    );
    if entries.is_map {
        let keys = value_checks(
            &entries.keys,
            quote!(__key),
            quote!(__entry),
            Subject::Key,
            true,
            rt,
        );
        quote! {
            for (__key, __item) in #value {
                let __entry = #path.key(::core::convert::AsRef::<str>::as_ref(__key));
                #keys
                #values
            }
        }
    } else {
        quote! {
            for (__index, __item) in #value.iter().enumerate() {
                let __entry = #path.index(__index);
                #values
            }
        }
    }
}

/// A `Pattern` constant: a byte table when the derive could build one, a lazily compiled regex
/// otherwise.
fn pattern_constant(pattern: &Pattern, rt: &TokenStream) -> TokenStream {
    let source = &pattern.source;
    match &pattern.matcher {
        Matcher::Class {
            allowed: [low, high],
            min,
            max,
        } => {
            let max = if *max == usize::MAX {
                quote!(::core::primitive::usize::MAX)
            } else {
                quote!(#max)
            };
            quote!(#rt::rules::Pattern::class(#source, [#low, #high], #min, #max))
        }
        Matcher::Regex => {
            quote!(#rt::rules::Pattern::regex(#source, || #rt::rules::compile_anchored(#source)))
        }
    }
}

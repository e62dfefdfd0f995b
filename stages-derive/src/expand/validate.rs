//! `Validate`: for each field, a few calls into `rules`, then a hand-over to nested models.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use super::checks::{entry_loop, value_checks, Subject};
use super::container::{self, Source};
use super::generics::{self, Header};
use super::{kept_text, runtime};
use crate::check::{Body, CatchAllVariant, Enum, Field, Model, Presence, Rules, Variant};
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
            // The rules report at paths relative to this value (constants: a valid value
            // builds no path); `__at`, the path above, is put in front of what they reported.
            let body = quote! {
                #[allow(unused_imports)]
                use #rt::{NestedModel as _, NotAModel as _};
                let __parent: &#rt::Path<'static> = &const { #rt::Path::root() };
                #require
                #(#checks)*
                #custom
            };
            (body, rules_fns(model, fields, &rt))
        }
        Body::Enum(_) => (
            quote! {
                let _ = __report;
            },
            TokenStream::new(),
        ),
    };
    let header = generics::header(model, &quote!(#rt::Validate), false);
    let open = match &model.body {
        Body::Enum(Enum {
            variants,
            other: Some(other),
        }) => open_enum(&header, variants, other, &rt),
        _ => TokenStream::new(),
    };
    let Header { params, ty, bounds } = header;
    quote! {
        #rules

        #[automatically_derived]
        impl #params #rt::Validate for #ty #bounds {
            // Compiled where it is called, as serde's generic impls are: a crate that only
            // declares models does not pay for optimising their checks.
            #[inline]
            fn validate_into(&self, __at: &#rt::Path<'_>, __report: &mut #rt::Report) {
                let __mark = __report.len();
                #rt::Validate::validate_relative(self, __report);
                if __report.len() > __mark {
                    __report.prefix_since(__mark, __at);
                }
            }

            #[inline]
            fn validate_relative(&self, __report: &mut #rt::Report) {
                #body
            }
        }
        #open
    }
}

/// What the `known` rule reads from an enum with a catch-all variant.
fn open_enum(
    header: &Header,
    variants: &[Variant],
    other: &CatchAllVariant,
    rt: &TokenStream,
) -> TokenStream {
    let Header { params, ty, bounds } = header;
    let (variant, text) = (other.ident, kept_text(other, quote!(__value), rt));
    let wires: Vec<&str> = variants
        .iter()
        .map(|variant| variant.wire.as_str())
        .collect();
    let expected = wires.join(", ");
    quote! {
        #[automatically_derived]
        // `known` on a closed enum should not point users at the open enums that happen to
        // be in scope (rustc lists implementors when there are few).
        #[diagnostic::do_not_recommend]
        impl #params #rt::OpenEnum for #ty #bounds {
            const EXPECTED: &'static str = #expected;

            #[inline]
            fn unknown(&self) -> ::core::option::Option<&str> {
                // A kept value spelt as a known one encodes, and so decodes, as that one.
                match self {
                    Self::#variant(__value) if !matches!(#text, #(#wires)|*) => {
                        ::core::option::Option::Some(#text)
                    }
                    _ => ::core::option::Option::None,
                }
            }

            #[inline]
            fn kept(&self) -> bool {
                ::core::matches!(self, Self::#variant(_))
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
    // A set's items are reported by their position in the set's own order, as `validate()`
    // sees them: its own rules walk its items once it is decoded.
    let set = is_set(field);
    RuleFns {
        own: (!field.rules.own_is_empty() || (set && entries.is_some())).then(|| name("rules")),
        keys: entries
            .filter(|entries| entries.is_map && !entries.keys.is_empty())
            .map(|_| name("keys")),
        values: entries
            .filter(|entries| !set && !entries.values.is_empty())
            .map(|_| name("values")),
    }
}

fn is_set(field: &Field) -> bool {
    matches!(shape::kind(field.value_ty), Kind::Set { .. })
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
                    #[inline(always)]
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
            is_set(field),
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
        Kind::Seq { item } | Kind::Set { item } => (None, item),
        _ => unreachable!("`keys`/`values` are checked to apply to maps, lists and sets"),
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
            #rt::Validate::validate_relative(&self.#ident, __report);
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
        // Not on the wire, so not part of what is validated.
        Presence::Skipped => return TokenStream::new(),
    };
    quote! {
        {
            let __path: &#rt::Path<'static> = &const { #rt::Path::top_member(#wire) };
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
                entry_loop(
                    &quote!(__value),
                    &quote!(__path),
                    true,
                    quote!(#keys #item #values),
                    rt,
                )
            } else {
                entry_loop(
                    &quote!(__value),
                    &quote!(__path),
                    false,
                    quote!(#item #values),
                    rt,
                )
            }
        }
        _ => nested(quote!(__value), quote!(__path), field.value_ty),
    };
    quote! {
        #walk
        #own
    }
}

//! `Validate`: for each field, a few calls into `rules`, then a hand-over to nested models.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{respan, runtime};
use syn::Ident;

use crate::attr;
use crate::check::{Body, Entries, Enum, Field, Model, Pattern, Presence, Rules, Variant};
use crate::pattern::Matcher;

/// Every local of the generated code starts with `__`, so that no user path (a custom function
/// called `path`, say) is shadowed by it.
pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let ident = model.ident;
    let body = match &model.body {
        Body::Struct { fields, .. } => {
            let fields = fields.iter().map(|field| field_checks(field, &rt));
            quote! {
                #[allow(unused_imports)]
                use #rt::{NestedModel as _, NotAModel as _};
                #(#fields)*
            }
        }
        Body::Enum(_) => quote! {
            let _ = (__parent, __report);
        },
    };
    let open = match &model.body {
        Body::Enum(Enum {
            variants,
            other: Some(other),
        }) => open_enum(ident, variants, other, &rt),
        _ => TokenStream::new(),
    };
    quote! {
        #[automatically_derived]
        impl #rt::Validate for #ident {
            // Compiled where it is called, as serde's generic impls are: a crate that only
            // declares models does not pay for optimising their checks.
            #[inline]
            fn validate_into(&self, __parent: &#rt::Path<'_>, __report: &mut #rt::Report) {
                #body
            }
        }
        #open
    }
}

/// What the `known` rule reads from an enum with a catch-all variant.
fn open_enum(ident: &Ident, variants: &[Variant], other: &Ident, rt: &TokenStream) -> TokenStream {
    let wires: Vec<&str> = variants
        .iter()
        .map(|variant| variant.wire.as_str())
        .collect();
    let expected = wires.join(", ");
    quote! {
        #[automatically_derived]
        impl #rt::OpenEnum for #ident {
            const EXPECTED: &'static str = #expected;

            #[inline]
            fn unknown(&self) -> ::core::option::Option<&str> {
                // A kept value spelt as a known one encodes, and so decodes, as that one.
                match self {
                    Self::#other(__value) if !matches!(__value.as_str(), #(#wires)|*) => {
                        ::core::option::Option::Some(__value)
                    }
                    _ => ::core::option::Option::None,
                }
            }
        }
    }
}

/// The checks of one field, on its value when present.
fn field_checks(field: &Field, rt: &TokenStream) -> TokenStream {
    let ident = field.ident;
    let wire = &field.wire;
    let checks = value_checks(
        &field.rules,
        quote!(__value),
        quote!(__path),
        Subject::Value,
        rt,
    );
    // Only the call carries the field type's span (so a trait error points at the type); the
    // locals are interpolated with the call-site span, which keeps them resolvable when the
    // model is declared inside a `macro_rules!` expansion.
    let (value, path, report) = (quote!(__value), quote!(__path), quote!(__report));
    let nested = quote_spanned! {field.value_ty.span()=>
        (&#rt::Nested(#value)).validate_nested(&#path, #report);
    };
    let access = match field.presence {
        Presence::Optional => quote! {
            if let ::core::option::Option::Some(__value) = &self.#ident {
                #checks
                #nested
            }
        },
        Presence::Required | Presence::Default => quote! {
            let __value = &self.#ident;
            #checks
            #nested
        },
        // Not on the wire, so not part of what is validated.
        Presence::Skipped => return TokenStream::new(),
    };
    quote! {
        {
            let __path = __parent.member(#wire);
            #access
        }
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
        out.extend(labelled(
            {
                let function = match &rules.length_site {
                    Some((rule, ty)) => respan(quote!(#rt::rules::length::<#ty>), rule.span()),
                    None => quote!(#rt::rules::length),
                };
                quote!(#function(#value, #min, #max, #subject, &#path, __report);)
            },
            &rules.labels.length,
            rt,
        ));
    }
    if let Some(pattern) = &rules.pattern {
        let constant = pattern_constant(pattern, rt);
        out.extend(labelled(
            quote! {{
                static __PATTERN: #rt::rules::Pattern = #constant;
                #rt::rules::pattern(#as_str, &__PATTERN, #subject, &#path, __report);
            }},
            &rules.labels.pattern,
            rt,
        ));
    }
    if let Some(needle) = &rules.contains {
        out.extend(labelled(
            quote!(#rt::rules::contains(#as_str, #needle, #subject, &#path, __report);),
            &rules.labels.contains,
            rt,
        ));
    }
    if let Some((min, max)) = &rules.range {
        out.extend(labelled(
            quote!(#rt::rules::range(*#value, #min, #max, #subject, &#path, __report);),
            &rules.labels.range,
            rt,
        ));
    }
    if rules.finite {
        out.extend(labelled(
            quote!(#rt::rules::finite(::core::convert::Into::<f64>::into(*#value), #subject, &#path, __report);),
            &rules.labels.finite,
            rt,
        ));
    }
    if let Some((known, ty)) = &rules.known {
        let function = respan(quote!(#rt::rules::known::<#ty>), known.span());
        out.extend(labelled(
            quote!(#function(#value, #subject, &#path, __report);),
            &rules.labels.known,
            rt,
        ));
    }
    for attr::Custom { function, args } in &rules.custom {
        let report = quote!(__report);
        out.extend(quote_spanned! {function.span()=>
            #rt::rules::custom(#function(#value #(, #args)*), &#path, #report);
        });
    }
    if let Some(entries) = &rules.entries {
        out.extend(entry_checks(entries, &value, &path, rt));
    }
    out
}

/// A rule's call, followed, when the author gave the rule a message or code, by a relabelling
/// of what it reported. Rules without one cost nothing more.
fn labelled(check: TokenStream, label: &attr::Label, rt: &TokenStream) -> TokenStream {
    if !label.is_set() {
        return check;
    }
    let some = |lit: &Option<syn::LitStr>| match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    };
    let (code, message) = (some(&label.code), some(&label.message));
    quote! {{
        let __mark = __report.len();
        #check
        #rt::rules::relabel(__report, __mark, #code, #message);
    }}
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
        rt,
    );
    if entries.is_map {
        let keys = value_checks(
            &entries.keys,
            quote!(__key),
            quote!(__entry),
            Subject::Key,
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

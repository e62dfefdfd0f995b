//! The calls that check one value's rules: each built-in rule, the author's labels on them,
//! custom functions, and loops over the entries of maps, lists and sets at any depth.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::respan;
use crate::attr;
use crate::check::{Entries, Pattern, Rules};
use crate::pattern::{Dfa, Matcher};

#[derive(Clone, Copy)]
pub enum Subject {
    Value,
    Key,
}

/// Calls for each rule on `value` (a reference expression) at `path`.
pub fn value_checks(
    rules: &Rules,
    value: TokenStream,
    path: TokenStream,
    subject: Subject,
    entries: bool,
    rt: &TokenStream,
) -> TokenStream {
    // A key's built-in rules check its text (any `MapKey` has one); a value's, the value.
    let (as_str, counted) = match subject {
        Subject::Value => (
            quote!(::core::convert::AsRef::<str>::as_ref(#value)),
            value.clone(),
        ),
        Subject::Key => {
            let text = quote!(#rt::MapKey::as_key(#value));
            (text.clone(), text)
        }
    };
    let length_of = match subject {
        Subject::Value => rules.length_site.as_ref(),
        Subject::Key => None,
    };
    let subject = match subject {
        Subject::Value => quote!(#rt::rules::Subject::Value),
        Subject::Key => quote!(#rt::rules::Subject::Key),
    };
    let mut out = TokenStream::new();
    if let Some((min, max)) = rules.length {
        let max = if max == usize::MAX {
            quote!(::core::primitive::usize::MAX)
        } else {
            quote!(#max)
        };
        out.extend(labelled(
            {
                let function = match length_of {
                    Some((rule, ty)) => respan(quote!(#rt::rules::length::<#ty>), rule.span()),
                    None => quote!(#rt::rules::length),
                };
                quote!(#function(#counted, #min, #max, #subject, &#path, __report);)
            },
            &rules.labels.length,
            rt,
        ));
    }
    if let Some(pattern) = &rules.pattern {
        out.extend(labelled(
            pattern_check(pattern, &as_str, &subject, &path, rt),
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
    if let Some(entries) = rules.entries.as_ref().filter(|_| entries) {
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
        entry_loop(value, path, true, quote!(#keys #values), rt)
    } else {
        entry_loop(value, path, false, values, rt)
    }
}

/// A loop running `checks` on each entry `__key`/`__item` of the map (or item `__item` of the
/// list) `value` at `path`. The checks report relative to the entry (`__entry` is a constant):
/// the key or index goes in front of what they recorded, so that a valid entry builds no path.
pub fn entry_loop(
    value: &TokenStream,
    path: &TokenStream,
    is_map: bool,
    checks: TokenStream,
    rt: &TokenStream,
) -> TokenStream {
    let (head, step) = if is_map {
        (
            quote!((__key, __item) in #value),
            quote!(key(#rt::MapKey::as_key(__key))),
        )
    } else {
        (
            quote!((__index, __item) in #value.iter().enumerate()),
            quote!(index(__index)),
        )
    };
    // `__placed` counts the violations whose paths are complete.
    quote! {{
        let mut __placed = __report.len();
        for #head {
            let __entry: &#rt::Path<'static> = &const { #rt::Path::root() };
            #checks
            if __report.len() > __placed {
                __report.prefix_since(__placed, &#path.#step);
                __placed = __report.len();
            }
        }
    }}
}

/// The check of a `pattern` on `value` (a `&str` expression). A class repeated is a constant
/// (`&const { .. }`: its bounds fold into the check where it is inlined); the tables of a DFA
/// and a lazily compiled regex (the `regex` feature) live in a `static`.
fn pattern_check(
    pattern: &Pattern,
    value: &TokenStream,
    subject: &TokenStream,
    path: &TokenStream,
    rt: &TokenStream,
) -> TokenStream {
    let source = &pattern.source;
    let constant = match &pattern.matcher {
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
            return quote! {
                #rt::rules::class_pattern(
                    #value,
                    &const { #rt::rules::ClassPattern::new(#source, [#low, #high], #min, #max) },
                    #subject,
                    &#path,
                    __report,
                );
            };
        }
        Matcher::Dfa(dfa) => {
            let dfa = dfa_constant(dfa, rt);
            quote!(#rt::rules::Pattern::dfa(#source, #dfa))
        }
        #[cfg(feature = "regex")]
        Matcher::Regex => {
            quote!(#rt::rules::Pattern::regex(#source, || #rt::rules::compile_anchored(#source)))
        }
    };
    quote! {{
        static __PATTERN: #rt::rules::Pattern = #constant;
        #rt::rules::pattern(#value, &__PATTERN, #subject, &#path, __report);
    }}
}

/// A `Dfa` constant. Byte tables are byte-string literals: one token each, cheap to compile.
fn dfa_constant(dfa: &Dfa, rt: &TokenStream) -> TokenStream {
    let bytes = |bytes: &[u8]| proc_macro2::Literal::byte_string(bytes);
    let ascii = bytes(&dfa.ascii);
    let starts = dfa.upper.iter().map(|&(start, _)| start);
    let upper_classes = bytes(
        &dfa.upper
            .iter()
            .map(|&(_, class)| class)
            .collect::<Vec<_>>(),
    );
    let classes = dfa.classes;
    // Cells hold the next state's row (state times classes): a step is a load and an add.
    let rows = dfa.next.iter().map(|&state| usize::from(state) * classes);
    let next = if dfa.states() * classes <= 256 {
        let next = bytes(&rows.map(|row| row as u8).collect::<Vec<_>>());
        quote!(#rt::rules::Table::Small(#next))
    } else {
        let cells = dfa.next.len();
        let next = bytes(
            &rows
                .flat_map(|row| (row as u16).to_le_bytes())
                .collect::<Vec<_>>(),
        );
        quote!(#rt::rules::Table::Large(&const { #rt::rules::Table::rows::<#cells>(#next) }))
    };
    let accept = bytes(
        &dfa.accept
            .iter()
            .map(|&accept| u8::from(accept))
            .collect::<Vec<_>>(),
    );
    let start = usize::from(dfa.start) * classes;
    quote! {
        #rt::rules::Dfa::new(#ascii, &[#(#starts),*], #upper_classes, #classes, #next, #accept, #start)
    }
}

//! `JsonSchema`: the model's definition as a list of calls into the runtime's
//! `schema::build`, one per member, each value's rules passed as data. The impl sits inside the
//! runtime's `schema_impl!`, which drops it unread unless the `schema` feature is on.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::Type;

use super::description;
use super::generics::{self, Header};
use super::{respan, runtime};
use crate::check::{Body, Compare, Entries, Enum, Field, Model, Presence, Rules};
use crate::shape::{self, Kind};

pub fn expand(model: &Model) -> TokenStream {
    if model.skip_schema {
        return TokenStream::new();
    }
    let rt = runtime(model);
    let schema = quote!(#rt::schema);
    let build = quote!(#schema::build);
    let doc = optional_text(model.doc.as_deref());
    let (definition, known) = match &model.body {
        Body::Struct {
            fields,
            deny_unknown,
        } => (
            struct_definition(model, fields, *deny_unknown, &build, &doc),
            None,
        ),
        Body::Enum(body) => enum_definition(model, body, &schema, &build),
    };
    let name = model.ident.to_string();
    let params = generics::used_params(model);
    let schema_name = if params.is_empty() {
        quote!(::std::borrow::Cow::Borrowed(#name))
    } else {
        quote! {
            ::std::borrow::Cow::Owned(
                [::std::string::String::from(#name), #(<#params as #schema::JsonSchema>::schema_name().into_owned()),*]
                    .join("_"),
            )
        }
    };
    let bound = quote!(#schema::JsonSchema + #rt::serde::Serialize);
    let Header { params, ty, bounds } = generics::header(model, &bound, false);
    // Kept or dropped by the runtime's `schema` feature.
    quote! {
        #rt::schema_impl! {
        #[automatically_derived]
        impl #params #schema::JsonSchema for #ty #bounds {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                #schema_name
            }

            fn is_referenced() -> bool {
                true
            }

            #[inline]
            fn definition(__gen: &mut #schema::SchemaGenerator) -> #schema::Value {
                #[allow(unused_imports)]
                use #build::{HasDefault as _, HasSchema as _, NoDefault as _, NoSchema as _};
                #definition
            }

            #known
        }
        }
    }
}

/// The definition of an enum (its values, and the values' docs in its description), and, for
/// an open one, the `known_definition` that lists only the known values.
fn enum_definition(
    model: &Model,
    body: &Enum,
    schema: &TokenStream,
    build: &TokenStream,
) -> (TokenStream, Option<TokenStream>) {
    let values: Vec<String> = body
        .variants
        .iter()
        .flat_map(|variant| {
            std::iter::once(variant.wire.clone())
                .chain(variant.aliases.iter().map(syn::LitStr::value))
        })
        .collect();
    let open = body.other.is_some();
    // "- `ERROR`: Only errors are logged." for each documented value.
    let values_doc: Vec<String> = body
        .variants
        .iter()
        .filter_map(|variant| {
            let doc = variant.doc.as_deref()?.replace('\n', " ");
            Some(format!("- `{}`: {doc}", variant.wire))
        })
        .collect();
    let doc = match (model.doc.as_deref(), values_doc.is_empty()) {
        (own, true) => own.map(str::to_owned),
        (None, false) => Some(values_doc.join("\n")),
        (Some(own), false) => Some(format!("{own}\n\n{}", values_doc.join("\n"))),
    };
    let doc = optional_text(doc.as_deref());
    let known = open.then(|| {
        quote! {
            #[inline]
            fn known_definition(_: &mut #schema::SchemaGenerator) -> #schema::Value {
                #build::known_values(&[#(#values),*])
            }
        }
    });
    (
        quote!(#build::enumeration(&[#(#values),*], #open, #doc)),
        known,
    )
}

/// `::core::option::Option<&str>` of a doc comment, as a schema's description.
fn optional_text(text: Option<&str>) -> TokenStream {
    match text.map(description::plain) {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

fn struct_definition(
    model: &Model,
    fields: &[Field],
    deny_unknown: bool,
    build: &TokenStream,
    doc: &TokenStream,
) -> TokenStream {
    let members = fields.iter().map(|field| {
        let presence = match field.presence {
            Presence::Skipped => return TokenStream::new(),
            Presence::Flatten => {
                let flattened = probe(field.ty, build);
                return quote!(__object.flatten(#flattened););
            }
            Presence::Required => quote!(#build::Presence::Required),
            Presence::Optional | Presence::Default => quote!(#build::Presence::Optional),
        };
        let wire = &field.wire;
        let aliases = &field.aliases;
        let value = value_schema(field.value_ty, &field.rules, build);
        let doc = optional_text(field.doc.as_deref());
        let default = match (field.presence, &field.default) {
            (Presence::Default, Some(function)) => {
                quote!(::core::option::Option::Some(#build::default_value(&#function())))
            }
            (Presence::Default, None) => {
                let ty = field.value_ty;
                quote!((&#build::DefaultOf::<#ty>::new()).default_json())
            }
            _ => quote!(::core::option::Option::None),
        };
        quote! {
            __object.member(#wire, &[#(#aliases),*], #presence, #value, #doc, #default);
        }
    });
    let requires = model.rules.require.iter().map(|required| {
        let subject = &fields[required.when].wire;
        let members = required.members.iter().map(|&index| &fields[index].wire);
        let equals = match &required.compare {
            None => quote!(::core::option::Option::None),
            Some(Compare::Wire(text)) => {
                quote!(::core::option::Option::Some(#build::default_value(&#text)))
            }
            Some(Compare::Equal(literal)) => {
                quote!(::core::option::Option::Some(#build::default_value(&#literal)))
            }
        };
        quote!(__object.require_when(&[#(#members),*], #subject, #equals);)
    });
    let notes = model
        .rules
        .custom
        .iter()
        .enumerate()
        .map(|(index, function)| {
            let text = path_text(function);
            match model
                .rules
                .custom_schemas
                .get(index)
                .and_then(Option::as_ref)
            {
                Some(form) => {
                    let form = respan(quote!(#form), span_of(form));
                    quote!(__object.rule(#form);)
                }
                None => quote!(__object.note(#text);),
            }
        });
    quote! {
        let mut __object = #build::Object::new();
        #(#members)*
        #(#requires)*
        #(#notes)*
        __object.finish(#doc, #deny_unknown)
    }
}

/// The schema of a value of type `ty` under `rules`: its type's schema, or, when `keys(...)` or
/// `values(...)` reach inside it, a list or map built around the entries' own schemas; then
/// the value's own rules.
fn value_schema(ty: &Type, rules: &Rules, build: &TokenStream) -> TokenStream {
    let base = match (shape::kind(ty), rules.entries.as_deref()) {
        (Kind::Seq { item }, Some(Entries { values, .. })) => {
            let items = value_schema(item, values, build);
            quote!(#build::array(#items, false))
        }
        (Kind::Set { item }, Some(Entries { values, .. })) => {
            let items = value_schema(item, values, build);
            quote!(#build::array(#items, true))
        }
        (Kind::Map { key, value }, Some(Entries { keys, values, .. })) => {
            let names = value_schema(key, keys, build);
            let values = value_schema(value, values, build);
            quote!(#build::map(#names, #values))
        }
        _ if rules.known.is_some() => quote!(#build::known::<#ty>(__gen)),
        _ => probe(ty, build),
    };
    let own = own_rules(rules, build);
    if own.is_empty() {
        base
    } else {
        quote!(#build::with_rules(#base, &[#(#own),*]))
    }
}

/// The schema of `ty`, or one that accepts anything when `ty` has none.
fn probe(ty: &Type, build: &TokenStream) -> TokenStream {
    quote!((&#build::Probe::<#ty>::new()).schema_of(__gen))
}

/// The value's own rules as `Rule` values.
fn own_rules(rules: &Rules, build: &TokenStream) -> Vec<TokenStream> {
    let mut out = Vec::new();
    if let Some((min, max)) = rules.length {
        let max = if max == usize::MAX {
            quote!(::core::primitive::usize::MAX)
        } else {
            quote!(#max)
        };
        out.push(quote!(#build::Rule::Length(#min, #max)));
    }
    // A pattern without an ECMA-262 form is a compile error unless the model skips its schema.
    if let Some(Ok(ecma)) = rules.pattern.as_ref().map(|pattern| &pattern.ecma) {
        out.push(quote!(#build::Rule::Pattern(#ecma)));
    }
    if let Some(text) = &rules.contains {
        out.push(quote!(#build::Rule::Contains(#text)));
    }
    if let Some((min, max)) = &rules.range {
        out.push(quote!(#build::range(#min, #max)));
    }
    for (index, custom) in rules.custom.iter().enumerate() {
        let text = path_text(&custom.function);
        let form = match rules.custom_schemas.get(index).and_then(Option::as_ref) {
            Some(path) => {
                let form = respan(
                    quote!({ let __form: #build::SchemaForm = #path; __form }),
                    span_of(path),
                );
                quote!(::core::option::Option::Some(#form))
            }
            None => quote!(::core::option::Option::None),
        };
        out.push(quote!(#build::Rule::Custom(#text, #form)));
    }
    out
}

fn span_of(path: &syn::Path) -> proc_macro2::Span {
    path.segments
        .last()
        .map_or_else(proc_macro2::Span::call_site, |segment| segment.ident.span())
}

/// A path as written, without the spaces token streams put around `::`.
fn path_text(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

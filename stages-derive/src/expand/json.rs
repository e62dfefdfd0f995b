//! `WriteJson`: the model's JSON written straight into a buffer, the same bytes as its
//! `Serialize` through serde_json. Keys are known here, so each is emitted once as an escaped
//! byte literal with its comma (`,"stageName":`); the runtime turns a struct's first comma into
//! its `{`. A member's type picks at compile time whether it is written by `WriteJson` or
//! through the model's own `Serialize` (`encode::Member`). Each member is one call into the
//! runtime.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::generics::{self, Header};
use super::ser::kept;
use super::{kept_text, runtime};
use crate::check::{Body, Enum, Field, Model, Presence};

pub fn expand(model: &Model) -> TokenStream {
    let rt = runtime(model);
    let Header { params, ty, bounds } = generics::header(model, &quote!(#rt::WriteJson), false);
    let signature = quote! {
        fn write_json(
            &self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
        ) -> ::core::result::Result<(), #rt::encode::Error>
    };
    match &model.body {
        Body::Struct { fields, .. } => {
            let members = fields.iter().map(|field| member(field, &rt));
            let members_signature = quote! {
                fn write_json_members(
                    &self,
                    __out: &mut ::std::vec::Vec<::core::primitive::u8>,
                ) -> ::core::result::Result<(), #rt::encode::Error>
            };
            quote! {
                #[automatically_derived]
                impl #params #rt::WriteJson for #ty #bounds {
                    #[inline]
                    #signature {
                        #rt::encode::object(self, __out)
                    }
                }

                #[automatically_derived]
                impl #params #rt::encode::WriteJsonMembers for #ty #bounds {
                    // Compiled where a model is encoded, as serde's generic `Serialize` is,
                    // rather than in every crate that declares one.
                    #[inline]
                    #members_signature {
                        // Short names, as each member names them.
                        #[allow(unused_imports)]
                        use #rt::encode::{BySerde as _, ByWriteJson as _, Member as __Json};
                        #[allow(unused_imports)]
                        use #rt::ser::{AsRfc3339 as _, AsSerialize as _, Member as __Wire};
                        #(#members)*
                        ::core::result::Result::Ok(())
                    }
                }
            }
        }
        Body::Enum(Enum { variants, other }) => {
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let text = byte_literal(&json_string(&variant.wire));
                quote!(Self::#ident => #text,)
            });
            // The catch-all writes back the value it kept, unchanged.
            let other = other.map(|other| {
                let (variant, text) = (other.ident, kept_text(&other, quote!(__value), &rt));
                quote! {
                    Self::#variant(__value) => {
                        #rt::encode::write_str(__out, #text);
                        return;
                    }
                }
            });
            // As a map's key too (serde_json writes a unit variant there as the same string).
            quote! {
                #[automatically_derived]
                impl #params #rt::encode::JsonKey for #ty #bounds {
                    #[inline]
                    fn write_json_key(&self, __out: &mut ::std::vec::Vec<::core::primitive::u8>) {
                        let __text: &[::core::primitive::u8] = match self {
                            #(#arms)*
                            #other
                        };
                        __out.extend_from_slice(__text);
                    }
                }

                #[automatically_derived]
                impl #params #rt::WriteJson for #ty #bounds {
                    #[inline]
                    #signature {
                        #rt::encode::JsonKey::write_json_key(self, __out);
                        ::core::result::Result::Ok(())
                    }
                }
            }
        }
    }
}

/// One member: its key and value when it is written, as the `Serialize` impl decides
/// (`ser::kept`); a flattened struct writes its own members.
fn member(field: &Field, rt: &TokenStream) -> TokenStream {
    let ident = field.ident;
    let key = byte_literal(&format!(",{}:", json_string(&field.wire)));
    let name = &field.wire;
    // The value as `Serialize` hands it on (`ser::Member`, `__Wire`: a date as `Rfc3339`), then
    // written by its `WriteJson`, or else through the model's own `Serialize`, this member
    // alone (`encode::Member`, `__Json`), which asks nothing more of its type.
    let write = |value: TokenStream| {
        let span = field.value_ty.span();
        let (wire, json) = (
            quote_spanned!(span=> __stages_wire),
            quote_spanned!(span=> __stages_json),
        );
        quote!((&__Json((&__Wire(#value)).#wire())).#json(__out, #key, self, #name)?;)
    };
    match (field.presence, kept(field, rt)) {
        (Presence::Optional, keep) => {
            let write = write(quote!(__value));
            let write = match keep {
                Some(keep) => quote!(if #keep { #write }),
                None => write,
            };
            quote! {
                if let ::core::option::Option::Some(__value) = &self.#ident {
                    #write
                }
            }
        }
        (Presence::Required | Presence::Default, Some(keep)) => {
            let write = write(quote!(&self.#ident));
            quote!(if #keep { #write })
        }
        (Presence::Required | Presence::Default, None) => write(quote!(&self.#ident)),
        (Presence::Flatten, _) => quote! {
            #rt::encode::WriteJsonMembers::write_json_members(&self.#ident, __out)?;
        },
        // Not on the wire.
        (Presence::Skipped, _) => TokenStream::new(),
    }
}

/// `text` as a JSON string, escaped as serde_json escapes it: `"` and `\` with a backslash,
/// control characters as `\b \f \n \r \t` or `\u00XX`, everything else as it is.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for char in text.chars() {
        match char {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{0C}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\0'..='\u{1F}' => out.push_str(&format!("\\u{:04x}", u32::from(char))),
            _ => out.push(char),
        }
    }
    out.push('"');
    out
}

fn byte_literal(text: &str) -> Literal {
    Literal::byte_string(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn wire_names_are_escaped_as_serde_json_escapes_them() {
        assert_eq!(json_string("stageName"), r#""stageName""#);
        assert_eq!(
            json_string("a\"b\\c/\u{7f}é\u{1f}\u{8}\n"),
            "\"a\\\"b\\\\c/\u{7f}é\\u001f\\b\\n\""
        );
    }
}

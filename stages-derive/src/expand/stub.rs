//! What a model with mistakes still implements. The compile fails on the mistakes anyway;
//! without these impls, every use of the type (`from_json::<Function>`, a model holding it,
//! `validate()`) would add an error of its own ("`Function: DeserializeOwned` is not
//! satisfied") that hides the one that matters. Their bodies are never run.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

/// `Validate`, `Decode`, `Serialize`, `WriteJson`, `Deserialize` and (behind the runtime's
/// `schema` feature) `JsonSchema` for `input`, doing nothing: the type's own compile errors say
/// why.
pub fn stub(input: &DeriveInput, krate: &syn::Path) -> TokenStream {
    let rt = quote!(#krate::__private);
    let ident = &input.ident;
    let name = ident.to_string();
    let (params, ty, bounds) = input.generics.split_for_impl();
    let mut with_de = input.generics.clone();
    with_de.params.insert(0, syn::parse_quote!('de));
    let (de_params, _, _) = with_de.split_for_impl();
    let never =
        quote!(::core::unreachable!("`{}` did not derive `Model`: see its compile errors", #name));
    quote! {
        #[doc(hidden)]
        #[allow(unused_variables, unreachable_code, clippy::all)]
        const _: () = {
            impl #params #rt::Validate for #ident #ty #bounds {
                fn validate_into(&self, _: &#rt::Path<'_>, _: &mut #rt::Report) {}
            }

            impl #params #rt::de::Decode for #ident #ty #bounds {
                fn decode_in<'de, __D: #rt::serde::Deserializer<'de>>(
                    _: __D,
                ) -> ::core::result::Result<::core::option::Option<Self>, __D::Error> {
                    #never
                }
            }

            impl #params #rt::serde::Serialize for #ident #ty #bounds {
                fn serialize<__S: #rt::serde::Serializer>(
                    &self,
                    _: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #never
                }
            }

            // Its provided method goes through the `Serialize` above.
            impl #params #rt::WriteJson for #ident #ty #bounds {}

            impl #de_params #rt::serde::Deserialize<'de> for #ident #ty #bounds {
                fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                    _: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #never
                }
            }

            #rt::schema_impl! {
                impl #params #rt::schema::JsonSchema for #ident #ty #bounds {
                    fn schema_name() -> ::std::borrow::Cow<'static, str> {
                        ::std::borrow::Cow::Borrowed(#name)
                    }

                    fn definition(_: &mut #rt::schema::SchemaGenerator) -> #rt::schema::Value {
                        #never
                    }
                }
            }
        };
    }
}

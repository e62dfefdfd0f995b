//! Impl headers for generic models, with bounds inferred as serde infers them: a type
//! parameter that appears in a field's type gets the bound the impl needs (`T: Validate` for
//! `Validate`, `T: Serialize` for `Serialize`, `T: Decode + Validate` for decoding, whose
//! checks run as each value is read); one that appears nowhere gets none.

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Ident, Type};

use crate::check::{Body, Model};

/// `impl<...> Trait for Name<...> where ...`: the three parts around the trait.
pub struct Header {
    pub params: TokenStream,
    pub ty: TokenStream,
    pub bounds: TokenStream,
}

/// The header of an impl needing `bound` on each type parameter the fields use; `de` adds the
/// `'de` lifetime in front of the parameters.
pub fn header(model: &Model, bound: &TokenStream, de: bool) -> Header {
    let ident = model.ident;
    let generics = model.generics;
    let params: Vec<&Ident> = generics.type_params().map(|param| &param.ident).collect();
    let declared = generics.type_params().map(|param| {
        let ident = &param.ident;
        let bounds = &param.bounds;
        if bounds.is_empty() {
            quote!(#ident)
        } else {
            quote!(#ident: #bounds)
        }
    });
    let lifetime = de.then(|| quote!('de,));
    let used: Vec<&Ident> = params
        .iter()
        .copied()
        .filter(|param| used_in_fields(model, param))
        .collect();
    let predicates = generics
        .where_clause
        .as_ref()
        .map(|clause| clause.predicates.to_token_stream());
    Header {
        params: quote!(<#lifetime #(#declared),*>),
        ty: quote!(#ident <#(#params),*>),
        bounds: quote!(where #(#used: #bound,)* #predicates),
    }
}

/// The type parameters the fields use (those that get a bound).
pub fn used_params<'a>(model: &'a Model) -> Vec<&'a Ident> {
    model
        .generics
        .type_params()
        .map(|param| &param.ident)
        .filter(|param| used_in_fields(model, param))
        .collect()
}

/// Whether a field's type names `param`; a `PhantomData` holds no value and needs no bound.
fn used_in_fields(model: &Model, param: &Ident) -> bool {
    match &model.body {
        Body::Struct { fields, .. } => fields
            .iter()
            .any(|field| !is_phantom(field.ty) && mentions(field.ty, param)),
        Body::Enum(_) => false,
    }
}

fn is_phantom(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.path.segments.last().is_some_and(|segment| segment.ident == "PhantomData"))
}

/// Whether `ty` names `param` anywhere.
pub fn mentions(ty: &Type, param: &Ident) -> bool {
    fn walk(tokens: TokenStream, param: &Ident) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => ident == *param,
            TokenTree::Group(group) => walk(group.stream(), param),
            _ => false,
        })
    }
    walk(ty.to_token_stream(), param)
}

/// Whether `ty` names any type parameter of the model (a constant cannot).
pub fn is_generic(model: &Model, ty: &Type) -> bool {
    model
        .generics
        .type_params()
        .any(|param| mentions(ty, &param.ident))
}

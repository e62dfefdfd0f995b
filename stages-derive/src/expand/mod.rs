//! Code generation from a checked [`Model`]: one module per generated trait. Generated code
//! reaches the runtime only through `<crate>::__private`, and stays small by calling runtime
//! functions instead of inlining logic.

mod container;
mod de;
mod generics;
mod ser;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::check::Model;

/// All impls for the model, in an anonymous const so helper imports stay private.
pub fn expand(model: &Model) -> TokenStream {
    let validate = validate::expand(model);
    let ser = ser::expand(model);
    let de = de::expand(model);
    let container = container::items(model, &runtime(model));
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #validate
            #ser
            #de
            #container
        };
    }
}

/// `<crate>::__private`, where generated code finds the runtime.
fn runtime(model: &Model) -> TokenStream {
    let krate = &model.krate;
    quote!(#krate::__private)
}

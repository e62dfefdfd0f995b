//! The `schema` feature, as generated code sees it: the derive always writes a model's
//! `JsonSchema` impl inside `schema_impl! { ... }`, which keeps it when the feature is on and
//! drops it unread when it is off, so that a crate that never asks for a schema does not
//! type-check or compile one.

/// Keeps the tokens: the `schema` feature is on.
#[cfg(feature = "schema")]
#[doc(hidden)]
#[macro_export]
macro_rules! schema_impl {
    ($($impl:tt)*) => {
        $($impl)*
    };
}

/// Drops the tokens: the `schema` feature is off.
#[cfg(not(feature = "schema"))]
#[doc(hidden)]
#[macro_export]
macro_rules! schema_impl {
    ($($impl:tt)*) => {};
}

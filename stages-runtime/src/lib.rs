#![warn(missing_docs)]
//! The runtime behind `#[derive(Model)]`: what generated code calls, and what callers of a model
//! use — [`Validate`], [`Path`] and [`Segment`], [`Violation`] and [`ValidationErrors`], the
//! rule codes in [`code`], [`from_json`], which decodes a document and reports every problem
//! in it at once, [`to_json_vec`] ([`WriteJson`]), which encodes a model as serde_json would in
//! fewer instructions, and (with the `schema` feature) `schema_for`, the JSON Schema of a model.
//!
//! A crate that models an AWS resource depends on this crate alone: it re-exports the derive
//! ([`Model`]) and serde, and never compiles the Stages types (`stages-model` does, and
//! re-exports everything here).
//!
//! ```
//! use stages_runtime::{from_json, Model, Validate};
//!
//! #[derive(Debug, Model)]
//! struct Route {
//!     #[model(required, length(min = 1, max = 64))]
//!     route_key: String,
//!     #[model(values(pattern = "[a-z]+"))]
//!     labels: Option<Vec<String>>,
//! }
//!
//! let errors = from_json::<Route>(r#"{"labels": ["ok", "NOT OK"]}"#).unwrap_err();
//! assert_eq!(errors.pointers(), ["/routeKey", "/labels/1"]);
//! println!("{errors}");
//! // routeKey: is required
//! // labels[1]: must match [a-z]+
//! ```
//!
//! See [`Model`] for the attribute grammar.

mod catch_all;
mod conditions;
pub mod datetime;
#[doc(hidden)]
pub mod de;
mod defaults;
pub mod encode;
mod json;
mod map_key;
#[doc(hidden)]
pub mod number;
mod omit;
mod one_or_many;
#[doc(hidden)]
pub mod open_enum;
mod path;
#[doc(hidden)]
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
mod schema_gate;
#[doc(hidden)]
pub mod ser;
mod validate;
mod violation;

pub use encode::{to_json_string, to_json_vec, WriteJson};
pub use json::{from_json, from_json_slice, from_json_value};
pub use map_key::MapKey;
pub use one_or_many::OneOrMany;
pub use open_enum::{OpenEnum, UnknownValue};
pub use path::{Path, Segment};
pub use rules::CustomError;
#[cfg(feature = "schema")]
pub use schema::{schema_for, JsonSchema};
pub use stages_derive::Model;
pub use validate::Validate;
pub use violation::{code, Report, ValidationErrors, Violation};

/// serde, re-exported so that code generic over models (`T: Serialize`, `T: DeserializeOwned`)
/// needs no dependency of its own.
pub use serde;

/// The date-time crate that `DateTime<Utc>` members decode with, re-exported so that callers can
/// build such values without a dependency of their own.
pub use chrono;

/// What generated code calls. Not a public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::catch_all::CatchAll;
    pub use crate::de;
    pub use crate::defaults::FieldDefault;
    pub use crate::encode::{self, WriteJson};
    pub use crate::map_key::MapKey;
    pub use crate::number;
    pub use crate::omit::{IsDefault, IsEmpty};
    pub use crate::open_enum::{self, OpenEnum};
    pub use crate::rules;
    #[cfg(feature = "schema")]
    pub use crate::schema;
    pub use crate::schema_impl;
    pub use crate::ser;
    pub use crate::validate::{Nested, NestedModel, NotAModel};
    pub use crate::{path::Path, validate::Validate, violation::Report};
    #[cfg(feature = "regex")]
    pub use regex::Regex;
    pub use serde;
}

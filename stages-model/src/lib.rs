#![warn(missing_docs)]
//! Amazon API Gateway V2 *Stages* as Rust types that decode, validate and encode exactly as AWS
//! does. The runtime behind `#[derive(Model)]` (`stages-runtime`), which declares such types, is
//! re-exported, so this crate is the one dependency a service needs.
//!
//! The resource: [`CreateStageInput`] (the body of `CreateStage`), [`UpdateStageInput`] (the
//! body of `UpdateStage`), [`Stage`], [`Stages`] (a page of `GetStages`), [`RouteSettings`]
//! (in a request) and [`ReturnedRouteSettings`] (in a `Stage`), [`AccessLogSettings`],
//! [`LoggingLevel`]; the operations' inputs [`GetStagesInput`] and [`CreateStageRequest`]; and the errors
//! [`BadRequestException`], [`NotFoundException`], [`ConflictException`] and
//! [`LimitExceededException`] with their HTTP status and wire code ([`AwsError`]).
//!
//! A model is a struct with named fields or a fieldless enum whose rules are written once, as
//! `#[model(...)]` attributes; the derive generates [`Validate`] and the JSON wire format
//! (`Serialize` and `Deserialize`, and [`WriteJson`], behind [`to_json_vec`], which writes the
//! same bytes as serde_json in fewer instructions) from them. Decoding an invalid document
//! fails with *every* violation, each with its path in wire names.
//!
//! ```
//! use stages_model::{from_json, Model, Validate};
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
//!
//! With the cargo feature `schema`, `schema_for` returns the JSON Schema of any model, made
//! from the same attributes; without it, nothing of it is compiled.
//!
//! With the cargo feature `axum`, `extract::AwsJson` is an axum extractor that decodes a
//! request body into a model or answers the AWS-style `400 BadRequestException`; without it,
//! nothing of axum is compiled.
//!
//! Patterns (`pattern = "..."`) are compiled to tables when the derive expands, so no regex
//! engine is built or run. The few constructs it leaves to the regex crate (`\w`, `\p{..}`,
//! inline flags; see [`Model`]) need the cargo feature `regex`; without it they are compile
//! errors that say so.

extern crate self as stages_model;

mod access_log;
pub mod custom;
mod errors;
#[cfg(feature = "axum")]
pub mod extract;
mod logging_level;
mod operations;
mod route_settings;
mod stage;
mod update_stage;

pub use access_log::AccessLogSettings;
pub use custom::MAX_PAGE_SIZE;
pub use errors::{
    AwsError, BadRequestException, ConflictException, LimitExceededException, NotFoundException,
    MAX_REPORTED_VIOLATIONS, MAX_VIOLATION_TEXT,
};
pub use logging_level::LoggingLevel;
pub use operations::{CreateStageRequest, GetStagesInput, Operation, DEFAULT_PAGE_SIZE};
pub use route_settings::{ReturnedRouteSettings, RouteSettings};
pub use stage::{CreateStageInput, Stage, Stages};
pub use update_stage::UpdateStageInput;

pub use stages_runtime::{
    code, from_json, from_json_slice, from_json_value, to_json_string, to_json_vec, CustomError,
    MapKey, OneOrMany, OpenEnum, Path, Report, Segment, UnknownValue, Validate, ValidationErrors,
    Violation, WriteJson,
};

/// JSON Schema (draft 2020-12) of the models, from the same attributes (the `schema` feature):
/// [`schema_for`] and [`JsonSchema`] are re-exported at the root too.
#[cfg(feature = "schema")]
pub use stages_runtime::schema;
#[cfg(feature = "schema")]
pub use stages_runtime::{schema_for, JsonSchema};

/// `#[derive(Model)]`, the same derive as `stages_runtime::Model`, except that generated code
/// reaches the runtime through this crate, so that one dependency is enough.
#[doc(inline)]
pub use stages_derive::ModelViaStagesModel as Model;

/// serde, re-exported so that code generic over models (`T: Serialize`, `T: DeserializeOwned`)
/// needs no dependency of its own.
pub use stages_runtime::serde;

/// The date-time crate of [`Stage::created_date`] and [`Stage::last_updated_date`], re-exported
/// so that callers can build those values without a dependency of their own.
pub use stages_runtime::chrono;

/// The runtime behind the derive, for code that names it (`stages_model::runtime::Path` is
/// `stages_model::Path`).
pub use stages_runtime as runtime;

/// What generated code calls. Not a public API: it may change in any release.
#[doc(hidden)]
pub use stages_runtime::__private;

/// The README's examples, compiled and run as doc tests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;

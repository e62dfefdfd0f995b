//! Integration tests for `#[derive(Model)]`, and resources modelled outside `stages-model`.
//!
//! The [`route`] module declares an Amazon API Gateway V2 *Route* through `stages_model::Model`,
//! which proves that models can live in any crate: the generated code reaches the runtime
//! through `stages_model` and needs no other dependency. The [`aws`] module declares Route,
//! Integration, Api and Authorizer from the AWS service model through `stages_runtime::Model`,
//! as a crate that never compiles the Stage types would, and AWS Lambda's `CreateFunction` body.
//!
//! ```
//! use stages_tests::route::{AuthorizationType, Route};
//!
//! let route: Route = stages_model::from_json(
//!     r#"{"routeKey": "GET /pets", "authorizationType": "JWT", "authorizationScopes": ["read"]}"#,
//! )
//! .unwrap();
//! assert_eq!(route.authorization_type, Some(AuthorizationType::Jwt));
//!
//! let errors = stages_model::from_json::<Route>(r#"{"routeKey": "GET pets"}"#).unwrap_err();
//! assert_eq!(errors.pointers(), ["/routeKey"]);
//! assert_eq!(errors.violations()[0].rule(), "routeKey");
//! ```

#![deny(missing_docs)]

pub mod aws;
pub mod route;
pub mod schemas;
pub mod spec_table;

pub use route::{AuthorizationType, ParameterConstraints, Route};

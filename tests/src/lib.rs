//! Integration tests for `#[derive(Model)]`, and a resource modelled outside `stages-model`.
//!
//! This crate depends on `stages-model` alone. The [`route`] module declares an Amazon API
//! Gateway V2 *Route* with the derive, which proves that models can live in any crate: the
//! generated code reaches the runtime through `stages_model` and needs no other dependency.
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

pub mod route;

pub use route::{AuthorizationType, ParameterConstraints, Route};

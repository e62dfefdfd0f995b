//! The runtime that `#[derive(Model)]` code calls: paths, violations, rules and decoding.

pub mod de;
pub mod json;
pub mod path;
pub mod rules;
pub mod validate;
pub mod violation;

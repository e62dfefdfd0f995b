//! Open enums: an enum with a `#[model(other)] Unknown(String)` variant keeps a value newer than
//! its known ones, as the AWS SDKs do, so that a document AWS returns still decodes and encodes
//! back unchanged. A field that must hold a known value says so with the `known` rule.

use std::fmt;

use serde::de::{self, Visitor};

/// An enum with a catch-all variant, implemented by `#[derive(Model)]`.
///
/// ```
/// use stages_runtime::{from_json, Model, OpenEnum};
///
/// #[derive(Debug, PartialEq, Model)]
/// enum AuthorizationType {
///     None,
///     Jwt,
///     #[model(other)]
///     Unknown(String),
/// }
///
/// #[derive(Debug, Model)]
/// struct Route {
///     authorization_type: Option<AuthorizationType>,
/// }
///
/// #[derive(Debug, Model)]
/// struct CreateRouteInput {
///     #[model(known)]
///     authorization_type: Option<AuthorizationType>,
/// }
///
/// let route: Route = from_json(r#"{"authorizationType": "MTLS"}"#).unwrap();
/// let kept = route.authorization_type.unwrap();
/// assert_eq!(kept.unknown(), Some("MTLS"));
/// assert_eq!(serde_json::to_string(&kept).unwrap(), r#""MTLS""#);
/// let errors = from_json::<CreateRouteInput>(r#"{"authorizationType": "MTLS"}"#).unwrap_err();
/// assert_eq!(errors.to_string(), r#"authorizationType: must be one of NONE, JWT; found "MTLS""#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`known` applies to an enum with a `#[model(other)]` variant, and `{Self}` has none",
    label = "`{Self}` keeps no unknown values",
    note = "an enum without a catch-all variant already rejects unknown values: remove `known`"
)]
pub trait OpenEnum {
    /// The known wire values, comma-separated, for messages.
    const EXPECTED: &'static str;

    /// The value as it was written when the enum did not know it; `None` for a known value,
    /// including one held by the catch-all but spelt as a known one (it encodes as that one).
    fn unknown(&self) -> Option<&str>;
}

/// Decodes a string into a known value with `known` (a `match` on the wire values that the
/// derive generates), or keeps the string (`Err`).
#[doc(hidden)]
pub struct OpenValue<F> {
    known: F,
    expected: &'static str,
}

impl<T, F: Fn(&str) -> Option<T>> OpenValue<F> {
    /// `known` maps a wire value to its variant; `expected` lists the known values.
    pub const fn new(known: F, expected: &'static str) -> Self {
        OpenValue { known, expected }
    }

    #[inline(always)]
    fn find(&self, value: &str) -> Result<T, String> {
        (self.known)(value).ok_or_else(|| kept(value))
    }
}

/// A value the enum does not know, kept as written: out of line, as a known value never comes
/// here.
#[cold]
#[inline(never)]
fn kept(value: &str) -> String {
    value.to_owned()
}

impl<T, F: Fn(&str) -> Option<T>> Visitor<'_> for OpenValue<F> {
    type Value = Result<T, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a string such as {}", self.expected)
    }

    #[inline(always)]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(self.find(value))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Self::Value, E> {
        match std::str::from_utf8(value) {
            Ok(value) => Ok(self.find(value)),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(value), &self)),
        }
    }
}

//! Open enums: an enum with a `#[model(other)] Unknown(String)` (or `Unknown(UnknownValue)`)
//! variant keeps a value newer than its known ones, as the AWS SDKs do, so that a document AWS
//! returns still decodes and encodes back unchanged. A field that must hold a known value says
//! so with the `known` rule.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

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

    /// Whether the catch-all variant holds the value, known or not: the test `known` makes
    /// before it reads any text (the derive tests the variant alone).
    #[inline]
    fn kept(&self) -> bool {
        self.unknown().is_some()
    }
}

/// A value an open enum did not know, kept as written: the text behind one pointer, so that the
/// catch-all variant (`#[model(other)] Unknown(UnknownValue)`) makes the enum 16 bytes where a
/// `String` makes it 24, and the structs that hold it move and drop in fewer instructions. It
/// reads as the `str` it holds; a catch-all holding a plain `String` works the same way.
///
/// ```
/// use stages_runtime::UnknownValue;
///
/// let kept = UnknownValue::from("TRACE");
/// assert_eq!(kept, "TRACE");
/// assert_eq!(kept.as_str(), "TRACE");
/// assert_eq!(format!("{kept} {kept:?}"), r#"TRACE "TRACE""#);
/// assert_eq!(String::from(kept), "TRACE");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
// The second allocation is made only for a value the enum does not know (rare), and buys a
// thin pointer for every value it does know.
#[allow(clippy::box_collection)]
pub struct UnknownValue(Box<String>);

impl UnknownValue {
    /// The value as it was written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for UnknownValue {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for UnknownValue {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for UnknownValue {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for UnknownValue {
    fn from(value: String) -> Self {
        UnknownValue(Box::new(value))
    }
}

impl From<&str> for UnknownValue {
    fn from(value: &str) -> Self {
        UnknownValue(Box::new(value.to_owned()))
    }
}

impl From<UnknownValue> for String {
    fn from(value: UnknownValue) -> Self {
        *value.0
    }
}

impl PartialEq<str> for UnknownValue {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for UnknownValue {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for UnknownValue {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// As the `str` it holds, quoted.
impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
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

//! Encoding models to JSON without serde's `Serializer`: the counterpart of
//! [`from_json`](crate::from_json).
//!
//! serde_json, driven through a model's `Serialize`, escapes every key byte by byte on each
//! call although the keys are known when the model is compiled, and checks every byte of every
//! value one at a time. `#[derive(Model)]` implements [`WriteJson`] instead with its keys as
//! escaped byte literals and its values checked many bytes at a time for anything to escape, so
//! that a service answers with a copy where serde_json makes a loop. The bytes are the same as
//! `serde_json::to_vec` of the model's `Serialize`, which every model keeps.

mod dates;
mod impls;
mod member;
mod text;

use serde::Serialize;

pub use impls::JsonKey;
#[doc(hidden)]
pub use member::{BySerde, ByWriteJson, Member};
pub use text::write_str;

/// The error of encoding: only a member whose type is encoded through its own `Serialize` (one
/// that is neither a model nor a type this crate knows) can fail, as serde_json would.
pub type Error = serde_json::Error;

/// A value that writes itself as JSON, byte for byte as `serde_json::to_vec` writes its
/// `Serialize` (hence the supertrait).
///
/// `#[derive(Model)]` implements it for every model; this crate implements it for strings,
/// numbers, `bool`, `char`, dates (`DateTime<Utc>`, `DateTime<FixedOffset>`), `Option`, `OneOrMany`, lists, sets, and
/// maps keyed by text, by an enum deriving `Model` or by integers. A member of any other type
/// is written through the model's `Serialize` (that member alone), so a model encodes whatever
/// its members are. A generic model needs `T: WriteJson` of its parameters: to use one of your
/// own types there, implement this trait with its default method, which goes through
/// `Serialize` (`impl WriteJson for MyType {}`).
///
/// ```
/// use stages_runtime::{to_json_string, Model};
///
/// #[derive(Model)]
/// struct Route {
///     #[model(required)]
///     route_key: String,
///     target: Option<String>,
/// }
///
/// let route = Route { route_key: "GET /\"pets\"".into(), target: None };
/// let json = to_json_string(&route).unwrap();
/// assert_eq!(json, r#"{"routeKey":"GET /\"pets\""}"#);
/// assert_eq!(json, serde_json::to_string(&route).unwrap());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written by `to_json_vec`: it does not implement `WriteJson`",
    label = "`{Self}` does not implement `WriteJson`",
    note = "models (`#[derive(Model)]`), strings, numbers, bools, dates and `Vec`s, `Option`s, `Box`es and text-keyed maps of them implement it; for a type of your own with `Serialize`, an empty `impl WriteJson for` it writes it through serde_json"
)]
pub trait WriteJson: Serialize {
    /// Appends the value's JSON to `out`. On an error (only from a member encoded through
    /// `Serialize`), `out` holds part of the value.
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        write_via_serde(self, out)
    }
}

/// Encodes `value` as JSON: the same bytes as `serde_json::to_vec`, in fewer instructions for
/// models.
///
/// # Errors
///
/// When a member encoded through its own `Serialize` fails, as `serde_json::to_vec` would.
#[inline]
pub fn to_json_vec<T: ?Sized + WriteJson>(value: &T) -> Result<Vec<u8>, Error> {
    // As serde_json starts.
    let mut out = Vec::with_capacity(128);
    value.write_json(&mut out)?;
    Ok(out)
}

/// Encodes `value` as a JSON string: the same text as `serde_json::to_string`.
///
/// # Errors
///
/// As [`to_json_vec`].
#[inline]
pub fn to_json_string<T: ?Sized + WriteJson>(value: &T) -> Result<String, Error> {
    let out = to_json_vec(value)?;
    // Whole strings and ASCII are all that is ever written, so this never fails.
    String::from_utf8(out).map_err(|_| serde::ser::Error::custom("the JSON written is not UTF-8"))
}

/// Appends `value`'s JSON as serde_json writes it: for members of types that are not models and
/// that this crate does not know. Called by generated code and the default of `write_json`.
#[doc(hidden)]
#[inline(never)]
pub fn write_via_serde<T: ?Sized + Serialize>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    serde_json::to_writer(out, value)
}

/// Generated for each struct model: its members as `,"key":value` each, so that a struct
/// flattened into another writes them into the other's object.
#[doc(hidden)]
pub trait WriteJsonMembers {
    /// Appends each member written as `,"key":value`.
    fn write_json_members(&self, out: &mut Vec<u8>) -> Result<(), Error>;
}

/// Writes a struct model: its members, each preceded by a comma, with the first comma made
/// the `{` (no test per member of whether it is the first).
#[doc(hidden)]
#[inline]
pub fn object<T: ?Sized + WriteJsonMembers>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    let start = out.len();
    value.write_json_members(out)?;
    close(out, start, b'{', b'}');
    Ok(())
}

/// Ends a list or object whose items were each written after a comma from `start` on: the first
/// comma becomes `open`, or, with no item, `open` and `close` are written.
#[inline(always)]
pub(crate) fn close(out: &mut Vec<u8>, start: usize, open: u8, close: u8) {
    match out.get_mut(start) {
        Some(first) => {
            *first = open;
            out.push(close);
        }
        None => out.extend_from_slice(&[open, close]),
    }
}

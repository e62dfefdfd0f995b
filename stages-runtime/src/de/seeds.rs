//! Seeds: how a member's type is decoded, chosen by the derive from the type's shape. Every
//! seed yields `Option<T>`: `None` when the value is invalid (the reasons are recorded), so that
//! no value is ever made up.

use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, FixedOffset, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde::Deserialize;

use super::{record, Decode};
use crate::violation::code;

/// A seed the decoder reads a member, item or entry with, and whether what it decodes can record
/// violations (a model can; a string or a number cannot: it decodes or fails), so that the
/// decoder keeps track of the record only around values that can add to it.
pub trait Seed<'de>: DeserializeSeed<'de> {
    /// Whether decoding can record a violation (and not only fail).
    const MAY_RECORD: bool = true;
}

// ---------------------------------------------------------------------------------------------
// Enumerations

/// Decodes a string into a known enum value with `known` (a `match` on the wire values that the
/// derive generates, so that rustc dispatches on length before comparing). An unknown value is
/// recorded as an `enum` violation and decodes as `None`, so that decoding goes on.
pub struct EnumValue<F> {
    known: F,
    expected: &'static str,
}

impl<T, F: Fn(&str) -> Option<T>> EnumValue<F> {
    /// `known` maps a wire value to its variant; `expected` lists the wire values for messages.
    pub const fn new(known: F, expected: &'static str) -> Self {
        EnumValue { known, expected }
    }

    #[inline(always)]
    fn find(&self, value: &str) -> Option<T> {
        let found = (self.known)(value);
        if found.is_none() {
            unknown_value(self.expected, value);
        }
        found
    }
}

/// Records an enum value that is not one of `expected`: out of line, as a known value never
/// comes here.
#[cold]
#[inline(never)]
fn unknown_value(expected: &str, value: &str) {
    record(
        Vec::new(),
        code::ENUM,
        format!("must be one of {expected}; found {value:?}"),
    );
}

impl<T, F: Fn(&str) -> Option<T>> Visitor<'_> for EnumValue<F> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&one_of(self.expected, self.expected.split(", ").count()))
    }

    #[inline(always)]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Option<T>, E> {
        Ok(self.find(value))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Option<T>, E> {
        Ok(self.find(&String::from_utf8_lossy(value)))
    }
}

/// The longest list of values a message names in full.
const NAMED: usize = 80;

/// What an enum takes, for messages: its values when the list is short, else how many.
pub(crate) fn one_of(values: &str, count: usize) -> String {
    if values.len() <= NAMED {
        format!("one of {values}")
    } else {
        format!("a string naming one of {count} values")
    }
}

// ---------------------------------------------------------------------------------------------
// Models and plain types

/// Decodes with a seed whose value is never invalid (a problem is an error), such as
/// `number::integer`, as a seed of this module.
#[derive(Clone, Copy)]
pub struct Always<S>(S);

/// An [`Always`] seed.
pub const fn always<S>(seed: S) -> Always<S> {
    Always(seed)
}

impl<'de, S: Seed<'de>> Seed<'de> for Always<S> {
    const MAY_RECORD: bool = S::MAY_RECORD;
}

/// An integer decodes or fails.
impl<'de, T: crate::number::Integer> Seed<'de> for crate::number::IntegerSeed<T> {
    const MAY_RECORD: bool = false;
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Always<S> {
    type Value = Option<S::Value>;
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(deserializer).map(Some)
    }
}

/// Decodes `T` with its own `Deserialize`; the value is never invalid (a problem is an error).
pub struct Plain<T>(PhantomData<fn() -> T>);

/// A [`Plain`] seed for `T`.
pub const fn plain<T>() -> Plain<T> {
    Plain(PhantomData)
}

impl<T> Clone for Plain<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Plain<T> {}

/// A type the derive cannot see into may hold a model (in a container the derive does not know),
/// whose decoder records.
impl<'de, T: Deserialize<'de>> Seed<'de> for Plain<T> {}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Plain<T> {
    type Value = Option<T>;
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::deserialize(deserializer).map(Some)
    }
}

/// Decodes a model (any [`Decode`] type) with its reporting decoder.
pub struct ModelSeed<T>(PhantomData<fn() -> T>);

impl<T> ModelSeed<T> {
    /// The seed.
    pub const fn new() -> Self {
        ModelSeed(PhantomData)
    }
}

impl<T> Default for ModelSeed<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Clone for ModelSeed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ModelSeed<T> {}

impl<'de, T: Decode> Seed<'de> for ModelSeed<T> {
    const MAY_RECORD: bool = T::MAY_RECORD;
}

impl<'de, T: Decode> DeserializeSeed<'de> for ModelSeed<T> {
    type Value = Option<T>;
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::decode_in(deserializer)
    }
}

/// Picks the seed for a member type the derive cannot see into: `(&Probe::<T>::new()).seed()`
/// is a [`ModelSeed`] when `T` is a model ([`ModelProbe`]) and a [`Plain`] one otherwise
/// ([`SerdeProbe`]), since method lookup tries the receiver as written before it adds a
/// reference.
pub struct Probe<T>(PhantomData<fn() -> T>);

impl<T> Probe<T> {
    /// The probe.
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

impl<T> Default for Probe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The branch of [`Probe`] taken for models.
pub trait ModelProbe<T> {
    /// The reporting decoder.
    fn seed(&self) -> ModelSeed<T>;
}

impl<T: Decode> ModelProbe<T> for Probe<T> {
    #[inline]
    fn seed(&self) -> ModelSeed<T> {
        ModelSeed::new()
    }
}

/// The branch of [`Probe`] taken for other types.
pub trait SerdeProbe<T> {
    /// The type's own `Deserialize`.
    fn seed(&self) -> Plain<T>;
}

impl<T> SerdeProbe<T> for &Probe<T> {
    #[inline]
    fn seed(&self) -> Plain<T> {
        plain()
    }
}

/// Decodes `null` as `None` and anything else with the inner seed.
#[derive(Clone, Copy)]
pub struct Nullable<S>(pub S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Nullable<S> {
    type Value = Option<S::Value>;
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Nullable<S> {
    type Value = Option<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    #[inline(always)]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(deserializer).map(Some)
    }
}

// ---------------------------------------------------------------------------------------------
// Date-times

/// A date-time type read from RFC 3339 text as [`crate::datetime`] reads it: strictly, and
/// only instants that can be written back.
pub trait Rfc3339: Sized {
    /// The instant `text` names, or why it names none.
    fn parse_rfc3339(text: &str) -> Result<Self, crate::datetime::Problem>;
}

impl Rfc3339 for DateTime<Utc> {
    #[inline]
    fn parse_rfc3339(text: &str) -> Result<Self, crate::datetime::Problem> {
        crate::datetime::parse(text)
    }
}

impl Rfc3339 for DateTime<FixedOffset> {
    #[inline]
    fn parse_rfc3339(text: &str) -> Result<Self, crate::datetime::Problem> {
        crate::datetime::parse_with_offset(text)
    }
}

/// Decodes an RFC 3339 date-time (`2024-05-01T12:30:00Z`, fractional seconds and numeric
/// offsets allowed) into `T`: `DateTime<Utc>` or `DateTime<FixedOffset>`. Text that is not one
/// is a `format` violation, not a hard error.
pub struct Timestamp<T>(PhantomData<fn() -> T>);

impl<T> Clone for Timestamp<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Timestamp<T> {}

/// A [`Timestamp`] seed.
pub const fn timestamp<T>() -> Timestamp<T> {
    Timestamp(PhantomData)
}

/// Text that is not a date-time is recorded as a `format` violation.
impl<T: Rfc3339> Seed<'_> for Timestamp<T> {}

impl<'de, T: Rfc3339> DeserializeSeed<'de> for Timestamp<T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<T: Rfc3339> Visitor<'_> for Timestamp<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date-time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        match T::parse_rfc3339(text) {
            Ok(date_time) => Ok(Some(date_time)),
            Err(problem) => {
                record(
                    Vec::new(),
                    code::FORMAT,
                    format!("{problem}; found {text:?}"),
                );
                Ok(None)
            }
        }
    }
}

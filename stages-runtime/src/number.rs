//! Numbers on the wire, where JSON's grammar and serde_json's reading of it part ways.
//!
//! - `-0` is an integer in JSON's grammar (RFC 8259 §6), but serde_json hands it to visitors as
//!   the double `-0.0` (to keep its sign), which serde's integer visitors refuse. [`integer`]
//!   decodes integer members and takes that double as 0. serde_json gives `-0.0`, `-0e5` and
//!   `-1e-400` (which rounds to `-0.0`) the same way, so they read as 0 too; every other
//!   fraction, `0.0` included, stays a type error.
//! - A number too large for a double (`1e400`) stops serde_json with a syntax error;
//!   `beyond_double` tells it apart so that it is reported as a value out of range at its path.
//! - Doubles round-trip bit for bit because serde_json is built with `float_roundtrip` (see
//!   this crate's manifest): without it, `927024071735.8857` reads as the neighbouring double.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, Unexpected, Visitor};

/// A primitive integer type, decoded by [`integer`].
pub trait Integer: Sized + Copy {
    /// Zero, which `-0` decodes to.
    const ZERO: Self;
    /// Asks the deserializer for this width of integer.
    fn request<'de, D: Deserializer<'de>, V: Visitor<'de>>(
        deserializer: D,
        visitor: V,
    ) -> Result<V::Value, D::Error>;
    /// The value, when `value` fits.
    fn from_i128(value: i128) -> Option<Self>;
    /// The value, when `value` fits.
    fn from_u128(value: u128) -> Option<Self>;
}

macro_rules! integers {
    ($($ty:ty => $request:ident),* $(,)?) => {$(
        impl Integer for $ty {
            const ZERO: Self = 0;
            fn request<'de, D: Deserializer<'de>, V: Visitor<'de>>(
                deserializer: D,
                visitor: V,
            ) -> Result<V::Value, D::Error> {
                deserializer.$request(visitor)
            }
            fn from_i128(value: i128) -> Option<Self> {
                Self::try_from(value).ok()
            }
            fn from_u128(value: u128) -> Option<Self> {
                Self::try_from(value).ok()
            }
        }
    )*};
}

integers! {
    i8 => deserialize_i8, i16 => deserialize_i16, i32 => deserialize_i32,
    i64 => deserialize_i64, i128 => deserialize_i128, isize => deserialize_i64,
    u8 => deserialize_u8, u16 => deserialize_u16, u32 => deserialize_u32,
    u64 => deserialize_u64, u128 => deserialize_u128, usize => deserialize_u64,
}

/// Decodes an integer member of type `T`, reading `-0` as 0.
pub struct IntegerSeed<T>(PhantomData<fn() -> T>);

/// An [`IntegerSeed`] for `T`.
pub const fn integer<T: Integer>() -> IntegerSeed<T> {
    IntegerSeed(PhantomData)
}

impl<T> Clone for IntegerSeed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for IntegerSeed<T> {}

impl<'de, T: Integer> DeserializeSeed<'de> for IntegerSeed<T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::request(deserializer, self)
    }
}

impl<T: Integer> Visitor<'_> for IntegerSeed<T> {
    type Value = T;

    // As serde's own integer visitors say it, so that messages do not change.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::any::type_name::<T>())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        T::from_i128(value.into()).ok_or_else(|| E::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        T::from_u128(value.into())
            .ok_or_else(|| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<T, E> {
        T::from_i128(value).ok_or_else(|| E::invalid_value(Unexpected::Other("integer"), &self))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<T, E> {
        T::from_u128(value).ok_or_else(|| E::invalid_value(Unexpected::Other("integer"), &self))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<T, E> {
        if value == 0.0 && value.is_sign_negative() {
            Ok(T::ZERO)
        } else {
            Err(E::invalid_type(Unexpected::Float(value), &self))
        }
    }
}

/// When `error` is serde_json's "number out of range" (a number beyond the largest double),
/// what to tell the user instead; `None` for any other error.
pub(crate) fn beyond_double(error: &serde_json::Error) -> Option<String> {
    // serde_json does not expose its error codes; its message is stable and pinned by a test.
    let message = error.to_string();
    message.starts_with("number out of range").then(|| {
        format!(
            "must be a number a double can hold (at most about 1.8e308 in magnitude); found one too large for a double at line {} column {}",
            error.line(),
            error.column()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode<T: Integer>(text: &str) -> Result<T, String> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        integer::<T>()
            .deserialize(&mut deserializer)
            .map_err(|error| error.to_string())
    }

    #[test]
    fn minus_zero_is_zero_and_other_fractions_are_not_integers() {
        assert_eq!(decode::<i32>("-0"), Ok(0));
        assert_eq!(decode::<u8>("-0"), Ok(0));
        assert_eq!(decode::<i32>("-7"), Ok(-7));
        assert_eq!(decode::<u64>("18446744073709551615"), Ok(u64::MAX));
        // serde_json cannot tell these from `-0`: the documented limit of the reading.
        assert_eq!(decode::<i32>("-0.0"), Ok(0));
        assert_eq!(decode::<i32>("-1e-400"), Ok(0));
        for (text, message) in [
            ("0.0", "invalid type: floating point `0.0`, expected i32"),
            ("1.5", "invalid type: floating point `1.5`, expected i32"),
            (
                "2147483648",
                "invalid value: integer `2147483648`, expected i32",
            ),
            (
                "-2147483649",
                "invalid value: integer `-2147483649`, expected i32",
            ),
            ("\"1\"", "invalid type: string \"1\", expected i32"),
        ] {
            let error = decode::<i32>(text).unwrap_err();
            assert!(error.starts_with(message), "{text}: {error}");
        }
        assert!(decode::<u8>("-1")
            .unwrap_err()
            .starts_with("invalid value: integer `-1`, expected u8"));
    }

    #[test]
    fn a_number_beyond_a_double_is_told_apart() {
        let error = serde_json::from_str::<f64>("1e400").unwrap_err();
        let message = beyond_double(&error).expect("serde_json's message changed");
        assert!(message.contains("line 1 column"), "{message}");
        let other = serde_json::from_str::<f64>("1e").unwrap_err();
        assert_eq!(beyond_double(&other), None);
    }
}

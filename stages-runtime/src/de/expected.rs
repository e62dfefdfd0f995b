//! The message of a `type` violation, in our words: `expected an integer from 0 to 255, found
//! the string "x"`.
//!
//! What was expected is learned from the decoder itself, not from serde's message: on the
//! failure path, the seed that failed decodes once more from [`Learn`], a deserializer that
//! holds no value and notes which kind of value the seed asks for (`deserialize_u8`,
//! `deserialize_struct("RouteSettings", ..)`, `deserialize_str` with a visitor that lists an
//! enum's values, …). What was found is read from the value's own JSON text.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Expected as _, Visitor};

/// The JSON types a value may take, as bits.
mod json {
    pub const NULL: u8 = 1;
    pub const BOOL: u8 = 1 << 1;
    pub const INTEGER: u8 = 1 << 2;
    pub const FRACTION: u8 = 1 << 3;
    pub const STRING: u8 = 1 << 4;
    pub const ARRAY: u8 = 1 << 5;
    pub const OBJECT: u8 = 1 << 6;
}

/// What a seed asks for: its words, and the JSON types it takes.
struct Expected {
    text: String,
    takes: u8,
}

/// The `type` message for a value of JSON text `found` that `seed` failed to decode, or `None`
/// when our words would not say more than serde's: the seed takes any value (it judged it by
/// its own lights), or the value is an array or object of a type the seed takes (what broke is
/// inside it).
pub(crate) fn message<'de, S: DeserializeSeed<'de>>(seed: S, found: &str) -> Option<String> {
    let expected = learn(seed)?;
    let (kind, found) = describe(found)?;
    let container = kind & (json::ARRAY | json::OBJECT) != 0;
    if expected.takes == u8::MAX || (container && expected.takes & kind != 0) {
        return None;
    }
    Some(format!("expected {}, found {found}", expected.text))
}

/// The `type` message for a value that is one `seed` value or a list of them (`OneOrMany`),
/// when `found` (the value's JSON text) is neither; `None` when the seed takes that kind of
/// value (what broke is inside it) or asks for nothing we can name.
pub(crate) fn one_or_list<'de, S: DeserializeSeed<'de>>(seed: S, found: &str) -> Option<String> {
    let expected = learn(seed)?;
    let (kind, found) = describe(found)?;
    if expected.takes == u8::MAX || expected.takes & kind != 0 {
        return None;
    }
    Some(format!(
        "expected {} or a list of them, found {found}",
        expected.text
    ))
}

/// What `seed` asks for, or `None` when it asks for nothing we can name.
fn learn<'de, S: DeserializeSeed<'de>>(seed: S) -> Option<Expected> {
    let noted = RefCell::new(None);
    // The seed fails (the deserializer holds no value); its error may have been turned into
    // another on the way out, so the note is kept beside it.
    let _ = seed.deserialize(Learn(&noted));
    // A decoder that put a segment on the trail of this failure would mislead the next one.
    super::with_state(|state| state.trail.clear());
    noted.into_inner()
}

/// The found value's words and JSON type, from its text.
fn describe(text: &str) -> Option<(u8, String)> {
    let text = text.trim();
    Some(match text.as_bytes().first()? {
        b'"' => (json::STRING, format!("the string {}", shown(text))),
        b'{' => (json::OBJECT, "an object".to_owned()),
        b'[' => (json::ARRAY, "an array".to_owned()),
        b't' => (json::BOOL, "true".to_owned()),
        b'f' => (json::BOOL, "false".to_owned()),
        b'n' => (json::NULL, "null".to_owned()),
        _ if text.contains(['.', 'e', 'E']) => {
            (json::FRACTION, format!("the number {}", shown(text)))
        }
        _ => (json::INTEGER, format!("the number {}", shown(text))),
    })
}

/// The most characters of a found value shown in a message.
const SHOWN: usize = 64;

/// `text`, cut to [`SHOWN`] characters (with an ellipsis) when longer.
pub(crate) fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// A deserializer without a value that notes what it is asked for (see the module docs).
struct Learn<'a>(&'a RefCell<Option<Expected>>);

/// The error [`Learn`] always returns.
#[derive(Debug)]
struct Noted;

impl fmt::Display for Noted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("noted what was expected")
    }
}

impl std::error::Error for Noted {}

impl de::Error for Noted {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Noted
    }
}

impl Learn<'_> {
    fn note<T>(&self, text: impl Into<String>, takes: u8) -> Result<T, Noted> {
        *self.0.borrow_mut() = Some(Expected {
            text: text.into(),
            takes,
        });
        Err(Noted)
    }

    /// Notes what a visitor says it expects (its own words: ours for our seeds).
    fn note_visitor<'de, V: Visitor<'de>>(
        &self,
        visitor: &V,
        takes: u8,
    ) -> Result<V::Value, Noted> {
        self.note(Said(visitor).to_string(), takes)
    }

    fn integer<T: fmt::Display, R>(&self, min: T, max: T) -> Result<R, Noted> {
        self.note(format!("an integer from {min} to {max}"), json::INTEGER)
    }

    /// Notes what the value inside an `Option` or a newtype is, through `inside`.
    fn within<T>(
        &self,
        inside: impl FnOnce(Learn<'_>) -> Result<T, Noted>,
        takes: u8,
    ) -> Result<T, Noted> {
        let _ = inside(Learn(self.0));
        let inner = self.0.borrow_mut().take();
        match inner {
            Some(inner) => self.note(inner.text, inner.takes | takes),
            None => Err(Noted),
        }
    }
}

/// A visitor's `expecting`, as text.
struct Said<'a, V>(&'a V);

impl<'de, V: Visitor<'de>> fmt::Display for Said<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Every `deserialize_*` of [`Learn`] notes what it is asked for and fails.
macro_rules! integers {
    ($($method:ident => $ty:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
            self.integer(<$ty>::MIN, <$ty>::MAX)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Learn<'_> {
    type Error = Noted;

    integers! {
        deserialize_i8 => i8, deserialize_i16 => i16, deserialize_i32 => i32,
        deserialize_i64 => i64, deserialize_i128 => i128, deserialize_u8 => u8,
        deserialize_u16 => u16, deserialize_u32 => u32, deserialize_u64 => u64,
        deserialize_u128 => u128,
    }

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        // The seed takes any value and judges it itself.
        self.note("any value", u8::MAX)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        self.note("true or false", json::BOOL)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        self.note("a number", json::INTEGER | json::FRACTION)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        self.note("a number", json::INTEGER | json::FRACTION)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        self.note("a string of one character", json::STRING)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Noted> {
        // Serde's strings say "a string"; enums and date-times say what they take.
        self.note_visitor(&visitor, json::STRING)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Noted> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Noted> {
        self.note_visitor(&visitor, json::STRING | json::ARRAY)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Noted> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Noted> {
        // `null` means absent: the message names what a present value must be.
        let cell = self.0;

        Learn(cell).within(|inner| visitor.visit_some(inner), json::NULL)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        self.note("null", json::NULL)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Noted> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Noted> {
        let cell = self.0;

        Learn(cell).within(|inner| visitor.visit_newtype_struct(inner), 0)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        self.note("an array", json::ARRAY)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Noted> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Noted> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Noted> {
        self.note("an object", json::OBJECT)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Noted> {
        self.note(format!("an object ({name})"), json::OBJECT)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Noted> {
        self.note(
            super::seeds::one_of(&variants.join(", "), variants.len()),
            json::STRING | json::OBJECT,
        )
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Noted> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Noted> {
        self.deserialize_any(visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::de::{plain, ModelSeed};

    fn says<T: serde::de::DeserializeOwned>(found: &str) -> Option<String> {
        message(plain::<T>(), found)
    }

    #[test]
    fn plain_types_are_named_in_our_words() {
        assert_eq!(
            says::<i32>("\"x\"").unwrap(),
            "expected an integer from -2147483648 to 2147483647, found the string \"x\""
        );
        assert_eq!(
            says::<u8>("256").unwrap(),
            "expected an integer from 0 to 255, found the number 256"
        );
        assert_eq!(
            says::<String>("5").unwrap(),
            "expected a string, found the number 5"
        );
        assert_eq!(
            says::<bool>("null").unwrap(),
            "expected true or false, found null"
        );
        assert_eq!(
            says::<f64>("[1]").unwrap(),
            "expected a number, found an array"
        );
        assert_eq!(
            says::<Option<Vec<u8>>>("{}").unwrap(),
            "expected an array, found an object"
        );
        assert_eq!(
            message(ModelSeed::<Option<String>>::new(), "true").unwrap(),
            "expected a string, found true"
        );
    }

    #[test]
    fn serde_keeps_the_word_when_ours_would_say_less() {
        // A value of any type, and a list of the right type whose item broke.
        assert_eq!(says::<serde_json::Value>("1"), None);
        assert_eq!(says::<Vec<u8>>("[\"x\"]"), None);
    }

    #[test]
    fn long_values_are_cut() {
        let long = format!("\"{}\"", "é".repeat(100));
        let said = says::<u8>(&long).unwrap();
        assert!(said.ends_with('…'), "{said}");
        assert_eq!(
            said.chars().count(),
            "expected an integer from 0 to 255, found the string "
                .chars()
                .count()
                + 65
        );
    }
}

//! The keys of a map member: read as the text JSON writes them, then decoded into the key type.
//! A key its own decoder finds invalid (an enum key naming no value the enum knows) is reported
//! at its entry, and decoding goes on with the entry's value and the next entries.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, Error as KeyError, StrDeserializer};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, Visitor};

use super::{found_len, place, INCOMPLETE};
use crate::path::Segment;

/// A key as decoded: its value, or the text of a key whose decoder recorded why it is invalid
/// (the reasons are on the record, at the entry).
pub(super) enum Key<K> {
    Valid(K),
    Invalid(String),
}

/// Reads a map key into `K`.
pub(super) struct KeySeed<K>(PhantomData<fn() -> K>);

impl<K> KeySeed<K> {
    pub(super) const fn new() -> Self {
        KeySeed(PhantomData)
    }
}

impl<'de, K: Deserialize<'de>> DeserializeSeed<'de> for KeySeed<K> {
    type Value = Key<K>;

    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<K>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: Deserialize<'de>> Visitor<'de> for KeySeed<K> {
    type Value = Key<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    #[inline(always)]
    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Key<K>, E> {
        decode(text, BorrowedStrDeserializer::new(text))
    }

    #[inline(always)]
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Key<K>, E> {
        decode(text, StrDeserializer::new(text))
    }
}

/// Decodes the key `text` with `deserializer` (which reads it).
#[inline(always)]
fn decode<'de, K, D, E>(text: &str, deserializer: D) -> Result<Key<K>, E>
where
    K: Deserialize<'de>,
    D: Deserializer<'de, Error = KeyError>,
    E: de::Error,
{
    let mark = found_len();
    match K::deserialize(deserializer) {
        Ok(key) => Ok(Key::Valid(key)),
        Err(error) => invalid(text, mark, error),
    }
}

/// A key whose decoder failed: when it recorded why (a model, such as an enum, that had to give
/// serde an error), the reasons are put at the entry and decoding goes on; otherwise the key
/// cannot be read at all and decoding stops.
#[cold]
#[inline(never)]
fn invalid<K, E: de::Error>(text: &str, mark: usize, error: KeyError) -> Result<Key<K>, E> {
    if !INCOMPLETE.with(|flag| flag.replace(false)) {
        return Err(E::custom(error));
    }
    place(mark, Segment::Key(text.to_owned()), false);
    Ok(Key::Invalid(text.to_owned()))
}

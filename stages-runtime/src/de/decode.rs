//! `Decode`: what a model's decoder is made of, and what a generic model (`Page<T>`) can hold —
//! every model, plain values (strings, numbers, bools, date-times), and `Option`s, `Box`es,
//! `Vec`s and text-keyed maps of them.

use chrono::DateTime;
use serde::de::{self, DeserializeSeed, Deserializer};

use super::collections::{self, WireMap};
use super::members;
use super::seeds::{timestamp, ModelSeed, Nullable, Rfc3339};
use crate::map_key::MapKey;

/// A type whose decoder reports into the record and yields `None` for an invalid value instead
/// of making one up: every model, strings, numbers, bools, dates, and `Option`s, `Box`es,
/// `Vec`s and text-keyed maps of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be decoded by a model: it is neither a model nor a value the runtime decodes",
    label = "`{Self}` does not implement `Decode`",
    note = "a model's type parameters (and what they hold) decode when they are models (`#[derive(Model)]`), strings, numbers, bools, `DateTime<Utc>`, `DateTime<FixedOffset>`, or `Vec`s, `Option`s, `Box`es and text-keyed maps of them"
)]
pub trait Decode: Sized {
    /// Whether decoding can record a violation (and not only fail): false for strings, numbers
    /// and booleans, so that the decoder keeps no track of the record around them.
    const MAY_RECORD: bool = true;

    /// Decodes one value; `Ok(None)` when it is invalid (the reasons are recorded).
    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error>;
}

impl<T: Decode> Decode for Option<T> {
    const MAY_RECORD: bool = T::MAY_RECORD;

    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        Ok(Nullable(ModelSeed::<T>::new())
            .deserialize(deserializer)?
            .map_or(Some(None), |value| value.map(Some)))
    }
}

impl<T: Decode> Decode for Box<T> {
    const MAY_RECORD: bool = T::MAY_RECORD;

    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        Ok(T::decode_in(deserializer)?.map(Box::new))
    }
}

/// Plain values decode with their own `Deserialize`, so that a generic model (`Page<T>`) can
/// hold them as well as models.
macro_rules! plain_decode {
    ($($ty:ty),* $(,)?) => {$(
        impl Decode for $ty {
            const MAY_RECORD: bool = false;

            #[inline]
            fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
                serde::Deserialize::deserialize(deserializer).map(Some)
            }
        }
    )*};
}

plain_decode!(
    String, bool, char, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

impl<T: Decode> Decode for Vec<T> {
    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        collections::seq(ModelSeed::<T>::new(), members::no_rules).deserialize(deserializer)
    }
}

/// A map whose entries decode with their own reporting decoders, each key on their paths.
fn text_keyed<'de, M, D>(deserializer: D) -> Result<Option<M>, D::Error>
where
    M: WireMap,
    M::Key: de::DeserializeOwned,
    M::Value: Decode,
    D: Deserializer<'de>,
{
    collections::map::<M, _, _, _>(
        ModelSeed::<M::Value>::new(),
        members::no_rules,
        members::no_rules,
    )
    .deserialize(deserializer)
}

impl<K, V> Decode for std::collections::BTreeMap<K, V>
where
    K: MapKey + Ord + de::DeserializeOwned,
    V: Decode,
{
    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        text_keyed(deserializer)
    }
}

impl<K, V, H> Decode for std::collections::HashMap<K, V, H>
where
    K: MapKey + Eq + std::hash::Hash + de::DeserializeOwned,
    V: Decode,
    H: std::hash::BuildHasher + Default,
{
    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        text_keyed(deserializer)
    }
}

/// Date-times, as members and as type arguments alike: strict RFC 3339 (see
/// [`crate::datetime`]), and text that is not a date-time (or one that could not be written
/// back) a `format` violation, not a hard error. `DateTime<FixedOffset>` keeps the offset the
/// text was written with.
impl<Tz: chrono::TimeZone> Decode for DateTime<Tz>
where
    DateTime<Tz>: Rfc3339,
{
    #[inline]
    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        timestamp::<Self>().deserialize(deserializer)
    }
}

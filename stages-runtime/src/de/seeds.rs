//! Seeds: how a member's type is decoded, chosen by the derive from the type's shape. Every
//! seed yields `Option<T>`: `None` when the value is invalid (the reasons are recorded), so that
//! no value is ever made up.

use std::collections::{btree_map, hash_map, BTreeMap, HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;

use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{check_with, lenient, raw_map_value, raw_seq_item, record, Decode, Mark};
use crate::path::{Path, Segment};
use crate::violation::{code, Report};

/// A seed the decoder reads a member, item or entry with, and whether what it decodes can record
/// violations (a model can; a string or a number cannot: it decodes or fails), so that the
/// decoder keeps track of the record only around values that can add to it.
pub trait Seed<'de>: DeserializeSeed<'de> {
    /// Whether decoding can record a violation (and not only fail).
    const MAY_RECORD: bool = true;
}

// ---------------------------------------------------------------------------------------------
// Enumerations

/// Decodes a string into the position of a known enum value. An unknown value is recorded as an
/// `enum` violation and decodes as `None`, so that decoding goes on.
pub struct EnumValue {
    names: &'static [&'static str],
    expected: &'static str,
}

impl EnumValue {
    /// `names` are the wire values in declaration order; `expected` lists them for messages.
    pub const fn new(names: &'static [&'static str], expected: &'static str) -> Self {
        EnumValue { names, expected }
    }

    #[inline]
    fn find(&self, value: &str) -> Option<usize> {
        let position = self.names.iter().position(|known| *known == value);
        if position.is_none() {
            self.unknown(value);
        }
        position
    }

    #[cold]
    #[inline(never)]
    fn unknown(&self, value: &str) {
        record(
            Vec::new(),
            code::ENUM,
            format!("must be one of {}; found {value:?}", self.expected),
        );
    }
}

impl Visitor<'_> for EnumValue {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {}", self.expected)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Option<usize>, E> {
        Ok(self.find(value))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Option<usize>, E> {
        Ok(self.find(&String::from_utf8_lossy(value)))
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
// Lists and maps

/// Rules on a decoded value, checked as soon as it is read: `fn(&value, &path, &mut report)`.
pub trait Rules<T: ?Sized>: Fn(&T, &Path<'_>, &mut Report) + Copy {}

impl<T: ?Sized, F: Fn(&T, &Path<'_>, &mut Report) + Copy> Rules<T> for F {}

/// Decodes a list into a `Vec`, putting each item's index on the paths of what it records and
/// checking each item's `rules` as soon as it is read. Every item is decoded; the list is
/// invalid when one of them is.
#[derive(Clone, Copy)]
pub struct SeqOf<S, R>(S, R);

/// A [`SeqOf`] seed whose items decode with `item` and are checked by `rules`.
pub const fn seq<S, R>(item: S, rules: R) -> SeqOf<S, R> {
    SeqOf(item, rules)
}

impl<'de, T, S, R> Seed<'de> for SeqOf<S, R>
where
    S: Seed<'de, Value = Option<T>> + Clone,
    R: Rules<T>,
{
}

impl<'de, T, S, R> DeserializeSeed<'de> for SeqOf<S, R>
where
    S: Seed<'de, Value = Option<T>> + Clone,
    R: Rules<T>,
{
    type Value = Option<Vec<T>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

/// The most entries reserved up front from a size hint, so that a hostile hint cannot make
/// decoding allocate more than the document holds.
const MAX_RESERVED: usize = 1024;

impl<'de, T, S, R> Visitor<'de> for SeqOf<S, R>
where
    S: Seed<'de, Value = Option<T>> + Clone,
    R: Rules<T>,
{
    type Value = Option<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_RESERVED));
        let mut valid = true;
        let lenient = lenient();
        let mut report = ManuallyDrop::new(Report::new());
        for index in 0.. {
            let item = if lenient {
                match raw_seq_item(&mut seq, index, self.0.clone())? {
                    Some(item) => item.flatten(),
                    None => break,
                }
            } else {
                match Mark::new::<S>().close(seq.next_element_seed(self.0.clone()), || {
                    Segment::Index(index)
                })? {
                    Some(item) => item,
                    None => break,
                }
            };
            match item {
                Some(item) => {
                    check_with(&mut report, &item, &Path::top_index(index), self.1);
                    if valid {
                        items.push(item);
                    }
                }
                None => valid = false,
            }
        }
        Ok(valid.then_some(items))
    }
}

/// A map type the decoder can fill: string-like keys, and a way to tell a repeated key.
pub trait WireMap: Sized {
    /// The key type.
    type Key: AsRef<str>;
    /// The value type.
    type Value;
    /// An empty map with room for about `capacity` entries.
    fn with_capacity(capacity: usize) -> Self;
    /// Inserts an entry. When the key was already there the new value replaces the old one and
    /// the key is returned, so that the repetition can be reported.
    fn insert_entry(&mut self, key: Self::Key, value: Self::Value) -> Option<String>;
    /// Whether `key` is there.
    fn contains(&self, key: &Self::Key) -> bool;
}

impl<K: AsRef<str> + Ord, V> WireMap for BTreeMap<K, V> {
    type Key = K;
    type Value = V;
    fn with_capacity(_: usize) -> Self {
        BTreeMap::new()
    }
    #[inline(always)]
    fn insert_entry(&mut self, key: K, value: V) -> Option<String> {
        match self.entry(key) {
            btree_map::Entry::Vacant(entry) => {
                entry.insert(value);
                None
            }
            btree_map::Entry::Occupied(mut entry) => {
                entry.insert(value);
                Some(repeated(entry.key().as_ref()))
            }
        }
    }
    fn contains(&self, key: &K) -> bool {
        self.contains_key(key)
    }
}

impl<K: AsRef<str> + Eq + Hash, V, H: BuildHasher + Default> WireMap for HashMap<K, V, H> {
    type Key = K;
    type Value = V;
    fn with_capacity(capacity: usize) -> Self {
        HashMap::with_capacity_and_hasher(capacity, H::default())
    }
    #[inline(always)]
    fn insert_entry(&mut self, key: K, value: V) -> Option<String> {
        match self.entry(key) {
            hash_map::Entry::Vacant(entry) => {
                entry.insert(value);
                None
            }
            hash_map::Entry::Occupied(mut entry) => {
                entry.insert(value);
                Some(repeated(entry.key().as_ref()))
            }
        }
    }
    fn contains(&self, key: &K) -> bool {
        self.contains_key(key)
    }
}

/// The text of a repeated key (the last value won), for the report: out of line, as the usual
/// entry never comes here.
#[cold]
#[inline(never)]
fn repeated(key: &str) -> String {
    key.to_owned()
}

/// Records a key that appears more than once in an object.
#[cold]
#[inline(never)]
fn repeated_key(key: String) {
    record(
        vec![Segment::Key(key)],
        code::DUPLICATE,
        "key must appear only once".to_owned(),
    );
}

/// An entry whose value is invalid, or any entry after one: `invalid` holds the keys of invalid
/// values (never inserted), to tell when a key repeats.
#[cold]
#[inline(never)]
fn other_entry<M: WireMap>(
    out: &mut M,
    invalid: &mut Option<HashSet<String>>,
    key: M::Key,
    value: Option<M::Value>,
) {
    let seen_invalid = invalid
        .as_ref()
        .is_some_and(|keys| keys.contains(key.as_ref()));
    let repeated = match value {
        Some(value) => {
            let text = seen_invalid.then(|| key.as_ref().to_owned());
            out.insert_entry(key, value).or(text)
        }
        None => {
            let text = key.as_ref().to_owned();
            let again = out.contains(&key)
                | !invalid
                    .get_or_insert_with(HashSet::new)
                    .insert(text.clone());
            again.then_some(text)
        }
    };
    if let Some(repeated) = repeated {
        repeated_key(repeated);
    }
}

/// Decodes an object into a map `M`, putting each entry's key on the paths of what it records
/// and checking each key (`KR`) and value (`VR`) as soon as it is read. Every entry is decoded;
/// the map is invalid when one of its values is.
pub struct MapOf<M, S, KR, VR> {
    value: S,
    keys: KR,
    values: VR,
    map: PhantomData<fn() -> M>,
}

/// A [`MapOf`] seed whose values decode with `value`, keys checked by `keys` and values by
/// `values`.
pub const fn map<M, S, KR, VR>(value: S, keys: KR, values: VR) -> MapOf<M, S, KR, VR> {
    MapOf {
        value,
        keys,
        values,
        map: PhantomData,
    }
}

impl<M, S: Clone, KR: Copy, VR: Copy> Clone for MapOf<M, S, KR, VR> {
    fn clone(&self) -> Self {
        map(self.value.clone(), self.keys, self.values)
    }
}

impl<'de, M, S, KR, VR> Seed<'de> for MapOf<M, S, KR, VR>
where
    M: WireMap,
    M::Key: Deserialize<'de>,
    S: Seed<'de, Value = Option<M::Value>> + Clone,
    KR: Rules<M::Key>,
    VR: Rules<M::Value>,
{
}

impl<'de, M, S, KR, VR> DeserializeSeed<'de> for MapOf<M, S, KR, VR>
where
    M: WireMap,
    M::Key: Deserialize<'de>,
    S: Seed<'de, Value = Option<M::Value>> + Clone,
    KR: Rules<M::Key>,
    VR: Rules<M::Value>,
{
    type Value = Option<M>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<M>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, M, S, KR, VR> Visitor<'de> for MapOf<M, S, KR, VR>
where
    M: WireMap,
    M::Key: Deserialize<'de>,
    S: Seed<'de, Value = Option<M::Value>> + Clone,
    KR: Rules<M::Key>,
    VR: Rules<M::Value>,
{
    type Value = Option<M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Option<M>, A::Error> {
        let mut out = M::with_capacity(access.size_hint().unwrap_or(0).min(MAX_RESERVED));
        // Keys whose value was invalid (so not inserted), to tell when they repeat: allocated
        // only once an entry is invalid.
        let mut invalid: Option<HashSet<String>> = None;
        let lenient = lenient();
        // One report for every entry's rules, empty between them (an empty report owns no
        // memory, so it need not be dropped).
        let mut report = ManuallyDrop::new(Report::new());
        while let Some(key) = access.next_key::<M::Key>()? {
            let entry = Path::top_key(key.as_ref());
            check_with(&mut report, &key, &entry, self.keys);
            let segment = || Segment::Key(key.as_ref().to_owned());
            let value = if lenient {
                raw_map_value(&mut access, segment, self.value.clone())?.flatten()
            } else {
                Mark::new::<S>().close(access.next_value_seed(self.value.clone()), segment)?
            };
            if let Some(value) = &value {
                check_with(&mut report, value, &entry, self.values);
            }
            match value {
                // The usual entry: valid, and no invalid one before it.
                Some(value) if invalid.is_none() => {
                    if let Some(repeated) = out.insert_entry(key, value) {
                        repeated_key(repeated);
                    }
                }
                value => other_entry(&mut out, &mut invalid, key, value),
            }
        }
        Ok(invalid.is_none().then_some(out))
    }
}

// ---------------------------------------------------------------------------------------------
// Date-times

/// Decodes an RFC 3339 date-time (`2024-05-01T12:30:00Z`, fractional seconds and numeric
/// offsets allowed) into UTC. Text that is not one is a `format` violation, not a hard error.
#[derive(Clone, Copy)]
pub struct Timestamp;

/// A [`Timestamp`] seed.
pub const fn timestamp() -> Timestamp {
    Timestamp
}

/// Text that is not a date-time is recorded as a `format` violation.
impl Seed<'_> for Timestamp {}

impl<'de> DeserializeSeed<'de> for Timestamp {
    type Value = Option<DateTime<Utc>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Timestamp {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date-time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        match crate::datetime::parse(text) {
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

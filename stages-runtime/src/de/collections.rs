//! Lists and maps: each item, key and value decoded with its own seed and checked as soon as it
//! is read, with its index or key put on the paths of what it records.

use std::collections::{btree_map, hash_map, BTreeMap, HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::keys::{Key, KeySeed};
use super::seeds::Seed;
use super::{check_with, lenient, raw_map_value, raw_seq_item, record, Mark};
use crate::map_key::MapKey;
use crate::path::{Path, Segment};
use crate::violation::{code, Report};

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
pub(super) const MAX_RESERVED: usize = 1024;

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
            let Some(item) = next_item(&mut seq, index, self.0.clone(), lenient)? else {
                break;
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

/// Reads the item at `index` of a list with `seed`, putting the index on the paths of what it
/// records: `None` at the end of the list, `Some(None)` for an invalid item.
#[inline(always)]
pub(super) fn next_item<'de, A, T, S>(
    seq: &mut A,
    index: usize,
    seed: S,
    lenient: bool,
) -> Result<Option<Option<T>>, A::Error>
where
    A: SeqAccess<'de>,
    S: Seed<'de, Value = Option<T>> + Clone,
{
    if lenient {
        Ok(raw_seq_item(seq, index, seed)?.map(Option::flatten))
    } else {
        Mark::new::<S>().close(seq.next_element_seed(seed), || Segment::Index(index))
    }
}

/// A map type the decoder can fill: string-like keys, and a way to tell a repeated key.
pub trait WireMap: Sized {
    /// The key type.
    type Key: MapKey;
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

impl<K: MapKey + Ord, V> WireMap for BTreeMap<K, V> {
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
                Some(repeated(entry.key().as_key()))
            }
        }
    }
    fn contains(&self, key: &K) -> bool {
        self.contains_key(key)
    }
}

impl<K: MapKey + Eq + Hash, V, H: BuildHasher + Default> WireMap for HashMap<K, V, H> {
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
                Some(repeated(entry.key().as_key()))
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
        .is_some_and(|keys| keys.contains(key.as_key()));
    let repeated = match value {
        Some(value) => {
            let text = seen_invalid.then(|| key.as_key().to_owned());
            out.insert_entry(key, value).or(text)
        }
        None => {
            let text = key.as_key().to_owned();
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
        // Keys whose value was invalid (so not inserted), or that were invalid themselves, to
        // tell when they repeat: allocated only once an entry is invalid.
        let mut invalid: Option<HashSet<String>> = None;
        let lenient = lenient();
        // One report for every entry's rules, empty between them (an empty report owns no
        // memory, so it need not be dropped).
        let mut report = ManuallyDrop::new(Report::new());
        while let Some(key) = access.next_key_seed(KeySeed::<M::Key>::new())? {
            let key = match key {
                Key::Valid(key) => key,
                Key::Invalid(text) => {
                    self.entry_of_invalid_key(&mut access, text, &mut invalid, lenient)?;
                    continue;
                }
            };
            check_with(&mut report, &key, &Path::top_key(key.as_key()), self.keys);
            let value = self.value(&mut access, key.as_key(), lenient, &mut report)?;
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

impl<'de, M, S, KR, VR> MapOf<M, S, KR, VR>
where
    M: WireMap,
    M::Key: Deserialize<'de>,
    S: Seed<'de, Value = Option<M::Value>> + Clone,
    KR: Rules<M::Key>,
    VR: Rules<M::Value>,
{
    /// Reads the value of the entry at `key` and checks its rules; `None` when it is invalid.
    #[inline(always)]
    fn value<A: MapAccess<'de>>(
        &self,
        access: &mut A,
        key: &str,
        lenient: bool,
        report: &mut Report,
    ) -> Result<Option<M::Value>, A::Error> {
        let segment = || Segment::Key(key.to_owned());
        let value = if lenient {
            raw_map_value(access, segment, self.value.clone())?.flatten()
        } else {
            Mark::new::<S>().close(access.next_value_seed(self.value.clone()), segment)?
        };
        if let Some(value) = &value {
            check_with(report, value, &Path::top_key(key), self.values);
        }
        Ok(value)
    }

    /// An entry whose key is invalid (reported at the entry): its value is still read and
    /// checked, so that nothing it holds goes unreported, and the map is invalid.
    #[cold]
    #[inline(never)]
    fn entry_of_invalid_key<A: MapAccess<'de>>(
        &self,
        access: &mut A,
        text: String,
        invalid: &mut Option<HashSet<String>>,
        lenient: bool,
    ) -> Result<(), A::Error> {
        let mut report = Report::new();
        self.value(access, &text, lenient, &mut report)?;
        if !invalid
            .get_or_insert_with(HashSet::new)
            .insert(text.clone())
        {
            repeated_key(text);
        }
        Ok(())
    }
}

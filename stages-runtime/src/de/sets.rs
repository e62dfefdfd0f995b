//! Sets: a JSON array whose items must be distinct. Each item is decoded with its own seed, in
//! document order, and an item equal to one before it is a `duplicate` violation at its index,
//! as a repeated map key is: nothing is merged without a word.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::Serialize;

use super::collections::{next_item, MAX_RESERVED};
use super::expected::shown;
use super::seeds::Seed;
use super::{lenient, record};
use crate::path::Segment;
use crate::violation::code;

/// A set type the decoder can fill, and a way to tell a repeated item.
pub trait WireSet: Sized {
    /// The item type.
    type Item;
    /// An empty set with room for about `capacity` items.
    fn with_capacity(capacity: usize) -> Self;
    /// Inserts an item; when an equal one was there already it is handed back, so that the
    /// repetition can be reported.
    fn insert_item(&mut self, item: Self::Item) -> Option<Self::Item>;
}

impl<T: Ord> WireSet for BTreeSet<T> {
    type Item = T;
    fn with_capacity(_: usize) -> Self {
        BTreeSet::new()
    }
    #[inline(always)]
    fn insert_item(&mut self, item: T) -> Option<T> {
        // One search: the equal item already there comes back (and is as good to report).
        self.replace(item)
    }
}

impl<T: Eq + Hash, H: BuildHasher + Default> WireSet for HashSet<T, H> {
    type Item = T;
    fn with_capacity(capacity: usize) -> Self {
        HashSet::with_capacity_and_hasher(capacity, H::default())
    }
    #[inline(always)]
    fn insert_item(&mut self, item: T) -> Option<T> {
        self.replace(item)
    }
}

/// Decodes a list into a set `M`, putting each item's index on the paths of what it records and
/// reporting an item that repeats one before it. Every item is decoded; the set is invalid when
/// one of them is.
pub struct SetOf<M, S> {
    item: S,
    set: PhantomData<fn() -> M>,
}

/// A [`SetOf`] seed whose items decode with `item`.
pub const fn set<M, S>(item: S) -> SetOf<M, S> {
    SetOf {
        item,
        set: PhantomData,
    }
}

impl<M, S: Clone> Clone for SetOf<M, S> {
    fn clone(&self) -> Self {
        set(self.item.clone())
    }
}

impl<'de, M, S> Seed<'de> for SetOf<M, S>
where
    M: WireSet,
    M::Item: Serialize,
    S: Seed<'de, Value = Option<M::Item>> + Clone,
{
}

impl<'de, M, S> DeserializeSeed<'de> for SetOf<M, S>
where
    M: WireSet,
    M::Item: Serialize,
    S: Seed<'de, Value = Option<M::Item>> + Clone,
{
    type Value = Option<M>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<M>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, M, S> Visitor<'de> for SetOf<M, S>
where
    M: WireSet,
    M::Item: Serialize,
    S: Seed<'de, Value = Option<M::Item>> + Clone,
{
    type Value = Option<M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of distinct items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<M>, A::Error> {
        let mut out = M::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_RESERVED));
        let mut valid = true;
        let lenient = lenient();
        for index in 0.. {
            let Some(item) = next_item(&mut seq, index, self.item.clone(), lenient)? else {
                break;
            };
            match item {
                Some(item) => {
                    if let Some(again) = out.insert_item(item) {
                        repeated_item(index, &again);
                    }
                }
                None => valid = false,
            }
        }
        Ok(valid.then_some(out))
    }
}

/// Records the item at `index`, equal to one before it: out of line, as a valid set never comes
/// here.
#[cold]
#[inline(never)]
fn repeated_item<T: Serialize>(index: usize, item: &T) {
    let message = match serde_json::to_string(item) {
        Ok(text) => format!("items must be distinct; found {} again", shown(&text)),
        Err(_) => "items must be distinct; found this one again".to_owned(),
    };
    record(vec![Segment::Index(index)], code::DUPLICATE, message);
}

//! Decoding that keeps going: the pieces generated `Deserialize` impls are made of.
//!
//! A model's decoder does not stop at the first problem. A missing required member, an unknown
//! enum value, a repeated member or key is recorded with its path and decoding continues with a
//! stand-in value; when the outermost model is complete, its rules are checked too, and the
//! decoder fails once, listing every violation. Only a value of the wrong JSON type (or broken
//! JSON) stops decoding, and then the error names the path where it happened.
//!
//! The record lives in a thread-local so that it crosses serde's `Deserialize` boundaries, which
//! carry no context. Paths are built on the way out: a violation is recorded relative to the
//! value being decoded and each enclosing member, key or index puts its segment in front, which
//! costs nothing unless something was recorded.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{btree_map, hash_map, BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::path::{self, Path, Segment};
use super::validate::Validate;
use super::violation::{code, Report, ValidationErrors, Violation};

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::new()) };
    /// How many model decoders are open; the one that opens at zero is the root.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// `STATE.found.len()`, kept where it can be read without borrowing the state: the happy
    /// path reads only these two plain cells.
    static FOUND: Cell<usize> = const { Cell::new(0) };
}

#[inline]
fn found_len() -> usize {
    FOUND.with(Cell::get)
}

/// What the decoders on this thread have found so far.
struct State {
    /// Violations recorded while decoding, with paths relative to the innermost open value.
    found: Vec<Violation>,
    /// Where a hard error happened, innermost segment first.
    trail: Vec<Segment>,
    /// Whether a caller of [`capture`] wants the structured failure.
    capture: bool,
    /// The structured failure of the last root decoder, for [`capture`].
    failure: Option<Failure>,
}

impl State {
    const fn new() -> Self {
        State {
            found: Vec::new(),
            trail: Vec::new(),
            capture: false,
            failure: None,
        }
    }
}

/// Why the root decoder failed, kept in structured form for callers that want it.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The document decoded, and these are all its violations.
    Invalid(ValidationErrors),
    /// Decoding stopped at `path` with `message`; `found` holds what had been recorded before.
    Broken {
        path: Vec<Segment>,
        message: String,
        found: Vec<Violation>,
    },
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE.with(|state| f(&mut state.borrow_mut()))
}

/// Records a violation at `path`, relative to the value being decoded.
fn record(path: Vec<Segment>, rule: &'static str, message: String) {
    with_state(|state| {
        state.found.push(Violation::new(path, rule, message));
        FOUND.with(|found| found.set(state.found.len()));
    });
}

/// Runs `decode` for the value at `segment`: violations it records get the segment in front,
/// and a hard error it returns leaves the segment on the trail.
#[inline]
fn within<T, E>(
    segment: impl FnOnce() -> Segment,
    decode: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    let mark = found_len();
    let outcome = decode();
    if outcome.is_ok() && found_len() == mark {
        return outcome;
    }
    with_state(|state| {
        if outcome.is_err() || state.found.len() > mark {
            let segment = segment();
            for violation in &mut state.found[mark..] {
                violation.prefix(segment.clone());
            }
            if outcome.is_err() {
                state.trail.push(segment);
            }
        }
    });
    outcome
}

/// Leaves the depth count as it was, even when a decoder panics.
struct DepthGuard;

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|depth| depth.set(depth.get() - 1));
    }
}

/// The body of every generated `Deserialize::deserialize`.
///
/// Nested inside another model it only runs `decode`. As the root it also checks the rules of
/// the finished value and turns everything recorded into one error.
pub fn decode<'de, D, T, F>(deserializer: D, decode: F) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Validate,
    F: FnOnce(D) -> Result<T, D::Error>,
{
    let depth = DEPTH.with(|depth| {
        depth.set(depth.get() + 1);
        depth.get()
    });
    let guard = DepthGuard;
    if depth > 1 {
        return decode(deserializer);
    }
    with_state(|state| {
        state.found.clear();
        state.trail.clear();
    });
    FOUND.with(|found| found.set(0));
    let outcome = decode(deserializer);
    let (found, mut trail, capture) = with_state(|state| {
        (
            {
                FOUND.with(|found| found.set(0));
                std::mem::take(&mut state.found)
            },
            std::mem::take(&mut state.trail),
            state.capture,
        )
    });
    // Custom rules run below may decode models of their own: they start a fresh root.
    drop(guard);
    match outcome {
        Ok(value) => finish(value, found, capture),
        Err(error) => {
            trail.reverse();
            if capture {
                // The caller reads the path from here, and keeps the error's own kind (syntax
                // or data) and position.
                let failure = Failure::Broken {
                    path: trail,
                    message: error.to_string(),
                    found,
                };
                with_state(|state| state.failure = Some(failure));
                return Err(error);
            }
            if trail.is_empty() {
                Err(error)
            } else {
                Err(de::Error::custom(format!(
                    "{}: {error}",
                    path::human(&trail)
                )))
            }
        }
    }
}

/// The violations after which decoding goes on with a stand-in value.
const STAND_IN_RULES: &[&str] = &[code::REQUIRED, code::ENUM, code::FORMAT];

/// Checks the rules of a decoded root value and merges what decoding recorded.
fn finish<T: Validate, E: de::Error>(
    value: T,
    found: Vec<Violation>,
    capture: bool,
) -> Result<T, E> {
    let mut report = Report::new();
    value.validate_into(&Path::root(), &mut report);
    if found.is_empty() && report.is_empty() {
        return Ok(value);
    }
    // A stand-in value breaks rules of its own (an empty required string is too short): where
    // decoding put one, what it said is enough. Values that are real (the last of a repeated
    // member, say) keep every rule they break.
    let mut violations = found;
    let recorded = violations.len();
    for violation in report.into_violations() {
        let stood_in = violations[..recorded].iter().any(|known| {
            STAND_IN_RULES.contains(&known.rule()) && violation.path().starts_with(known.path())
        });
        if !stood_in {
            violations.push(violation);
        }
    }
    let errors =
        ValidationErrors::from_violations(violations).expect("at least one violation was recorded");
    if capture {
        // `from_json` keeps the structured errors and drops this one: no need to render it.
        with_state(|state| state.failure = Some(Failure::Invalid(errors)));
        return Err(E::custom("invalid document"));
    }
    Err(E::custom(errors.to_string()))
}

/// Runs `decode` while recording the structured failure of any root decoder it runs.
pub(crate) fn capture<T, E>(
    decode: impl FnOnce() -> Result<T, E>,
) -> Result<T, (E, Option<Failure>)> {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            with_state(|state| state.capture = self.0);
        }
    }
    let previous = with_state(|state| {
        state.failure = None;
        std::mem::replace(&mut state.capture, true)
    });
    let _reset = Reset(previous);
    decode().map_err(|error| (error, with_state(|state| state.failure.take())))
}

// ---------------------------------------------------------------------------------------------
// Object members

/// Decodes a member name into the position of the model's member, with the `match` on names
/// the derive generates (`position`), so that rustc dispatches on length before comparing.
#[derive(Clone, Copy)]
pub struct MemberKey<F> {
    position: F,
    keep_unknown: bool,
}

/// A decoded member name.
pub enum Member {
    /// The member at this position in the model's list of names.
    Known(usize),
    /// A member the model does not have; its name is kept only when unknown members are denied.
    Unknown(Option<String>),
}

impl<F: Fn(&str) -> Option<usize>> MemberKey<F> {
    /// `position` maps a wire name to its member's position; `keep_unknown` when unknown
    /// members are denied.
    pub const fn new(position: F, keep_unknown: bool) -> Self {
        MemberKey {
            position,
            keep_unknown,
        }
    }

    fn find(&self, name: &str) -> Member {
        match (self.position)(name) {
            Some(position) => Member::Known(position),
            None => Member::Unknown(self.keep_unknown.then(|| name.to_owned())),
        }
    }
}

impl<'de, F: Fn(&str) -> Option<usize>> DeserializeSeed<'de> for MemberKey<F> {
    type Value = Member;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Member, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<F: Fn(&str) -> Option<usize>> Visitor<'_> for MemberKey<F> {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Member, E> {
        Ok(self.find(name))
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Member, E> {
        match std::str::from_utf8(name) {
            Ok(name) => Ok(self.find(name)),
            Err(_) => Ok(Member::Unknown(
                self.keep_unknown
                    .then(|| String::from_utf8_lossy(name).into_owned()),
            )),
        }
    }
}

/// Decodes the value of member `name` into `slot`: `Some(None)` for an explicit `null`,
/// `Some(Some(value))` otherwise. A repeated member is a `duplicate` violation.
#[inline]
pub fn member<'de, A, S>(
    map: &mut A,
    name: &'static str,
    slot: &mut Option<Option<S::Value>>,
    seed: S,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: DeserializeSeed<'de>,
{
    let value = within(
        || Segment::Member(Cow::Borrowed(name)),
        || map.next_value_seed(Nullable(seed)),
    )?;
    if slot.is_some() {
        record(
            vec![Segment::Member(Cow::Borrowed(name))],
            code::DUPLICATE,
            "must appear only once".to_owned(),
        );
    }
    *slot = Some(value);
    Ok(())
}

/// Skips the value of a member the model does not have; records it when unknown members are
/// denied (the name was kept).
pub fn unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    member: Member,
    expected: &'static [&'static str],
) -> Result<(), A::Error> {
    // `Known` only reaches here for a position the model does not have, which its generated
    // `match` never produces: skipped like an unknown member whose name was not kept.
    if let Member::Unknown(Some(name)) = member {
        let message = format!(
            "is not a member of this object; expected one of: {}",
            expected.join(", ")
        );
        record(
            vec![Segment::Member(Cow::Owned(name))],
            code::UNKNOWN,
            message,
        );
    }
    map.next_value::<IgnoredAny>()?;
    Ok(())
}

/// The value of a `required` member; when absent or `null`, records `required` and returns
/// `stand_in()` (the root decoder fails, so it is never handed to the caller).
#[inline]
pub fn required<T>(slot: Option<Option<T>>, name: &'static str, stand_in: fn() -> T) -> T {
    match slot {
        Some(Some(value)) => value,
        _ => {
            record(
                vec![Segment::Member(Cow::Borrowed(name))],
                code::REQUIRED,
                "is required".to_owned(),
            );
            stand_in()
        }
    }
}

/// The value of an `Option` member: absent and `null` are both `None`.
#[inline]
pub fn optional<T>(slot: Option<Option<T>>) -> Option<T> {
    slot.flatten()
}

/// The value of a `default` member: absent and `null` are both `default()`.
#[inline]
pub fn or_default<T>(slot: Option<Option<T>>, default: fn() -> T) -> T {
    slot.flatten().unwrap_or_else(default)
}

/// How a struct model decodes its members from a JSON object: generated for each struct, in
/// an impl for the model itself so that `Self` in a field's type means the model.
pub trait DecodeMembers: Sized {
    /// The wire names of the members, in declaration order.
    const MEMBERS: &'static [&'static str];

    /// Decodes the members of one object, recording what is missing or unknown.
    fn decode_members<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
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

    fn find(&self, value: &str) -> Option<usize> {
        let position = self.names.iter().position(|known| *known == value);
        if position.is_none() {
            record(
                Vec::new(),
                code::ENUM,
                format!("must be one of {}; found {value:?}", self.expected),
            );
        }
        position
    }
}

impl Visitor<'_> for EnumValue {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {}", self.expected)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Option<usize>, E> {
        Ok(self.find(value))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Option<usize>, E> {
        Ok(self.find(&String::from_utf8_lossy(value)))
    }
}

// ---------------------------------------------------------------------------------------------
// Seeds: how a member's type is decoded, chosen by the derive from the type's shape.

/// Decodes `T` with its own `Deserialize`.
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

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Plain<T> {
    type Value = T;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// Decodes `null` as `None` and anything else with the inner seed.
pub struct Nullable<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Nullable<S> {
    type Value = Option<S::Value>;
    #[inline]
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

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(deserializer).map(Some)
    }
}

/// Decodes a list into a `Vec`, putting each item's index on the paths of what it records.
#[derive(Clone, Copy)]
pub struct SeqOf<S>(S);

/// A [`SeqOf`] seed whose items decode with `item`.
pub const fn seq<S>(item: S) -> SeqOf<S> {
    SeqOf(item)
}

impl<'de, S: DeserializeSeed<'de> + Clone> DeserializeSeed<'de> for SeqOf<S> {
    type Value = Vec<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

/// The most entries reserved up front from a size hint, so that a hostile hint cannot make
/// decoding allocate more than the document holds.
const MAX_RESERVED: usize = 1024;

impl<'de, S: DeserializeSeed<'de> + Clone> Visitor<'de> for SeqOf<S> {
    type Value = Vec<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_RESERVED));
        loop {
            let index = items.len();
            match within(
                || Segment::Index(index),
                || seq.next_element_seed(self.0.clone()),
            )? {
                Some(item) => items.push(item),
                None => return Ok(items),
            }
        }
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
}

impl<K: AsRef<str> + Ord, V> WireMap for BTreeMap<K, V> {
    type Key = K;
    type Value = V;
    fn with_capacity(_: usize) -> Self {
        BTreeMap::new()
    }
    fn insert_entry(&mut self, key: K, value: V) -> Option<String> {
        match self.entry(key) {
            btree_map::Entry::Vacant(entry) => {
                entry.insert(value);
                None
            }
            btree_map::Entry::Occupied(mut entry) => {
                entry.insert(value);
                Some(entry.key().as_ref().to_owned())
            }
        }
    }
}

impl<K: AsRef<str> + Eq + Hash, V, H: BuildHasher + Default> WireMap for HashMap<K, V, H> {
    type Key = K;
    type Value = V;
    fn with_capacity(capacity: usize) -> Self {
        HashMap::with_capacity_and_hasher(capacity, H::default())
    }
    fn insert_entry(&mut self, key: K, value: V) -> Option<String> {
        match self.entry(key) {
            hash_map::Entry::Vacant(entry) => {
                entry.insert(value);
                None
            }
            hash_map::Entry::Occupied(mut entry) => {
                entry.insert(value);
                Some(entry.key().as_ref().to_owned())
            }
        }
    }
}

/// Decodes an object into a map `M`, putting each entry's key on the paths of what it records.
pub struct MapOf<M, S>(S, PhantomData<fn() -> M>);

/// A [`MapOf`] seed whose values decode with `value`.
pub const fn map<M, S>(value: S) -> MapOf<M, S> {
    MapOf(value, PhantomData)
}

impl<'de, M, S> DeserializeSeed<'de> for MapOf<M, S>
where
    M: WireMap<Value = S::Value>,
    M::Key: Deserialize<'de>,
    S: DeserializeSeed<'de> + Clone,
{
    type Value = M;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<M, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, M, S> Visitor<'de> for MapOf<M, S>
where
    M: WireMap<Value = S::Value>,
    M::Key: Deserialize<'de>,
    S: DeserializeSeed<'de> + Clone,
{
    type Value = M;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<M, A::Error> {
        let mut out = M::with_capacity(access.size_hint().unwrap_or(0).min(MAX_RESERVED));
        while let Some(key) = access.next_key::<M::Key>()? {
            let value = within(
                || Segment::Key(key.as_ref().to_owned()),
                || access.next_value_seed(self.0.clone()),
            )?;
            if let Some(repeated) = out.insert_entry(key, value) {
                record(
                    vec![Segment::Key(repeated)],
                    code::DUPLICATE,
                    "key must appear only once".to_owned(),
                );
            }
        }
        Ok(out)
    }
}

/// Decodes an RFC 3339 date-time (`2024-05-01T12:30:00Z`, fractional seconds and numeric
/// offsets allowed) into UTC. Text that is not one is a `format` violation, not a hard error.
#[derive(Clone, Copy)]
pub struct Timestamp;

/// A [`Timestamp`] seed.
pub const fn timestamp() -> Timestamp {
    Timestamp
}

impl<'de> DeserializeSeed<'de> for Timestamp {
    type Value = DateTime<Utc>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Timestamp {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date-time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        match super::datetime::parse(text) {
            Ok(date_time) => Ok(date_time),
            Err(problem) => {
                record(
                    Vec::new(),
                    code::FORMAT,
                    format!("{problem}; found {text:?}"),
                );
                Ok(DateTime::<Utc>::UNIX_EPOCH)
            }
        }
    }
}

impl<M, S: Clone> Clone for MapOf<M, S> {
    fn clone(&self) -> Self {
        MapOf(self.0.clone(), PhantomData)
    }
}

//! The members of a JSON object: names, slots, and what an absent member means.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::seeds::{Nullable, Seed};
use super::{check, found_len, raw_map_value, record, with_state, Mark};
use crate::path::{Path, Segment};
use crate::violation::{code, Report};

/// How a struct model decodes its members from a JSON object, one member at a time, so that a
/// struct flattened into another decodes from the other's object: generated for each struct, in
/// an impl for the model itself so that `Self` in a field's type means the model.
pub trait DecodeMembers: Sized {
    /// The wire names of the struct's own members, in declaration order.
    const MEMBERS: &'static [&'static str];
    /// What serde's messages say was expected ("a JSON object for Stage").
    const EXPECTING: &'static str;
    /// The struct's name, for `deserialize_struct`.
    const NAME: &'static str;
    /// How many positions [`position`](Self::position) can return: the own members, then
    /// those of each flattened struct.
    const POSITIONS: usize;
    /// Whether a member the struct does not know is a violation.
    const DENY_UNKNOWN: bool;
    /// Whether a member can be missing (a `required` member or a `require(...)` condition):
    /// what is missing is then reported first in its object.
    const CAN_MISS: bool;
    /// A slot per member (and the slots of each flattened struct).
    type Slots;

    /// Empty slots.
    fn slots() -> Self::Slots;
    /// The position of the member called `name`.
    fn position(name: &str) -> Option<usize>;
    /// Decodes the value of the member at `position` into its slot, checking its rules.
    fn decode_member<'de, A: MapAccess<'de>>(
        slots: &mut Self::Slots,
        position: usize,
        map: &mut A,
        lenient: bool,
    ) -> Result<(), A::Error>;
    /// Builds the struct from its slots, recording what is missing; `None` when a member it
    /// needs has no value.
    fn finish(slots: Self::Slots) -> Option<Self>;
    /// The rules over the whole struct (its `custom` functions, and those of the structs
    /// flattened into it), run once it is built and its missing members are reported.
    #[inline]
    fn check_whole(_value: &Self, _path: &Path<'_>, _report: &mut Report) {}
    /// Every wire name the struct knows, for the message of an unknown member.
    fn expected(names: &mut Vec<&'static str>) {
        names.extend_from_slice(Self::MEMBERS);
    }
}

/// Decodes the members of one object into `T`.
#[inline(always)]
fn decode_members<'de, T: DecodeMembers, A: MapAccess<'de>>(
    mut map: A,
) -> Result<Option<T>, A::Error> {
    let start = if T::CAN_MISS { mark() } else { 0 };
    let lenient = super::lenient();
    let mut slots = T::slots();
    while let Some(member) = map.next_key_seed(MemberKey::new(T::position, T::DENY_UNKNOWN))? {
        match member {
            Member::Known(position) => T::decode_member(&mut slots, position, &mut map, lenient)?,
            other => unknown(&mut map, other, T::expected)?,
        }
    }
    let missing = if T::CAN_MISS { mark() } else { 0 };
    let value = T::finish(slots);
    if T::CAN_MISS {
        missing_first(start, missing);
    }
    // Checked where it lies: the struct is not moved to be checked.
    if let Some(value) = &value {
        check(value, &Path::root(), T::check_whole);
    }
    Ok(value)
}

/// Decodes a struct model from a JSON object.
#[inline]
pub fn decode_struct<'de, T: DecodeMembers, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_struct(T::NAME, T::MEMBERS, StructVisitor(PhantomData))
}

struct StructVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T: DecodeMembers> Visitor<'de> for StructVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    #[inline(always)]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        decode_members(map)
    }
}

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

    #[inline(always)]
    fn find(&self, name: &str) -> Member {
        match (self.position)(name) {
            Some(position) => Member::Known(position),
            None => Member::Unknown(self.keep_unknown.then(|| name.to_owned())),
        }
    }
}

impl<'de, F: Fn(&str) -> Option<usize>> DeserializeSeed<'de> for MemberKey<F> {
    type Value = Member;
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Member, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<F: Fn(&str) -> Option<usize>> Visitor<'_> for MemberKey<F> {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline(always)]
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

/// What one member of an object held once the object has been read: nothing (the member did
/// not appear), `null`, an invalid value (why is recorded) or a value.
///
/// It is the seeds' `Option<Option<T>>` (`None` for `null`, `Some(None)` for an invalid value)
/// inside one more `Option` for an absent member: a decoded value is stored as it is, without
/// being converted, which the compiler makes a plain move.
pub struct Slot<T>(Option<Option<Option<T>>>);

/// A [`Slot`] read out.
enum Held<T> {
    /// Absent or `null`.
    Nothing,
    /// Invalid; why is recorded.
    Invalid,
    /// A value.
    Value(T),
}

impl<T> Slot<T> {
    /// The slot of a member that has not appeared (yet).
    #[inline(always)]
    pub const fn absent() -> Self {
        Slot(None)
    }

    #[inline(always)]
    fn held(self) -> Held<T> {
        match self.0 {
            Some(Some(Some(value))) => Held::Value(value),
            Some(Some(None)) => Held::Invalid,
            Some(None) | None => Held::Nothing,
        }
    }
}

/// A member's wire name and its path, made once, as a constant, by the generated decoder
/// (`&const { MemberSite::new("name") }`): reading the member builds neither.
pub struct MemberSite {
    name: &'static str,
    path: Path<'static>,
}

impl MemberSite {
    /// The site of member `name` (a wire name).
    pub const fn new(name: &'static str) -> Self {
        MemberSite {
            name,
            path: Path::top_member(name),
        }
    }
}

/// A member without rules of its own.
#[inline(always)]
pub fn no_rules<T: ?Sized>(_: &T, _: &Path<'_>, _: &mut Report) {}

/// Decodes the value of the member at `site` into `slot` and checks its `rules` right away. A
/// repeated member is a `duplicate` violation (the last value is kept). `lenient` is
/// [`lenient()`](super::lenient), read once per object.
#[inline(always)]
pub fn member<'de, A, S, T, R>(
    map: &mut A,
    lenient: bool,
    site: &'static MemberSite,
    slot: &mut Slot<T>,
    seed: S,
    rules: R,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: Seed<'de, Value = Option<T>> + Clone,
    R: FnOnce(&T, &Path<'_>, &mut Report),
{
    let name = site.name;
    let segment = || Segment::Member(Cow::Borrowed(name));
    let value = if lenient {
        raw_map_value(map, segment, Nullable(seed))?.unwrap_or(Some(None))
    } else {
        Mark::new::<S>().close(map.next_value_seed(Nullable(seed)), segment)?
    };
    if slot.0.is_some() {
        at_member(name, code::DUPLICATE, "must appear only once");
    }
    if let Some(Some(value)) = &value {
        check(value, &site.path, rules);
    }
    slot.0 = Some(value);
    Ok(())
}

/// Skips the value of a member the model does not have; records it when unknown members are
/// denied (the name was kept).
pub fn unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    member: Member,
    expected: fn(&mut Vec<&'static str>),
) -> Result<(), A::Error> {
    if let Member::Unknown(Some(name)) = member {
        let mut names = Vec::new();
        expected(&mut names);
        let message = format!(
            "is not a member of this object; expected one of: {}",
            names.join(", ")
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

/// Records a violation at member `name`: out of line, as the happy path never comes here.
#[cold]
#[inline(never)]
fn at_member(name: &'static str, rule: &'static str, message: &'static str) {
    record(
        vec![Segment::Member(Cow::Borrowed(name))],
        rule,
        message.to_owned(),
    );
}

/// Where the record stands: taken when an object starts and before its missing members are
/// recorded, for [`missing_first`].
#[inline]
fn mark() -> usize {
    found_len()
}

/// Moves what was recorded since `missing` (the object's missing members) to `start` (where
/// the object began), so that a missing member is reported before what was found inside the
/// object: it is a fault of the object as a whole.
#[inline]
fn missing_first(start: usize, missing: usize) {
    if found_len() == missing {
        return;
    }
    with_state(|state| {
        let moved = state.found.len() - missing;
        state.found[start..].rotate_right(moved);
    });
}

/// The value of a `required` member; `None` when it is absent or `null` (a `required`
/// violation) or invalid.
#[inline]
pub fn required<T>(slot: Slot<T>, name: &'static str) -> Option<T> {
    match slot.held() {
        Held::Value(value) => Some(value),
        Held::Invalid => None,
        Held::Nothing => {
            at_member(name, code::REQUIRED, "is required");
            None
        }
    }
}

/// The value of an `Option` member: absent and `null` are both `None`; `None` (the outer one)
/// when the value was invalid.
#[inline]
pub fn optional<T>(slot: Slot<T>) -> Option<Option<T>> {
    match slot.held() {
        Held::Value(value) => Some(Some(value)),
        Held::Nothing => Some(None),
        Held::Invalid => None,
    }
}

/// The value of a `default` member: absent and `null` are both `default()`, whose `rules` are
/// checked like those of a value read from the document.
#[inline]
pub fn or_default<T, R>(
    slot: Slot<T>,
    name: &'static str,
    default: impl FnOnce() -> T,
    rules: R,
) -> Option<T>
where
    R: FnOnce(&T, &Path<'_>, &mut Report),
{
    match slot.held() {
        Held::Value(value) => Some(value),
        Held::Invalid => None,
        Held::Nothing => {
            let value = default();
            check(&value, &Path::top_member(name), rules);
            Some(value)
        }
    }
}

/// `require(member, when(...))` while decoding: records `required` at member `name` when the
/// condition holds and the member is absent.
#[inline]
pub fn required_when(holds: bool, absent: bool, name: &'static str, condition: &'static str) {
    if holds && absent {
        record(
            vec![Segment::Member(Cow::Borrowed(name))],
            code::REQUIRED,
            crate::rules::required_when_message(condition),
        );
    }
}

//! The members of a JSON object: names, slots, and what an absent member means.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::seeds::Nullable;
use super::{check, found_len, raw_map_value, record, with_state, within};
use crate::path::{Path, Segment};
use crate::violation::{code, Report};

/// How a struct model decodes its members from a JSON object: generated for each struct, in
/// an impl for the model itself so that `Self` in a field's type means the model.
pub trait DecodeMembers: Sized {
    /// The wire names of the members, in declaration order.
    const MEMBERS: &'static [&'static str];
    /// What serde's messages say was expected ("a JSON object for Stage").
    const EXPECTING: &'static str;
    /// The struct's name, for `deserialize_struct`.
    const NAME: &'static str;

    /// Decodes the members of one object, recording what is missing or unknown; `None` when a
    /// member the struct needs has no value.
    fn decode_members<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error>;
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

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::decode_members(map)
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

/// What one member of an object held once the object has been read.
pub enum Slot<T> {
    /// The member did not appear.
    Absent,
    /// The member was `null`.
    Null,
    /// The member's value was invalid; why is recorded.
    Invalid,
    /// The member's value.
    Present(T),
}

/// A member without rules of its own.
#[inline(always)]
pub fn no_rules<T: ?Sized>(_: &T, _: &Path<'_>, _: &mut Report) {}

/// Decodes the value of member `name` into `slot` and checks its `rules` right away. A
/// repeated member is a `duplicate` violation (the last value is kept). `lenient` is
/// [`lenient()`](super::lenient), read once per object.
#[inline]
pub fn member<'de, A, S, T, R>(
    map: &mut A,
    lenient: bool,
    name: &'static str,
    slot: &mut Slot<T>,
    seed: S,
    rules: R,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: DeserializeSeed<'de, Value = Option<T>>,
    R: FnOnce(&T, &Path<'_>, &mut Report),
{
    let segment = || Segment::Member(Cow::Borrowed(name));
    let value = if lenient {
        raw_map_value(map, segment, Nullable(seed))?.unwrap_or(Some(None))
    } else {
        within(segment, || map.next_value_seed(Nullable(seed)))?
    };
    if !matches!(slot, Slot::Absent) {
        at_member(name, code::DUPLICATE, "must appear only once");
    }
    *slot = match value {
        None => Slot::Null,
        Some(None) => Slot::Invalid,
        Some(Some(value)) => {
            check(&value, &Path::root().member(name), rules);
            Slot::Present(value)
        }
    };
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
pub fn mark() -> usize {
    found_len()
}

/// Moves what was recorded since `missing` (the object's missing members) to `start` (where
/// the object began), so that a missing member is reported before what was found inside the
/// object: it is a fault of the object as a whole.
#[inline]
pub fn missing_first(start: usize, missing: usize) {
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
    match slot {
        Slot::Present(value) => Some(value),
        Slot::Invalid => None,
        Slot::Absent | Slot::Null => {
            at_member(name, code::REQUIRED, "is required");
            None
        }
    }
}

/// The value of an `Option` member: absent and `null` are both `None`; `None` (the outer one)
/// when the value was invalid.
#[inline]
pub fn optional<T>(slot: Slot<T>) -> Option<Option<T>> {
    match slot {
        Slot::Present(value) => Some(Some(value)),
        Slot::Absent | Slot::Null => Some(None),
        Slot::Invalid => None,
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
    match slot {
        Slot::Present(value) => Some(value),
        Slot::Invalid => None,
        Slot::Absent | Slot::Null => {
            let value = default();
            check(&value, &Path::root().member(name), rules);
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

/// Runs the rules over a whole struct (its `custom` functions) on the value just built, and
/// hands the value on.
#[inline]
pub fn checked<T>(value: T, rules: impl FnOnce(&T, &Path<'_>, &mut Report)) -> Option<T> {
    check(&value, &Path::root(), rules);
    Some(value)
}

//! Encoding a struct's members one by one, so that a struct flattened into another writes its
//! members into the other's object.

use chrono::{DateTime, Utc};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::datetime::{write_rfc3339, RFC3339_MAX};

/// Generated for each struct model: how many members it writes, and writing them.
pub trait SerializeMembers {
    /// How many members [`serialize_members`](Self::serialize_members) writes (absent
    /// `Option`s are left out).
    fn member_count(&self) -> usize;
    /// Writes the members into an object being encoded.
    fn serialize_members<S: SerializeStruct>(&self, state: &mut S) -> Result<(), S::Error>;
}

/// A member as generated code writes it, so that its type picks how:
/// `(&Member(value)).__stages_wire()` is a [`Rfc3339`] for a `DateTime<Utc>` ([`AsRfc3339`],
/// found first) and the value itself for any other type ([`AsSerialize`], found through one
/// more reference). chrono's own `Serialize` formats a date through `fmt` one character at a
/// time, which costs more than the rest of a typical stage's encoding.
///
/// The method's name is one no user's trait would have: generated code runs among the user's
/// imports, and a trait of theirs with a method of the same name for every type would be
/// picked instead (and write something else).
pub struct Member<'a, T: ?Sized>(pub &'a T);

/// Picks [`Rfc3339`] for a `DateTime<Utc>` member.
pub trait AsRfc3339<'a> {
    /// The member, written as [`Rfc3339`].
    fn __stages_wire(&self) -> Rfc3339<'a>;
}

impl<'a> AsRfc3339<'a> for Member<'a, DateTime<Utc>> {
    #[inline]
    fn __stages_wire(&self) -> Rfc3339<'a> {
        Rfc3339(self.0)
    }
}

/// Picks the member's own `Serialize` for every other type. The impl asks nothing of `T`: the
/// encoding of the member does, so that a type without `Serialize` is reported as such, at
/// the field, rather than as a method that cannot be called.
pub trait AsSerialize<'a, T: ?Sized> {
    /// The member itself.
    fn __stages_wire(&self) -> &'a T;
}

impl<'a, T: ?Sized> AsSerialize<'a, T> for &Member<'a, T> {
    #[inline]
    fn __stages_wire(&self) -> &'a T {
        self.0
    }
}

/// A date written as chrono writes it ([`write_rfc3339`]), as one string, without `fmt`.
pub struct Rfc3339<'a>(pub &'a DateTime<Utc>);

impl Serialize for Rfc3339<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = [0; RFC3339_MAX];
        match write_rfc3339(self.0, &mut out) {
            Some(text) => serializer.serialize_str(text),
            None => self.0.serialize(serializer),
        }
    }
}

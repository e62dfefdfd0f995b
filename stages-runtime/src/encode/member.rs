//! How generated code writes one member: `(&Member(wire)).__stages_json(out, key, model, name)`,
//! where `wire` is the member as the model's `Serialize` hands it on (`&T`, or a date's
//! [`Rfc3339`]; see [`ser::Member`](crate::ser::Member)). Its type picks the way: [`WriteJson`]
//! when it has it ([`ByWriteJson`], found first), and otherwise [`BySerde`] (found through one
//! more reference), which writes the member through the model's own `Serialize`, member `name`
//! alone ([`SerializeMembers`] into a [`SerializeStruct`] that keeps that member only).
//!
//! Going through the model rather than asking `T: Serialize` of the member's type keeps the
//! fallback free of bounds: a type without `Serialize` is reported once, by the model's
//! `Serialize`, and not a second time here. The method's name is one no user's trait would
//! have, as in `ser::Member`.

use serde::ser::SerializeStruct;
use serde::Serialize;

use super::{Error, WriteJson};
use crate::ser::{Rfc3339, SerializeMembers};

/// A member as generated code writes it (see the module's docs).
pub struct Member<T>(pub T);

/// Writes a member of a type with [`WriteJson`].
pub trait ByWriteJson {
    /// Appends `key` (`,"name":`) and the value.
    fn __stages_json<M: ?Sized>(
        &self,
        out: &mut Vec<u8>,
        key: &[u8],
        model: &M,
        name: &'static str,
    ) -> Result<(), Error>;
}

impl<T: ?Sized + WriteJson> ByWriteJson for Member<&T> {
    #[inline(always)]
    fn __stages_json<M: ?Sized>(
        &self,
        out: &mut Vec<u8>,
        key: &[u8],
        _: &M,
        _: &'static str,
    ) -> Result<(), Error> {
        out.extend_from_slice(key);
        self.0.write_json(out)
    }
}

impl ByWriteJson for Member<Rfc3339<'_>> {
    #[inline(always)]
    fn __stages_json<M: ?Sized>(
        &self,
        out: &mut Vec<u8>,
        key: &[u8],
        _: &M,
        _: &'static str,
    ) -> Result<(), Error> {
        out.extend_from_slice(key);
        self.0 .0.write_json(out)
    }
}

/// Writes a member of any other type, through the model's `Serialize`.
pub trait BySerde {
    /// Appends `key` (`,"name":`) and the value of member `name` of `model`.
    fn __stages_json<M: ?Sized + SerializeMembers>(
        &self,
        out: &mut Vec<u8>,
        key: &[u8],
        model: &M,
        name: &'static str,
    ) -> Result<(), Error>;
}

impl<T: ?Sized> BySerde for &Member<&T> {
    #[inline(always)]
    fn __stages_json<M: ?Sized + SerializeMembers>(
        &self,
        out: &mut Vec<u8>,
        key: &[u8],
        model: &M,
        name: &'static str,
    ) -> Result<(), Error> {
        out.extend_from_slice(key);
        member_via_serde(model, name, out)
    }
}

/// Appends the value of member `name` of `model`, as serde_json writes it.
#[inline(never)]
fn member_via_serde<M: ?Sized + SerializeMembers>(
    model: &M,
    name: &'static str,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    let mut only = OnlyMember {
        name,
        out,
        written: false,
    };
    model.serialize_members(&mut only)
}

/// A struct being written that keeps the first member named `name` and drops the others. Wire
/// names are unique within a struct, but a flattened struct's member may share one with the
/// outer struct: serde_json then writes the key twice, and this writes the first of the two
/// values for both (the one place where the bytes may differ from serde_json's).
struct OnlyMember<'a> {
    name: &'static str,
    out: &'a mut Vec<u8>,
    written: bool,
}

impl SerializeStruct for OnlyMember<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if self.written || key != self.name {
            return Ok(());
        }
        self.written = true;
        serde_json::to_writer(&mut *self.out, value)
    }

    fn end(self) -> Result<(), Error> {
        // The key is out already: a member that never came would leave it without a value.
        if self.written {
            Ok(())
        } else {
            Err(serde::ser::Error::custom(format_args!(
                "the member `{}` was not written by the model's Serialize",
                self.name
            )))
        }
    }
}

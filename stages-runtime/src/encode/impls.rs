//! [`WriteJson`] for the types models hold: strings, numbers, `bool`, `char`, `Option`, lists,
//! sets and maps with string or integer keys, and references to them (dates: `dates.rs`).
//! Numbers are written by serde_json's own formatter, so that they are the same digits whatever
//! version of serde_json (and of its number printers) a build has.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use serde_json::ser::{CompactFormatter, Formatter};

use super::{close, write_str, Error, WriteJson};
use crate::{OneOrMany, UnknownValue};

/// Writes with serde_json's formatter; writing to a `Vec` never fails.
#[inline(always)]
fn formatted(
    out: &mut Vec<u8>,
    write: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>,
) {
    let written = write(&mut CompactFormatter, out);
    debug_assert!(written.is_ok());
}

macro_rules! integers {
    ($($ty:ty => $write:ident $(as $as:ty)?;)*) => {$(
        impl WriteJson for $ty {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
                formatted(out, |formatter, out| formatter.$write(out, *self $(as $as)?));
                Ok(())
            }
        }

    )*};
}

macro_rules! integer_keys {
    ($($ty:ty => $write:ident $(as $as:ty)?;)*) => {$(
        impl JsonKey for $ty {
            #[inline]
            fn write_json_key(&self, out: &mut Vec<u8>) {
                out.push(b'"');
                formatted(out, |formatter, out| formatter.$write(out, *self $(as $as)?));
                out.push(b'"');
            }
        }
    )*};
}

// As serde's `Serialize` hands them to the serializer (`usize` as `u64`).
integers! {
    i8 => write_i8;
    i16 => write_i16;
    i32 => write_i32;
    i64 => write_i64;
    i128 => write_i128;
    isize => write_i64 as i64;
    u8 => write_u8;
    u16 => write_u16;
    u32 => write_u32;
    u64 => write_u64;
    u128 => write_u128;
    usize => write_u64 as u64;
}

// Keys up to 64 bits, which every serde_json since 1.0 writes in quotes.
integer_keys! {
    i8 => write_i8;
    i16 => write_i16;
    i32 => write_i32;
    i64 => write_i64;
    isize => write_i64 as i64;
    u8 => write_u8;
    u16 => write_u16;
    u32 => write_u32;
    u64 => write_u64;
    usize => write_u64 as u64;
}

macro_rules! floats {
    ($($ty:ty => $write:ident;)*) => {$(
        /// `null` for NaN and the infinities, as serde_json; otherwise the shortest digits of
        /// this type (an `f32`'s own, not those of the `f64` it widens to).
        impl WriteJson for $ty {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
                if self.is_finite() {
                    formatted(out, |formatter, out| formatter.$write(out, *self));
                } else {
                    out.extend_from_slice(b"null");
                }
                Ok(())
            }
        }
    )*};
}

floats! {
    f64 => write_f64;
    f32 => write_f32;
}

impl WriteJson for bool {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
        Ok(())
    }
}

/// `null`, as serde writes `()`.
impl WriteJson for () {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        out.extend_from_slice(b"null");
        Ok(())
    }
}

impl WriteJson for char {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        write_str(out, self.encode_utf8(&mut [0; 4]));
        Ok(())
    }
}

macro_rules! texts {
    ($($ty:ty),*) => {$(
        impl WriteJson for $ty {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
                write_str(out, self);
                Ok(())
            }
        }

        impl JsonKey for $ty {
            #[inline]
            fn write_json_key(&self, out: &mut Vec<u8>) {
                write_str(out, self);
            }
        }
    )*};
}

texts!(str, String, Cow<'_, str>);

/// Keys of the other text types a map member may have (`MapKey`): serde writes each as its text.
macro_rules! text_keys {
    ($($ty:ty),*) => {$(
        impl JsonKey for $ty {
            #[inline]
            fn write_json_key(&self, out: &mut Vec<u8>) {
                write_str(out, self);
            }
        }
    )*};
}

text_keys!(Box<str>, Rc<str>, Arc<str>, UnknownValue);

/// `null` for `None`: a member that is an absent `Option` is left out by the model instead.
impl<T: WriteJson> WriteJson for Option<T> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        match self {
            Some(value) => value.write_json(out),
            None => {
                out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }
}

macro_rules! pointers {
    ($($ty:ty),*) => {$(
        impl<T: ?Sized + WriteJson> WriteJson for $ty {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
                (**self).write_json(out)
            }
        }
    )*};
}

pointers!(&T, &mut T, Box<T>);

/// Writes `items` as a JSON array.
#[inline]
fn array<'a, T: WriteJson + 'a>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = &'a T>,
) -> Result<(), Error> {
    let start = out.len();
    for item in items {
        out.push(b',');
        item.write_json(out)?;
    }
    close(out, start, b'[', b']');
    Ok(())
}

impl<T: WriteJson> WriteJson for [T] {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        array(out, self)
    }
}

macro_rules! sequences {
    ($($ty:ident $(, $hasher:ident)?;)*) => {$(
        impl<T: WriteJson $(, $hasher)?> WriteJson for $ty<T $(, $hasher)?>
        where
            Self: serde::Serialize,
        {
            #[inline]
            fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
                array(out, self)
            }
        }
    )*};
}

sequences! {
    Vec;
    VecDeque;
    BTreeSet;
    HashSet, H;
}

/// A map key serde_json writes as a string: text, an enum deriving `Model` (its wire value), or
/// an integer in quotes. A member that is a map with other keys (a `MapKey` of your own) is
/// written through the model's `Serialize`, which knows how that key writes itself.
pub trait JsonKey {
    /// Appends the key as a JSON string.
    fn write_json_key(&self, out: &mut Vec<u8>);
}

impl<T: ?Sized + JsonKey> JsonKey for &T {
    #[inline]
    fn write_json_key(&self, out: &mut Vec<u8>) {
        (**self).write_json_key(out);
    }
}

/// Writes `entries` as a JSON object, in the order given.
#[inline]
fn map<'a, K: JsonKey + ?Sized + 'a, V: WriteJson + 'a>(
    out: &mut Vec<u8>,
    entries: impl IntoIterator<Item = (&'a K, &'a V)>,
) -> Result<(), Error> {
    let start = out.len();
    for (key, value) in entries {
        out.push(b',');
        key.write_json_key(out);
        out.push(b':');
        value.write_json(out)?;
    }
    close(out, start, b'{', b'}');
    Ok(())
}

impl<K: JsonKey, V: WriteJson> WriteJson for BTreeMap<K, V>
where
    Self: serde::Serialize,
{
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        map(out, self)
    }
}

impl<K: JsonKey, V: WriteJson, H> WriteJson for HashMap<K, V, H>
where
    Self: serde::Serialize,
{
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        map(out, self)
    }
}

/// As written: the value alone, or the list.
impl<T: WriteJson> WriteJson for OneOrMany<T> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        match self {
            OneOrMany::One(value) => value.write_json(out),
            OneOrMany::Many(values) => values.write_json(out),
        }
    }
}

//! The stored stages' JSON: serde_json's compact text byte for byte, written faster.
//!
//! serde_json escapes every string one byte at a time through a table, which cost a stage more
//! than the rest of its encoding. Here a string is first checked sixteen bytes at a time for
//! the bytes JSON must escape (controls, `"` and `\`): one that has none, as nearly every
//! stage's, is copied whole between its quotes; one that has some, and every scalar, goes to
//! serde_json itself, so the text is the same (the tests compare the two on every shape serde
//! has).

use serde::ser::{self, Serialize, SerializeMap as _};
use serde_json::Error;

/// `value` as `serde_json::to_vec` writes it.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    value.serialize(Writer { out: &mut out })?;
    Ok(out)
}

/// Whether any byte of `text` is one JSON escapes: below 0x20, `"` or `\` (serde_json leaves
/// every other byte, DEL and non-ASCII included, as it is). Sixteen bytes at a time, the last
/// few padded with a harmless byte: most strings of a stage are shorter than sixteen bytes.
fn needs_escape(text: &[u8]) -> bool {
    let mut blocks = text.chunks_exact(16);
    if blocks.by_ref().any(block_needs_escape) {
        return true;
    }
    let rest = blocks.remainder();
    let mut last = [b' '; 16];
    last[..rest.len()].copy_from_slice(rest);
    block_needs_escape(&last)
}

/// One block, without early exit, so that the compiler checks it at once.
#[inline(always)]
fn block_needs_escape(block: &[u8]) -> bool {
    block.iter().fold(false, |found, &byte| {
        found | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
    })
}

fn write_str(out: &mut Vec<u8>, text: &str) -> Result<(), Error> {
    if needs_escape(text.as_bytes()) {
        return ser::Serializer::serialize_str(&mut serde_json::Serializer::new(out), text);
    }
    out.reserve(text.len() + 2);
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
    Ok(())
}

/// Writes a map key as serde_json does (strings, and numbers or booleans in quotes), through a
/// serde_json map whose opening brace is then taken back out.
fn write_key<T: Serialize + ?Sized>(out: &mut Vec<u8>, key: &T) -> Result<(), Error> {
    let brace = out.len();
    {
        let mut serializer = serde_json::Serializer::new(&mut *out);
        let mut map = ser::Serializer::serialize_map(&mut serializer, None)?;
        map.serialize_key(key)?;
    }
    out.remove(brace);
    Ok(())
}

/// `{"variant":`, which an enum's variant with data opens with.
fn open_variant(out: &mut Vec<u8>, variant: &str) -> Result<(), Error> {
    out.push(b'{');
    write_str(out, variant)?;
    out.push(b':');
    Ok(())
}

/// Hands a scalar to serde_json, whose compact writer keeps no state between values.
macro_rules! to_serde_json {
    ($($method:ident($type:ty)),* $(,)?) => {$(
        fn $method(self, value: $type) -> Result<(), Error> {
            ser::Serializer::$method(&mut serde_json::Serializer::new(self.out), value)
        }
    )*};
}

/// The serializer: compact JSON into `out`.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    to_serde_json! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_i128(i128), serialize_u8(u8), serialize_u16(u16),
        serialize_u32(u32), serialize_u64(u64), serialize_u128(u128), serialize_f32(f32),
        serialize_f64(f64), serialize_char(char), serialize_bytes(&[u8]),
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        write_str(self.out, value)
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: &str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        open_variant(self.out, variant)?;
        value.serialize(Writer { out: self.out })?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self.out, b'[', b"]"))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        open_variant(self.out, variant)?;
        Ok(Compound::open(self.out, b'[', b"]}"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self.out, b'{', b"}"))
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        if VERBATIM.contains(&name) {
            return Ok(Compound {
                out: self.out,
                first: true,
                close: b"",
                verbatim: true,
            });
        }
        Ok(Compound::open(self.out, b'{', b"}"))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        open_variant(self.out, variant)?;
        Ok(Compound::open(self.out, b'{', b"}}"))
    }

    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        ser::Serializer::collect_str(&mut serde_json::Serializer::new(self.out), value)
    }
}

/// The names under which serde_json's `RawValue` (feature `raw_value`, on in this workspace)
/// and its `Number` (feature `arbitrary_precision`) hand over text to be written as it is.
const VERBATIM: [&str; 2] = [
    "$serde_json::private::RawValue",
    "$serde_json::private::Number",
];

/// An array or object being written: a comma before every element but the first.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    close: &'static [u8],
    /// One of the [`VERBATIM`] structs: its one field's text is written as it is.
    verbatim: bool,
}

impl<'a> Compound<'a> {
    fn open(out: &'a mut Vec<u8>, open: u8, close: &'static [u8]) -> Self {
        out.push(open);
        Compound {
            out,
            first: true,
            close,
            verbatim: false,
        }
    }

    fn comma(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(b',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(Writer { out: self.out })
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        if self.verbatim {
            return match value.serialize(serde_json::value::Serializer)? {
                serde_json::Value::String(text) => {
                    self.out.extend_from_slice(text.as_bytes());
                    Ok(())
                }
                _ => Err(ser::Error::custom("verbatim JSON that is not text")),
            };
        }
        self.comma();
        write_str(self.out, key)?;
        self.out.push(b':');
        value.serialize(Writer { out: self.out })
    }

    fn close(self) -> Result<(), Error> {
        self.out.extend_from_slice(self.close);
        Ok(())
    }
}

/// The sequences' traits: each element after a comma.
macro_rules! elements {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        write_key(self.out, key)?;
        self.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// The structs' traits: each member after a comma, as `"name":value`.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests;

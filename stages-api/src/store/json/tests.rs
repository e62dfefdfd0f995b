//! The fast writer against serde_json, on the typical stage and on every kind of value.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;
use stages_model::{from_json, CreateStageInput, Stage};

fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) {
    let ours = String::from_utf8(super::to_vec(value).unwrap()).unwrap();
    assert_eq!(ours, serde_json::to_string(value).unwrap());
}

#[test]
fn the_typical_stage_is_written_as_serde_json_writes_it() {
    let document = include_str!("../../../../stages-model/examples/data/create-stage.json");
    let input: CreateStageInput = from_json(document).unwrap();
    let now = "2026-11-26T05:00:00Z".parse().unwrap();
    let stage = Stage::from_input(input, now);
    same_as_serde_json(&stage);
    same_as_serde_json(&serde_json::to_value(&stage).unwrap());
}

#[test]
fn strings_that_need_escaping_go_through_serde_json() {
    let mut texts: Vec<String> = ["", "plain", "quote\"", "back\\slash", "tab\t", "é ☃ 🦀"]
        .map(String::from)
        .into();
    texts.extend((0u8..0x80).map(|byte| format!("{:>20}", char::from(byte))));
    texts.push("x".repeat(33) + "\u{1f}");
    same_as_serde_json(&texts);
    let keyed: BTreeMap<String, &str> = texts.iter().map(|t| (t.clone(), "v\n")).collect();
    same_as_serde_json(&keyed);
}

/// Each of serde's kinds of variant, and a unit struct and a newtype struct (serde's
/// derive is not among this crate's features: written by hand).
enum Shape {
    Unit,
    Newtype(Option<u8>),
    Tuple(i64, f64),
    Struct(char, Vec<u8>),
    UnitStruct,
    NewtypeStruct(&'static str),
}

impl Serialize for Shape {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeStructVariant, SerializeTupleVariant};
        match self {
            Shape::Unit => serializer.serialize_unit_variant("Shape", 0, "Unit"),
            Shape::Newtype(value) => {
                serializer.serialize_newtype_variant("Shape", 1, "Newtype", value)
            }
            Shape::Tuple(integer, float) => {
                let mut tuple = serializer.serialize_tuple_variant("Shape", 2, "Tuple", 2)?;
                tuple.serialize_field(integer)?;
                tuple.serialize_field(float)?;
                tuple.end()
            }
            Shape::Struct(char, bytes) => {
                let mut fields = serializer.serialize_struct_variant("Shape", 3, "Struct", 3)?;
                fields.serialize_field("char", char)?;
                fields.serialize_field("bytes", &AsBytes(bytes))?;
                fields.serialize_field("unit", &())?;
                fields.end()
            }
            Shape::UnitStruct => serializer.serialize_unit_struct("UnitStruct"),
            Shape::NewtypeStruct(text) => serializer.serialize_newtype_struct("Newtype", text),
        }
    }
}

/// Bytes through `serialize_bytes` (a `Vec<u8>` goes through `serialize_seq`).
struct AsBytes<'a>(&'a [u8]);

impl Serialize for AsBytes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

#[test]
fn every_kind_of_value_is_written_as_serde_json_writes_it() {
    same_as_serde_json(&[
        Shape::Unit,
        Shape::Newtype(Some(7)),
        Shape::Newtype(None),
        Shape::Tuple(-3, 0.1),
        Shape::Struct('"', vec![0, 255]),
        Shape::UnitStruct,
        Shape::NewtypeStruct("in\u{7f}side"),
    ]);
    same_as_serde_json(&(-8i8, u128::MAX, 1.5f32, f64::NAN, 1e300, i128::MIN));
    same_as_serde_json(&BTreeMap::from([(-1, true), (2, false)]));
    same_as_serde_json(&BTreeMap::from([(true, ())]));
    same_as_serde_json(&BTreeMap::from([('k', 'v')]));
    same_as_serde_json(&(Vec::<u8>::new(), BTreeMap::<String, u8>::new(), [0u8; 0]));
    same_as_serde_json(&Some(Some(())));
    let raw = RawValue::from_string(r#"{ "kept" : [1, 2] }"#.to_owned()).unwrap();
    same_as_serde_json(&vec![raw.clone(), raw]);
}

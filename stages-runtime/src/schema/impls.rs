//! [`JsonSchema`] for the types a model's fields hold, each saying exactly what the decoder
//! accepts: integers bounded by their width, doubles by what a double can hold, date-times by
//! the strict RFC 3339 grammar of [`crate::datetime`].

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use chrono::DateTime;
use serde_json::{json, Value};

use super::build::{map, nullable};
use super::{JsonSchema, SchemaGenerator};

impl JsonSchema for str {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("string")
    }
    fn definition(_: &mut SchemaGenerator) -> Value {
        json!({"type": "string"})
    }
}

impl JsonSchema for String {
    fn schema_name() -> Cow<'static, str> {
        str::schema_name()
    }
    fn definition(generator: &mut SchemaGenerator) -> Value {
        str::definition(generator)
    }
}

impl<T: JsonSchema + ToOwned + ?Sized> JsonSchema for Cow<'_, T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn definition(generator: &mut SchemaGenerator) -> Value {
        generator.subschema::<T>()
    }
}

/// A reference or a box has the schema of what it points to.
macro_rules! transparent {
    ($($ty:ty),*) => {$(
        impl<T: JsonSchema + ?Sized> JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                T::schema_name()
            }
            fn definition(generator: &mut SchemaGenerator) -> Value {
                generator.subschema::<T>()
            }
            fn known_definition(generator: &mut SchemaGenerator) -> Value {
                T::known_definition(generator)
            }
        }
    )*};
}

transparent!(&T, Box<T>);

impl JsonSchema for char {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("char")
    }
    fn definition(_: &mut SchemaGenerator) -> Value {
        json!({"type": "string", "minLength": 1, "maxLength": 1})
    }
}

/// Any JSON value: a member kept as it was written.
impl JsonSchema for Value {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("any")
    }
    fn definition(_: &mut SchemaGenerator) -> Value {
        json!({})
    }
}

impl JsonSchema for bool {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("boolean")
    }
    fn definition(_: &mut SchemaGenerator) -> Value {
        json!({"type": "boolean"})
    }
}

/// An integer type accepts the whole numbers it can hold, and nothing else (the decoder reports
/// a larger one as a `type` violation, as it does a fraction).
macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }
            fn definition(_: &mut SchemaGenerator) -> Value {
                json!({"type": "integer", "minimum": <$ty>::MIN, "maximum": <$ty>::MAX})
            }
        }
    )*};
}

integers!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// 128-bit bounds do not fit a JSON number as serde_json writes it: the bounds of 64 bits are
/// given, which is where the decoder reading JSON stops too.
macro_rules! wide_integers {
    ($($ty:ty => $like:ty),*) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }
            fn definition(generator: &mut SchemaGenerator) -> Value {
                <$like>::definition(generator)
            }
        }
    )*};
}

wide_integers!(i128 => i64, u128 => u64);

/// A floating-point number: JSON has no NaN or infinity, and a number beyond the type's
/// largest (`1e400`) is a `range` violation, so the bounds are the largest finite values.
macro_rules! floats {
    ($($ty:ty),*) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }
            fn definition(_: &mut SchemaGenerator) -> Value {
                json!({"type": "number", "minimum": f64::from(<$ty>::MIN), "maximum": f64::from(<$ty>::MAX)})
            }
        }
    )*};
}

floats!(f32, f64);

impl<T: JsonSchema> JsonSchema for Option<T> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("{}_or_null", T::schema_name()))
    }
    fn definition(generator: &mut SchemaGenerator) -> Value {
        nullable(generator.subschema::<T>())
    }
}

/// A list, or a set (`unique`), of `T`.
fn array<T: JsonSchema + ?Sized>(generator: &mut SchemaGenerator, unique: bool) -> Value {
    let items = generator.subschema::<T>();
    if unique {
        json!({"type": "array", "items": items, "uniqueItems": true})
    } else {
        json!({"type": "array", "items": items})
    }
}

macro_rules! lists {
    ($($ty:ty => $unique:expr, $label:literal;)*) => {$(
        impl<T: JsonSchema> JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Owned(format!(concat!($label, "_of_{}"), T::schema_name()))
            }
            fn definition(generator: &mut SchemaGenerator) -> Value {
                array::<T>(generator, $unique)
            }
        }
    )*};
}

lists! {
    Vec<T> => false, "list";
    VecDeque<T> => false, "list";
    [T] => false, "list";
    BTreeSet<T> => true, "set";
}

impl<T: JsonSchema, S> JsonSchema for HashSet<T, S> {
    fn schema_name() -> Cow<'static, str> {
        BTreeSet::<T>::schema_name()
    }
    fn definition(generator: &mut SchemaGenerator) -> Value {
        array::<T>(generator, true)
    }
}

/// A JSON object whose members are entries: their names follow `K`'s schema (when it says
/// more than "a string", and is one of strings), their values `V`'s.
fn object<K: JsonSchema, V: JsonSchema>(generator: &mut SchemaGenerator) -> Value {
    let values = generator.subschema::<V>();
    let names = generator.subschema::<K>();
    map(names, values)
}

/// A map's name: by its values, and by its keys too when they are not any string (an enum),
/// so that the names of generic models holding different maps differ.
fn map_name<K: JsonSchema, V: JsonSchema>() -> Cow<'static, str> {
    let (keys, values) = (K::schema_name(), V::schema_name());
    Cow::Owned(if keys == "string" {
        format!("map_of_{values}")
    } else {
        format!("map_of_{values}_by_{keys}")
    })
}

impl<K: JsonSchema, V: JsonSchema> JsonSchema for BTreeMap<K, V> {
    fn schema_name() -> Cow<'static, str> {
        map_name::<K, V>()
    }
    fn definition(generator: &mut SchemaGenerator) -> Value {
        object::<K, V>(generator)
    }
}

impl<K: JsonSchema, V: JsonSchema, S> JsonSchema for HashMap<K, V, S> {
    fn schema_name() -> Cow<'static, str> {
        map_name::<K, V>()
    }
    fn definition(generator: &mut SchemaGenerator) -> Value {
        object::<K, V>(generator)
    }
}

/// RFC 3339 as [`crate::datetime::parse`] reads it, as a pattern: fields in their ranges,
/// fractions whose digits past the ninth are zeros. It ends in a plain `$`, as the derive's
/// patterns do, so that RE2-based validators read it too (Python's `$` also accepts a final
/// newline).
pub(crate) const DATE_TIME_PATTERN: &str = "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt]\
(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9}0*)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$";

/// What the pattern cannot say, so that a reader of the schema knows it is looser there.
const DATE_TIME_NOTE: &str = "An RFC 3339 date-time. Also checked, beyond this schema: the day \
exists in its month (no February 30), and the instant lies in years 0000-9999 once converted to UTC.";

/// `DateTime<Utc>` and `DateTime<FixedOffset>`, which decode from the same texts.
impl<Tz: chrono::TimeZone> JsonSchema for DateTime<Tz>
where
    DateTime<Tz>: crate::de::Rfc3339,
{
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("date-time")
    }
    fn definition(_: &mut SchemaGenerator) -> Value {
        json!({
            "type": "string",
            "format": "date-time",
            "pattern": DATE_TIME_PATTERN,
            "description": DATE_TIME_NOTE,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::schema_for;

    #[test]
    fn integers_are_bounded_by_their_width() {
        let schema = schema_for::<i32>();
        assert_eq!(schema["minimum"], i32::MIN);
        assert_eq!(schema["maximum"], i32::MAX);
        assert_eq!(schema_for::<u64>()["maximum"], u64::MAX);
    }

    #[test]
    fn containers_nest_and_options_take_null() {
        let schema = schema_for::<Option<BTreeMap<String, BTreeSet<u8>>>>();
        assert_eq!(schema["type"], json!(["object", "null"]));
        assert_eq!(schema["additionalProperties"]["uniqueItems"], true);
        assert!(schema.get("propertyNames").is_none());
        let numbered = schema_for::<BTreeMap<u32, String>>();
        assert!(numbered.get("propertyNames").is_none());
        assert!(numbered["description"]
            .as_str()
            .unwrap()
            .contains("integer"));
        let reference = schema_for::<Option<Box<str>>>();
        assert_eq!(reference["type"], json!(["string", "null"]));
    }

    // The regex engine reads the pattern as ECMA-262 does here; CI runs it with the feature.
    #[cfg(feature = "regex")]
    #[test]
    fn the_date_time_pattern_follows_the_parser() {
        let pattern = regex::Regex::new(DATE_TIME_PATTERN).unwrap();
        for text in [
            "2024-05-01T12:30:00Z",
            "2024-05-01t12:30:00.25+02:00",
            "2024-05-01T12:30:00.5000000000z",
        ] {
            assert!(pattern.is_match(text), "{text}");
            assert!(crate::datetime::parse(text).is_ok(), "{text}");
        }
        for text in [
            "2024-05-01 12:30:00Z",
            "2024-13-01T12:30:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:30:60Z",
            "2024-05-01T12:30:00",
            "2024-05-01T12:30:00.0000000001Z",
            "2024-05-01T12:30:00+24:00",
        ] {
            assert!(!pattern.is_match(text), "{text}");
            assert!(crate::datetime::parse(text).is_err(), "{text}");
        }
    }
}

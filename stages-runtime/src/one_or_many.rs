//! A member that AWS writes either as one value or as a list of them: IAM's `Action`,
//! `Resource` and `Statement` (`"Action": "s3:GetObject"` or `"Action": ["s3:GetObject"]`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StrDeserializer};
use serde::de::{self, Deserialize, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

use crate::de::{no_rules, seq, Decode, ModelSeed};
use crate::{Path, Report, Validate};

/// One value, or a list of them, kept as written so that it encodes back the same way.
///
/// Each value decodes with its own reporting decoder (a model's violations are reported at its
/// path, a list's items at their index), and `validate()` reaches the models inside. Rules on
/// the values are a `custom` rule over [`OneOrMany::as_slice`]: `values(...)` does not see into
/// it.
///
/// ```
/// use stages_runtime::{from_json, Model, OneOrMany};
///
/// #[derive(Debug, Model)]
/// #[model(rename_all = "PascalCase")]
/// struct Statement {
///     #[model(required)]
///     action: OneOrMany<String>,
/// }
///
/// let one: Statement = from_json(r#"{"Action": "s3:GetObject"}"#).unwrap();
/// let many: Statement = from_json(r#"{"Action": ["s3:GetObject", "s3:PutObject"]}"#).unwrap();
/// assert_eq!(one.action.as_slice(), ["s3:GetObject"]);
/// assert_eq!(many.action.as_slice().len(), 2);
/// assert_eq!(serde_json::to_string(&one.action).unwrap(), r#""s3:GetObject""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OneOrMany<T> {
    /// A value written alone.
    One(T),
    /// A list, possibly of one value or none.
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values, one or many.
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(value) => std::slice::from_ref(value),
            OneOrMany::Many(values) => values,
        }
    }

    /// The values, one or many, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.as_slice().iter()
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OneOrMany::One(value) => value.serialize(serializer),
            OneOrMany::Many(values) => values.serialize(serializer),
        }
    }
}

/// A value alone is checked where it stands; a list's items at their index.
impl<T: Validate> Validate for OneOrMany<T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        match self {
            OneOrMany::One(value) => value.validate_into(path, report),
            OneOrMany::Many(values) => values.validate_into(path, report),
        }
    }
}

impl<T: Decode> Decode for OneOrMany<T> {
    fn decode_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        deserializer.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

impl<'de, T: Decode> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::de::root(deserializer, Self::decode_in)
    }
}

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 2);
    crate::encode::write_str(&mut out, text);
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads a list as the list, and anything else as the one value (with `T`'s own decoder, handed
/// what JSON holds there).
struct OneOrManyVisitor<T>(PhantomData<fn() -> T>);

/// The one value, decoded by `T` from `deserializer`; `found` is its JSON text, for the
/// message when it is not a `T` at all.
fn one<'de, T: Decode, D: Deserializer<'de>>(
    deserializer: D,
    found: impl FnOnce() -> String,
) -> Result<Option<OneOrMany<T>>, D::Error> {
    match T::decode_in(deserializer) {
        Ok(value) => Ok(value.map(OneOrMany::One)),
        Err(error) => Err(match crate::de::one_or_list_message::<T>(&found()) {
            Some(message) => de::Error::custom(message),
            None => error,
        }),
    }
}

impl<'de, T: Decode> Visitor<'de> for OneOrManyVisitor<T> {
    type Value = Option<OneOrMany<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or a list of values")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<Self::Value, A::Error> {
        let list = seq(ModelSeed::<T>::new(), no_rules::<T>).visit_seq(items)?;
        Ok(list.map(OneOrMany::Many))
    }

    fn visit_map<A: MapAccess<'de>>(self, members: A) -> Result<Self::Value, A::Error> {
        one(MapAccessDeserializer::new(members), || "{}".to_owned())
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        one(BorrowedStrDeserializer::new(text), || quoted(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        one(StrDeserializer::new(text), || quoted(text))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        one(value.into_deserializer(), || value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        one(value.into_deserializer(), || value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        one(value.into_deserializer(), || value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        one(value.into_deserializer(), || {
            serde_json::Number::from_f64(value).map_or_else(|| "0.0".to_owned(), |n| n.to_string())
        })
    }
}

#[cfg(feature = "schema")]
impl<T: crate::JsonSchema> crate::JsonSchema for OneOrMany<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Owned(format!("one_or_many_{}", T::schema_name()))
    }
    fn definition(generator: &mut crate::schema::SchemaGenerator) -> crate::schema::Value {
        let one = generator.subschema::<T>();
        serde_json::json!({"anyOf": [one, {"type": "array", "items": one}]})
    }
}

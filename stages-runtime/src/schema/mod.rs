//! JSON Schema (draft 2020-12) from the same `#[model(...)]` attributes that validate: every
//! model implements [`JsonSchema`], and [`schema_for`] returns the whole document.
//!
//! A model is written once into the document's `$defs` and referred to by `$ref` wherever it
//! is used; strings, numbers, lists and maps are written inline. The same definitions serve an
//! OpenAPI 3.1 document: [`SchemaGenerator::openapi`] refers to `#/components/schemas/` instead.
//!
//! ```
//! use stages_runtime::{schema::schema_for, Model};
//!
//! #[derive(Model)]
//! struct Route {
//!     /// The route's key, such as `GET /pets`.
//!     #[model(required, length(min = 1, max = 64))]
//!     route_key: String,
//! }
//!
//! let schema = schema_for::<Route>();
//! assert_eq!(schema["$ref"], "#/$defs/Route");
//! let route = &schema["$defs"]["Route"];
//! assert_eq!(route["required"][0], "routeKey");
//! assert_eq!(route["properties"]["routeKey"]["maxLength"], 64);
//! ```
//!
//! Where a rule cannot be said in JSON Schema (a `custom` function without a schema form, a
//! condition on a flattened member), the schema is looser than the model, and the
//! `description` of the value it applies to names the rule, so that a reader knows.
//! This module is the `schema` feature: without it, the derive's `JsonSchema` impls are
//! dropped before they are type-checked, so a crate that never asks for a schema does not pay
//! for them.

#[doc(hidden)]
pub mod build;
mod impls;

use std::borrow::Cow;
use std::collections::BTreeMap;

pub use serde_json::{Map, Value};

/// The `$schema` of every document [`schema_for`] returns.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// A type with a JSON Schema: every model (through the derive), and the strings, numbers,
/// lists, sets, maps, options and date-times its fields may hold.
pub trait JsonSchema {
    /// The name of the definition in `$defs` (for models), or a label for the type (others).
    fn schema_name() -> Cow<'static, str>;

    /// Whether the type is defined once in `$defs` and referred to by `$ref` (models), rather
    /// than written inline wherever it is used.
    fn is_referenced() -> bool {
        false
    }

    /// The schema of a value of this type; nested types are obtained through
    /// [`SchemaGenerator::subschema`], which collects their definitions.
    fn definition(generator: &mut SchemaGenerator) -> Value;

    /// The schema of a value restricted to the values the type knows: the same as
    /// [`definition`](Self::definition) except for an open enum (one with a `#[model(other)]`
    /// variant), where it lists the known values, as the `known` rule demands.
    #[doc(hidden)]
    fn known_definition(generator: &mut SchemaGenerator) -> Value {
        generator.subschema::<Self>()
    }
}

/// Collects the definitions of the models a schema refers to.
#[derive(Debug, Clone)]
pub struct SchemaGenerator {
    prefix: String,
    definitions: BTreeMap<String, Value>,
    /// The key each type (by `type_name`) was given, so that two types of one name get two.
    keys: BTreeMap<&'static str, String>,
}

impl Default for SchemaGenerator {
    fn default() -> Self {
        SchemaGenerator::with_prefix("#/$defs/")
    }
}

impl SchemaGenerator {
    /// A generator whose `$ref`s are `prefix` followed by the definition's name.
    pub fn with_prefix(prefix: impl Into<String>) -> Self {
        SchemaGenerator {
            prefix: prefix.into(),
            definitions: BTreeMap::new(),
            keys: BTreeMap::new(),
        }
    }

    /// A generator for an OpenAPI 3.1 document: `$ref`s point to `#/components/schemas/`.
    pub fn openapi() -> Self {
        SchemaGenerator::with_prefix("#/components/schemas/")
    }

    /// The schema of a `T` where it is used: a `$ref` to its definition for a model (added to
    /// the definitions on first use), the schema itself otherwise.
    pub fn subschema<T: JsonSchema + ?Sized>(&mut self) -> Value {
        if !T::is_referenced() {
            return T::definition(self);
        }
        let type_name = std::any::type_name::<T>();
        if let Some(key) = self.keys.get(type_name) {
            return self.reference(key);
        }
        let key = self.free_key(&T::schema_name());
        self.keys.insert(type_name, key.clone());
        // A placeholder first, so that a model that contains itself refers to itself.
        self.definitions.insert(key.clone(), Value::Bool(true));
        let definition = T::definition(self);
        self.definitions.insert(key.clone(), definition);
        self.reference(&key)
    }

    /// The definitions collected so far, by name.
    pub fn definitions(&self) -> &BTreeMap<String, Value> {
        &self.definitions
    }

    /// The definitions collected, by name, as a JSON object.
    pub fn into_definitions(self) -> Map<String, Value> {
        self.definitions.into_iter().collect()
    }

    fn reference(&self, key: &str) -> Value {
        let mut object = Map::new();
        object.insert(
            "$ref".into(),
            Value::String(format!("{}{}", self.prefix, key)),
        );
        Value::Object(object)
    }

    /// `name` made safe for a URI fragment, with a number added if another type has it.
    fn free_key(&self, name: &str) -> String {
        let base: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut key = base.clone();
        let mut number = 2;
        while self.definitions.contains_key(&key) {
            key = format!("{base}{number}");
            number += 1;
        }
        key
    }
}

/// The JSON Schema document of `T`: `$schema` (draft 2020-12), the schema of `T` (a `$ref` for
/// a model) and the `$defs` it refers to.
pub fn schema_for<T: JsonSchema + ?Sized>() -> Value {
    let mut generator = SchemaGenerator::default();
    let root = generator.subschema::<T>();
    let mut document = Map::new();
    document.insert("$schema".into(), DRAFT_2020_12.into());
    match root {
        Value::Object(members) => document.extend(members),
        other => {
            document.insert("allOf".into(), Value::Array(vec![other]));
        }
    }
    let definitions = generator.into_definitions();
    if !definitions.is_empty() {
        document.insert("$defs".into(), Value::Object(definitions));
    }
    Value::Object(document)
}

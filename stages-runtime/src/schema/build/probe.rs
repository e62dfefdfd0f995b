//! Probes that let generated code ask for a type's schema or default without knowing whether
//! the type has one: method lookup tries the receiver as written before it adds a reference.

use std::marker::PhantomData;

use serde::Serialize;
use serde_json::{json, Value};

use super::default_value;
use crate::schema::{JsonSchema, SchemaGenerator};

/// The schema of `T`, or, for a type that does not implement [`JsonSchema`], a schema that
/// accepts anything and says why: `(&Probe::<T>::new()).schema_of(generator)` resolves to
/// [`HasSchema`] when `T` has a schema and to [`NoSchema`] otherwise.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe of `T`.
    pub fn new() -> Self {
        Probe(PhantomData)
    }
}

impl<T: ?Sized> Default for Probe<T> {
    fn default() -> Self {
        Probe::new()
    }
}

/// The branch of [`Probe`] for types with a schema.
pub trait HasSchema {
    /// The schema of the probed type.
    fn schema_of(&self, generator: &mut SchemaGenerator) -> Value;
}

impl<T: JsonSchema + ?Sized> HasSchema for Probe<T> {
    #[inline]
    fn schema_of(&self, generator: &mut SchemaGenerator) -> Value {
        generator.subschema::<T>()
    }
}

/// The branch of [`Probe`] for types without a schema.
pub trait NoSchema {
    /// A schema accepting anything, whose description names the type.
    fn schema_of(&self, generator: &mut SchemaGenerator) -> Value;
}

impl<T: ?Sized> NoSchema for &Probe<T> {
    fn schema_of(&self, _: &mut SchemaGenerator) -> Value {
        json!({
            "description": format!(
                "Any value here: `{}` does not implement JsonSchema, so this schema cannot say what it accepts.",
                std::any::type_name::<T>()
            )
        })
    }
}

/// The default of a `default` member of type `T`, written as JSON:
/// `(&DefaultOf::<T>::new()).default_json()` resolves to [`HasDefault`] when `T` has a
/// default that can be written, and to [`NoDefault`] (no `default` keyword) otherwise; a type
/// without `Default` is already a compile error of `validate`, reported once.
pub struct DefaultOf<T>(PhantomData<T>);

impl<T> DefaultOf<T> {
    /// The probe of `T`'s default.
    pub fn new() -> Self {
        DefaultOf(PhantomData)
    }
}

impl<T> Default for DefaultOf<T> {
    fn default() -> Self {
        DefaultOf::new()
    }
}

/// The branch of [`DefaultOf`] for types with a default.
pub trait HasDefault {
    /// The default as JSON.
    fn default_json(&self) -> Option<Value>;
}

impl<T: crate::defaults::FieldDefault + Serialize> HasDefault for DefaultOf<T> {
    fn default_json(&self) -> Option<Value> {
        Some(default_value(&T::field_default()))
    }
}

/// The branch of [`DefaultOf`] for types without one.
pub trait NoDefault {
    /// Nothing.
    fn default_json(&self) -> Option<Value> {
        None
    }
}

impl<T> NoDefault for &DefaultOf<T> {}

//! Encoding a struct's members one by one, so that a struct flattened into another writes its
//! members into the other's object.

use serde::ser::SerializeStruct;

/// Generated for each struct model: how many members it writes, and writing them.
pub trait SerializeMembers {
    /// How many members [`serialize_members`](Self::serialize_members) writes (absent
    /// `Option`s are left out).
    fn member_count(&self) -> usize;
    /// Writes the members into an object being encoded.
    fn serialize_members<S: SerializeStruct>(&self, state: &mut S) -> Result<(), S::Error>;
}

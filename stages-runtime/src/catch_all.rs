//! What the catch-all variant of an open enum may hold, as generated code asks for it.

use crate::open_enum::UnknownValue;

/// What the catch-all variant of an open enum may hold: a `String` or an [`UnknownValue`].
/// Generated code keeps and reads the value through this trait, named at the field's type, so
/// that another type (one of the user's own called `UnknownValue`, say) is told what to write.
#[diagnostic::on_unimplemented(
    message = "the variant that keeps unknown values holds a `String` or the runtime's `UnknownValue`, not `{Self}`",
    label = "not `String` or `stages_runtime::UnknownValue`",
    note = "write `Unknown(String)`, or `Unknown(UnknownValue)` with `use stages_model::UnknownValue;` (or `stages_runtime::UnknownValue`)"
)]
pub trait CatchAll: Sized {
    /// The value as it was written.
    fn as_text(&self) -> &str;
    /// Keeps `value`, a string the enum does not know.
    fn from_text(value: String) -> Self;
}

impl CatchAll for String {
    #[inline]
    fn as_text(&self) -> &str {
        self
    }
    #[inline]
    fn from_text(value: String) -> Self {
        value
    }
}

impl CatchAll for UnknownValue {
    #[inline]
    fn as_text(&self) -> &str {
        self.as_str()
    }
    #[inline]
    fn from_text(value: String) -> Self {
        UnknownValue::from(value)
    }
}

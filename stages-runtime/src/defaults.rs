//! The value a `default` or `skip` field takes when the document does not give one.

/// `Default::default()`, named for what the derive asks of it, so that a type without `Default`
/// is told which attribute needs it and what to write instead.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no `Default`, which `#[model(default)]` and `#[model(skip)]` fill the field with",
    label = "`{Self}` does not implement `Default`",
    note = "derive or implement `Default` for `{Self}`, or name a function that makes the value: `default = path::to::function`"
)]
pub trait FieldDefault: Sized {
    /// The value of an absent member.
    fn field_default() -> Self;
}

impl<T: Default> FieldDefault for T {
    #[inline]
    fn field_default() -> Self {
        T::default()
    }
}

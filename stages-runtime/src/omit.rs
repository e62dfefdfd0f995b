//! `omit_empty` and `omit_default`: which values a member is left out of the output for.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

/// A value `omit_empty` can test: strings, lists, sets and maps.
#[diagnostic::on_unimplemented(
    message = "`omit_empty` leaves out empty strings, lists, sets and maps, and `{Self}` is none of them",
    label = "`omit_empty` cannot tell whether this `{Self}` is empty",
    note = "use `skip_serializing_if = path::to::function` to leave the member out on a condition of your own"
)]
pub trait IsEmpty {
    /// Whether the value has nothing in it.
    fn is_empty_value(&self) -> bool;
}

macro_rules! by_is_empty {
    ($($ty:ty $(where $($param:ident),*)?;)*) => {$(
        impl$(<$($param),*>)? IsEmpty for $ty {
            #[inline]
            fn is_empty_value(&self) -> bool {
                self.is_empty()
            }
        }
    )*};
}

by_is_empty! {
    str;
    String;
    Cow<'_, str>;
    Vec<T> where T;
    [T] where T;
    VecDeque<T> where T;
    BTreeSet<T> where T;
    HashSet<T, S> where T, S;
    BTreeMap<K, V> where K, V;
    HashMap<K, V, S> where K, V, S;
}

impl<T: IsEmpty + ?Sized> IsEmpty for &T {
    #[inline]
    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

/// A value `omit_default` can test: one with a `Default` to compare with.
#[diagnostic::on_unimplemented(
    message = "`omit_default` compares `{Self}` with its `Default`, so `{Self}` needs `Default` and `PartialEq`",
    label = "`omit_default` cannot compare this `{Self}` with a default",
    note = "derive `Default` and `PartialEq` for `{Self}`, or use `skip_serializing_if = path::to::function`"
)]
pub trait IsDefault {
    /// Whether the value equals its type's default.
    fn is_default_value(&self) -> bool;
}

impl<T: Default + PartialEq> IsDefault for T {
    #[inline]
    fn is_default_value(&self) -> bool {
        *self == T::default()
    }
}

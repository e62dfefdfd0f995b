//! The `Validate` trait, and how containers pass validation on to the models inside them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, FixedOffset, Utc};

use super::map_key::MapKey;
use super::path::Path;
use super::violation::{Report, ValidationErrors};

/// The path items and entries are checked at: each one's rules report relative to it, and the
/// key or index (with the path above) is put in front only of what failed, so that a valid entry
/// costs no path.
const ROOT: &Path<'static> = &Path::root();

/// A value that knows its rules. `#[derive(Model)]` implements it; containers of models
/// (`Option`, `Box`, `Arc`, `Rc`, `Vec`, `VecDeque`, arrays, slices, `BTreeSet`/`HashSet`, and
/// `BTreeMap`/`HashMap` with text keys) implement it by validating each model inside, with the
/// key or index added to the path. Other containers (third-party maps and sets) are not walked:
/// their models' rules are not checked.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no rules to check: it is not a model (`#[derive(Model)]`) or a value the runtime knows",
    label = "`{Self}` does not implement `Validate`",
    note = "models, strings, numbers, bools, date-times, and lists, sets, maps, `Option`s and `Box`es of them implement `Validate`; derive `Model` for `{Self}`, or implement `Validate` with an empty `validate_into` if it has no rules"
)]
pub trait Validate {
    /// Appends every violation found in `self` to `report`, with paths below `path`.
    ///
    /// Allocates nothing when `self` is valid. Implementations may check their rules at paths
    /// relative to `self` and put `path` in front of what they recorded afterwards
    /// ([`Report::prefix_since`]), which is what the derive does.
    fn validate_into(&self, path: &Path<'_>, report: &mut Report);

    /// Appends every violation found in `self` to `report` at paths relative to `self`: what
    /// [`validate_into`](Self::validate_into) records before it puts its path in front.
    /// Containers call it for each item or entry, and put the index or key in front only of
    /// what failed. The derive implements both; the default checks at [`Path::root`].
    #[inline]
    fn validate_relative(&self, report: &mut Report) {
        self.validate_into(ROOT, report);
    }

    /// Checks every rule and returns all violations at once.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut report = Report::new();
        // At the root, relative paths are the paths.
        self.validate_relative(&mut report);
        report.into_result()
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(path, report);
    }

    #[inline]
    fn validate_relative(&self, report: &mut Report) {
        (**self).validate_relative(report);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(path, report);
    }

    #[inline]
    fn validate_relative(&self, report: &mut Report) {
        (**self).validate_relative(report);
    }
}

impl<T: Validate + ?Sized> Validate for std::sync::Arc<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(path, report);
    }

    #[inline]
    fn validate_relative(&self, report: &mut Report) {
        (**self).validate_relative(report);
    }
}

impl<T: Validate + ?Sized> Validate for std::rc::Rc<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(path, report);
    }

    #[inline]
    fn validate_relative(&self, report: &mut Report) {
        (**self).validate_relative(report);
    }
}

impl<T: Validate, const N: usize> Validate for [T; N] {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        self.as_slice().validate_into(path, report);
    }
}

impl<T: Validate> Validate for std::collections::VecDeque<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        items(self.iter(), path, report);
    }
}

impl<T: Validate> Validate for Option<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_into(path, report);
        }
    }

    #[inline]
    fn validate_relative(&self, report: &mut Report) {
        if let Some(value) = self {
            value.validate_relative(report);
        }
    }
}

impl<T: Validate> Validate for [T] {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        items(self.iter(), path, report);
    }
}

impl<T: Validate> Validate for Vec<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        self.as_slice().validate_into(path, report);
    }
}

/// A set is a JSON array: its items are reported by their position in the set's own order
/// (sorted for a `BTreeSet`), which is the order it encodes in.
impl<T: Validate> Validate for BTreeSet<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        items(self.iter(), path, report);
    }
}

impl<T: Validate, S> Validate for HashSet<T, S> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        items(self.iter(), path, report);
    }
}

impl<K: MapKey, V: Validate> Validate for BTreeMap<K, V> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        entries(self.iter(), path, report);
    }
}

impl<K: MapKey, V: Validate, S> Validate for HashMap<K, V, S> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        entries(self.iter(), path, report);
    }
}

/// Checks each item relative to it, and puts its index (with `path`) in front only of what it
/// reported: a valid item costs no path. `placed` counts the violations already placed.
#[inline(always)]
fn items<'a, T: Validate + 'a>(
    items: impl Iterator<Item = &'a T>,
    path: &Path<'_>,
    report: &mut Report,
) {
    let mut placed = report.len();
    for (index, item) in items.enumerate() {
        item.validate_relative(report);
        if report.len() > placed {
            report.prefix_since(placed, &path.index(index));
            placed = report.len();
        }
    }
}

/// [`items`] for the entries of a map: the key goes in front of what an entry's value reported.
#[inline(always)]
fn entries<'a, K: MapKey + 'a, V: Validate + 'a>(
    entries: impl Iterator<Item = (&'a K, &'a V)>,
    path: &Path<'_>,
    report: &mut Report,
) {
    let mut placed = report.len();
    for (key, value) in entries {
        value.validate_relative(report);
        if report.len() > placed {
            report.prefix_since(placed, &path.key(key.as_key()));
            placed = report.len();
        }
    }
}

/// Plain values have no rules of their own, so that a generic model (`Page<T>`) can hold them
/// as well as models.
macro_rules! no_rules {
    ($($ty:ty),* $(,)?) => {$(
        impl Validate for $ty {
            #[inline]
            fn validate_into(&self, _: &Path<'_>, _: &mut Report) {}
        }
    )*};
}

no_rules!(
    String, str, bool, char, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32,
    f64
);

// A date-time that decodes is one that can be written back; a value built in Rust with a year
// beyond 9999 is for a rule on the member to catch (`custom`), as it is for a date member.
no_rules!(DateTime<Utc>, DateTime<FixedOffset>);

/// Lets generated code validate any field without knowing whether its type is a model.
///
/// `(&Nested(&value)).validate_nested(..)` resolves to [`NestedModel`] when the type implements
/// [`Validate`] and to [`NotAModel`] (which does nothing) otherwise: method lookup tries the
/// receiver as written before it adds a reference. Strings, numbers and other foreign types thus
/// need no impl. A model inside a container without a `Validate` impl is not reached (see
/// [`Validate`] for the containers that have one).
#[doc(hidden)]
pub struct Nested<'a, T: ?Sized>(pub &'a T);

/// The branch of [`Nested`] taken for types that implement [`Validate`].
#[doc(hidden)]
pub trait NestedModel {
    fn validate_nested(&self, path: &Path<'_>, report: &mut Report);
}

impl<T: Validate + ?Sized> NestedModel for Nested<'_, T> {
    #[inline]
    fn validate_nested(&self, path: &Path<'_>, report: &mut Report) {
        self.0.validate_into(path, report);
    }
}

/// The branch of [`Nested`] taken for types with nothing to validate.
#[doc(hidden)]
pub trait NotAModel {
    #[inline]
    fn validate_nested(&self, _path: &Path<'_>, _report: &mut Report) {}
}

impl<T: ?Sized> NotAModel for &Nested<'_, T> {}

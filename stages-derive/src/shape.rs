//! What a field's type looks like, read from its syntax: enough to pick a decoder and to tell a
//! rule that cannot apply. A type the derive does not recognise (an alias, a user type) is
//! `Other`; rules on it are left to the compiler's trait checks.

use syn::{GenericArgument, PathArguments, Type};

/// The kind of a (non-`Option`) type.
pub enum Kind<'a> {
    /// `String`, `str`, `Cow<str>`.
    Str,
    /// A primitive integer, by name (`i32`, `u64`, …).
    Int(&'static str),
    /// `f32` or `f64`.
    Float(&'static str),
    /// `bool`.
    Bool,
    /// `Vec<T>`.
    Seq { item: &'a Type },
    /// `BTreeSet<T>` or `HashSet<T, S>`: a JSON array whose items are unique.
    Set { item: &'a Type },
    /// `BTreeMap<K, V>` or `HashMap<K, V, S>`.
    Map { key: &'a Type, value: &'a Type },
    /// Anything else.
    Other,
}

impl Kind<'_> {
    /// How the kind reads in an error message.
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Str => "a string",
            Kind::Int(_) => "an integer",
            Kind::Float(_) => "a floating-point number",
            Kind::Bool => "a bool",
            Kind::Seq { .. } => "a list",
            Kind::Set { .. } => "a set",
            Kind::Map { .. } => "a map",
            Kind::Other => "this type",
        }
    }
}

const INTEGERS: &[&str] = &[
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
];

/// The type inside `Option<T>`, if `ty` is an `Option`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    match last_segment(ty)? {
        (name, args) if name == "Option" && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

/// Whether `ty` is the runtime's `OneOrMany<T>` (one value or a list of them).
pub fn is_one_or_many(ty: &Type) -> bool {
    matches!(last_segment(ty), Some((name, args)) if name == "OneOrMany" && args.len() == 1)
}

/// Classifies a type.
pub fn kind(ty: &Type) -> Kind<'_> {
    if let Type::Reference(reference) = ty {
        return match &*reference.elem {
            Type::Path(path) if path.path.is_ident("str") => Kind::Str,
            _ => Kind::Other,
        };
    }
    if let Type::Group(group) = ty {
        return kind(&group.elem);
    }
    let Some((name, args)) = last_segment(ty) else {
        return Kind::Other;
    };
    match (name.as_str(), args.as_slice()) {
        ("String" | "str", []) => Kind::Str,
        ("Cow", [inner]) if matches!(kind(inner), Kind::Str) => Kind::Str,
        ("bool", []) => Kind::Bool,
        ("f32", []) => Kind::Float("f32"),
        ("f64", []) => Kind::Float("f64"),
        ("Vec", [item]) => Kind::Seq { item },
        ("BTreeSet", [item]) | ("HashSet", [item] | [item, _]) => Kind::Set { item },
        ("BTreeMap", [key, value]) | ("HashMap", [key, value] | [key, value, _]) => {
            Kind::Map { key, value }
        }
        (name, []) => match INTEGERS.iter().find(|int| **int == name) {
            Some(int) => Kind::Int(int),
            None => Kind::Other,
        },
        _ => Kind::Other,
    }
}

/// The last path segment's name and its type arguments (lifetimes skipped).
fn last_segment(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segment = path.path.segments.last()?;
    let name = segment.ident.to_string();
    let args = match &segment.arguments {
        PathArguments::None => Vec::new(),
        PathArguments::AngleBracketed(angle) => angle
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        PathArguments::Parenthesized(_) => return None,
    };
    Some((name, args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> Type {
        syn::parse_str(text).unwrap()
    }

    #[test]
    fn recognises_strings_numbers_and_containers() {
        assert!(matches!(kind(&ty("String")), Kind::Str));
        assert!(matches!(
            kind(&ty("std::borrow::Cow<'static, str>")),
            Kind::Str
        ));
        assert!(matches!(kind(&ty("i32")), Kind::Int("i32")));
        assert!(matches!(kind(&ty("f64")), Kind::Float("f64")));
        assert!(matches!(kind(&ty("Vec<Stage>")), Kind::Seq { .. }));
        assert!(matches!(
            kind(&ty("std::collections::HashMap<String, u8, S>")),
            Kind::Map { .. }
        ));
        assert!(matches!(kind(&ty("BTreeSet<String>")), Kind::Set { .. }));
        assert!(matches!(kind(&ty("HashSet<u8, S>")), Kind::Set { .. }));
        assert!(matches!(kind(&ty("Stage")), Kind::Other));
    }

    #[test]
    fn unwraps_option() {
        let option = ty("Option<Vec<String>>");
        assert!(matches!(
            kind(option_inner(&option).unwrap()),
            Kind::Seq { .. }
        ));
        assert!(option_inner(&ty("Vec<String>")).is_none());
    }
}

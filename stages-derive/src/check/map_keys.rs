//! Map keys are JSON object member names, so text: a map keyed by a number, a bool or a
//! collection cannot be decoded, and its `keys(...)` rules would have no text to check. Seen
//! from the field's type, at any depth the decoder sees into, and reported on the key type.

use syn::Type;

use super::type_text;
use crate::errors::Errors;
use crate::shape::{self, Kind};

/// Whether a map keyed by `key` can be a JSON object, as far as the type's syntax tells: a key
/// type the derive does not recognise is left to the runtime's `MapKey` trait.
pub(super) fn is_text_key(key: &Type) -> bool {
    match key {
        Type::Tuple(_) | Type::Array(_) | Type::Slice(_) => false,
        Type::Path(path) if path.path.is_ident("char") => false,
        _ => matches!(shape::kind(key), Kind::Str | Kind::Other),
    }
}

/// Reports each map inside `ty` (a field's value type) whose keys are visibly not text.
/// `key_rules`: the field has `keys(...)` rules, which apply to the outermost map.
pub(super) fn check_map_keys(ty: &Type, subject: &str, key_rules: bool, errors: &mut Errors) {
    match shape::kind(ty) {
        Kind::Seq { item } | Kind::Set { item } => {
            check_map_keys(item, &format!("an item of {subject}"), false, errors)
        }
        Kind::Map { key, value } => {
            if !is_text_key(key) {
                let rules = if key_rules {
                    ", which its `keys(...)` rules check,"
                } else {
                    ""
                };
                errors.spanned(
                    key,
                    format!(
                        "{subject} is a map keyed by `{}`, but the keys of a JSON object{rules} are \
                         text: key the map by `String` (or an enum deriving `Model`, or a type that \
                         implements `MapKey`){}",
                        type_text(key),
                        hint(key)
                    ),
                );
            }
            check_map_keys(value, &format!("a value of {subject}"), false, errors);
        }
        _ => {
            if let Some(inner) = shape::option_inner(ty) {
                check_map_keys(inner, subject, key_rules, errors);
            }
        }
    }
}

/// What else to do with a key of this type.
fn hint(key: &Type) -> &'static str {
    match shape::kind(key) {
        Kind::Int(_) | Kind::Float(_) => {
            "; `keys(pattern = \"[0-9]+\")` holds the keys to digits, to parse where you use them"
        }
        Kind::Bool => "",
        _ if matches!(key, Type::Path(path) if path.path.is_ident("char")) => {
            "; `keys(length(min = 1, max = 1))` holds the keys to one character"
        }
        _ => "; a list of objects can hold compound keys",
    }
}

//! A JSON document as a tree that keeps every occurrence of a repeated member, so that a
//! pointer into any of them resolves.

use std::fmt;

use stages_model::serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value; scalars are not kept, only where they are.
pub enum Tree {
    /// An object's members in document order, repeats included.
    Object(Vec<(String, Tree)>),
    /// An array's items.
    Array(Vec<Tree>),
    /// A string, number, boolean or null.
    Scalar,
}

impl Tree {
    /// Whether the RFC 6901 `pointer` names a value in the tree (through any occurrence of a
    /// repeated member), or a member missing from an object that it names.
    pub fn resolves(&self, pointer: &str) -> bool {
        if pointer.is_empty() {
            return true;
        }
        let Some(rest) = pointer.strip_prefix('/') else {
            return false;
        };
        let (token, rest) = match rest.split_once('/') {
            Some((token, rest)) => (token, Some(rest)),
            None => (rest, None),
        };
        let token = token.replace("~1", "/").replace("~0", "~");
        let descend = |child: &Tree| match rest {
            Some(rest) => child.resolves(&format!("/{rest}")),
            None => true,
        };
        match self {
            Tree::Object(members) => {
                let mut named = members.iter().filter(|(name, _)| *name == token).peekable();
                if named.peek().is_none() {
                    // A missing member: only the last segment may name one.
                    return rest.is_none();
                }
                named.any(|(_, child)| descend(child))
            }
            Tree::Array(items) => token
                .parse::<usize>()
                .ok()
                .filter(|_| token == "0" || !token.starts_with('0'))
                .and_then(|index| items.get(index))
                .is_some_and(descend),
            Tree::Scalar => false,
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_str<E>(self, _: &str) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members = Vec::new();
        while let Some((name, value)) = map.next_entry::<String, Tree>()? {
            members.push((name, value));
        }
        Ok(Tree::Object(members))
    }
}

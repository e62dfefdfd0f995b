//! Where a violation sits in a document, spelled with wire names.
//!
//! Two forms exist because the two phases have different needs: [`Path`] is a borrowed chain of
//! steps living on the stack while a value is validated, so the happy path never allocates;
//! [`Segment`] is the owned form a [`Violation`](crate::Violation) keeps once something is wrong.

use std::borrow::Cow;
use std::fmt;

/// One step of an owned path: an object member, a map key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A member of an object, by its JSON wire name (`stageName`).
    Member(Cow<'static, str>),
    /// An entry of a map, by its key (`GET /pets`).
    Key(String),
    /// An item of a list, by its zero-based position.
    Index(usize),
}

impl Segment {
    /// The text this step contributes to a JSON Pointer, before escaping.
    fn as_pointer_token(&self) -> Cow<'_, str> {
        match self {
            Segment::Member(name) => Cow::Borrowed(name),
            Segment::Key(key) => Cow::Borrowed(key),
            Segment::Index(index) => Cow::Owned(index.to_string()),
        }
    }
}

/// A borrowed path, built step by step on the stack while validating.
///
/// Generated code extends it with [`Path::member`], [`Path::key`] and [`Path::index`]; nothing
/// is copied until a rule fails and [`Path::to_segments`] is called.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Root,
    Member(&'static str),
    Key(&'a str),
    Index(usize),
}

impl Path<'static> {
    /// The path of the document itself.
    pub const fn root() -> Self {
        Path {
            parent: None,
            step: Step::Root,
        }
    }
}

impl<'a> Path<'a> {
    /// The path of member `name` of the document: `Path::root().member(name)` in one step, as
    /// the decoder and validation record relative to the value they read. A constant: generated
    /// code takes `&const { Path::top_member("name") }`, which builds nothing at run time.
    #[inline]
    pub const fn top_member(name: &'static str) -> Path<'a> {
        Path {
            parent: None,
            step: Step::Member(name),
        }
    }

    /// The path of entry `key` of the document (a map): `Path::root().key(key)` in one step.
    #[inline]
    pub(crate) const fn top_key(key: &'a str) -> Path<'a> {
        Path {
            parent: None,
            step: Step::Key(key),
        }
    }

    /// The path of item `index` of the document (a list): `Path::root().index(index)` in one
    /// step.
    #[inline]
    pub(crate) const fn top_index(index: usize) -> Path<'a> {
        Path {
            parent: None,
            step: Step::Index(index),
        }
    }

    /// The path of member `name` (a wire name) of the object at this path.
    pub fn member(&'a self, name: &'static str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Member(name),
        }
    }

    /// The path of the entry `key` of the map at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    /// The path of item `index` of the list at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// Copies the chain into owned segments, outermost first.
    pub fn to_segments(&self) -> Vec<Segment> {
        let mut segments = Vec::new();
        let mut node = Some(self);
        while let Some(path) = node {
            match path.step {
                Step::Root => {}
                Step::Member(name) => segments.push(Segment::Member(Cow::Borrowed(name))),
                Step::Key(key) => segments.push(Segment::Key(key.to_owned())),
                Step::Index(index) => segments.push(Segment::Index(index)),
            }
            node = path.parent;
        }
        segments.reverse();
        segments
    }
}

/// Renders segments as an RFC 6901 JSON Pointer: `/routeSettings/GET ~1pets`.
pub(crate) fn pointer(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        out.push('/');
        for ch in segment.as_pointer_token().chars() {
            match ch {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                other => out.push(other),
            }
        }
    }
    out
}

/// Renders segments for people: `routeSettings["GET /pets"].throttlingBurstLimit`.
pub(crate) fn human(segments: &[Segment]) -> String {
    let mut out = String::new();
    write_human(&mut out, segments).expect("writing to a String cannot fail");
    out
}

pub(crate) fn write_human(out: &mut impl fmt::Write, segments: &[Segment]) -> fmt::Result {
    for (position, segment) in segments.iter().enumerate() {
        match segment {
            Segment::Member(name) => {
                if position > 0 {
                    out.write_char('.')?;
                }
                out.write_str(name)?;
            }
            Segment::Key(key) => {
                out.write_char('[')?;
                write_json_string(out, key)?;
                out.write_char(']')?;
            }
            Segment::Index(index) => write!(out, "[{index}]")?,
        }
    }
    Ok(())
}

/// Writes `text` as a JSON string literal, so that keys with quotes or control characters stay
/// unambiguous in the human form.
fn write_json_string(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    out.write_char('"')?;
    for ch in text.chars() {
        match ch {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            c if c.is_control() => write!(out, "\\u{:04x}", c as u32)?,
            c => out.write_char(c)?,
        }
    }
    out.write_char('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Segment> {
        let root = Path::root();
        let settings = root.member("routeSettings");
        let entry = settings.key("GET /pets");
        let limit = entry.member("throttlingBurstLimit");
        limit.to_segments()
    }

    #[test]
    fn human_form_uses_dots_and_quoted_keys() {
        assert_eq!(
            human(&sample()),
            r#"routeSettings["GET /pets"].throttlingBurstLimit"#
        );
    }

    #[test]
    fn pointer_escapes_slash_and_tilde() {
        assert_eq!(
            pointer(&sample()),
            "/routeSettings/GET ~1pets/throttlingBurstLimit"
        );
        let odd = [Segment::Key("a~b/c".into()), Segment::Index(3)];
        assert_eq!(pointer(&odd), "/a~0b~1c/3");
    }

    #[test]
    fn top_steps_equal_steps_from_the_root() {
        let root = Path::root();
        assert_eq!(
            Path::top_member("a").to_segments(),
            root.member("a").to_segments()
        );
        assert_eq!(
            Path::top_key("k").to_segments(),
            root.key("k").to_segments()
        );
        assert_eq!(
            Path::top_index(3).to_segments(),
            root.index(3).to_segments()
        );
    }

    #[test]
    fn root_is_empty_in_both_forms() {
        assert_eq!(pointer(&[]), "");
        assert_eq!(human(&[]), "");
    }

    #[test]
    fn human_form_escapes_quotes_in_keys() {
        let segments = [
            Segment::Member("tags".into()),
            Segment::Key("a\"b\n".into()),
        ];
        assert_eq!(human(&segments), r#"tags["a\"b\n"]"#);
        let items = [
            Segment::Member("items".into()),
            Segment::Index(2),
            Segment::Member("x".into()),
        ];
        assert_eq!(human(&items), "items[2].x");
    }
}

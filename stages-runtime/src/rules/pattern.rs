//! `pattern = "..."`: a regex compiled once, or a byte table the derive built from a single
//! ASCII class.

use std::sync::LazyLock;

use regex::Regex;

use super::Subject;
use crate::path::Path;
use crate::violation::{code, Report};

/// A compiled `pattern` rule: the source as written in the attribute, and how to match it.
///
/// Patterns that are a single ASCII character class repeated (`[A-Za-z0-9_]+`) are turned into a
/// byte table when the derive expands, so the common case needs no regex engine at run time.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    matcher: Matcher,
}

// Patterns live in statics, one per rule: a 256-byte table inline costs nothing and saves an
// indirection per byte tested.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Matcher {
    Regex(LazyLock<Regex, fn() -> Regex>),
    Class {
        table: [bool; 256],
        min: usize,
        max: usize,
    },
}

impl Pattern {
    /// A pattern matched by the regex engine. `compile` is called once per process, on first use.
    pub const fn regex(source: &'static str, compile: fn() -> Regex) -> Self {
        Pattern {
            source,
            matcher: Matcher::Regex(LazyLock::new(compile)),
        }
    }

    /// A pattern that is one ASCII class repeated `min..=max` times; `allowed` has bit `b` set
    /// for each allowed byte `b` (low half in `[0]`, high half in `[1]`, which stays zero).
    pub const fn class(source: &'static str, allowed: [u128; 2], min: usize, max: usize) -> Self {
        Pattern {
            source,
            matcher: Matcher::Class {
                table: {
                    let mut table = [false; 256];
                    let mut byte = 0;
                    while byte < 256 {
                        table[byte] = (allowed[byte >> 7] >> (byte & 127)) & 1 == 1;
                        byte += 1;
                    }
                    table
                },
                min,
                max,
            },
        }
    }

    /// The pattern as written in the attribute.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `value` matches.
    #[inline]
    pub fn is_match(&self, value: &str) -> bool {
        match &self.matcher {
            Matcher::Regex(regex) => regex.is_match(value),
            Matcher::Class { table, min, max } => {
                let len = value.len();
                len >= *min
                    && len <= *max
                    && value
                        .bytes()
                        .fold(true, |ok, byte| ok & table[usize::from(byte)])
            }
        }
    }
}

/// Compiles `source` so that it must match the whole string. The derive has already parsed the
/// pattern, so this cannot fail for generated code.
#[doc(hidden)]
pub fn compile_anchored(source: &str) -> Regex {
    Regex::new(&format!("^(?:{source})$")).unwrap_or_else(|error| {
        unreachable!("the pattern `{source}` was checked when the derive expanded: {error}")
    })
}

/// `pattern = "..."`: the whole string must match.
#[inline]
pub fn pattern(
    value: &str,
    pattern: &Pattern,
    subject: Subject,
    path: &Path<'_>,
    report: &mut Report,
) {
    if !pattern.is_match(value) {
        report.push(
            path,
            code::PATTERN,
            format!("{} match {}", subject.lead(), pattern.source()),
        );
    }
}

//! `pattern = "..."`: matched with tables the derive built when it expanded — a byte table for
//! a single ASCII class repeated, a DFA otherwise — or, with the `regex` feature, by the regex
//! engine for what the derive does not compile ahead of time.

#[cfg(feature = "regex")]
use std::sync::LazyLock;

#[cfg(feature = "regex")]
use regex::Regex;

use super::{ByteClass, Subject};
use crate::path::Path;
use crate::violation::{code, Report};

/// A compiled `pattern` rule: the source as written in the attribute, and how to match it.
///
/// Patterns that are a single ASCII character class repeated (`[A-Za-z0-9_]+`) become a byte
/// table, other patterns a DFA, when the derive expands: neither needs a regex engine at run
/// time.
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
    #[cfg(feature = "regex")]
    Regex(LazyLock<Regex, fn() -> Regex>),
    Class {
        table: ByteClass,
        min: usize,
        max: usize,
    },
    Dfa(Dfa),
}

/// The deterministic automaton of a pattern, anchored at both ends, as the derive builds it:
/// characters map to classes, and `(state, class)` to the next state. Matching takes one table
/// step per character: linear time, no allocation, no backtracking.
#[derive(Debug)]
pub struct Dfa {
    ascii: &'static [u8; 128],
    upper_starts: &'static [u32],
    upper_classes: &'static [u8],
    classes: usize,
    next: Table,
    accept: &'static [u8],
    start: usize,
}

/// The transitions of a [`Dfa`], one row of `classes` cells per state; state 0 is dead.
#[derive(Debug)]
pub enum Table {
    /// Fewer than 256 states.
    Small(&'static [u8]),
    /// Up to 65,536 states.
    Large(&'static [u16]),
}

impl Dfa {
    /// A DFA: `ascii` gives the class of each ASCII character; `upper_starts` (sorted, first
    /// U+0080) and `upper_classes` the class of every other character, by runs; `next` the
    /// transitions; `accept[state]` is 1 where the text may end. Checked here, at compile time
    /// in a `static`, so that the walk cannot go out of the tables.
    pub const fn new(
        ascii: &'static [u8; 128],
        upper_starts: &'static [u32],
        upper_classes: &'static [u8],
        classes: usize,
        next: Table,
        accept: &'static [u8],
        start: usize,
    ) -> Self {
        let states = accept.len();
        assert!(
            states > 0 && accept[0] == 0 && start < states,
            "a dead state 0 and a start"
        );
        assert!(upper_starts.len() == upper_classes.len() && !upper_starts.is_empty());
        assert!(upper_starts[0] == 0x80, "the runs start where ASCII ends");
        let mut index = 0;
        while index < 128 {
            assert!((ascii[index] as usize) < classes, "ASCII classes in range");
            index += 1;
        }
        index = 0;
        while index < upper_classes.len() {
            assert!(
                (upper_classes[index] as usize) < classes,
                "classes in range"
            );
            index += 1;
        }
        let cells = states * classes;
        index = 0;
        match next {
            Table::Small(next) => {
                assert!(next.len() == cells, "one row per state");
                while index < cells {
                    assert!((next[index] as usize) < states, "states in range");
                    index += 1;
                }
            }
            Table::Large(next) => {
                assert!(next.len() == cells, "one row per state");
                while index < cells {
                    assert!((next[index] as usize) < states, "states in range");
                    index += 1;
                }
            }
        }
        Dfa {
            ascii,
            upper_starts,
            upper_classes,
            classes,
            next,
            accept,
            start,
        }
    }

    /// Whether the whole of `value` matches.
    #[inline]
    pub fn is_match(&self, value: &str) -> bool {
        match self.next {
            Table::Small(next) => self.walk(next, value),
            Table::Large(next) => self.walk(next, value),
        }
    }

    #[inline]
    fn walk<T: Copy + Into<usize>>(&self, next: &[T], value: &str) -> bool {
        let mut state = self.start;
        for c in value.chars() {
            let c = c as u32;
            let class = if c < 0x80 {
                self.ascii[c as usize]
            } else {
                self.upper_class(c)
            };
            state = next[state * self.classes + usize::from(class)].into();
            if state == 0 {
                return false;
            }
        }
        self.accept[state] != 0
    }

    #[cold]
    fn upper_class(&self, c: u32) -> u8 {
        // The first run starts at U+0080 <= c, so the index is at least 1.
        let run = self.upper_starts.partition_point(|&start| start <= c);
        self.upper_classes[run - 1]
    }
}

impl Pattern {
    /// A pattern matched by the regex engine. `compile` is called once per process, on first use.
    #[cfg(feature = "regex")]
    pub const fn regex(source: &'static str, compile: fn() -> Regex) -> Self {
        Pattern {
            source,
            matcher: Matcher::Regex(LazyLock::new(compile)),
        }
    }

    /// A pattern matched by the automaton the derive built.
    pub const fn dfa(source: &'static str, dfa: Dfa) -> Self {
        Pattern {
            source,
            matcher: Matcher::Dfa(dfa),
        }
    }

    /// A pattern that is one ASCII class repeated `min..=max` times; `allowed` has bit `b` set
    /// for each allowed byte `b` (low half in `[0]`, high half in `[1]`, which stays zero).
    pub const fn class(source: &'static str, allowed: [u128; 2], min: usize, max: usize) -> Self {
        Pattern {
            source,
            matcher: Matcher::Class {
                table: ByteClass::from_bits(allowed),
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
    #[inline(always)]
    pub fn is_match(&self, value: &str) -> bool {
        match &self.matcher {
            #[cfg(feature = "regex")]
            Matcher::Regex(regex) => regex.is_match(value),
            Matcher::Class { table, min, max } => {
                (*min..=*max).contains(&value.len()) && table.all(value.as_bytes())
            }
            Matcher::Dfa(dfa) => dfa.is_match(value),
        }
    }
}

/// Compiles `source` so that it must match the whole string. The derive has already parsed the
/// pattern, so this cannot fail for generated code.
#[cfg(feature = "regex")]
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
        mismatch(pattern, subject, path, report);
    }
}

/// Records a `pattern` violation: out of line, so that the check inlines where it is called.
#[cold]
#[inline(never)]
fn mismatch(pattern: &Pattern, subject: Subject, path: &Path<'_>, report: &mut Report) {
    report.push(
        path,
        code::PATTERN,
        format!("{} match {}", subject.lead(), pattern.source()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const ASCII: [u8; 128] = {
        let mut ascii = [0u8; 128];
        ascii[b'a' as usize] = 1;
        ascii[b'b' as usize] = 1;
        ascii[b'c' as usize] = 2;
        ascii
    };

    /// `[abé]c*`: classes 0 (other), 1 (`a`, `b`, `é`), 2 (`c`); states 0 (dead), 1 (start),
    /// 2 (after the letter, accepting).
    static AB_C: Pattern = Pattern::dfa(
        "[abé]c*",
        Dfa::new(
            &ASCII,
            &[0x80, 0xE9, 0xEA],
            &[0, 1, 0],
            3,
            Table::Small(&[0, 0, 0, 0, 2, 0, 0, 0, 2]),
            &[0, 0, 1],
            1,
        ),
    );

    #[test]
    fn automata_match_whole_strings() {
        for (text, matches) in [
            ("a", true),
            ("bccc", true),
            ("éc", true),
            ("", false),
            ("ca", false),
            ("ac€", false),
            ("ê", false),
        ] {
            assert_eq!(AB_C.is_match(text), matches, "{text:?}");
        }
    }
}

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
/// The derive builds a DFA when it expands (no regex engine at run time), or, with the `regex`
/// feature, a lazily compiled regex for what it does not compile ahead of time. A pattern that
/// is one ASCII class repeated is a [`ClassPattern`] instead, checked by [`class_pattern`].
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    matcher: Matcher,
}

#[derive(Debug)]
enum Matcher {
    #[cfg(feature = "regex")]
    Regex(LazyLock<Regex, fn() -> Regex>),
    Dfa(Dfa),
}

/// A pattern that is one ASCII class repeated `min..=max` times (`[A-Za-z0-9_]+`): a byte
/// table and the bounds. The derive passes it to [`class_pattern`] as a constant
/// (`&const { ClassPattern::new(..) }`), not in a `static`, so that the crate where the check
/// is inlined sees the bounds and the table's flags as constants, where a `static` of another
/// crate would be read at run time.
#[derive(Debug, Clone, Copy)]
pub struct ClassPattern {
    source: &'static str,
    table: ByteClass,
    min: usize,
    max: usize,
}

impl ClassPattern {
    /// The pattern `source`: bytes of `allowed` (bit `b` set for each allowed byte `b`, low
    /// half in `[0]`, high half in `[1]`, which stays zero) repeated `min..=max` times.
    pub const fn new(source: &'static str, allowed: [u128; 2], min: usize, max: usize) -> Self {
        ClassPattern {
            source,
            table: ByteClass::from_bits(allowed),
            min,
            max,
        }
    }

    /// Whether the whole of `value` matches.
    #[inline(always)]
    pub fn is_match(&self, value: &str) -> bool {
        (self.min..=self.max).contains(&value.len()) && self.table.all(value.as_bytes())
    }
}

/// The deterministic automaton of a pattern, anchored at both ends, as the derive builds it:
/// characters map to classes, and `(state, class)` to the next state. Matching takes one table
/// step per character: linear time, no allocation, no backtracking.
#[derive(Debug)]
pub struct Dfa {
    ascii: &'static [u8; 128],
    upper_starts: &'static [u32],
    upper_classes: &'static [u8],
    next: Table,
    accept: &'static [u8],
    start: usize,
    classes: usize,
}

/// The transitions of a [`Dfa`]: one row of `classes` cells per state, each cell the index of
/// the next state's row (the state times `classes`), so that a step is a load and an add. The
/// row at 0 is the dead state.
#[derive(Debug)]
pub enum Table {
    /// Rows that all start below 256.
    Small(&'static [u8]),
    /// Any other (see [`Table::rows`]).
    Large(&'static [u16]),
}

impl Table {
    /// `N` cells from `2 * N` bytes, little-endian: the derive writes large tables as one
    /// byte-string literal (cheaper to compile than `N` integer literals) and generated code
    /// turns them back at compile time, in a `const` block.
    pub const fn rows<const N: usize>(bytes: &[u8]) -> [u16; N] {
        assert!(bytes.len() == 2 * N, "two bytes per cell");
        let mut cells = [0u16; N];
        let mut index = 0;
        while index < N {
            cells[index] = u16::from_le_bytes([bytes[2 * index], bytes[2 * index + 1]]);
            index += 1;
        }
        cells
    }
}

impl Dfa {
    /// A DFA: `ascii` gives the class of each ASCII character; `upper_starts` (sorted, first
    /// U+0080) and `upper_classes` the class of every other character, by runs; `next` the
    /// transitions; `accept[state]` is 1 where the text may end; `start` is the first row.
    /// Checked here, at compile time in a `static`, so that the walk cannot leave the tables.
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
        let cells = states * classes;
        assert!(
            classes > 0 && states > 0 && accept[0] == 0,
            "a dead state first"
        );
        assert!(start % classes == 0 && start < cells, "the start is a row");
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
        index = 0;
        while index < cells {
            let row = match next {
                Table::Small(next) => {
                    assert!(next.len() == cells, "one row per state");
                    next[index] as usize
                }
                Table::Large(next) => {
                    assert!(next.len() == cells, "one row per state");
                    next[index] as usize
                }
            };
            assert!(row % classes == 0 && row < cells, "cells hold rows");
            index += 1;
        }
        Dfa {
            ascii,
            upper_starts,
            upper_classes,
            next,
            accept,
            start,
            classes,
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
        let bytes = value.as_bytes();
        let mut row = self.start;
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let class = if byte < 0x80 {
                at += 1;
                self.ascii[usize::from(byte)]
            } else {
                let (class, width) = self.upper_class(&value[at..]);
                at += width;
                class
            };
            let to: usize = next[row + usize::from(class)].into();
            // Staying in a state (a run of `[a-z]+`) leaves `row` as it is, so the next load
            // does not wait for this one: runs go at the speed of independent loads.
            if to != row {
                if to == 0 {
                    return false;
                }
                row = to;
            }
        }
        self.accept[row / self.classes] != 0
    }

    /// The class of the character `rest` starts with (not ASCII), and its width in bytes.
    #[cold]
    fn upper_class(&self, rest: &str) -> (u8, usize) {
        // `rest` starts with a character at or above U+0080, which the first run covers.
        let c = rest.chars().next().unwrap_or('\u{80}');
        let run = self
            .upper_starts
            .partition_point(|&start| start <= u32::from(c));
        (self.upper_classes[run.max(1) - 1], c.len_utf8())
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
        mismatch(pattern.source, subject, path, report);
    }
}

/// `pattern = "..."` for a pattern that is one ASCII class repeated.
#[inline]
pub fn class_pattern(
    value: &str,
    pattern: &ClassPattern,
    subject: Subject,
    path: &Path<'_>,
    report: &mut Report,
) {
    if !pattern.is_match(value) {
        mismatch(pattern.source, subject, path, report);
    }
}

/// Records a `pattern` violation: out of line, so that the check inlines where it is called.
#[cold]
#[inline(never)]
fn mismatch(source: &str, subject: Subject, path: &Path<'_>, report: &mut Report) {
    report.push(
        path,
        code::PATTERN,
        format!("{} match {source}", subject.lead()),
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

    /// `[abé]c*`: classes 0 (other), 1 (`a`, `b`, `é`), 2 (`c`); states 0 (dead), 1 (start,
    /// row 3), 2 (after the letter, row 6, accepting).
    static AB_C: Pattern = Pattern::dfa(
        "[abé]c*",
        Dfa::new(
            &ASCII,
            &[0x80, 0xE9, 0xEA],
            &[0, 1, 0],
            3,
            Table::Small(&[0, 0, 0, 0, 6, 0, 0, 0, 6]),
            &[0, 0, 1],
            3,
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

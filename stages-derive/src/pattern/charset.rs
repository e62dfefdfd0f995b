//! Sets of characters (Unicode scalar values) as sorted, disjoint, non-adjacent ranges: what a
//! class, an escape like `\s` or a literal matches.

/// The largest Unicode scalar value.
pub const MAX: u32 = 0x10_FFFF;
/// The surrogate code points, which are not characters: never in a set.
const SURROGATES: (u32, u32) = (0xD800, 0xDFFF);

/// A set of characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct CharSet {
    ranges: Vec<(u32, u32)>,
}

impl CharSet {
    /// The set of the given inclusive ranges, in any order, overlapping or not.
    pub fn from_ranges(ranges: impl IntoIterator<Item = (u32, u32)>) -> Self {
        let mut ranges: Vec<(u32, u32)> = ranges.into_iter().collect();
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1.saturating_add(1) => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        let mut set = CharSet { ranges: merged };
        set.remove_surrogates();
        set
    }

    /// The set holding only `c`.
    pub fn single(c: char) -> Self {
        CharSet {
            ranges: vec![(c as u32, c as u32)],
        }
    }

    /// Every character but `\n`: what `.` matches.
    pub fn dot() -> Self {
        Self::single('\n').complement()
    }

    /// The characters in `self` or in `other`.
    pub fn union(&self, other: &CharSet) -> Self {
        Self::from_ranges(self.ranges.iter().chain(&other.ranges).copied())
    }

    /// Every character not in `self`.
    pub fn complement(&self) -> Self {
        let mut ranges = Vec::with_capacity(self.ranges.len() + 1);
        let mut next = 0u32;
        for &(start, end) in &self.ranges {
            if start > next {
                ranges.push((next, start - 1));
            }
            next = end + 1;
        }
        if next <= MAX {
            ranges.push((next, MAX));
        }
        let mut set = CharSet { ranges };
        set.remove_surrogates();
        set
    }

    /// The ranges, sorted, disjoint and never adjacent.
    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.ranges
    }

    /// Whether `c` is in the set.
    pub fn contains(&self, c: u32) -> bool {
        let at = self.ranges.partition_point(|&(_, end)| end < c);
        self.ranges.get(at).is_some_and(|&(start, _)| start <= c)
    }

    fn remove_surrogates(&mut self) {
        let (low, high) = SURROGATES;
        let mut out = Vec::with_capacity(self.ranges.len() + 1);
        for &(start, end) in &self.ranges {
            if end < low || start > high {
                out.push((start, end));
                continue;
            }
            if start < low {
                out.push((start, low - 1));
            }
            if end > high {
                out.push((high + 1, end));
            }
        }
        self.ranges = out;
    }
}

/// `\d` as the regex crate reads it in its default Unicode mode: the general category `Nd`
/// (decimal digits of every script), Unicode 16 as regex-syntax 0.8 carries it.
pub fn decimal_digit() -> CharSet {
    CharSet::from_ranges(DECIMAL_DIGIT.iter().copied())
}

/// `\s` as the regex crate reads it in Unicode mode: the `White_Space` property.
pub fn white_space() -> CharSet {
    CharSet::from_ranges(WHITE_SPACE.iter().copied())
}

/// The ASCII classes `[[:name:]]` (ASCII only, in every mode of the regex crate).
pub fn posix(name: &str) -> Option<CharSet> {
    let ranges: &[(u8, u8)] = match name {
        "alnum" => &[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')],
        "alpha" => &[(b'A', b'Z'), (b'a', b'z')],
        "ascii" => &[(0, 0x7F)],
        "blank" => &[(b'\t', b'\t'), (b' ', b' ')],
        "cntrl" => &[(0, 0x1F), (0x7F, 0x7F)],
        "digit" => &[(b'0', b'9')],
        "graph" => &[(b'!', b'~')],
        "lower" => &[(b'a', b'z')],
        "print" => &[(b' ', b'~')],
        "punct" => &[(b'!', b'/'), (b':', b'@'), (b'[', b'`'), (b'{', b'~')],
        "space" => &[(b'\t', b'\r'), (b' ', b' ')],
        "upper" => &[(b'A', b'Z')],
        "word" => &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')],
        "xdigit" => &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')],
        _ => return None,
    };
    Some(CharSet::from_ranges(
        ranges
            .iter()
            .map(|&(start, end)| (u32::from(start), u32::from(end))),
    ))
}

const WHITE_SPACE: &[(u32, u32)] = &[
    (0x0009, 0x000D),
    (0x0020, 0x0020),
    (0x0085, 0x0085),
    (0x00A0, 0x00A0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
];

#[rustfmt::skip]
const DECIMAL_DIGIT: &[(u32, u32)] = &[
    (0x0030, 0x0039), (0x0660, 0x0669), (0x06F0, 0x06F9), (0x07C0, 0x07C9), (0x0966, 0x096F),
    (0x09E6, 0x09EF), (0x0A66, 0x0A6F), (0x0AE6, 0x0AEF), (0x0B66, 0x0B6F), (0x0BE6, 0x0BEF),
    (0x0C66, 0x0C6F), (0x0CE6, 0x0CEF), (0x0D66, 0x0D6F), (0x0DE6, 0x0DEF), (0x0E50, 0x0E59),
    (0x0ED0, 0x0ED9), (0x0F20, 0x0F29), (0x1040, 0x1049), (0x1090, 0x1099), (0x17E0, 0x17E9),
    (0x1810, 0x1819), (0x1946, 0x194F), (0x19D0, 0x19D9), (0x1A80, 0x1A89), (0x1A90, 0x1A99),
    (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49), (0x1C50, 0x1C59), (0xA620, 0xA629),
    (0xA8D0, 0xA8D9), (0xA900, 0xA909), (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59),
    (0xABF0, 0xABF9), (0xFF10, 0xFF19), (0x104A0, 0x104A9), (0x10D30, 0x10D39),
    (0x10D40, 0x10D49), (0x11066, 0x1106F), (0x110F0, 0x110F9), (0x11136, 0x1113F),
    (0x111D0, 0x111D9), (0x112F0, 0x112F9), (0x11450, 0x11459), (0x114D0, 0x114D9),
    (0x11650, 0x11659), (0x116C0, 0x116C9), (0x116D0, 0x116E3), (0x11730, 0x11739),
    (0x118E0, 0x118E9), (0x11950, 0x11959), (0x11BF0, 0x11BF9), (0x11C50, 0x11C59),
    (0x11D50, 0x11D59), (0x11DA0, 0x11DA9), (0x11F50, 0x11F59), (0x16130, 0x16139),
    (0x16A60, 0x16A69), (0x16AC0, 0x16AC9), (0x16B50, 0x16B59), (0x16D70, 0x16D79),
    (0x1CCF0, 0x1CCF9), (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9),
    (0x1E4F0, 0x1E4F9), (0x1E5F1, 0x1E5FA), (0x1E950, 0x1E959), (0x1FBF0, 0x1FBF9),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_merge_and_complement() {
        let set = CharSet::from_ranges([(b'c' as u32, b'e' as u32), (b'a' as u32, b'b' as u32)]);
        assert_eq!(set.ranges(), [(0x61, 0x65)]);
        let not = set.complement();
        assert_eq!(
            not.ranges(),
            [(0, 0x60), (0x66, 0xD7FF), (0xE000, MAX)],
            "the complement never holds surrogates"
        );
        assert_eq!(not.complement(), set);
        assert!(set.contains(0x63) && !set.contains(0x66) && not.contains(0x66));
        assert_eq!(CharSet::dot().ranges()[0], (0, 9));
    }

    /// The tables are those of the regex crate's parser, which the runtime used before.
    #[test]
    fn tables_are_the_regex_crates() {
        use regex_syntax::hir::{Class, HirKind};
        for (pattern, set) in [(r"\d", decimal_digit()), (r"\s", white_space())] {
            let hir = regex_syntax::Parser::new().parse(pattern).unwrap();
            let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
                panic!("{pattern} is a class")
            };
            let theirs: Vec<(u32, u32)> = class
                .ranges()
                .iter()
                .map(|range| (range.start() as u32, range.end() as u32))
                .collect();
            assert_eq!(set.ranges(), theirs, "{pattern}");
        }
        for name in [
            "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print",
            "punct", "space", "upper", "word", "xdigit",
        ] {
            let hir = regex_syntax::Parser::new()
                .parse(&format!("[[:{name}:]]"))
                .unwrap();
            let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
                panic!("{name} is a class")
            };
            let theirs: Vec<(u32, u32)> = class
                .ranges()
                .iter()
                .map(|range| (range.start() as u32, range.end() as u32))
                .collect();
            assert_eq!(posix(name).unwrap().ranges(), theirs, "[:{name}:]");
        }
    }
}

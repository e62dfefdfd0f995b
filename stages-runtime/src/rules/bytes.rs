//! A set of bytes as a 256-entry table: what a `pattern` of one character class compiles to, and
//! what a custom rule over bytes (an ARN, a name) checks with.

/// A set of bytes, tested with one table load per byte.
///
/// ```
/// use stages_runtime::rules::ByteClass;
///
/// const DIGITS: ByteClass = ByteClass::of(b"0123456789");
/// assert!(DIGITS.all(b"2024"));
/// assert!(!DIGITS.all(b"20x4"));
/// assert!(DIGITS.all(b""));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteClass {
    /// 1 for a byte in the set, 0 otherwise: bytes rather than `bool`s, so that the compiler
    /// ANDs several lookups without a branch on each.
    table: [u8; 256],
    /// The ASCII members again, for the many-bytes-at-a-time test (x86-64 only): bit `h` of
    /// entry `l` is set when byte `h << 4 | l` is in the set.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    nibbles: [u8; 16],
    /// Whether a byte at or above 0x80 is in the set (then only the table can tell).
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    wide: bool,
}

impl ByteClass {
    /// The empty set.
    pub const EMPTY: ByteClass = ByteClass {
        table: [0; 256],
        nibbles: [0; 16],
        wide: false,
    };

    /// The set of `bytes`.
    pub const fn of(bytes: &[u8]) -> Self {
        ByteClass::EMPTY.with(bytes)
    }

    /// This set and `bytes`.
    pub const fn with(mut self, bytes: &[u8]) -> Self {
        let mut index = 0;
        while index < bytes.len() {
            self = self.with_byte(bytes[index]);
            index += 1;
        }
        self
    }

    /// This set and the bytes `first..=last`.
    pub const fn with_range(mut self, first: u8, last: u8) -> Self {
        let mut byte = first as usize;
        while byte <= last as usize {
            self = self.with_byte(byte as u8);
            byte += 1;
        }
        self
    }

    /// The set whose members are the bits set in `allowed` (byte `b` is bit `b % 128` of
    /// `allowed[b / 128]`): how the derive writes a class down.
    pub const fn from_bits(allowed: [u128; 2]) -> Self {
        let mut class = ByteClass::EMPTY;
        let mut byte = 0;
        while byte < 256 {
            if (allowed[byte >> 7] >> (byte & 127)) & 1 == 1 {
                class = class.with_byte(byte as u8);
            }
            byte += 1;
        }
        class
    }

    /// This set and `byte`, in the table and in the ASCII nibbles.
    const fn with_byte(mut self, byte: u8) -> Self {
        self.table[byte as usize] = 1;
        if byte < 0x80 {
            self.nibbles[(byte & 0x0F) as usize] |= 1 << (byte >> 4);
        } else {
            self.wide = true;
        }
        self
    }

    /// Whether `byte` is in the set.
    #[inline(always)]
    pub fn contains(&self, byte: u8) -> bool {
        self.table[usize::from(byte)] != 0
    }

    /// Whether every one of `bytes` is in the set (true for none). A text of 16 bytes or more,
    /// against a set of ASCII bytes, is tested 32 or 16 bytes at a time with AVX2 or SSSE3
    /// where the processor has them (well under one instruction a byte); otherwise sixteen
    /// lookups are ANDed, then one test, so that a long text costs about two instructions a
    /// byte and a bad one stops within sixteen bytes of its first outsider.
    #[inline(always)]
    pub fn all(&self, bytes: &[u8]) -> bool {
        #[cfg(target_arch = "x86_64")]
        if bytes.len() >= 16 && !self.wide {
            if let Some(all) = super::ascii_simd::all(&self.nibbles, bytes) {
                return all;
            }
        }
        self.all_by_table(bytes)
    }

    /// [`all`](Self::all) by the table, sixteen lookups at a time.
    #[inline(always)]
    fn all_by_table(&self, bytes: &[u8]) -> bool {
        let mut chunks = bytes.chunks_exact(16);
        for chunk in &mut chunks {
            if self.fold(chunk) == 0 {
                return false;
            }
        }
        let rest = chunks.remainder();
        let (eight, tail) = rest.split_at(rest.len() & 8);
        self.fold(eight) & self.fold(tail) != 0
    }

    #[inline(always)]
    fn fold(&self, bytes: &[u8]) -> u8 {
        bytes
            .iter()
            .fold(1, |all, &byte| all & self.table[usize::from(byte)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_and_position_of_an_outsider_is_caught() {
        let lower = ByteClass::EMPTY.with_range(b'a', b'z');
        for len in 0..40 {
            let text = vec![b'q'; len];
            assert!(lower.all(&text), "{len}");
            for at in 0..len {
                let mut bad = text.clone();
                bad[at] = b'Q';
                assert!(!lower.all(&bad), "{len} {at}");
                bad[at] = 0xC3;
                assert!(!lower.all(&bad), "{len} {at}");
            }
        }
    }

    /// Sets tested sixteen bytes at a time (ASCII only) and sets only the table can test.
    fn sets() -> Vec<ByteClass> {
        vec![
            ByteClass::EMPTY.with_range(b'a', b'z'),
            ByteClass::of(b"-._~:/?#&=,")
                .with_range(b'A', b'Z')
                .with_range(b'a', b'z')
                .with_range(b'0', b'9'),
            ByteClass::EMPTY.with_range(0, 0x7F),
            ByteClass::of(&[0x00, 0x0F, 0x70, 0x7F]),
            ByteClass::EMPTY.with_range(0x20, 0xFF),
            ByteClass::of(&[b'a', 0x80]),
        ]
    }

    /// Both ways of testing a text (sixteen bytes at a time where the processor can, and the
    /// table), which must agree with `contains` byte by byte.
    fn verdicts(class: &ByteClass, text: &[u8]) -> [bool; 2] {
        let expected = text.iter().all(|&byte| class.contains(byte));
        #[cfg(target_arch = "x86_64")]
        if !class.wide {
            use crate::rules::ascii_simd::{all_avx2, all_ssse3, has_avx2, has_ssse3};
            if text.len() >= 16 && has_ssse3() {
                // SAFETY: SSSE3 is there, and so are sixteen bytes.
                let simd = unsafe { all_ssse3(&class.nibbles, text) };
                assert_eq!(simd, expected, "SSSE3 {text:?}");
            }
            if text.len() >= 32 && has_avx2() {
                // SAFETY: AVX2 is there, and so are thirty-two bytes.
                let simd = unsafe { all_avx2(&class.nibbles, text) };
                assert_eq!(simd, expected, "AVX2 {text:?}");
            }
        }
        assert_eq!(class.all_by_table(text), expected, "{text:?}");
        [class.all(text), expected]
    }

    #[test]
    fn sixteen_at_a_time_agrees_with_the_table_for_every_byte() {
        for class in sets() {
            let members: Vec<u8> = (0..=255).filter(|&byte| class.contains(byte)).collect();
            for byte in 0..=255u8 {
                let [all, expected] = verdicts(&class, &[byte; 16]);
                assert_eq!(all, expected, "{byte:#x}");
            }
            for len in [16, 17, 24, 31, 32, 33, 47, 48, 63, 64, 65, 79, 100] {
                let text: Vec<u8> = (0..len).map(|at| members[at % members.len()]).collect();
                assert_eq!(verdicts(&class, &text), [true, true]);
                for at in 0..len {
                    for byte in (0..=255).filter(|&byte| !class.contains(byte)) {
                        let mut bad = text.clone();
                        bad[at] = byte;
                        assert_eq!(
                            verdicts(&class, &bad),
                            [false, false],
                            "{len} {at} {byte:#x}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_ways_to_build_a_class_agree() {
        let mut bits = [0u128; 2];
        for byte in b"_-".iter().chain(b"0123456789") {
            bits[usize::from(*byte >> 7)] |= 1 << (byte & 127);
        }
        let listed = ByteClass::of(b"_-0123456789");
        assert_eq!(ByteClass::from_bits(bits), listed);
        assert_eq!(ByteClass::of(b"_-").with_range(b'0', b'9'), listed);
        assert!(listed.contains(b'7') && !listed.contains(b'a') && !listed.contains(0xFF));
    }
}

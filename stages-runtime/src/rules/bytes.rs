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
}

impl ByteClass {
    /// The empty set.
    pub const EMPTY: ByteClass = ByteClass { table: [0; 256] };

    /// The set of `bytes`.
    pub const fn of(bytes: &[u8]) -> Self {
        ByteClass::EMPTY.with(bytes)
    }

    /// This set and `bytes`.
    pub const fn with(mut self, bytes: &[u8]) -> Self {
        let mut index = 0;
        while index < bytes.len() {
            self.table[bytes[index] as usize] = 1;
            index += 1;
        }
        self
    }

    /// This set and the bytes `first..=last`.
    pub const fn with_range(mut self, first: u8, last: u8) -> Self {
        let mut byte = first as usize;
        while byte <= last as usize {
            self.table[byte] = 1;
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
            class.table[byte] = ((allowed[byte >> 7] >> (byte & 127)) & 1) as u8;
            byte += 1;
        }
        class
    }

    /// Whether `byte` is in the set.
    #[inline(always)]
    pub fn contains(&self, byte: u8) -> bool {
        self.table[usize::from(byte)] != 0
    }

    /// Whether every one of `bytes` is in the set (true for none): sixteen lookups ANDed, then
    /// one test, so that a long text costs about two instructions a byte and a bad one stops
    /// within sixteen bytes of its first outsider.
    #[inline]
    pub fn all(&self, bytes: &[u8]) -> bool {
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

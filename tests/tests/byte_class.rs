//! `ByteClass::all` against a byte-by-byte test, for any set and any text: sets of ASCII bytes
//! with texts of 16 bytes or more take the SSSE3 or AVX2 path where the processor has them (16
//! to 31 bytes SSSE3, 32 or more AVX2), the others the table. Texts are drawn mostly from the
//! set, so that the rare outsider (ASCII or not, anywhere, one or several) decides the answer.

use proptest::prelude::*;
use stages_runtime::rules::ByteClass;

/// A set as `ByteClass::from_bits` takes it: either any bytes at all, or ASCII only (the sets
/// the many-bytes-at-a-time path takes).
fn sets() -> impl Strategy<Value = [u128; 2]> {
    prop_oneof![
        any::<[u128; 2]>(),
        any::<u128>().prop_map(|ascii| [ascii, 0]),
        // Sparse ASCII sets, where most bytes are outsiders.
        prop::collection::vec(0u8..0x80, 1..6)
            .prop_map(|members| { [members.iter().fold(0, |bits, &byte| bits | 1 << byte), 0] }),
    ]
}

/// The members of `bits`, as bytes.
fn members(bits: [u128; 2]) -> Vec<u8> {
    (0..=255u8)
        .filter(|&byte| (bits[usize::from(byte >> 7)] >> (byte & 127)) & 1 == 1)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn all_agrees_with_every_byte_in_turn(
        bits in sets(),
        picks in prop::collection::vec(any::<u8>(), 0..130),
        outsiders in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3),
    ) {
        let class = ByteClass::from_bits(bits);
        let members = members(bits);
        let mut text: Vec<u8> = if members.is_empty() {
            picks
        } else {
            picks
                .iter()
                .map(|&pick| members[usize::from(pick) % members.len()])
                .collect()
        };
        if !text.is_empty() {
            for (at, byte) in outsiders {
                let at = at.index(text.len());
                text[at] = byte;
            }
        }
        let expected = text.iter().all(|&byte| class.contains(byte));
        prop_assert_eq!(class.all(&text), expected, "{:?} in {:?}", text, members);
        // Every suffix too: the last chunk overlaps the one before it by every amount.
        for start in 1..text.len().min(40) {
            let rest = &text[start..];
            let expected = rest.iter().all(|&byte| class.contains(byte));
            prop_assert_eq!(class.all(rest), expected, "{:?} in {:?}", rest, members);
        }
    }
}

//! `ByteClass::all` must agree with a byte-by-byte test for any set and any text: the first 32
//! bytes of the input are the set (as `ByteClass::from_bits` takes it; the high half cleared
//! when the first byte is even, so that half the sets are ASCII only and take the SSSE3/AVX2
//! path for texts of 16 bytes or more), the rest is the text, tested whole and from every
//! offset up to 32 (so that the last, overlapping chunk starts everywhere).
#![no_main]

use stages_runtime::rules::ByteClass;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((set, text)) = data.split_first_chunk::<32>() else {
        return;
    };
    let low = u128::from_le_bytes(set[..16].try_into().unwrap());
    let high = u128::from_le_bytes(set[16..].try_into().unwrap());
    let class = ByteClass::from_bits([low, if set[0] % 2 == 0 { 0 } else { high }]);
    for start in 0..=text.len().min(32) {
        let text = &text[start..];
        let expected = text.iter().all(|&byte| class.contains(byte));
        assert_eq!(class.all(text), expected, "{text:?}");
    }
});

//! Many bytes at a time against a set of ASCII bytes: 32 with AVX2 (x86-64 processors since
//! 2013), 16 with SSSE3 (since 2006), each checked at run time as the x86-64 baseline is SSE2.
//! The test of [`ByteClass::all`](super::ByteClass::all) for texts of 16 bytes or more: well
//! under one instruction a byte, where the table costs two.
//!
//! A set of ASCII bytes is written as sixteen bytes, one per low nibble `l`, whose bit `h` says
//! whether byte `h << 4 | l` is in the set. For each byte of the text, one shuffle looks up the
//! entry of its low nibble and another turns its high nibble into the bit `1 << h` (0 for the
//! high nibbles 8 to 15, so that no byte at or above 0x80 is ever in the set); the byte is in the
//! set when the two share a bit.
//!
//! The `unsafe` blocks around intrinsics are needed by the compilers of `rust-version` (1.80);
//! newer ones call the intrinsics safely inside a `target_feature` function, hence the
//! `allow(unused_unsafe)`. No intrinsic here reads or writes memory: texts are read as
//! integers.

use std::arch::x86_64::{
    __m128i, __m256i, _mm256_and_si256, _mm256_broadcastsi128_si256, _mm256_cmpeq_epi8,
    _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_set_epi64x,
    _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_srli_epi16, _mm_and_si128, _mm_cmpeq_epi8,
    _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x, _mm_setzero_si128,
    _mm_shuffle_epi8, _mm_srli_epi16,
};

/// Whether every one of `bytes` (16 or more) is in the ASCII set `nibbles`, or `None` when the
/// processor has neither AVX2 nor SSSE3 (std caches the answers: a load and a test each).
#[inline(always)]
pub(super) fn all(nibbles: &[u8; 16], bytes: &[u8]) -> Option<bool> {
    if bytes.len() >= 32 && has_avx2() {
        // SAFETY: the processor has AVX2, and there are 32 bytes or more.
        return Some(unsafe { all_avx2(nibbles, bytes) });
    }
    if bytes.len() >= 16 && has_ssse3() {
        // SAFETY: the processor has SSSE3, and there are 16 bytes or more.
        return Some(unsafe { all_ssse3(nibbles, bytes) });
    }
    None
}

/// Whether the processor has SSSE3.
#[inline(always)]
pub(super) fn has_ssse3() -> bool {
    std::is_x86_feature_detected!("ssse3")
}

/// Whether the processor has AVX2.
#[inline(always)]
pub(super) fn has_avx2() -> bool {
    std::is_x86_feature_detected!("avx2")
}

/// The high-nibble bits: `1 << h` for the high nibbles 0 to 7, 0 for 8 to 15 (bytes at or
/// above 0x80).
const HIGHS: [u8; 16] = [1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0];

/// [`all`] sixteen bytes at a time.
///
/// # Safety
///
/// The processor must have SSSE3 ([`has_ssse3`]); `bytes` holds 16 bytes or more.
#[allow(unused_unsafe)]
#[target_feature(enable = "ssse3")]
pub(super) unsafe fn all_ssse3(nibbles: &[u8; 16], bytes: &[u8]) -> bool {
    let (lows, highs) = (load16(nibbles), load16(&HIGHS));
    // SAFETY: SSE2, which x86-64 always has.
    let mut found = unsafe { _mm_setzero_si128() };
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        // SAFETY: SSE2 and SSSE3, which the caller guarantees.
        found = unsafe { _mm_or_si128(found, outsiders16(lows, highs, load16(chunk))) };
    }
    if !chunks.remainder().is_empty() {
        // The last sixteen bytes, some of them tested already.
        let last = load16(&bytes[bytes.len() - 16..]);
        // SAFETY: as above.
        found = unsafe { _mm_or_si128(found, outsiders16(lows, highs, last)) };
    }
    // SAFETY: SSE2.
    unsafe { _mm_movemask_epi8(found) == 0 }
}

/// [`all`] thirty-two bytes at a time.
///
/// # Safety
///
/// The processor must have AVX2 ([`has_avx2`]); `bytes` holds 32 bytes or more.
#[allow(unused_unsafe)]
#[target_feature(enable = "avx2")]
pub(super) unsafe fn all_avx2(nibbles: &[u8; 16], bytes: &[u8]) -> bool {
    // SAFETY (every intrinsic in this function): AVX2, which the caller guarantees.
    let (lows, highs) = unsafe {
        (
            _mm256_broadcastsi128_si256(load16(nibbles)),
            _mm256_broadcastsi128_si256(load16(&HIGHS)),
        )
    };
    let mut found = unsafe { _mm256_setzero_si256() };
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        found = unsafe { _mm256_or_si256(found, outsiders32(lows, highs, load32(chunk))) };
    }
    if !chunks.remainder().is_empty() {
        // The last thirty-two bytes, some of them tested already.
        let last = load32(&bytes[bytes.len() - 32..]);
        found = unsafe { _mm256_or_si256(found, outsiders32(lows, highs, last)) };
    }
    unsafe { _mm256_movemask_epi8(found) == 0 }
}

/// 0xFF for each byte of `chunk` outside the set, 0 for the others.
#[inline]
#[allow(unused_unsafe)]
#[target_feature(enable = "ssse3")]
unsafe fn outsiders16(lows: __m128i, highs: __m128i, chunk: __m128i) -> __m128i {
    // SAFETY: SSE2 and SSSE3, which the caller guarantees.
    unsafe {
        let nibble = _mm_set1_epi8(0x0F);
        let low = _mm_shuffle_epi8(lows, _mm_and_si128(chunk, nibble));
        let high = _mm_shuffle_epi8(highs, _mm_and_si128(_mm_srli_epi16(chunk, 4), nibble));
        _mm_cmpeq_epi8(_mm_and_si128(low, high), _mm_setzero_si128())
    }
}

/// [`outsiders16`] for 32 bytes (the shuffles look up each half in its own copy of the tables).
#[inline]
#[allow(unused_unsafe)]
#[target_feature(enable = "avx2")]
unsafe fn outsiders32(lows: __m256i, highs: __m256i, chunk: __m256i) -> __m256i {
    // SAFETY: AVX2, which the caller guarantees.
    unsafe {
        let nibble = _mm256_set1_epi8(0x0F);
        let low = _mm256_shuffle_epi8(lows, _mm256_and_si256(chunk, nibble));
        let high =
            _mm256_shuffle_epi8(highs, _mm256_and_si256(_mm256_srli_epi16(chunk, 4), nibble));
        _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256())
    }
}

/// The first sixteen of `bytes` (which holds sixteen or more) in a register, read as integers
/// (the compiler makes one unaligned load of them).
#[inline(always)]
#[allow(unused_unsafe)]
fn load16(bytes: &[u8]) -> __m128i {
    let [low, high] = words(bytes);
    // SAFETY: SSE2, which x86-64 always has.
    unsafe { _mm_set_epi64x(high, low) }
}

/// The first thirty-two of `bytes` (which holds thirty-two or more) in a register.
#[inline]
#[allow(unused_unsafe)]
#[target_feature(enable = "avx2")]
unsafe fn load32(bytes: &[u8]) -> __m256i {
    let [a, b] = words(bytes);
    let [c, d] = words(&bytes[16..]);
    // SAFETY: AVX2, which the caller guarantees.
    unsafe { _mm256_set_epi64x(d, c, b, a) }
}

/// The first sixteen of `bytes` as two little-endian words.
#[inline(always)]
fn words(bytes: &[u8]) -> [i64; 2] {
    let mut sixteen = [0; 16];
    sixteen.copy_from_slice(&bytes[..16]);
    let value = u128::from_le_bytes(sixteen);
    [value as u64 as i64, (value >> 64) as u64 as i64]
}

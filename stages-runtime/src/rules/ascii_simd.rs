//! Sixteen bytes at a time against a set of ASCII bytes, with SSSE3 (x86-64 processors since
//! 2006; checked at run time, as the x86-64 baseline is SSE2): the test of
//! [`ByteClass::all`](super::ByteClass::all) for texts of 16 bytes or more, about 0.7
//! instructions a byte where the table costs 2.
//!
//! A set of ASCII bytes is written as sixteen bytes, one per low nibble `l`, whose bit `h` says
//! whether byte `h << 4 | l` is in the set. For each byte of the text, one shuffle looks up the
//! entry of its low nibble and another turns its high nibble into the bit `1 << h` (0 for the
//! high nibbles 8 to 15, so that no byte at or above 0x80 is ever in the set); the byte is in the
//! set when the two share a bit.

use std::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    _mm_set_epi64x, _mm_setr_epi8, _mm_setzero_si128, _mm_shuffle_epi8, _mm_srli_epi16,
};

/// Whether the processor has SSSE3 (std caches the answer: a load and a test).
#[inline(always)]
pub(super) fn available() -> bool {
    std::is_x86_feature_detected!("ssse3")
}

/// Whether every one of `bytes` is in the ASCII set `nibbles` (see the module docs).
/// `bytes` holds at least 16 bytes.
///
/// # Safety
///
/// The processor must have SSSE3 ([`available`]).
// The `unsafe` blocks around intrinsics are needed by the compilers of `rust-version` (1.80);
// newer ones call the intrinsics safely inside a `target_feature` function.
#[allow(unused_unsafe)]
#[target_feature(enable = "ssse3")]
pub(super) unsafe fn all(nibbles: &[u8; 16], bytes: &[u8]) -> bool {
    debug_assert!(bytes.len() >= 16);
    let lows = load(nibbles);
    // SAFETY (for every intrinsic below): they need SSE2 and SSSE3, which the caller
    // guarantees; none reads or writes memory.
    let (highs, outside) = unsafe {
        (
            _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0),
            _mm_setzero_si128(),
        )
    };
    let mut chunks = bytes.chunks_exact(16);
    let mut found = outside;
    for chunk in &mut chunks {
        found = unsafe { _mm_or_si128(found, outsiders(lows, highs, load_chunk(chunk))) };
    }
    if !chunks.remainder().is_empty() {
        // The last sixteen bytes, some of them tested already.
        let last = load_chunk(&bytes[bytes.len() - 16..]);
        found = unsafe { _mm_or_si128(found, outsiders(lows, highs, last)) };
    }
    unsafe { _mm_movemask_epi8(found) == 0 }
}

/// 0xFF for each byte of `chunk` outside the set, 0 for the others.
#[inline]
#[allow(unused_unsafe)]
#[target_feature(enable = "ssse3")]
unsafe fn outsiders(lows: __m128i, highs: __m128i, chunk: __m128i) -> __m128i {
    // SAFETY: SSE2 and SSSE3, which the caller guarantees; no memory is touched.
    unsafe {
        let nibble = _mm_set1_epi8(0x0F);
        let low = _mm_shuffle_epi8(lows, _mm_and_si128(chunk, nibble));
        let high = _mm_shuffle_epi8(highs, _mm_and_si128(_mm_srli_epi16(chunk, 4), nibble));
        _mm_cmpeq_epi8(_mm_and_si128(low, high), _mm_setzero_si128())
    }
}

/// The first sixteen of `bytes` (which holds sixteen) in a register.
#[inline(always)]
fn load_chunk(bytes: &[u8]) -> __m128i {
    let mut chunk = [0; 16];
    chunk.copy_from_slice(&bytes[..16]);
    load(&chunk)
}

/// Sixteen bytes in a register, read as integers so that no pointer is involved (the compiler
/// makes one unaligned load of it).
#[inline(always)]
#[allow(unused_unsafe)]
fn load(bytes: &[u8; 16]) -> __m128i {
    let value = u128::from_le_bytes(*bytes);
    // SAFETY: SSE2 is part of the x86-64 baseline; no memory is touched.
    unsafe { _mm_set_epi64x((value >> 64) as u64 as i64, value as u64 as i64) }
}

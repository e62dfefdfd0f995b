//! The strongest variant of the baseline (cargo feature `hand-vectors`): texts of 16 bytes or
//! more are tested against a class 32 or 16 bytes at a time, with the same vector test
//! `stages-runtime` uses (`ByteClass::all`: AVX2 or SSSE3, detected at run time). Without it
//! the baseline is the one issue 10 describes, a 256-entry table read byte by byte; with it the
//! only difference left between ours and the hand-written checks is everything but the class
//! test.

use stages_model::runtime::rules::ByteClass;

use super::CLASSES;

/// One set per class bit of [`CLASSES`], in bit order (`NAME` first).
static SETS: [ByteClass; 5] = [
    set_of(super::NAME),
    set_of(super::VARIABLE_NAME),
    set_of(super::VARIABLE_VALUE),
    set_of(super::LOG_GROUP),
    set_of(super::DIGIT),
];

/// The bytes whose entry in [`CLASSES`] has `class`.
const fn set_of(class: u8) -> ByteClass {
    let mut set = ByteClass::EMPTY;
    let mut byte = 0;
    while byte < 256 {
        if CLASSES[byte] & class != 0 {
            set = set.with_range(byte as u8, byte as u8);
        }
        byte += 1;
    }
    set
}

/// Whether every byte is in `class` (one of the class bits).
#[inline]
pub(super) fn all_in(bytes: &[u8], class: u8) -> bool {
    SETS[class.trailing_zeros() as usize].all(bytes)
}

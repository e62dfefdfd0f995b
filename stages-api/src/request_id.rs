//! `x-amzn-RequestId`: a fresh identifier per request, in the UUID form AWS uses.

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// The header every response carries; SDKs expose its value as the request id.
pub const HEADER: &str = "x-amzn-requestid";

/// A new identifier such as `3f1c9a2e-7b4d-4e0a-9c51-0d2f6b8e1a73`: a counter, so never the
/// same twice in a process, hashed under a key drawn at start-up, so not guessable across runs.
pub fn new_request_id() -> String {
    static KEY: OnceLock<RandomState> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let key = KEY.get_or_init(RandomState::new);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let high = key.hash_one((count, 0u8));
    let low = key.hash_one((count, 1u8));
    // Version 4, variant 1 bits, as a random UUID has them.
    let high = (high & !0xf000) | 0x4000;
    let low = (low & !(0xc << 60)) | (0x8 << 60);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::new_request_id;

    #[test]
    fn identifiers_are_fresh_and_shaped_as_uuids() {
        let (first, second) = (new_request_id(), new_request_id());
        assert_ne!(first, second);
        let groups: Vec<usize> = first.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12], "{first}");
        assert_eq!(&first[14..15], "4", "{first}");
        assert!(first.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
    }
}

//! `x-amzn-RequestId`: a fresh identifier per request, in the UUID form AWS uses.

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use axum::http::{HeaderName, HeaderValue};

/// The header every response carries; SDKs expose its value as the request id.
pub const HEADER: &str = "x-amzn-requestid";

/// [`HEADER`] as a name ready to insert (a `&str` is parsed again at each insertion).
pub const HEADER_NAME: HeaderName = HeaderName::from_static(HEADER);

/// A new identifier such as `3f1c9a2e-7b4d-4e0a-9c51-0d2f6b8e1a73`: a counter, so never the
/// same twice in a process, hashed under a key drawn at start-up, so not guessable across runs.
pub fn new_request_id() -> String {
    String::from_utf8_lossy(&fresh()).into_owned()
}

/// A new identifier (as [`new_request_id`]) as a header value, without passing through a
/// `String`: every response needs one.
pub fn new_header_value() -> HeaderValue {
    // Hex digits and dashes are all valid in a header value.
    HeaderValue::from_bytes(&fresh()).unwrap_or_else(|_| HeaderValue::from_static("-"))
}

fn fresh() -> [u8; 36] {
    static KEY: OnceLock<(RandomState, u64)> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let (key, salt) = KEY.get_or_init(|| {
        let key = RandomState::new();
        let salt = key.hash_one(u64::MAX);
        (key, salt)
    });
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    // One keyed hash (SipHash) for the half that makes the identifier unguessable; the other
    // half mixes the counter (a bijection, so distinct for every request) at a tenth the cost.
    let high = key.hash_one(count);
    let low = mix(count ^ salt);
    // Version 4, variant 1 bits, as a random UUID has them.
    let high = (high & !0xf000) | 0x4000;
    let low = (low & !(0xc << 60)) | (0x8 << 60);
    // 8-4-4-4-12 hex digits: `high`'s 16, then `low`'s 16, two digits per byte.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut digits = [0; 32];
    let bytes = (u128::from(high) << 64 | u128::from(low)).to_be_bytes();
    for (pair, byte) in digits.chunks_exact_mut(2).zip(bytes) {
        pair[0] = HEX[usize::from(byte >> 4)];
        pair[1] = HEX[usize::from(byte & 0xf)];
    }
    let mut id = [b'-'; 36];
    id[..8].copy_from_slice(&digits[..8]);
    id[9..13].copy_from_slice(&digits[8..12]);
    id[14..18].copy_from_slice(&digits[12..16]);
    id[19..23].copy_from_slice(&digits[16..20]);
    id[24..].copy_from_slice(&digits[20..]);
    id
}

/// SplitMix64's finaliser: a bijection on `u64` that spreads every bit of the input.
fn mix(mut bits: u64) -> u64 {
    bits = bits.wrapping_add(0x9e37_79b9_7f4a_7c15);
    bits = (bits ^ (bits >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    bits = (bits ^ (bits >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    bits ^ (bits >> 31)
}

#[cfg(test)]
mod tests {
    use super::{new_header_value, new_request_id};

    #[test]
    fn identifiers_are_fresh_and_shaped_as_uuids() {
        let (first, second) = (new_request_id(), new_request_id());
        assert_ne!(first, second);
        let groups: Vec<usize> = first.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12], "{first}");
        assert_eq!(&first[14..15], "4", "{first}");
        assert!(first.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        let header = new_header_value();
        let header = header.to_str().unwrap();
        assert_ne!(header, first);
        assert_eq!(header.len(), 36);
        assert_eq!(&header[14..15], "4", "{header}");
    }
}

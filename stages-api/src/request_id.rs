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
    // 8-4-4-4-12 hex digits: `high`'s 16, then `low`'s 16.
    const PLACES: [usize; 32] = [
        0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, //
        19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
    ];
    let mut id = [b'-'; 36];
    for (index, place) in PLACES.into_iter().enumerate() {
        let half = if index < 16 { high } else { low };
        let digit = (half >> (60 - 4 * (index % 16))) & 0xf;
        id[place] = b"0123456789abcdef"[digit as usize];
    }
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

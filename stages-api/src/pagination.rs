//! `nextToken`: opaque to clients, and only the tokens this process issued are accepted.
//!
//! A token names the API and the last stage of the page it ends, with a tag computed under a key
//! drawn at start-up (SipHash, keyed: a forged or altered token fails the check). Pages follow
//! stage names in order, so a listing stays consistent while stages are added.

use std::hash::{BuildHasher, Hasher, RandomState};

/// Issues and checks tokens.
pub struct Tokens {
    key: RandomState,
}

impl Tokens {
    /// Tokens under a key of this process's own.
    pub fn new() -> Self {
        Tokens {
            key: RandomState::new(),
        }
    }

    /// The token for the page after `last_stage` of `api_id`.
    pub fn issue(&self, api_id: &str, last_stage: &str) -> String {
        format!(
            "{}.{:016x}",
            hex(last_stage.as_bytes()),
            self.tag(api_id, last_stage)
        )
    }

    /// The stage name a token continues after, if this process issued it for `api_id`.
    pub fn verify(&self, api_id: &str, token: &str) -> Option<String> {
        let (cursor, tag) = token.split_once('.')?;
        let cursor = String::from_utf8(unhex(cursor)?).ok()?;
        let tag = u64::from_str_radix(tag, 16)
            .ok()
            .filter(|_| tag.len() == 16)?;
        (tag == self.tag(api_id, &cursor)).then_some(cursor)
    }

    fn tag(&self, api_id: &str, cursor: &str) -> u64 {
        let mut hasher = self.key.build_hasher();
        hasher.write(api_id.as_bytes());
        hasher.write_u8(0);
        hasher.write(cursor.as_bytes());
        hasher.finish()
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    out
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).ok())
        .collect()
}

impl Default for Tokens {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_gives_back_its_stage_for_its_api_only() {
        let tokens = Tokens::new();
        for name in ["page0", "a-b_C", "\u{e9}t\u{e9}", ""] {
            let token = tokens.issue("api1", name);
            assert_eq!(tokens.verify("api1", &token).as_deref(), Some(name));
            assert_eq!(tokens.verify("api2", &token), None);
        }
        let token = tokens.issue("api1", "page0");
        assert!(token.starts_with("7061676530."), "{token}");
        let altered = token.replacen('7', "8", 1);
        assert_eq!(tokens.verify("api1", &altered), None);
    }
}

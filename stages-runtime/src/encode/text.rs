//! Strings as serde_json writes them: `"` and `\` escaped with a backslash, the control bytes
//! below 0x20 as `\b \f \n \r \t` or `\u00XX` in lower-case hex, every other byte (`/`, DEL,
//! anything beyond ASCII) as it is.

use crate::rules::ByteClass;

/// The ASCII bytes written as they are. Only ASCII, so that a text of 16 bytes or more is
/// tested many bytes at a time ([`ByteClass::all`]); a text beyond ASCII takes the byte loop,
/// which copies those bytes as they are too.
const PLAIN: ByteClass = ByteClass::EMPTY
    .with_range(0x20, 0x21)
    .with_range(0x23, 0x5B)
    .with_range(0x5D, 0x7F);

/// For each byte, how serde_json escapes it: 0 for none, `u` for `\u00XX`, otherwise the letter
/// after the backslash.
static ESCAPE: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `text` as a JSON string, escaped as serde_json escapes it. Most texts need no
/// escape: they are tested many bytes at a time and copied at once.
///
/// ```
/// let mut out = Vec::new();
/// stages_runtime::encode::write_str(&mut out, "say \"hi\"\n/é\u{1}");
/// assert_eq!(String::from_utf8(out).unwrap(), r#""say \"hi\"\n/é\u0001""#);
/// ```
#[inline]
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    if PLAIN.all(bytes) {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
    } else {
        write_escaped(out, bytes);
    }
}

/// [`write_str`] for a text with something to escape (or beyond ASCII): runs of bytes written
/// as they are copied at once, the others escaped.
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(byte)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[run..at]);
        run = at + 1;
        match escape {
            b'u' => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]),
            letter => out.extend_from_slice(&[b'\\', letter]),
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_alone_and_in_a_long_text_is_written_as_serde_json_writes_it() {
        for byte in 0..=0x7Fu8 {
            let text = char::from(byte).to_string();
            let long = format!("{}{text}{}", "a".repeat(20), "b".repeat(20));
            for text in [text, long] {
                let mut out = Vec::new();
                write_str(&mut out, &text);
                assert_eq!(out, serde_json::to_vec(&text).unwrap(), "{byte:#x}");
            }
        }
        for text in ["é", "ab\u{1f}é\u{2028}\"", "\u{10ffff}"] {
            let mut out = Vec::new();
            write_str(&mut out, text);
            assert_eq!(out, serde_json::to_vec(text).unwrap(), "{text:?}");
        }
    }
}

//! Dates (`DateTime<Utc>`) as chrono's `Serialize` writes them, digit by digit into the buffer
//! ([`write_rfc3339_json`]), with the last text written on each thread kept: a stage's two dates
//! are often one instant (created and last updated), as are the dates of answers made within
//! one second, and a copy costs a third of writing the digits again.

use std::cell::Cell;

use chrono::{DateTime, FixedOffset, Utc};

use super::{write_via_serde, Error, WriteJson};
use crate::datetime::{write_rfc3339_json, RFC3339_MAX};

/// A date with its offset, through chrono's `Serialize` (no fast path): so that a model holding
/// one as a type argument encodes, as it decodes.
impl WriteJson for DateTime<FixedOffset> {}

/// A year outside 0000–9999 (which RFC 3339 cannot write) goes through chrono, as the model's
/// `Serialize` does.
impl WriteJson for DateTime<Utc> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        if let Some((instant, text)) = LAST.get() {
            if instant == *self {
                out.extend_from_slice(text.as_bytes());
                return Ok(());
            }
        }
        let start = out.len();
        if write_rfc3339_json(self, out) {
            if let Some(text) = Text::new(&out[start..]) {
                LAST.set(Some((*self, text)));
            }
            Ok(())
        } else {
            write_via_serde(self, out)
        }
    }
}

thread_local! {
    /// The last date written on this thread, and its text.
    static LAST: Cell<Option<(DateTime<Utc>, Text)>> = const { Cell::new(None) };
}

/// A date's JSON text, quotes included.
#[derive(Clone, Copy)]
struct Text {
    bytes: [u8; RFC3339_MAX + 2],
    len: u8,
}

impl Text {
    /// `text` kept; `None` if it is longer than a date's.
    fn new(text: &[u8]) -> Option<Self> {
        let mut bytes = [0; RFC3339_MAX + 2];
        bytes.get_mut(..text.len())?.copy_from_slice(text);
        Some(Text {
            bytes,
            len: u8::try_from(text.len()).ok()?,
        })
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeDelta, TimeZone};

    use super::*;

    /// Repeats, neighbours one nanosecond or one second apart, and years chrono writes, in an
    /// order where each kept text is asked for again and then replaced.
    #[test]
    fn a_kept_text_is_written_for_that_instant_only() {
        let at = Utc.with_ymd_and_hms(2024, 5, 1, 12, 30, 0).unwrap();
        let far = Utc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).unwrap();
        let nano = TimeDelta::nanoseconds(1);
        let second = TimeDelta::seconds(1);
        let instants = [
            at,
            at,
            at + nano,
            at,
            at + second,
            at + second,
            far,
            far,
            at,
            at + TimeDelta::milliseconds(250),
            at + TimeDelta::milliseconds(250),
        ];
        let mut ours = Vec::new();
        for instant in &instants {
            ours.push(b',');
            instant.write_json(&mut ours).unwrap();
        }
        let mut theirs = Vec::new();
        for instant in &instants {
            theirs.push(b',');
            theirs.extend(serde_json::to_vec(instant).unwrap());
        }
        assert_eq!(String::from_utf8(ours), String::from_utf8(theirs));
    }
}

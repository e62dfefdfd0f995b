//! Dates (`DateTime<Utc>`) as chrono's `Serialize` writes them, digit by digit into the buffer
//! ([`write_rfc3339_json`]), quotes included: no text to check as UTF-8, nothing to escape.

use chrono::{DateTime, FixedOffset, Utc};

use super::{write_via_serde, Error, WriteJson};
use crate::datetime::write_rfc3339_json;

/// A date with its offset, through chrono's `Serialize` (no fast path): so that a model holding
/// one as a type argument encodes, as it decodes.
impl WriteJson for DateTime<FixedOffset> {}

/// A year outside 0000–9999 (which RFC 3339 cannot write) goes through chrono, as the model's
/// `Serialize` does.
impl WriteJson for DateTime<Utc> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        if write_rfc3339_json(self, out) {
            Ok(())
        } else {
            write_via_serde(self, out)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeDelta, TimeZone};

    use super::*;

    /// Repeats, neighbours one nanosecond or one second apart, and years only chrono writes.
    #[test]
    fn dates_are_written_as_chrono_writes_them() {
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

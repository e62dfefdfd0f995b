//! The writer of date-times: RFC 3339 in UTC, as chrono's `Serialize` writes it, digit by digit
//! into a fixed buffer. Every encoded date goes through here (`ser.rs`, and the JSON writer of
//! `encode/`), so it is kept apart from the reader and its grammar.

use chrono::{DateTime, Datelike, Timelike, Utc};

/// The longest text [`write_rfc3339`] writes: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`.
pub const RFC3339_MAX: usize = 30;

/// Writes `instant` as chrono's `Serialize` does (RFC 3339 in UTC with `Z`, fractional seconds
/// in 3, 6 or 9 digits and only when there are any, a leap second as second 60) into `out`,
/// digit by digit, and returns the text; `None` for a year outside 0000–9999, which RFC 3339
/// cannot write (chrono then writes a signed year).
///
/// ```
/// use stages_runtime::datetime::{parse, write_rfc3339, RFC3339_MAX};
///
/// let mut out = [0; RFC3339_MAX];
/// let instant = parse("2024-05-01T12:30:00.25+02:00").unwrap();
/// assert_eq!(write_rfc3339(&instant, &mut out), Some("2024-05-01T10:30:00.250Z"));
/// ```
pub fn write_rfc3339<'a>(
    instant: &DateTime<Utc>,
    out: &'a mut [u8; RFC3339_MAX],
) -> Option<&'a str> {
    let len = rfc3339_bytes(instant, out)?;
    // Only ASCII was written.
    std::str::from_utf8(&out[..len]).ok()
}

/// Appends `instant` to `out` as a JSON string holding [`write_rfc3339`]'s text, in one copy
/// and without checking again that the digits are UTF-8; `false` (and nothing written) for a
/// year outside 0000–9999.
///
/// ```
/// use stages_runtime::datetime::{parse, write_rfc3339_json};
///
/// let mut out = b"[".to_vec();
/// assert!(write_rfc3339_json(&parse("2024-05-01T12:30:00Z").unwrap(), &mut out));
/// assert_eq!(out, br#"["2024-05-01T12:30:00Z""#);
/// ```
#[inline]
pub fn write_rfc3339_json(instant: &DateTime<Utc>, out: &mut Vec<u8>) -> bool {
    let mut quoted = [b'"'; RFC3339_MAX + 2];
    // Never `None`: the quotes leave room for the text.
    let Some((text, _)) = quoted[1..].split_first_chunk_mut::<RFC3339_MAX>() else {
        return false;
    };
    let Some(len) = rfc3339_bytes(instant, text) else {
        return false;
    };
    quoted[len + 1] = b'"';
    out.extend_from_slice(&quoted[..len + 2]);
    true
}

/// [`write_rfc3339`]'s text into `out`, and its length.
#[inline]
fn rfc3339_bytes(instant: &DateTime<Utc>, out: &mut [u8; RFC3339_MAX]) -> Option<usize> {
    // The UTC fields as stored, without the offset arithmetic of `DateTime`'s accessors.
    let naive = instant.naive_utc();
    let (date, time) = (naive.date(), naive.time());
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return None;
    }
    let seconds = time.num_seconds_from_midnight();
    let mut nanos = time.nanosecond();
    let mut second = seconds % 60;
    if nanos >= 1_000_000_000 {
        second += 1;
        nanos -= 1_000_000_000;
    }
    let year = year as u32;
    let fields = [
        (year / 100, 0),
        (year % 100, 2),
        (date.month(), 5),
        (date.day(), 8),
        (seconds / 3600, 11),
        (seconds / 60 % 60, 14),
        (second, 17),
    ];
    *out = *b"0000-00-00T00:00:00.000000000Z";
    for (value, at) in fields {
        out[at] = b'0' + (value / 10) as u8;
        out[at + 1] = b'0' + (value % 10) as u8;
    }
    let (digits, value) = if nanos == 0 {
        (0, 0)
    } else if nanos % 1_000_000 == 0 {
        (3, nanos / 1_000_000)
    } else if nanos % 1_000 == 0 {
        (6, nanos / 1_000)
    } else {
        (9, nanos)
    };
    let mut end = 19;
    if digits > 0 {
        let mut rest = value;
        for at in (20..20 + digits).rev() {
            out[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        end = 20 + digits;
    }
    out[end] = b'Z';
    Some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datetime::parse;
    use chrono::NaiveDate;

    #[test]
    fn writes_as_chrono_serializes() {
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .unwrap()
            .and_hms_nano_opt(23, 59, 59, 1_250_000_000)
            .unwrap()
            .and_utc();
        let mut instants = vec![leap];
        for text in [
            "2024-05-01T12:30:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-05-01T12:30:00.1Z",
            "2024-05-01T12:30:00.000001Z",
            "2024-05-01T12:30:00.000000001Z",
            "2024-05-01T12:30:00.12345678Z",
            "1970-01-01T00:00:00.010200Z",
        ] {
            instants.push(parse(text).unwrap());
        }
        for instant in instants {
            let chrono = serde_json::to_string(&instant).unwrap();
            let mut out = [0; RFC3339_MAX];
            let ours = write_rfc3339(&instant, &mut out).unwrap();
            assert_eq!(format!("\"{ours}\""), chrono);
        }
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc();
        assert_eq!(write_rfc3339(&far, &mut [0; RFC3339_MAX]), None);
    }
}

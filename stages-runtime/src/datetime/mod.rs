//! Date-times on the wire: RFC 3339, read strictly, limited to what can be written back.
//!
//! AWS writes timestamps as RFC 3339 (`2024-05-01T12:30:00Z`) and its SDKs read nothing else.
//! chrono's own parser is lenient (a space for the `T`, any second 60) and its writer leaves the
//! four-digit years of RFC 3339 for instants before year 0 or after 9999, so a date could decode
//! and then encode to text that no longer decodes. Here the grammar of RFC 3339 §5.6 is followed
//! exactly, second 60 is refused (no leap second is on record for most such instants, and chrono
//! could not carry one through UTC conversion), and an instant is kept only when its UTC form
//! lies in years 0000–9999, so that [`writable`] holds for every value that decodes.

use std::fmt;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc,
};

mod write;

pub use write::{write_rfc3339, write_rfc3339_json, RFC3339_MAX};

/// Why text is not a date-time this crate accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The text does not follow RFC 3339 (or names a day, hour or second that does not exist).
    Malformed,
    /// A real instant, but its UTC form falls outside years 0000–9999, so it could not be
    /// written back as RFC 3339.
    OutOfRange,
    /// Fractional seconds finer than a nanosecond, which would be lost.
    TooPrecise,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Problem::Malformed => "must be an RFC 3339 date-time such as 2024-05-01T12:30:00Z",
            Problem::OutOfRange => "must fall within years 0000 to 9999 once converted to UTC",
            Problem::TooPrecise => "must not have fractional seconds finer than nanoseconds",
        })
    }
}

/// Reads an RFC 3339 date-time into UTC: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with `T`
/// and `Z` in either case as RFC 3339 allows.
///
/// ```
/// use stages_runtime::datetime::{parse, Problem};
///
/// let instant = parse("2024-05-01T12:30:00.25+02:00").unwrap();
/// assert_eq!(instant.to_rfc3339(), "2024-05-01T10:30:00.250+00:00");
/// assert_eq!(parse("2024-05-01 12:30:00Z"), Err(Problem::Malformed));
/// assert_eq!(parse("0000-01-01T00:00:00+00:01"), Err(Problem::OutOfRange));
/// ```
pub fn parse(text: &str) -> Result<DateTime<Utc>, Problem> {
    parse_with_offset(text).map(|instant| instant.to_utc())
}

/// [`parse`], keeping the offset the text was written with (`+02:00`; `Z` is `+00:00`). The
/// same texts are accepted: the instant's UTC form must lie in years 0000–9999.
///
/// ```
/// use stages_runtime::datetime::parse_with_offset;
///
/// let instant = parse_with_offset("2024-05-01T12:30:00.25+02:00").unwrap();
/// assert_eq!(instant.to_rfc3339(), "2024-05-01T12:30:00.250+02:00");
/// ```
pub fn parse_with_offset(text: &str) -> Result<DateTime<FixedOffset>, Problem> {
    let mut cursor = Cursor(text.as_bytes());
    let year = cursor.digits(4)?;
    cursor.expect(b"-")?;
    let month = cursor.digits(2)?;
    cursor.expect(b"-")?;
    let day = cursor.digits(2)?;
    cursor.expect(b"Tt")?;
    let hour = cursor.digits(2)?;
    cursor.expect(b":")?;
    let minute = cursor.digits(2)?;
    cursor.expect(b":")?;
    let second = cursor.digits(2)?;
    let nanos = if cursor.accept(b'.') {
        cursor.fraction()?
    } else {
        0
    };
    let offset_minutes = cursor.offset()?;
    if !cursor.0.is_empty() {
        return Err(Problem::Malformed);
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(Problem::Malformed)?;
    // `from_hms_nano_opt` would take second 59 with a fraction past a second as a leap second;
    // `fraction` keeps nanos below a second, and second 60 is refused here.
    let time = (second < 60)
        .then(|| NaiveTime::from_hms_nano_opt(hour, minute, second, nanos))
        .flatten()
        .ok_or(Problem::Malformed)?;
    let local = NaiveDateTime::new(date, time);
    let utc = local
        .checked_sub_signed(TimeDelta::minutes(offset_minutes))
        .ok_or(Problem::OutOfRange)?
        .and_utc();
    if !writable(&utc) {
        return Err(Problem::OutOfRange);
    }
    // Hours 00–23 and minutes 00–59 are checked, so the offset is less than a day.
    let offset = FixedOffset::east_opt(offset_minutes as i32 * 60).ok_or(Problem::Malformed)?;
    Ok(utc.with_timezone(&offset))
}

/// Whether `instant` can be written as RFC 3339 and read back: its year is 0000–9999 and it is
/// not inside a leap second (which chrono would write as second 60).
pub fn writable(instant: &DateTime<Utc>) -> bool {
    (0..=9999).contains(&instant.year()) && instant.nanosecond() < 1_000_000_000
}

/// The unread rest of the text.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    /// Exactly `count` ASCII digits, as a number.
    fn digits(&mut self, count: usize) -> Result<u32, Problem> {
        let Some((digits, rest)) = self.0.split_at_checked(count) else {
            return Err(Problem::Malformed);
        };
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(Problem::Malformed);
        }
        self.0 = rest;
        Ok(digits
            .iter()
            .fold(0, |number, digit| number * 10 + u32::from(digit - b'0')))
    }

    /// One byte out of `choices`.
    fn expect(&mut self, choices: &[u8]) -> Result<u8, Problem> {
        match self.0.split_first() {
            Some((&byte, rest)) if choices.contains(&byte) => {
                self.0 = rest;
                Ok(byte)
            }
            _ => Err(Problem::Malformed),
        }
    }

    /// Whether the next byte is `byte`, consuming it if so.
    fn accept(&mut self, byte: u8) -> bool {
        self.expect(&[byte]).is_ok()
    }

    /// The digits after the decimal point, as nanoseconds: at least one digit; digits past the
    /// ninth must be zeros, since nothing finer can be kept.
    fn fraction(&mut self) -> Result<u32, Problem> {
        let count = self
            .0
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        if count == 0 {
            return Err(Problem::Malformed);
        }
        let (digits, rest) = self.0.split_at(count);
        self.0 = rest;
        let (kept, beyond) = digits.split_at(count.min(9));
        if beyond.iter().any(|&digit| digit != b'0') {
            return Err(Problem::TooPrecise);
        }
        let value = kept
            .iter()
            .fold(0, |number, digit| number * 10 + u32::from(digit - b'0'));
        Ok(value * 10u32.pow(9 - kept.len() as u32))
    }

    /// `Z` (either case) or `±HH:MM` with hours 00–23 and minutes 00–59, as minutes east of UTC.
    fn offset(&mut self) -> Result<i64, Problem> {
        let sign = match self.expect(b"Zz+-")? {
            b'Z' | b'z' => return Ok(0),
            b'+' => 1,
            _ => -1,
        };
        let hours = self.digits(2)?;
        self.expect(b":")?;
        let minutes = self.digits(2)?;
        if hours > 23 || minutes > 59 {
            return Err(Problem::Malformed);
        }
        Ok(sign * i64::from(hours * 60 + minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> String {
        parse(text)
            .unwrap_or_else(|problem| panic!("{text}: {problem}"))
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    }

    #[test]
    fn reads_utc_fractions_and_offsets() {
        assert_eq!(utc("2024-05-01T12:30:00Z"), "2024-05-01T12:30:00Z");
        assert_eq!(utc("2024-05-01t12:30:00z"), "2024-05-01T12:30:00Z");
        assert_eq!(
            utc("2024-05-01T12:30:00.25+02:00"),
            "2024-05-01T10:30:00.250Z"
        );
        assert_eq!(utc("2024-05-01T12:30:00-00:00"), "2024-05-01T12:30:00Z");
        assert_eq!(
            utc("2024-05-01T12:30:00.000000001Z"),
            "2024-05-01T12:30:00.000000001Z"
        );
        assert_eq!(
            utc("2024-05-01T12:30:00.5000000000Z"),
            "2024-05-01T12:30:00.500Z"
        );
        assert_eq!(utc("2000-02-29T23:59:59-23:59"), "2000-03-01T23:58:59Z");
    }

    #[test]
    fn refuses_what_rfc_3339_does_not_say() {
        for text in [
            "",
            "2024-05-01",
            "2024-05-01 12:30:00Z",
            "2024-05-01T12:30Z",
            "2024-05-01T12:30:00",
            "2024-05-01T12:30:00.Z",
            "2024-05-01T12:30:00,5Z",
            "2024-05-01T12:30:00+02",
            "2024-05-01T12:30:00+0200",
            "2024-05-01T12:30:00+24:00",
            "2024-05-01T12:30:00+02:60",
            "2024-05-01T12:30:00Z ",
            "2024-13-01T12:30:00Z",
            "2024-00-01T12:30:00Z",
            "2024-05-00T12:30:00Z",
            "2100-02-29T12:30:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:60:00Z",
            "2024-05-01T12:30:60Z",
            "2016-12-31T23:59:60Z",
            "-2024-05-01T12:30:00Z",
            "+2024-05-01T12:30:00Z",
            "2024-05-01T12:30:00\u{0}Z",
        ] {
            assert_eq!(parse(text), Err(Problem::Malformed), "{text:?}");
        }
        assert_eq!(
            parse("2024-05-01T12:30:00.0000000001Z"),
            Err(Problem::TooPrecise)
        );
    }

    #[test]
    fn keeps_only_instants_that_can_be_written_back() {
        assert_eq!(parse("0000-01-01T00:00:00+00:01"), Err(Problem::OutOfRange));
        assert_eq!(parse("9999-12-31T23:59:59-00:01"), Err(Problem::OutOfRange));
        assert_eq!(utc("0000-01-01T00:00:00-00:01"), "0000-01-01T00:01:00Z");
        assert_eq!(utc("9999-12-31T23:59:59+23:59"), "9999-12-31T00:00:59Z");
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .unwrap()
            .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
            .unwrap()
            .and_utc();
        assert!(!writable(&leap));
    }
}

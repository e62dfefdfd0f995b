//! The rules of the Stages resource that no built-in rule can say, as `custom` functions.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::code;
use crate::CustomError;
use stages_runtime::rules::ByteClass;

/// The largest page `GetStages` returns; a larger `maxResults` is a 400.
pub const MAX_PAGE_SIZE: u32 = 500;

/// A stage name holds only ASCII letters, digits, `-` and `_`, or is exactly `$default` (the
/// stage HTTP APIs deploy to automatically).
#[inline]
pub fn stage_name(name: &str) -> Result<(), CustomError> {
    if STAGE_NAME.all(name.as_bytes()) || name == "$default" {
        Ok(())
    } else {
        Err(bad_stage_name())
    }
}

#[cold]
#[inline(never)]
fn bad_stage_name() -> CustomError {
    CustomError::new(
        "must contain only letters, digits, hyphens and underscores, or be exactly $default",
    )
    .with_rule(code::PATTERN)
}

/// The ARN of a CloudWatch Logs log group:
/// `arn:<aws|aws-cn|aws-us-gov>:logs:<region>:<12-digit account>:log-group:<name>[:*]`.
#[inline]
pub fn log_group_arn(arn: &str) -> Result<(), CustomError> {
    if is_log_group_arn(arn.as_bytes()) {
        Ok(())
    } else {
        Err(bad_log_group_arn())
    }
}

#[cold]
#[inline(never)]
fn bad_log_group_arn() -> CustomError {
    CustomError::new(
        "must be a CloudWatch Logs log-group ARN: arn:<partition>:logs:<region>:<account>:log-group:<name>",
    )
    .with_rule(code::PATTERN)
}

/// Letters and digits.
const ALNUM: ByteClass = ByteClass::EMPTY
    .with_range(b'A', b'Z')
    .with_range(b'a', b'z')
    .with_range(b'0', b'9');

/// Bytes of a stage name other than `$default`: letters, digits, `-`, `_`.
const STAGE_NAME: ByteClass = ALNUM.with(b"-_");

/// Bytes of a log group's name: letters, digits, `.`, `_`, `-`, `/`, `#`.
const LOG_GROUP_NAME: ByteClass = ALNUM.with(b"._-/#");

const DIGITS: ByteClass = ByteClass::EMPTY.with_range(b'0', b'9');

/// Reads the ARN left to right, once: fixed words, the partition, the region, 12 digits, then
/// the group's name (what follows `log-group:`, less a final `:*`).
fn is_log_group_arn(arn: &[u8]) -> bool {
    // The partition: `aws`, `aws-cn` or `aws-us-gov`.
    let Some(rest) = arn.strip_prefix(b"arn:aws") else {
        return false;
    };
    let rest = match rest {
        [b':', rest @ ..] => rest,
        [b'-', b'c', b'n', b':', rest @ ..] => rest,
        [b'-', b'u', b's', b'-', b'g', b'o', b'v', b':', rest @ ..] => rest,
        _ => return false,
    };
    let Some(rest) = rest.strip_prefix(b"logs:") else {
        return false;
    };
    let Some(rest) = region_then_colon(rest) else {
        return false;
    };
    let Some((account, rest)) = rest.split_first_chunk::<13>() else {
        return false;
    };
    if account[12] != b':' || !DIGITS.all(&account[..12]) {
        return false;
    }
    let Some(rest) = rest.strip_prefix(b"log-group:") else {
        return false;
    };
    let name = rest.strip_suffix(b":*").unwrap_or(rest);
    (1..=512).contains(&name.len()) && LOG_GROUP_NAME.all(name)
}

/// A region (`us-east-1`, `cn-north-1`, `us-gov-west-1`: two or more lowercase words joined by
/// hyphens, then a hyphen and a number) followed by `:`; what comes after the colon.
fn region_then_colon(text: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    let mut words = 0;
    loop {
        let start = at;
        while text.get(at).is_some_and(u8::is_ascii_lowercase) {
            at += 1;
        }
        if at == start {
            break;
        }
        if text.get(at) != Some(&b'-') {
            return None;
        }
        at += 1;
        words += 1;
    }
    let digits = at;
    while text.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    (words >= 2 && at > digits && text.get(at) == Some(&b':')).then(|| &text[at + 1..])
}

/// Tag keys starting with `aws:`, in any mix of case, are reserved for AWS.
#[inline]
pub fn tag_key(key: &str) -> Result<(), CustomError> {
    if is_reserved_tag_key(key) {
        Err(reserved_tag_key())
    } else {
        Ok(())
    }
}

#[cold]
#[inline(never)]
fn reserved_tag_key() -> CustomError {
    CustomError::new("key must not start with aws: (in any case), which is reserved for AWS")
        .with_rule(code::PATTERN)
}

/// The most tags a stage carries besides the `aws:` ones AWS adds (a fixed quota).
pub const MAX_TAGS: usize = 50;

/// A returned stage may carry any number of `aws:` tags (AWS adds them itself); at most
/// [`MAX_TAGS`] others.
pub fn returned_tags(tags: &BTreeMap<String, String>) -> Result<(), CustomError> {
    let counted = tags.keys().filter(|key| !is_reserved_tag_key(key)).count();
    if counted <= MAX_TAGS {
        Ok(())
    } else {
        Err(CustomError::new(format!(
            "must have at most {MAX_TAGS} entries besides aws: tags, found {counted}"
        ))
        .with_rule(code::LENGTH))
    }
}

/// One 4-byte load: setting bit 5 of the first three bytes folds `A`, `W` and `S` into `a`, `w`
/// and `s`, and no other byte into them.
#[inline]
fn is_reserved_tag_key(key: &str) -> bool {
    key.as_bytes().first_chunk::<4>().is_some_and(|prefix| {
        u32::from_le_bytes(*prefix) | 0x0020_2020 == u32::from_le_bytes(*b"aws:")
    })
}

/// A date-time must lie in years 0000–9999 in UTC (and outside a leap second), or it could not
/// be written as RFC 3339 and read back; a decoded date always does.
pub fn date_time(instant: &DateTime<Utc>) -> Result<(), CustomError> {
    if stages_runtime::datetime::writable(instant) {
        Ok(())
    } else {
        Err(CustomError::new(format!(
            "must fall within years 0000 to 9999 in UTC; found {instant:?}"
        ))
        .with_rule(code::RANGE))
    }
}

/// `maxResults` travels as a string; it must be a decimal integer from 1 to [`MAX_PAGE_SIZE`].
pub fn max_results(text: &str) -> Result<(), CustomError> {
    parse_max_results(text).map(|_| ())
}

/// Parses `maxResults` as [`max_results`] checks it.
pub(crate) fn parse_max_results(text: &str) -> Result<u32, CustomError> {
    let digits_only = !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    if !digits_only {
        return Err(CustomError::new(format!(
            "must be a whole number from 1 to {MAX_PAGE_SIZE}; found {text:?}"
        ))
        .with_rule(code::PATTERN));
    }
    match text.parse::<u32>() {
        Ok(size @ 1..=MAX_PAGE_SIZE) => Ok(size),
        _ => Err(
            CustomError::new(format!("must be from 1 to {MAX_PAGE_SIZE}; found {text}"))
                .with_rule(code::RANGE),
        ),
    }
}

/// The schema forms of the rules above (`custom(rule, schema = form)`), so that the JSON Schema
/// says them too. Like the derive's patterns (see `stages_derive`'s `pattern::ecma`), they end
/// in a plain `$`, which RE2-based validators also read (Python's `$` also accepts a final
/// newline there).
pub mod schema {
    use serde_json::{json, Value};

    /// [`stage_name`](super::stage_name).
    pub fn stage_name() -> Value {
        json!({"pattern": "^(?:[A-Za-z0-9_-]+|\\$default)$"})
    }

    /// [`log_group_arn`](super::log_group_arn).
    pub fn log_group_arn() -> Value {
        json!({"pattern": "^arn:(?:aws|aws-cn|aws-us-gov):logs:[a-z]+(?:-[a-z]+)+-[0-9]+:[0-9]{12}:log-group:[A-Za-z0-9._/#-]{1,512}(?::\\*)?$"})
    }

    /// [`tag_key`](super::tag_key).
    pub fn tag_key() -> Value {
        json!({"not": {"pattern": "^[Aa][Ww][Ss]:"}})
    }

    /// [`date_time`](super::date_time): nothing a document can break, as every date-time that
    /// decodes lies within the years it checks (the date-time's own schema says what decodes).
    pub fn date_time() -> Value {
        json!({})
    }

    /// [`max_results`](super::max_results): digits only, from 1 to 500 (leading zeros allowed).
    pub fn max_results() -> Value {
        const _: () = assert!(super::MAX_PAGE_SIZE == 500, "update the pattern");
        json!({"pattern": "^0*(?:[1-9][0-9]?|[1-4][0-9]{2}|500)$"})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names() {
        for good in ["prod", "beta-2", "my_stage", "$default", "A"] {
            assert!(stage_name(good).is_ok(), "{good}");
        }
        for bad in ["my stage", "$prod", "default$", "étape", "a/b", "$Default"] {
            assert!(stage_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn log_group_arns() {
        for good in [
            "arn:aws:logs:us-east-1:123456789012:log-group:my-logs",
            "arn:aws:logs:eu-central-1:123456789012:log-group:/aws/apigateway/x:*",
            "arn:aws-cn:logs:cn-north-1:123456789012:log-group:a",
            "arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:a.b#c_d",
        ] {
            assert!(log_group_arn(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "arn:aws:logs:us-east-1:123456789012:log-group:",
            "arn:aws:logs:us-east-1:12345678901:log-group:x",
            "arn:aws:s3:us-east-1:123456789012:log-group:x",
            "arn:azure:logs:us-east-1:123456789012:log-group:x",
            "arn:aws:logs:useast1:123456789012:log-group:x",
            "arn:aws:logs:us-east-1:123456789012:log-stream:x",
            "arn:aws:logs:us-east-1:123456789012:log-group:x y",
            "arn:aws:logs:us-east-1:123456789012:log-group:x:y",
        ] {
            assert!(log_group_arn(bad).is_err(), "{bad}");
        }
    }

    /// The ARN rule as first written, over `str::split`: the byte-level parser must agree
    /// with it on every input.
    fn reference_arn(arn: &str) -> bool {
        let parts: Vec<&str> = arn.splitn(7, ':').collect();
        let [arn, partition, logs, region, account, group, rest] = parts[..] else {
            return false;
        };
        let name = rest.strip_suffix(":*").unwrap_or(rest);
        let region_ok = region.rsplit_once('-').is_some_and(|(words, number)| {
            words.contains('-')
                && words
                    .split('-')
                    .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()))
                && !number.is_empty()
                && number.bytes().all(|b| b.is_ascii_digit())
        });
        arn == "arn"
            && matches!(partition, "aws" | "aws-cn" | "aws-us-gov")
            && logs == "logs"
            && region_ok
            && account.len() == 12
            && account.bytes().all(|b| b.is_ascii_digit())
            && group == "log-group"
            && (1..=512).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-/#".contains(&b))
    }

    #[test]
    fn the_byte_level_arn_parser_agrees_with_the_reference_on_every_edit() {
        let base = "arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:/a.b#c_d:*";
        let alphabet = ['a', 'Z', '0', '9', ':', '-', '*', '/', ' ', 'é', '_', '.'];
        let mut inputs = vec![base.to_owned()];
        let chars: Vec<char> = base.chars().collect();
        for at in 0..=chars.len() {
            // Every deletion, insertion and substitution of one character.
            if at < chars.len() {
                let mut deleted = chars.clone();
                deleted.remove(at);
                inputs.push(deleted.into_iter().collect());
            }
            for &c in &alphabet {
                let mut inserted = chars.clone();
                inserted.insert(at, c);
                inputs.push(inserted.into_iter().collect());
                if at < chars.len() {
                    let mut replaced = chars.clone();
                    replaced[at] = c;
                    inputs.push(replaced.into_iter().collect());
                }
            }
            inputs.push(chars[..at].iter().collect());
        }
        let long = |n: usize| {
            format!(
                "arn:aws:logs:us-east-1:123456789012:log-group:{}",
                "a".repeat(n)
            )
        };
        inputs.extend([
            long(512),
            long(513),
            format!("{}:*", long(512)),
            long(0) + ":*",
        ]);
        for region in [
            "us-east-1",
            "-east-1",
            "us-east-",
            "us--east-1",
            "us-1-2",
            "a-b-1-2",
            "US-east-1",
            "us-east-12a",
            "us-east-01",
        ] {
            inputs.push(format!("arn:aws:logs:{region}:123456789012:log-group:x"));
        }
        for input in &inputs {
            assert_eq!(
                log_group_arn(input).is_ok(),
                reference_arn(input),
                "{input:?}"
            );
        }
    }

    #[test]
    fn reserved_tag_keys_are_aws_colon_in_any_case() {
        for reserved in ["aws:x", "AWS:", "aWs:cloudformation:stack-name"] {
            assert!(tag_key(reserved).is_err(), "{reserved}");
        }
        for free in [
            "aws",
            "aws-x",
            "awsx:",
            "\u{e9}aws:",
            "a\u{e9}s:",
            "team:aws:",
        ] {
            assert!(tag_key(free).is_ok(), "{free}");
        }
        // The folding load against the plain comparison, for every byte at every position.
        for position in 0..4 {
            for byte in 0..=127u8 {
                let mut key = *b"aws:";
                key[position] = byte;
                let key = std::str::from_utf8(&key).unwrap();
                let expected = key.as_bytes().eq_ignore_ascii_case(b"aws:");
                assert_eq!(is_reserved_tag_key(key), expected, "{key:?}");
            }
        }
    }

    #[test]
    fn max_results_is_a_positive_decimal_within_the_page_limit() {
        assert_eq!(parse_max_results("1").unwrap(), 1);
        assert_eq!(parse_max_results("500").unwrap(), 500);
        for (bad, rule) in [
            ("0", "range"),
            ("501", "range"),
            ("99999999999", "range"),
            ("-1", "pattern"),
            ("ten", "pattern"),
            ("1.5", "pattern"),
            ("", "pattern"),
            (" 1", "pattern"),
        ] {
            assert_eq!(parse_max_results(bad).unwrap_err().rule(), rule, "{bad:?}");
        }
    }
}

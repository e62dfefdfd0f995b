//! The rules of the Stages resource that no built-in rule can say, as `custom` functions.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::code;
use crate::CustomError;

/// The largest page `GetStages` returns; a larger `maxResults` is a 400.
pub const MAX_PAGE_SIZE: u32 = 500;

/// A stage name holds only ASCII letters, digits, `-` and `_`, or is exactly `$default` (the
/// stage HTTP APIs deploy to automatically).
pub fn stage_name(name: &str) -> Result<(), CustomError> {
    let plain = name
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_');
    if plain || name == "$default" {
        Ok(())
    } else {
        Err(CustomError::new(
            "must contain only letters, digits, hyphens and underscores, or be exactly $default",
        )
        .with_rule(code::PATTERN))
    }
}

/// The ARN of a CloudWatch Logs log group:
/// `arn:<aws|aws-cn|aws-us-gov>:logs:<region>:<12-digit account>:log-group:<name>[:*]`.
pub fn log_group_arn(arn: &str) -> Result<(), CustomError> {
    if is_log_group_arn(arn) {
        Ok(())
    } else {
        Err(CustomError::new(
            "must be a CloudWatch Logs log-group ARN: arn:<partition>:logs:<region>:<account>:log-group:<name>",
        )
        .with_rule(code::PATTERN))
    }
}

fn is_log_group_arn(arn: &str) -> bool {
    let mut parts = arn.splitn(7, ':');
    let (
        Some("arn"),
        Some(partition),
        Some("logs"),
        Some(region),
        Some(account),
        Some("log-group"),
        Some(rest),
    ) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    )
    else {
        return false;
    };
    let name = rest.strip_suffix(":*").unwrap_or(rest);
    matches!(partition, "aws" | "aws-cn" | "aws-us-gov")
        && is_region(region)
        && account.len() == 12
        && account.bytes().all(|byte| byte.is_ascii_digit())
        && (1..=512).contains(&name.len())
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"._-/#".contains(&byte))
}

/// `us-east-1`, `cn-north-1`, `us-gov-west-1`: lowercase words joined by hyphens, ending in a
/// number.
fn is_region(region: &str) -> bool {
    let Some((words, number)) = region.rsplit_once('-') else {
        return false;
    };
    let lowercase_word =
        |word: &str| !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_lowercase());
    words.contains('-')
        && words.split('-').all(lowercase_word)
        && !number.is_empty()
        && number.bytes().all(|byte| byte.is_ascii_digit())
}

/// Tag keys starting with `aws:`, in any mix of case, are reserved for AWS.
pub fn tag_key(key: &str) -> Result<(), CustomError> {
    if is_reserved_tag_key(key) {
        Err(CustomError::new(
            "key must not start with aws: (in any case), which is reserved for AWS",
        )
        .with_rule(code::PATTERN))
    } else {
        Ok(())
    }
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

fn is_reserved_tag_key(key: &str) -> bool {
    key.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:"))
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

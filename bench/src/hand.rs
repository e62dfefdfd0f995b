//! Hand-written checks: plain functions over bytes, no framework, no regex (character classes
//! are 256-entry lookup tables). This is what a careful programmer writes for speed, and the
//! practical limit for any derive.
//!
//! Violations are collected as `path: message` strings, paths in wire names; nothing is allocated
//! while the value is valid.

use std::collections::BTreeMap;

use crate::serde_only::{AccessLogSettings, CreateStageInput, RouteSettings};
use crate::REQUEST_ID;

/// Checks every rule; `Err` lists every violation as `path: message`.
pub fn validate(input: &CreateStageInput) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    check(input, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Appends every violation of `input` to `errors`.
pub fn check(input: &CreateStageInput, errors: &mut Vec<String>) {
    let name = input.stage_name.as_str();
    if !chars_within(name, 1, 128) {
        errors.push(format!(
            "stageName: must be 1 to 128 characters long, found {}",
            name.chars().count()
        ));
    }
    if !(name.bytes().all(is_name_byte) || name == "$default") {
        errors.push(
            "stageName: must contain only letters, digits, hyphens and underscores, or be exactly $default"
                .to_owned(),
        );
    }
    if let Some(description) = &input.description {
        if !chars_within(description, 0, 1024) {
            errors.push("description: must be at most 1024 characters long".to_owned());
        }
    }
    if let Some(settings) = &input.default_route_settings {
        route_settings(settings, "defaultRouteSettings", None, errors);
    }
    if let Some(routes) = &input.route_settings {
        for (key, settings) in routes {
            route_settings(settings, "routeSettings", Some(key), errors);
        }
    }
    if let Some(variables) = &input.stage_variables {
        stage_variables(variables, errors);
    }
    if let Some(settings) = &input.access_log_settings {
        access_log_settings(settings, errors);
    }
    if let Some(tags) = &input.tags {
        self::tags(tags, errors);
    }
}

fn route_settings(
    settings: &RouteSettings,
    member: &str,
    key: Option<&str>,
    errors: &mut Vec<String>,
) {
    if let Some(rate) = settings.throttling_rate_limit {
        if !rate.is_finite() {
            let at = match key {
                Some(key) => format!("{member}[{key:?}]"),
                None => member.to_owned(),
            };
            errors.push(format!("{at}.throttlingRateLimit: must be a finite number"));
        }
    }
}

fn stage_variables(variables: &BTreeMap<String, String>, errors: &mut Vec<String>) {
    for (key, value) in variables {
        if key.is_empty() || !key.bytes().all(is_variable_name_byte) {
            errors.push(format!(
                "stageVariables[{key:?}]: key must match [A-Za-z0-9_]+"
            ));
        }
        // The allowed bytes are ASCII, so the byte count is the character count.
        if value.is_empty() || !value.bytes().all(is_variable_value_byte) {
            errors.push(format!(
                "stageVariables[{key:?}]: must match [A-Za-z0-9-._~:/?#&=,]+"
            ));
        }
        if value.len() > 2048 && !chars_within(value, 0, 2048) {
            errors.push(format!(
                "stageVariables[{key:?}]: must be at most 2048 characters long"
            ));
        }
    }
}

fn access_log_settings(settings: &AccessLogSettings, errors: &mut Vec<String>) {
    if let Some(format) = &settings.format {
        if !chars_within(format, 1, 1024) {
            errors.push("accessLogSettings.format: must be 1 to 1024 characters long".to_owned());
        }
        if !format.contains(REQUEST_ID) {
            errors.push("accessLogSettings.format: must include $context.requestId".to_owned());
        }
    }
    if let Some(arn) = &settings.destination_arn {
        if !is_log_group_arn(arn) {
            errors.push(
                "accessLogSettings.destinationArn: must be a CloudWatch Logs log-group ARN"
                    .to_owned(),
            );
        }
    }
}

fn tags(tags: &BTreeMap<String, String>, errors: &mut Vec<String>) {
    if tags.len() > 50 {
        errors.push(format!(
            "tags: must have at most 50 entries, found {}",
            tags.len()
        ));
    }
    for (key, value) in tags {
        if !chars_within(key, 1, 128) {
            errors.push(format!(
                "tags[{key:?}]: key must be 1 to 128 characters long"
            ));
        }
        if key.starts_with("aws:") {
            errors.push(format!(
                "tags[{key:?}]: key must not start with aws:, which is reserved for AWS"
            ));
        }
        if !chars_within(value, 0, 256) {
            errors.push(format!(
                "tags[{key:?}]: must be at most 256 characters long"
            ));
        }
    }
}

/// Whether `text` has `min..=max` characters, counting them only when the byte length cannot
/// settle it.
#[inline]
fn chars_within(text: &str, min: usize, max: usize) -> bool {
    let bytes = text.len();
    if bytes < min {
        return false;
    }
    if bytes <= max && (min == 0 || text.is_ascii()) {
        return true;
    }
    (min..=max).contains(&text.chars().count())
}

/// A 256-entry table of the bytes allowed by a character class: ASCII letters and digits plus
/// `extra`.
const fn table(extra: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    let mut index = 0;
    while index < extra.len() {
        table[extra[index] as usize] = true;
        index += 1;
    }
    table
}

static NAME_BYTES: [bool; 256] = table(b"-_");
static VARIABLE_NAME_BYTES: [bool; 256] = table(b"_");
static VARIABLE_VALUE_BYTES: [bool; 256] = table(b"-._~:/?#&=,");

#[inline]
fn is_name_byte(byte: u8) -> bool {
    NAME_BYTES[usize::from(byte)]
}

#[inline]
fn is_variable_name_byte(byte: u8) -> bool {
    VARIABLE_NAME_BYTES[usize::from(byte)]
}

#[inline]
fn is_variable_value_byte(byte: u8) -> bool {
    VARIABLE_VALUE_BYTES[usize::from(byte)]
}

/// `arn:<aws|aws-cn|aws-us-gov>:logs:<region>:<12-digit account>:log-group:<name>[:*]`, without
/// allocating.
pub fn is_log_group_arn(arn: &str) -> bool {
    let mut parts = arn.splitn(7, ':');
    let (
        Some("arn"),
        Some("aws" | "aws-cn" | "aws-us-gov"),
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
    is_region(region)
        && account.len() == 12
        && account.bytes().all(|byte| byte.is_ascii_digit())
        && (1..=512).contains(&name.len())
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"._-/#".contains(&byte))
}

/// Two or more lowercase words and a number, joined by hyphens: `us-east-1`.
fn is_region(region: &str) -> bool {
    let Some((words, number)) = region.rsplit_once('-') else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|byte| byte.is_ascii_digit())
        && words.contains('-')
        && words
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_lowercase()))
}

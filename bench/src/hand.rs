//! Hand-written checks, as fast as plain Rust gets: functions over the bytes of each `&str`, one
//! 256-entry table of byte classes, a hand ARN parser, no regex, no framework. A violation's path
//! is formatted only when a rule fails; nothing is allocated while the value is valid.
//!
//! The rules are exactly those `stages_model::CreateStageInput` checks (`SPEC.md`), reported
//! under the same JSON Pointers and rule codes (`tests/hand_agrees.rs` holds it to that).

use std::collections::BTreeMap;

use crate::serde_only::{AccessLogSettings, CreateStageInput, RouteSettings};
use crate::REQUEST_ID;

#[cfg(feature = "hand-vectors")]
mod vectors;

/// One broken rule: where (a JSON Pointer, as ours reports it), which rule (ours' code), and
/// what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The JSON Pointer to the value (for a map key: to its entry).
    pub pointer: String,
    /// The rule's code: `length`, `pattern`, `contains`, `finite`.
    pub rule: &'static str,
    /// What was expected, with the path in wire names: `stageVariables["my-var"]: key must …`.
    pub message: String,
}

/// Checks every rule; `Err` lists every violation.
pub fn validate(input: &CreateStageInput) -> Result<(), Vec<Violation>> {
    let mut errors = Vec::new();
    check(input, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Appends every violation of `input` to `errors`, in the order ours finds them.
pub fn check(input: &CreateStageInput, errors: &mut Vec<Violation>) {
    let name = input.stage_name.as_bytes();
    // The usual case settles both rules at once: 1 to 128 bytes of the class are as many
    // characters.
    if !(matches!(name.len(), 1..=128) && all_in(name, NAME)) {
        stage_name(&input.stage_name, errors);
    }
    if let Some(description) = &input.description {
        if description.len() > 1024 && description.chars().count() > 1024 {
            fail(errors, At::Member("description"), "length", || {
                format!(
                    "must be at most 1024 characters long, found {}",
                    description.chars().count()
                )
            });
        }
    }
    if let Some(settings) = &input.default_route_settings {
        route_settings(settings, None, errors);
    }
    if let Some(routes) = &input.route_settings {
        for (key, settings) in routes {
            route_settings(settings, Some(key), errors);
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

/// The stage name failed the fast test: find which rules it breaks.
#[cold]
fn stage_name(name: &str, errors: &mut Vec<Violation>) {
    let chars = name.chars().count();
    if !(1..=128).contains(&chars) {
        fail(errors, At::Member("stageName"), "length", || {
            format!("must be 1 to 128 characters long, found {chars}")
        });
    }
    if !(all_in(name.as_bytes(), NAME) || name == "$default") {
        fail(errors, At::Member("stageName"), "pattern", || {
            "must contain only letters, digits, hyphens and underscores, or be exactly $default"
                .to_owned()
        });
    }
}

#[inline]
fn route_settings(settings: &RouteSettings, key: Option<&str>, errors: &mut Vec<Violation>) {
    if let Some(rate) = settings.throttling_rate_limit {
        if !rate.is_finite() {
            let at = match key {
                Some(key) => At::EntryMember("routeSettings", key, "throttlingRateLimit"),
                None => At::Nested("defaultRouteSettings", "throttlingRateLimit"),
            };
            fail(errors, at, "finite", || {
                format!("must be a finite number, found {rate}")
            });
        }
    }
}

fn stage_variables(variables: &BTreeMap<String, String>, errors: &mut Vec<Violation>) {
    if variables.len() > 100 {
        fail(errors, At::Member("stageVariables"), "length", || {
            format!("must have at most 100 entries, found {}", variables.len())
        });
    }
    for (name, value) in variables {
        // A name of the class is ASCII: its bytes are its characters.
        let name_ok = matches!(name.len(), 1..=64) && all_in(name.as_bytes(), VARIABLE_NAME);
        let value_ok = matches!(value.len(), 1..=2048) && all_in(value.as_bytes(), VARIABLE_VALUE);
        if !(name_ok && value_ok) {
            stage_variable(name, value, errors);
        }
    }
}

/// A stage variable failed the fast test: find which rules it breaks, in ours' order.
#[cold]
fn stage_variable(name: &str, value: &str, errors: &mut Vec<Violation>) {
    let at = At::Entry("stageVariables", name);
    let name_chars = name.chars().count();
    if name_chars > 64 {
        fail(errors, at, "length", || {
            format!("key must be at most 64 characters long, found {name_chars}")
        });
    }
    if name.is_empty() || !all_in(name.as_bytes(), VARIABLE_NAME) {
        fail(errors, at, "pattern", || {
            "key must match [A-Za-z0-9_]+".to_owned()
        });
    }
    if value.is_empty() || !all_in(value.as_bytes(), VARIABLE_VALUE) {
        fail(errors, at, "pattern", || {
            "must match [A-Za-z0-9-._~:/?#&=,]+".to_owned()
        });
    }
    let value_chars = value.chars().count();
    if value_chars > 2048 {
        fail(errors, at, "length", || {
            format!("must be at most 2048 characters long, found {value_chars}")
        });
    }
}

fn access_log_settings(settings: &AccessLogSettings, errors: &mut Vec<Violation>) {
    if let Some(format) = &settings.format {
        let at = At::Nested("accessLogSettings", "format");
        if format.is_empty() || (format.len() > 1024 && format.chars().count() > 1024) {
            fail(errors, at, "length", || {
                format!(
                    "must be 1 to 1024 characters long, found {}",
                    format.chars().count()
                )
            });
        }
        if !format.contains(REQUEST_ID) {
            fail(errors, at, "contains", || {
                format!("must include {REQUEST_ID}")
            });
        }
    }
    if let Some(arn) = &settings.destination_arn {
        if !is_log_group_arn(arn) {
            fail(
                errors,
                At::Nested("accessLogSettings", "destinationArn"),
                "pattern",
                || {
                    "must be a CloudWatch Logs log-group ARN: arn:<partition>:logs:<region>:<account>:log-group:<name>".to_owned()
                },
            );
        }
    }
}

fn tags(tags: &BTreeMap<String, String>, errors: &mut Vec<Violation>) {
    if tags.len() > 50 {
        fail(errors, At::Member("tags"), "length", || {
            format!("must have at most 50 entries, found {}", tags.len())
        });
    }
    for (key, value) in tags {
        // Up to 128 (or 256) bytes are at most as many characters.
        let key_ok = matches!(key.len(), 1..=128) && !is_reserved(key.as_bytes());
        if !(key_ok && value.len() <= 256) {
            tag(key, value, errors);
        }
    }
}

/// A tag failed the fast test: find which rules it breaks, in ours' order.
#[cold]
fn tag(key: &str, value: &str, errors: &mut Vec<Violation>) {
    let at = At::Entry("tags", key);
    let key_chars = key.chars().count();
    if !(1..=128).contains(&key_chars) {
        fail(errors, at, "length", || {
            format!("key must be 1 to 128 characters long, found {key_chars}")
        });
    }
    if is_reserved(key.as_bytes()) {
        fail(errors, at, "pattern", || {
            "key must not start with aws: (in any case), which is reserved for AWS".to_owned()
        });
    }
    let value_chars = value.chars().count();
    if value_chars > 256 {
        fail(errors, at, "length", || {
            format!("must be at most 256 characters long, found {value_chars}")
        });
    }
}

/// `aws:` in any mix of case: one 4-byte load, the three letters folded to lower case.
#[inline]
fn is_reserved(key: &[u8]) -> bool {
    match key.first_chunk::<4>() {
        Some(head) => u32::from_le_bytes(*head) | 0x0020_2020 == u32::from_le_bytes(*b"aws:"),
        None => false,
    }
}

/// `arn:<aws|aws-cn|aws-us-gov>:logs:<region>:<12-digit account>:log-group:<name>[:*]`, where a
/// region is lowercase words joined by hyphens (two at least) and a number (`us-gov-west-1`) and
/// a name is 1 to 512 bytes of `[A-Za-z0-9._/#-]`: one pass over the bytes, no splitting.
pub fn is_log_group_arn(arn: &str) -> bool {
    let Some(rest) = arn.as_bytes().strip_prefix(b"arn:aws") else {
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
    let Some(rest) = region(rest) else {
        return false;
    };
    let Some((account, rest)) = rest.split_first_chunk::<13>() else {
        return false;
    };
    if account[12] != b':' || !all_in(&account[..12], DIGIT) {
        return false;
    }
    let Some(rest) = rest.strip_prefix(b"log-group:") else {
        return false;
    };
    let name = rest.strip_suffix(b":*").unwrap_or(rest);
    matches!(name.len(), 1..=512) && all_in(name, LOG_GROUP)
}

/// Reads a region and the `:` after it; gives what follows.
#[inline]
fn region(text: &[u8]) -> Option<&[u8]> {
    // Lowercase words, each followed by a hyphen, then digits up to the colon.
    let mut at = 0;
    let mut words = 0;
    loop {
        let start = at;
        while at < text.len() && text[at].is_ascii_lowercase() {
            at += 1;
        }
        if at == start || text.get(at) != Some(&b'-') {
            return None;
        }
        at += 1;
        words += 1;
        if text.get(at).is_some_and(u8::is_ascii_digit) {
            break;
        }
    }
    let start = at;
    while at < text.len() && text[at].is_ascii_digit() {
        at += 1;
    }
    (words >= 2 && at > start && text.get(at) == Some(&b':')).then(|| &text[at + 1..])
}

/// Bits of [`CLASSES`]: one per character class the rules use.
const NAME: u8 = 1;
const VARIABLE_NAME: u8 = 2;
const VARIABLE_VALUE: u8 = 4;
const LOG_GROUP: u8 = 8;
const DIGIT: u8 = 16;

/// For each byte, the classes it belongs to: one 256-byte table serves every rule.
static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        let alphanumeric = b.is_ascii_alphanumeric();
        let mut classes = 0;
        if alphanumeric || b == b'-' || b == b'_' {
            classes |= NAME;
        }
        if alphanumeric || b == b'_' {
            classes |= VARIABLE_NAME;
        }
        if alphanumeric
            || matches!(
                b,
                b'-' | b'.' | b'_' | b'~' | b':' | b'/' | b'?' | b'#' | b'&' | b'=' | b','
            )
        {
            classes |= VARIABLE_VALUE;
        }
        if alphanumeric || matches!(b, b'.' | b'_' | b'-' | b'/' | b'#') {
            classes |= LOG_GROUP;
        }
        if b.is_ascii_digit() {
            classes |= DIGIT;
        }
        table[byte] = classes;
        byte += 1;
    }
    table
};

/// Whether every byte is in `class`: the table is ANDed over 8 bytes at a time, without a
/// branch per byte.
#[inline]
fn all_in(bytes: &[u8], class: u8) -> bool {
    #[cfg(feature = "hand-vectors")]
    if bytes.len() >= 16 {
        return vectors::all_in(bytes, class);
    }
    let (chunks, tail) = bytes.as_chunks::<8>();
    let mut all = class;
    for chunk in chunks {
        let mut acc = class;
        for &byte in chunk {
            acc &= CLASSES[usize::from(byte)];
        }
        all &= acc;
        if all == 0 {
            return false;
        }
    }
    for &byte in tail {
        all &= CLASSES[usize::from(byte)];
    }
    all != 0
}

/// Where a violation is: enough to format its pointer and path, which only a failure does.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A member of the input: `/stageName`.
    Member(&'static str),
    /// A member of a nested object: `/accessLogSettings/format`.
    Nested(&'static str, &'static str),
    /// A map entry (its key or its value): `/stageVariables/my-var`.
    Entry(&'static str, &'a str),
    /// A member of a map entry's value: `/routeSettings/GET ~1pets/throttlingRateLimit`.
    EntryMember(&'static str, &'a str, &'static str),
}

impl At<'_> {
    fn pointer(self) -> String {
        let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
        match self {
            At::Member(member) => format!("/{member}"),
            At::Nested(outer, member) => format!("/{outer}/{member}"),
            At::Entry(map, key) => format!("/{map}/{}", escape(key)),
            At::EntryMember(map, key, member) => format!("/{map}/{}/{member}", escape(key)),
        }
    }

    fn path(self) -> String {
        match self {
            At::Member(member) => member.to_owned(),
            At::Nested(outer, member) => format!("{outer}.{member}"),
            At::Entry(map, key) => format!("{map}[{key:?}]"),
            At::EntryMember(map, key, member) => format!("{map}[{key:?}].{member}"),
        }
    }
}

/// Records a violation; the only place that formats.
#[cold]
#[inline(never)]
fn fail(
    errors: &mut Vec<Violation>,
    at: At<'_>,
    rule: &'static str,
    message: impl FnOnce() -> String,
) {
    errors.push(Violation {
        pointer: at.pointer(),
        rule,
        message: format!("{}: {}", at.path(), message()),
    });
}

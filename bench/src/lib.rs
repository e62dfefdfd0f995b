//! The same `CreateStageInput` rules written for each peer, the documents they are measured on,
//! and helpers that list how each peer reports violations.
//!
//! - [`serde_only`]: plain serde, no validation — the decode floor.
//! - [`hand`]: hand-written checks over the serde-only types — the practical limit.
//! - [`garde_model`]: serde + `garde::Validate`.
//! - [`validator_model`]: serde + `validator::Validate`.
//! - ours: `stages_model::CreateStageInput` itself.
//!
//! `cargo bench -p stages-bench --bench validation` measures them; `cargo run -p stages-bench
//! --release --bin violations` prints what each reports for the invalid document.

use std::sync::LazyLock;

use regex::Regex;

pub mod documents;
pub mod garde_model;
pub mod hand;
pub mod http1;
pub mod pattern_cases;
pub mod report;
pub mod serde_only;
pub mod spin;
pub mod validator_model;

/// The stage-name rule as a regex: what a peer user writes (`$default` or the character set).
pub const STAGE_NAME_REGEX: &str = r"^(?:[A-Za-z0-9_-]+|\$default)$";
/// The stage-variable name rule as a regex.
pub const VARIABLE_NAME_REGEX: &str = r"^[A-Za-z0-9_]+$";
/// The stage-variable value rule as a regex.
pub const VARIABLE_VALUE_REGEX: &str = r"^[A-Za-z0-9\-._~:/?#&=,]+$";
/// [`STAGE_NAME_REGEX`], compiled once.
pub static STAGE_NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(STAGE_NAME_REGEX).unwrap());
/// [`VARIABLE_NAME_REGEX`], compiled once.
pub static VARIABLE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(VARIABLE_NAME_REGEX).unwrap());
/// [`VARIABLE_VALUE_REGEX`], compiled once.
pub static VARIABLE_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(VARIABLE_VALUE_REGEX).unwrap());

/// What an access-log format must include.
pub const REQUEST_ID: &str = "$context.requestId";

/// The reserved tag-key rule, as a peer user writes it: `aws:` in any mix of case.
pub fn is_reserved_tag_key(key: &str) -> bool {
    key.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:"))
}

/// The log-group ARN rule, as the peers call it: the very function `stages_model` uses, so the
/// peers pay exactly what ours pays for it.
pub fn is_log_group_arn(arn: &str) -> bool {
    stages_model::custom::log_group_arn(arn).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_peer_accepts_every_valid_document() {
        for (name, text) in documents::valid_documents() {
            let ours = stages_model::from_json::<stages_model::CreateStageInput>(&text);
            assert!(ours.is_ok(), "ours rejects {name}: {:?}", ours.err());
            let plain: serde_only::CreateStageInput = serde_json::from_str(&text).unwrap();
            assert_eq!(hand::validate(&plain), Ok(()), "hand rejects {name}");
            let garde: garde_model::CreateStageInput = serde_json::from_str(&text).unwrap();
            assert!(
                garde::Validate::validate(&garde).is_ok(),
                "garde rejects {name}"
            );
            let validator: validator_model::CreateStageInput = serde_json::from_str(&text).unwrap();
            assert!(
                validator::Validate::validate(&validator).is_ok(),
                "validator rejects {name}: {:?}",
                validator::Validate::validate(&validator)
            );
        }
    }

    #[test]
    fn every_peer_reports_all_five_violations() {
        for peer in report::all(&documents::invalid()) {
            assert_eq!(
                peer.violations.len(),
                5,
                "{}: {:#?}",
                peer.name,
                peer.violations
            );
        }
    }

    #[test]
    fn documents_have_the_advertised_sizes() {
        let typical: serde_only::CreateStageInput =
            serde_json::from_str(&documents::typical()).unwrap();
        assert_eq!(typical.stage_variables.as_ref().unwrap().len(), 8);
        assert_eq!(typical.route_settings.as_ref().unwrap().len(), 3);
        assert_eq!(typical.tags.as_ref().unwrap().len(), 5);
        for size in documents::SIZES {
            let doc: serde_only::CreateStageInput =
                serde_json::from_str(&documents::sized(size)).unwrap();
            assert_eq!(doc.route_settings.as_ref().unwrap().len(), size.routes);
            assert_eq!(doc.tags.as_ref().unwrap().len(), size.tags);
            assert_eq!(doc.stage_variables.as_ref().unwrap().len(), size.variables);
        }
    }
}

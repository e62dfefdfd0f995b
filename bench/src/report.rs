//! How each peer reports the violations of a document: count, and each as `path: message` in
//! the peer's own words.

use crate::{garde_model, hand, serde_only, validator_model};

/// What one peer said about a document.
#[derive(Debug, Clone)]
pub struct PeerReport {
    /// The peer.
    pub name: &'static str,
    /// Each violation as the peer renders its path, then its message.
    pub violations: Vec<String>,
}

/// Every peer's report on `text`, which must be well-formed for the serde-only types.
pub fn all(text: &str) -> Vec<PeerReport> {
    vec![
        PeerReport {
            name: "ours (from_json)",
            violations: ours(text),
        },
        PeerReport {
            name: "ours (validate)",
            violations: ours_validate(text),
        },
        PeerReport {
            name: "hand",
            violations: hand(text),
        },
        PeerReport {
            name: "garde",
            violations: garde(text),
        },
        PeerReport {
            name: "validator",
            violations: validator(text),
        },
    ]
}

fn ours(text: &str) -> Vec<String> {
    match stages_model::from_json::<stages_model::CreateStageInput>(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|violation| format!("{violation}  [{}]", violation.pointer()))
            .collect(),
    }
}

fn ours_validate(text: &str) -> Vec<String> {
    let plain: serde_only::CreateStageInput = serde_json::from_str(text).unwrap();
    match stages_model::Validate::validate(&plain.into_ours()) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn hand(text: &str) -> Vec<String> {
    let plain: serde_only::CreateStageInput = serde_json::from_str(text).unwrap();
    hand::validate(&plain)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|violation| format!("{}  [{}]", violation.message, violation.pointer))
        .collect()
}

fn garde(text: &str) -> Vec<String> {
    let value: garde_model::CreateStageInput = serde_json::from_str(text).unwrap();
    match garde::Validate::validate(&value) {
        Ok(()) => Vec::new(),
        Err(report) => report
            .iter()
            .map(|(path, error)| format!("{path}: {error}"))
            .collect(),
    }
}

fn validator(text: &str) -> Vec<String> {
    let value: validator_model::CreateStageInput = serde_json::from_str(text).unwrap();
    let mut out = Vec::new();
    if let Err(errors) = validator::Validate::validate(&value) {
        flatten(&errors, "", &mut out);
    }
    // validator keeps errors in a `HashMap`: sort for a stable listing.
    out.sort();
    out
}

fn flatten(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<String>) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    let message = error.message.as_deref().unwrap_or_default();
                    out.push(format!("{path}: [{}] {message}", error.code));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    flatten(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

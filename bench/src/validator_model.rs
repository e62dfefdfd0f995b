//! The rules written for validator, as its users write them: `length` (which counts
//! characters), `regex(path = …)` with a `LazyLock<Regex>`, `contains`, `nested`, and
//! `custom(function = …)` where validator has no rule.
//!
//! validator has no rules for map keys or values, so each map gets `custom` functions; a custom
//! function returns one error, so stage-variable names and values get one function each.

/// An enum has no rules to check: the plain serde one serves every peer.
pub use crate::serde_only::LoggingLevel;
use serde::Deserialize;
use std::collections::BTreeMap;
use validator::{Validate, ValidationError};

use crate::{is_log_group_arn, is_reserved_tag_key, STAGE_NAME, VARIABLE_NAME, VARIABLE_VALUE};

/// The body of a CreateStage request.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct CreateStageInput {
    /// 1–128 characters: letters, digits, `-`, `_`, or exactly `$default`.
    #[validate(length(min = 1, max = 128), regex(path = *STAGE_NAME))]
    pub stage_name: String,
    /// At most 1024 characters.
    #[validate(length(max = 1024))]
    pub description: Option<String>,
    /// The deployment the stage serves.
    pub deployment_id: Option<String>,
    /// The client certificate of the stage.
    pub client_certificate_id: Option<String>,
    /// Default route settings.
    #[validate(nested)]
    pub default_route_settings: Option<RouteSettings>,
    /// Settings per route key.
    #[validate(nested)]
    pub route_settings: Option<BTreeMap<String, RouteSettings>>,
    /// At most 100 stage variables, with valid names and values.
    #[validate(
        length(max = 100),
        custom(function = "variable_names"),
        custom(function = "variable_values")
    )]
    pub stage_variables: Option<BTreeMap<String, String>>,
    /// Access logging.
    #[validate(nested)]
    pub access_log_settings: Option<AccessLogSettings>,
    /// At most 50 tags, with valid keys and values.
    #[validate(length(max = 50), custom(function = "tag_entries"))]
    pub tags: Option<BTreeMap<String, String>>,
    /// Whether the stage deploys automatically.
    pub auto_deploy: Option<bool>,
}

/// Settings of a route.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct RouteSettings {
    /// Detailed metrics.
    pub detailed_metrics_enabled: Option<bool>,
    /// Logging level.
    pub logging_level: Option<LoggingLevel>,
    /// Data trace.
    pub data_trace_enabled: Option<bool>,
    /// Burst limit.
    pub throttling_burst_limit: Option<i32>,
    /// Rate limit: finite.
    #[validate(custom(function = "finite"))]
    pub throttling_rate_limit: Option<f64>,
}

/// Access logging of a stage.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct AccessLogSettings {
    /// 1–1024 characters including `$context.requestId`.
    #[validate(length(min = 1, max = 1024), contains(pattern = "$context.requestId"))]
    pub format: Option<String>,
    /// A log-group ARN.
    #[validate(custom(function = "log_group_arn"))]
    pub destination_arn: Option<String>,
}

fn variable_names(variables: &BTreeMap<String, String>) -> Result<(), ValidationError> {
    let bad = variables
        .keys()
        .find(|key| !VARIABLE_NAME.is_match(key) || key.chars().count() > 64);
    match bad {
        None => Ok(()),
        Some(_) => Err(ValidationError::new("variable_name").with_message(
            "keys must match [A-Za-z0-9_]+ and be at most 64 characters long".into(),
        )),
    }
}

fn variable_values(variables: &BTreeMap<String, String>) -> Result<(), ValidationError> {
    let bad = variables
        .values()
        .find(|value| !VARIABLE_VALUE.is_match(value) || value.chars().count() > 2048);
    match bad {
        None => Ok(()),
        Some(_) => Err(ValidationError::new("variable_value").with_message(
            "values must match [A-Za-z0-9-._~:/?#&=,]+ and be at most 2048 characters long".into(),
        )),
    }
}

fn tag_entries(tags: &BTreeMap<String, String>) -> Result<(), ValidationError> {
    for (key, value) in tags {
        let chars = key.chars().count();
        if !(1..=128).contains(&chars) || is_reserved_tag_key(key) {
            return Err(ValidationError::new("tag_key").with_message(
                "keys must be 1 to 128 characters long and not start with aws: (in any case)"
                    .into(),
            ));
        }
        if value.chars().count() > 256 {
            return Err(ValidationError::new("tag_value")
                .with_message("values must be at most 256 characters long".into()));
        }
    }
    Ok(())
}

fn finite(rate: f64) -> Result<(), ValidationError> {
    if rate.is_finite() {
        Ok(())
    } else {
        Err(ValidationError::new("finite"))
    }
}

fn log_group_arn(arn: &str) -> Result<(), ValidationError> {
    if is_log_group_arn(arn) {
        Ok(())
    } else {
        Err(ValidationError::new("log_group_arn"))
    }
}

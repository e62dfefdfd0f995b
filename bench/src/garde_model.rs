//! The rules written for garde, as its users write them: `length(chars, …)`, `pattern("…")`
//! (a regex), `contains`, `dive` into nested models, `custom` where garde has no rule.
//!
//! garde's `inner` does not reach into maps, so map *values* are `#[garde(transparent)]`
//! newtypes (its documented way to put rules on them; `dive` then reports each with its key on
//! the path), and map *keys* are checked by a `custom` function on the whole map, which can
//! return only one error.

/// An enum has no rules to check: the plain serde one serves every peer.
pub use crate::serde_only::LoggingLevel;
use std::collections::BTreeMap;

use garde::Validate;
use serde::Deserialize;

use crate::{is_log_group_arn, is_reserved_tag_key, VARIABLE_NAME};

/// The body of a CreateStage request.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[garde(allow_unvalidated)]
pub struct CreateStageInput {
    /// 1–128 characters: letters, digits, `-`, `_`, or exactly `$default`.
    #[garde(
        length(chars, min = 1, max = 128),
        pattern(r"^(?:[A-Za-z0-9_-]+|\$default)$")
    )]
    pub stage_name: String,
    /// At most 1024 characters.
    #[garde(length(chars, max = 1024))]
    pub description: Option<String>,
    /// The deployment the stage serves.
    pub deployment_id: Option<String>,
    /// The client certificate of the stage.
    pub client_certificate_id: Option<String>,
    /// Default route settings.
    #[garde(dive)]
    pub default_route_settings: Option<RouteSettings>,
    /// Settings per route key.
    #[garde(dive)]
    pub route_settings: Option<BTreeMap<String, RouteSettings>>,
    /// At most 100 stage variables: names checked by `custom`, values by their newtype.
    #[garde(length(max = 100), custom(variable_names), dive)]
    pub stage_variables: Option<BTreeMap<String, VariableValue>>,
    /// Access logging.
    #[garde(dive)]
    pub access_log_settings: Option<AccessLogSettings>,
    /// At most 50 tags; keys checked by `custom`, values by their newtype.
    #[garde(length(max = 50), custom(tag_keys), dive)]
    pub tags: Option<BTreeMap<String, TagValue>>,
    /// Whether the stage deploys automatically.
    pub auto_deploy: Option<bool>,
}

/// A stage-variable value: `[A-Za-z0-9-._~:/?#&=,]+`, at most 2048 characters.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(transparent)]
#[garde(transparent)]
pub struct VariableValue(
    #[garde(length(chars, max = 2048), pattern(r"^[A-Za-z0-9\-._~:/?#&=,]+$"))] pub String,
);

/// A tag value: at most 256 characters.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(transparent)]
#[garde(transparent)]
pub struct TagValue(#[garde(length(chars, max = 256))] pub String);

/// Settings of a route.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[garde(allow_unvalidated)]
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
    #[garde(custom(finite))]
    pub throttling_rate_limit: Option<f64>,
}

/// Access logging of a stage.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct AccessLogSettings {
    /// 1–1024 characters including `$context.requestId`.
    #[garde(length(chars, min = 1, max = 1024), contains("$context.requestId"))]
    pub format: Option<String>,
    /// A log-group ARN.
    #[garde(custom(log_group_arn))]
    pub destination_arn: Option<String>,
}

fn variable_names(variables: &Option<BTreeMap<String, VariableValue>>, _: &()) -> garde::Result {
    let Some(variables) = variables else {
        return Ok(());
    };
    for key in variables.keys() {
        let chars = key.chars().count();
        if chars > 64 {
            return Err(garde::Error::new(format!(
                "key {key:?} must be at most 64 characters long"
            )));
        }
        if !VARIABLE_NAME.is_match(key) {
            return Err(garde::Error::new(format!(
                "key {key:?} must match [A-Za-z0-9_]+"
            )));
        }
    }
    Ok(())
}

fn tag_keys(tags: &Option<BTreeMap<String, TagValue>>, _: &()) -> garde::Result {
    let Some(tags) = tags else {
        return Ok(());
    };
    for key in tags.keys() {
        let chars = key.chars().count();
        if !(1..=128).contains(&chars) {
            return Err(garde::Error::new(format!(
                "key {key:?} must be 1 to 128 characters long"
            )));
        }
        if is_reserved_tag_key(key) {
            return Err(garde::Error::new(format!(
                "key {key:?} must not start with aws: (in any case)"
            )));
        }
    }
    Ok(())
}

fn finite(rate: &Option<f64>, _: &()) -> garde::Result {
    match rate {
        Some(rate) if !rate.is_finite() => Err(garde::Error::new("must be a finite number")),
        _ => Ok(()),
    }
}

fn log_group_arn(arn: &Option<String>, _: &()) -> garde::Result {
    match arn {
        Some(arn) if !is_log_group_arn(arn) => {
            Err(garde::Error::new("must be a CloudWatch Logs log-group ARN"))
        }
        _ => Ok(()),
    }
}

//! Plain serde, no rules: the floor every validating decoder is measured against. The hand-written
//! checks in [`crate::hand`] run over these types.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The body of a CreateStage request, decoded without any rule.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateStageInput {
    /// The stage's name.
    pub stage_name: String,
    /// A description of the stage.
    pub description: Option<String>,
    /// The deployment the stage serves.
    pub deployment_id: Option<String>,
    /// The client certificate of the stage.
    pub client_certificate_id: Option<String>,
    /// Default route settings.
    pub default_route_settings: Option<RouteSettings>,
    /// Settings per route key.
    pub route_settings: Option<BTreeMap<String, RouteSettings>>,
    /// Stage variables.
    pub stage_variables: Option<BTreeMap<String, String>>,
    /// Access logging.
    pub access_log_settings: Option<AccessLogSettings>,
    /// Tags.
    pub tags: Option<BTreeMap<String, String>>,
    /// Whether the stage deploys automatically.
    pub auto_deploy: Option<bool>,
}

/// Settings of a route.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
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
    /// Rate limit.
    pub throttling_rate_limit: Option<f64>,
}

/// Access logging of a stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessLogSettings {
    /// The log line format.
    pub format: Option<String>,
    /// The log group ARN.
    pub destination_arn: Option<String>,
}

/// The logging level of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum LoggingLevel {
    /// `ERROR`
    Error,
    /// `INFO`
    Info,
    /// `OFF`
    Off,
}

impl CreateStageInput {
    /// The same value as ours, without passing our decoder: the only way to hold an invalid
    /// `stages_model::CreateStageInput` built from a document.
    pub fn into_ours(self) -> stages_model::CreateStageInput {
        stages_model::CreateStageInput {
            stage_name: self.stage_name,
            description: self.description,
            deployment_id: self.deployment_id,
            client_certificate_id: self.client_certificate_id,
            default_route_settings: self.default_route_settings.map(RouteSettings::into_ours),
            route_settings: self.route_settings.map(|routes| {
                routes
                    .into_iter()
                    .map(|(key, settings)| (key, settings.into_ours()))
                    .collect()
            }),
            stage_variables: self.stage_variables,
            access_log_settings: self.access_log_settings.map(|settings| {
                stages_model::AccessLogSettings {
                    format: settings.format,
                    destination_arn: settings.destination_arn,
                }
            }),
            tags: self.tags,
            auto_deploy: self.auto_deploy,
        }
    }
}

impl RouteSettings {
    fn into_ours(self) -> stages_model::RouteSettings {
        stages_model::RouteSettings {
            detailed_metrics_enabled: self.detailed_metrics_enabled,
            logging_level: self.logging_level.map(|level| match level {
                LoggingLevel::Error => stages_model::LoggingLevel::Error,
                LoggingLevel::Info => stages_model::LoggingLevel::Info,
                LoggingLevel::Off => stages_model::LoggingLevel::Off,
            }),
            data_trace_enabled: self.data_trace_enabled,
            throttling_burst_limit: self.throttling_burst_limit,
            throttling_rate_limit: self.throttling_rate_limit,
        }
    }
}

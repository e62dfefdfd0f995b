//! `RouteSettings`: logging, metrics and throttling for one route or for a stage's default.

use crate::{LoggingLevel, Model};

/// Settings for a route, or the defaults of a stage. Every member is optional.
///
/// ```
/// use stages_model::{from_json, LoggingLevel, RouteSettings};
///
/// let settings: RouteSettings =
///     from_json(r#"{"loggingLevel": "INFO", "throttlingBurstLimit": 100, "throttlingRateLimit": 50.5}"#).unwrap();
/// assert_eq!(settings.logging_level, Some(LoggingLevel::Info));
/// assert_eq!(settings.throttling_burst_limit, Some(100));
///
/// // A burst limit is an int32: a fraction stops decoding with a `type` violation at its path.
/// let errors = from_json::<RouteSettings>(r#"{"throttlingBurstLimit": 1.5}"#).unwrap_err();
/// assert_eq!(errors.violations()[0].rule(), "type");
/// assert_eq!(errors.pointers(), ["/throttlingBurstLimit"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Model)]
pub struct RouteSettings {
    /// Whether detailed CloudWatch metrics are enabled.
    pub detailed_metrics_enabled: Option<bool>,
    /// What the route writes to CloudWatch Logs: `ERROR`, `INFO` or `OFF`.
    pub logging_level: Option<LoggingLevel>,
    /// Whether request and response data is logged (data trace).
    pub data_trace_enabled: Option<bool>,
    /// The throttling burst limit (an int32 on the wire).
    pub throttling_burst_limit: Option<i32>,
    /// The throttling rate limit, in requests per second (a double; NaN and infinities are
    /// rejected).
    #[model(finite)]
    pub throttling_rate_limit: Option<f64>,
}

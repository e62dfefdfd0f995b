//! `RouteSettings` (what a caller sends) and `ReturnedRouteSettings` (what AWS returns): logging,
//! metrics and throttling for one route or for a stage's default.
//!
//! AWS has one shape for both. Here they are two types with the same members, declared once, that
//! differ in one rule: a request must name a logging level this model knows, while a returned
//! document may carry one newer than ours (`DESIGN.md`, principle 7). The rule sits on a member of
//! a nested struct, so the parent cannot say it; two types keep each one's wire format, schema and
//! errors plain, and `From` turns what a caller sent into what the service stores.

use crate::{LoggingLevel, Model};

/// Declares a route settings struct; `logging_level` takes the doc and rules given.
macro_rules! route_settings_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $(#[$level:meta])* logging_level }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Model)]
        pub struct $name {
            /// Whether detailed CloudWatch metrics are enabled.
            pub detailed_metrics_enabled: Option<bool>,
            $(#[$level])*
            pub logging_level: Option<LoggingLevel>,
            /// Whether request and response data is logged (data trace).
            pub data_trace_enabled: Option<bool>,
            /// The throttling burst limit (an int32 on the wire).
            pub throttling_burst_limit: Option<i32>,
            /// The throttling rate limit, in requests per second (a double; NaN and infinities
            /// are rejected).
            #[model(finite)]
            pub throttling_rate_limit: Option<f64>,
        }
    };
}

route_settings_struct! {
/// Settings for a route, or the defaults of a stage, in a request (`CreateStageInput`,
/// `UpdateStageInput`). Every member is optional; the logging level must be one this model knows.
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
///
/// // A logging level this model does not know is an `enum` violation.
/// let errors = from_json::<RouteSettings>(r#"{"loggingLevel": "TRACE"}"#).unwrap_err();
/// assert_eq!(errors.to_string(), r#"loggingLevel: must be one of ERROR, INFO, OFF; found "TRACE""#);
/// ```
pub struct RouteSettings {
    /// What the route writes to CloudWatch Logs: `ERROR`, `INFO` or `OFF`.
    #[model(known)]
    logging_level
}
}

route_settings_struct! {
/// Settings for a route, or the defaults of a stage, as AWS returns them in a [`Stage`](crate::Stage):
/// the members of [`RouteSettings`], with a logging level newer than this model kept as written
/// ([`LoggingLevel::Unknown`]) and written back unchanged.
///
/// ```
/// use stages_model::{from_json, LoggingLevel, ReturnedRouteSettings};
///
/// let settings: ReturnedRouteSettings = from_json(r#"{"loggingLevel": "TRACE"}"#).unwrap();
/// assert_eq!(settings.logging_level, Some(LoggingLevel::Unknown("TRACE".into())));
/// assert_eq!(serde_json::to_string(&settings).unwrap(), r#"{"loggingLevel":"TRACE"}"#);
/// ```
pub struct ReturnedRouteSettings {
    /// What the route writes to CloudWatch Logs: `ERROR`, `INFO`, `OFF`, or a value newer
    /// than this model, kept as written.
    logging_level
}
}

impl From<RouteSettings> for ReturnedRouteSettings {
    /// What the service stores and returns for settings a caller sent: the same members.
    fn from(settings: RouteSettings) -> Self {
        let RouteSettings {
            detailed_metrics_enabled,
            logging_level,
            data_trace_enabled,
            throttling_burst_limit,
            throttling_rate_limit,
        } = settings;
        ReturnedRouteSettings {
            detailed_metrics_enabled,
            logging_level,
            data_trace_enabled,
            throttling_burst_limit,
            throttling_rate_limit,
        }
    }
}

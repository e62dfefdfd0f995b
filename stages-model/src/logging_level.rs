//! `LoggingLevel`: how much a route writes to CloudWatch Logs.

use crate::Model;

/// The logging level of a route, as AWS spells it on the wire (case-sensitive).
///
/// The API reference page (`Stages`) lists the third value as `false`: that is `OFF` read as a
/// YAML 1.1 boolean by the page's generator. The service model, and AWS itself, use `OFF`.
///
/// ```
/// use stages_model::LoggingLevel;
///
/// let level: LoggingLevel = serde_json::from_str(r#""OFF""#).unwrap();
/// assert_eq!(level, LoggingLevel::Off);
/// assert!(serde_json::from_str::<LoggingLevel>(r#""off""#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Model)]
pub enum LoggingLevel {
    /// Only errors are logged.
    Error,
    /// Errors and informational events are logged.
    Info,
    /// Nothing is logged.
    Off,
}

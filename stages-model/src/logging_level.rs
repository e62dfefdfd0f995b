//! `LoggingLevel`: how much a route writes to CloudWatch Logs.

use crate::{Model, UnknownValue};

/// The logging level of a route, as AWS spells it on the wire (case-sensitive).
///
/// The enum is open: a value newer than this model, in a document AWS returns, is kept as
/// written in [`LoggingLevel::Unknown`] and written back unchanged, so that such a document
/// still decodes. It is kept as an [`UnknownValue`] (the text behind one pointer), so that a
/// `LoggingLevel` is 16 bytes, not the 24 of a `String`: every route setting carries one. Requests reject it: [`RouteSettings`](crate::RouteSettings), the settings a
/// caller sends, accepts only the known values.
///
/// The API reference page (`Stages`) lists the third value as `false`: that is `OFF` read as a
/// YAML 1.1 boolean by the page's generator. The service model, and AWS itself, use `OFF`.
///
/// ```
/// use stages_model::LoggingLevel;
///
/// let level: LoggingLevel = serde_json::from_str(r#""OFF""#).unwrap();
/// assert_eq!(level, LoggingLevel::Off);
///
/// // A value this model does not know (spelling included) is kept as written.
/// let newer: LoggingLevel = serde_json::from_str(r#""TRACE""#).unwrap();
/// assert_eq!(newer, LoggingLevel::Unknown("TRACE".into()));
/// assert_eq!(serde_json::to_string(&newer).unwrap(), r#""TRACE""#);
/// assert_eq!(std::mem::size_of::<Option<LoggingLevel>>(), 16);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Model)]
pub enum LoggingLevel {
    /// Only errors are logged.
    Error,
    /// Errors and informational events are logged.
    Info,
    /// Nothing is logged.
    Off,
    /// A value newer than this model, as written (only in what AWS returns: requests reject it).
    #[model(other)]
    Unknown(UnknownValue),
}

//! `AccessLogSettings`: where a stage writes its access logs, and in what format.

use crate::{custom, Model};

/// Access logging for a stage.
///
/// ```
/// use stages_model::{from_json, AccessLogSettings};
///
/// let errors = from_json::<AccessLogSettings>(
///     r#"{"format": "$context.identity.sourceIp", "destinationArn": "arn:aws:s3:::bucket"}"#,
/// )
/// .unwrap_err();
/// assert_eq!(errors.pointers(), ["/format", "/destinationArn"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Model)]
pub struct AccessLogSettings {
    /// One line per request, built from `$context` variables; 1 to 1024 characters, and it must
    /// include `$context.requestId` (case-sensitive).
    #[model(length(min = 1, max = 1024), contains = "$context.requestId")]
    pub format: Option<String>,
    /// The CloudWatch Logs log group that receives the logs, as an ARN:
    /// `arn:<aws|aws-cn|aws-us-gov>:logs:<region>:<12-digit account>:log-group:<name>`,
    /// optionally ending in `:*`.
    #[model(custom(custom::log_group_arn, schema = custom::schema::log_group_arn))]
    pub destination_arn: Option<String>,
}

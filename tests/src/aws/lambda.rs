//! AWS Lambda's `CreateFunction` request body (`CreateFunctionRequest`, with `FunctionCode`,
//! `Environment`, `TracingConfig` and `EphemeralStorage`) and part of what it returns
//! (`FunctionConfiguration`), from the Lambda API reference: another service, with PascalCase
//! wire names, enum values such as `nodejs20.x`, and AWS patterns written for Java's regex
//! engine, declared with the derive of `stages-runtime` alone.
//!
//! Rules that span members: a `Zip` function (the default package type) needs `Handler` and
//! `Runtime`, an `Image` function needs `Code.ImageUri`; `Code` names one source (`ZipFile`,
//! `S3Bucket` with `S3Key`, or `ImageUri`). Fixed quotas of the service are rules of the types
//! too: a timeout of at most 900 seconds, at most 5 layers, and 4 KB of environment variables.

use std::collections::BTreeMap;

use stages_runtime::{CustomError, Model};

/// `Runtime`: the language runtime of a `Zip` function (a few of the service's values), kept
/// as written when newer than this model.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum Runtime {
    /// Node.js 20.
    #[model(rename = "nodejs20.x")]
    Nodejs20,
    /// Node.js 22.
    #[model(rename = "nodejs22.x")]
    Nodejs22,
    /// Python 3.12.
    #[model(rename = "python3.12")]
    Python312,
    /// Python 3.13.
    #[model(rename = "python3.13")]
    Python313,
    /// Java 21.
    #[model(rename = "java21")]
    Java21,
    /// An OS-only runtime, for a custom runtime or a compiled binary.
    #[model(rename = "provided.al2023")]
    ProvidedAl2023,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// `PackageType`: how the code is deployed. Absent means `Zip`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase")]
pub enum PackageType {
    /// A .zip file archive (in the request or in S3).
    #[default]
    Zip,
    /// A container image in Amazon ECR.
    Image,
}

/// `Architecture`: the instruction set the function runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
#[model(rename_all = "snake_case")]
pub enum Architecture {
    /// 64-bit x86.
    X86_64,
    /// 64-bit ARM (Graviton).
    Arm64,
}

/// `TracingMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase")]
pub enum TracingMode {
    /// Sample and trace incoming requests.
    Active,
    /// Trace only requests that carry a sampled tracing header.
    PassThrough,
}

/// `FunctionCode`: where the code is. Exactly one source: `ZipFile`, `S3Bucket` with `S3Key`
/// (and optionally `S3ObjectVersion`), or `ImageUri`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase", custom = one_source)]
#[model(require(s3_key, when(s3_bucket)), require(s3_bucket, when(s3_key)))]
pub struct FunctionCode {
    /// The .zip archive, base64-encoded on the wire.
    pub zip_file: Option<String>,
    /// `S3Bucket`: 3 to 63 characters, not ending with a dot. AWS writes the pattern
    /// `^[0-9A-Za-z\.\-_]*(?<!\.)$`; look-behind is not supported, so the end is a class.
    #[model(
        length(min = 3, max = 63),
        pattern = r"([0-9A-Za-z.\-_]*[0-9A-Za-z\-_])?"
    )]
    pub s3_bucket: Option<String>,
    /// `S3Key`: 1 to 1,024 characters.
    #[model(length(min = 1, max = 1024))]
    pub s3_key: Option<String>,
    /// `S3ObjectVersion`: 1 to 1,024 characters.
    #[model(length(min = 1, max = 1024))]
    pub s3_object_version: Option<String>,
    /// The URI of a container image in Amazon ECR.
    pub image_uri: Option<String>,
}

/// The sources a `FunctionCode` names: one, and only one.
fn one_source(code: &FunctionCode) -> Result<(), CustomError> {
    let sources = [
        code.zip_file.is_some(),
        code.s3_bucket.is_some(),
        code.image_uri.is_some(),
    ];
    match sources.iter().filter(|named| **named).count() {
        1 => Ok(()),
        0 => Err(CustomError::new(
            "must name the code: ZipFile, S3Bucket with S3Key, or ImageUri",
        )),
        _ => Err(CustomError::new(
            "must name one source of code: ZipFile, S3Bucket with S3Key, or ImageUri",
        )),
    }
}

/// The most bytes of environment variables, names and values together (a fixed quota).
pub const MAX_ENVIRONMENT_BYTES: usize = 4096;

/// `Environment`: the function's environment variables.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase")]
pub struct Environment {
    /// Names start with a letter and hold letters, digits and underscores (at least two
    /// characters, as AWS's pattern `[a-zA-Z]([a-zA-Z0-9_])+` says).
    #[model(keys(pattern = "[a-zA-Z]([a-zA-Z0-9_])+"), custom = within_quota)]
    pub variables: Option<BTreeMap<String, String>>,
}

/// At most [`MAX_ENVIRONMENT_BYTES`] of names and values.
fn within_quota(variables: &BTreeMap<String, String>) -> Result<(), CustomError> {
    let bytes: usize = variables.iter().map(|(k, v)| k.len() + v.len()).sum();
    if bytes <= MAX_ENVIRONMENT_BYTES {
        Ok(())
    } else {
        Err(CustomError::new(format!(
            "must hold at most {MAX_ENVIRONMENT_BYTES} bytes of names and values, found {bytes}"
        ))
        .with_rule("quota"))
    }
}

/// `TracingConfig`: AWS X-Ray tracing.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase")]
pub struct TracingConfig {
    /// How requests are traced.
    pub mode: Option<TracingMode>,
}

/// `EphemeralStorage`: the size of `/tmp`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase")]
pub struct EphemeralStorage {
    /// In MB, 512 to 10,240.
    #[model(required, range(min = 512, max = 10240))]
    pub size: u32,
}

/// The body of `CreateFunction` (the members modelled here).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "PascalCase")]
#[model(require(handler, runtime, when(package_type = "Zip")))]
#[model(custom = image_needs_its_uri)]
pub struct CreateFunctionRequest {
    /// A name (`my-function`), a partial ARN (`123456789012:function:my-function`) or a full
    /// ARN; 1 to 140 characters. AWS's pattern writes `\d`, read here as ASCII digits.
    #[model(
        required,
        length(min = 1, max = 140),
        pattern = r"(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-[0-9]{1}:)?([0-9]{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?"
    )]
    pub function_name: String,
    /// Required for a `Zip` function.
    #[model(known)]
    pub runtime: Option<Runtime>,
    /// The execution role's ARN.
    #[model(
        required,
        pattern = r"arn:(aws[a-zA-Z-]*)?:iam::[0-9]{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+"
    )]
    pub role: String,
    /// The method that runs the function (`index.handler`); required for a `Zip` function.
    #[model(length(max = 128), pattern = r"[^\s]+")]
    pub handler: Option<String>,
    /// The code.
    #[model(required)]
    pub code: FunctionCode,
    /// Up to 256 characters.
    #[model(length(max = 256))]
    pub description: Option<String>,
    /// Seconds, 1 to 900 (the API reference states the minimum; 900 is a fixed quota).
    #[model(range(min = 1, max = 900))]
    pub timeout: Option<u32>,
    /// MB, 128 to 10,240.
    #[model(range(min = 128, max = 10240))]
    pub memory_size: Option<u32>,
    /// Whether to publish a first version.
    pub publish: Option<bool>,
    /// Environment variables.
    pub environment: Option<Environment>,
    /// The KMS key that encrypts the environment variables (`KMSKeyArn`), or empty for
    /// Lambda's own key.
    #[model(
        rename = "KMSKeyArn",
        pattern = r"(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()"
    )]
    pub kms_key_arn: Option<String>,
    /// X-Ray tracing.
    pub tracing_config: Option<TracingConfig>,
    /// Tags.
    pub tags: Option<BTreeMap<String, String>>,
    /// Layer version ARNs, at most 5 (a fixed quota).
    #[model(
        length(max = 5),
        values(
            length(min = 1, max = 140),
            pattern = r"arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:[0-9]{12}:layer:[a-zA-Z0-9-_]+:[0-9]+"
        )
    )]
    pub layers: Option<Vec<String>>,
    /// `Zip` when absent, and then left out of the output.
    #[model(default, omit_default)]
    pub package_type: PackageType,
    /// One architecture.
    #[model(length(min = 1, max = 1))]
    pub architectures: Option<Vec<Architecture>>,
    /// The size of `/tmp`.
    pub ephemeral_storage: Option<EphemeralStorage>,
}

/// An `Image` function's code is a container image.
fn image_needs_its_uri(request: &CreateFunctionRequest) -> Result<(), CustomError> {
    if request.package_type == PackageType::Image && request.code.image_uri.is_none() {
        return Err(CustomError::new("is required when PackageType is Image")
            .at("Code")
            .at("ImageUri"));
    }
    Ok(())
}

/// `State`: where a function is in its life, kept as written when newer than this model.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase")]
pub enum State {
    /// Being created.
    Pending,
    /// Ready to invoke.
    Active,
    /// Not invoked for a while.
    Inactive,
    /// Could not be created.
    Failed,
    /// A value newer than this model.
    #[model(other)]
    Unknown(String),
}

/// Part of `FunctionConfiguration`, what `CreateFunction` and `GetFunctionConfiguration`
/// return.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "PascalCase")]
pub struct FunctionConfiguration {
    /// The function's name.
    pub function_name: Option<String>,
    /// The function's ARN.
    pub function_arn: Option<String>,
    /// The runtime, kept as written when newer than this model.
    pub runtime: Option<Runtime>,
    /// MB.
    pub memory_size: Option<u32>,
    /// Seconds.
    pub timeout: Option<u32>,
    /// When the function was last updated. Lambda writes ISO 8601 with an offset without a
    /// colon (`2024-05-01T12:30:00.000+0000`), which is not RFC 3339, so it stays text.
    pub last_modified: Option<String>,
    /// The function's state.
    pub state: Option<State>,
    /// The package type.
    pub package_type: Option<PackageType>,
    /// The architecture.
    pub architectures: Option<Vec<Architecture>>,
}

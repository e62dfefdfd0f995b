//! AWS Lambda's `CreateFunction` body and `FunctionConfiguration` (`stages_tests::aws::lambda`),
//! modelled outside stages-model from the Lambda API reference: PascalCase wire names, enum
//! values such as `nodejs20.x`, AWS's Java patterns made ASCII, and rules across members.

use stages_runtime::{from_json, Validate};
use stages_tests::aws::lambda::{
    Architecture, CreateFunctionRequest, FunctionConfiguration, PackageType, Runtime, State,
};

/// A `Zip` function as the Lambda API reference's example writes one.
const VALID: &str = r#"{
    "FunctionName": "my-function",
    "Runtime": "nodejs20.x",
    "Role": "arn:aws:iam::123456789012:role/lambda-role",
    "Handler": "index.handler",
    "Code": {"S3Bucket": "my-bucket-1", "S3Key": "function.zip"},
    "Description": "Process image objects from Amazon S3.",
    "Timeout": 15,
    "MemorySize": 256,
    "Publish": true,
    "Environment": {"Variables": {"BUCKET": "my-bucket-1", "PREFIX_2": "inbound"}},
    "KMSKeyArn": "arn:aws:kms:us-east-2:123456789012:key/a1b2c3d4",
    "TracingConfig": {"Mode": "Active"},
    "Tags": {"DEPARTMENT": "Assets"},
    "Layers": ["arn:aws:lambda:us-east-2:123456789012:layer:my-layer:3"],
    "Architectures": ["arm64"],
    "EphemeralStorage": {"Size": 1024}
}"#;

/// The pointers of every violation of `text`.
fn pointers(text: &str) -> Vec<String> {
    match from_json::<CreateFunctionRequest>(text) {
        Ok(request) => panic!("decoded: {request:?}"),
        Err(errors) => errors.pointers(),
    }
}

#[test]
fn a_function_as_aws_documents_it_decodes_validates_and_encodes_back() {
    let request: CreateFunctionRequest = from_json(VALID).unwrap();
    assert_eq!(request.runtime, Some(Runtime::Nodejs20));
    assert_eq!(request.package_type, PackageType::Zip);
    assert_eq!(request.architectures, Some(vec![Architecture::Arm64]));
    assert_eq!(request.validate(), Ok(()));
    let expected: serde_json::Value = serde_json::from_str(VALID).unwrap();
    assert_eq!(serde_json::to_value(&request).unwrap(), expected);

    let image: CreateFunctionRequest = from_json(
        r#"{"FunctionName": "arn:aws:lambda:us-west-2:123456789012:function:my-function",
            "Role": "arn:aws:iam::123456789012:role/r", "PackageType": "Image",
            "Code": {"ImageUri": "123456789012.dkr.ecr.us-west-2.amazonaws.com/f:latest"},
            "Architectures": ["x86_64"]}"#,
    )
    .unwrap();
    assert_eq!(image.package_type, PackageType::Image);
    assert_eq!(image.architectures, Some(vec![Architecture::X86_64]));
}

#[test]
fn each_broken_rule_is_reported_at_its_member() {
    let text = r#"{
        "FunctionName": "my function",
        "Runtime": "cobol85",
        "Role": "arn:aws:iam::12345:role/r",
        "Handler": "index handler",
        "Code": {"S3Bucket": "my-bucket.", "S3Key": ""},
        "Timeout": 0,
        "MemorySize": 64,
        "Environment": {"Variables": {"1ST": "x", "A": "y", "OK_NAME": "z"}},
        "KMSKeyArn": "key/a1b2",
        "TracingConfig": {"Mode": "ACTIVE"},
        "Layers": ["arn:aws:lambda:us-east-2:123456789012:layer:l:x"],
        "Architectures": ["x86_64", "arm64"],
        "EphemeralStorage": {"Size": 100}
    }"#;
    assert_eq!(
        pointers(text),
        [
            "/FunctionName",
            "/Runtime",
            "/Role",
            "/Handler",
            "/Code/S3Bucket",
            "/Code/S3Key",
            "/Timeout",
            "/MemorySize",
            "/Environment/Variables/1ST",
            "/Environment/Variables/A",
            "/KMSKeyArn",
            "/TracingConfig/Mode",
            "/Layers/0",
            "/Architectures",
            "/EphemeralStorage/Size",
        ]
    );
}

#[test]
fn rules_across_members_say_what_is_missing() {
    // A `Zip` function (the default) needs a handler and a runtime.
    assert_eq!(
        pointers(
            r#"{"FunctionName": "f", "Role": "arn:aws:iam::123456789012:role/r",
                "Code": {"ZipFile": "UEsDBA=="}}"#
        ),
        ["/Handler", "/Runtime"]
    );
    // Code names one source, and an `Image` function's is an image: every fault is reported,
    // the struct rules of each level last.
    let errors = from_json::<CreateFunctionRequest>(
        r#"{"FunctionName": "f", "Role": "arn:aws:iam::123456789012:role/r",
            "PackageType": "Image", "Code": {"ZipFile": "UEsDBA==", "S3Bucket": "bucket"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "Code.S3Key: is required when S3Bucket is present\n\
         Code: must name one source of code: ZipFile, S3Bucket with S3Key, or ImageUri\n\
         Code.ImageUri: is required when PackageType is Image"
    );
    let errors = from_json::<CreateFunctionRequest>(
        r#"{"FunctionName": "f", "Role": "arn:aws:iam::123456789012:role/r",
            "PackageType": "Image", "Code": {"S3Bucket": "bucket", "S3Key": "f.zip"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "Code.ImageUri: is required when PackageType is Image"
    );
}

#[test]
fn environment_variables_hold_at_most_4_kb() {
    let value = "v".repeat(4000);
    let text = format!(
        r#"{{"FunctionName": "f", "Role": "arn:aws:iam::123456789012:role/r",
            "Handler": "h", "Runtime": "java21", "Code": {{"ZipFile": "UEsDBA=="}},
            "Environment": {{"Variables": {{"ONE": "{value}", "TWO": "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"}}}}}}"#
    );
    let errors = from_json::<CreateFunctionRequest>(&text).unwrap_err();
    assert_eq!(errors.pointers(), ["/Environment/Variables"]);
    assert_eq!(errors.violations()[0].rule(), "quota");
    assert_eq!(
        errors.violations()[0].message(),
        "must hold at most 4096 bytes of names and values, found 4102"
    );
}

#[test]
fn what_lambda_returns_decodes_with_values_newer_than_the_model() {
    let configuration: FunctionConfiguration = from_json(
        r#"{"FunctionName": "my-function", "Runtime": "nodejs24.x", "State": "Restoring",
            "LastModified": "2024-05-01T12:30:00.000+0000", "MemorySize": 128,
            "Architectures": ["x86_64"], "PackageType": "Zip", "Version": "$LATEST"}"#,
    )
    .unwrap();
    assert_eq!(
        configuration.runtime,
        Some(Runtime::Unknown("nodejs24.x".into()))
    );
    assert_eq!(
        configuration.state,
        Some(State::Unknown("Restoring".into()))
    );
    assert_eq!(
        configuration.last_modified.as_deref(),
        Some("2024-05-01T12:30:00.000+0000")
    );
    // A request still refuses the runtime this model does not know.
    assert!(pointers(
        r#"{"FunctionName": "f", "Role": "arn:aws:iam::123456789012:role/r", "Handler": "h",
            "Runtime": "nodejs24.x", "Code": {"ZipFile": "UEsDBA=="}}"#
    )
    .contains(&"/Runtime".to_owned()));
}

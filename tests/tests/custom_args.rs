//! `custom = function(arguments)`: one function serves several members, told apart by its
//! arguments; it is called as `function(&value, arguments)`.

use stages_model::{from_json, CustomError, Model};

/// An ARN of the given service: `arn:aws:<service>:...`.
fn arn_of(value: &str, service: &str) -> Result<(), CustomError> {
    let prefix = format!("arn:aws:{service}:");
    if value.starts_with(&prefix) {
        Ok(())
    } else {
        Err(CustomError::new(format!("must be an ARN starting with {prefix}")).with_rule("arn"))
    }
}

/// A multiple of `step`.
fn multiple_of(value: &u32, step: u32) -> Result<(), CustomError> {
    if value.is_multiple_of(step) {
        Ok(())
    } else {
        Err(CustomError::new(format!("must be a multiple of {step}")))
    }
}

#[derive(Debug, Model)]
struct Integration {
    #[model(custom = arn_of("iam"))]
    credentials_arn: Option<String>,
    #[model(custom = arn_of("lambda"))]
    integration_uri: Option<String>,
    #[model(custom = multiple_of(50), custom = multiple_of(100))]
    timeout_in_millis: Option<u32>,
    #[model(values(custom = arn_of("acm")))]
    certificates: Option<Vec<String>>,
}

#[test]
fn arguments_follow_the_value() {
    let errors = from_json::<Integration>(
        r#"{
            "credentialsArn": "arn:aws:lambda:us-east-1:1:function:f",
            "integrationUri": "arn:aws:lambda:us-east-1:1:function:f",
            "timeoutInMillis": 150,
            "certificates": ["arn:aws:acm:x", "arn:aws:iam:y"]
        }"#,
    )
    .unwrap_err();
    let found: Vec<String> = errors
        .iter()
        .map(|v| format!("{} {}: {}", v.pointer(), v.rule(), v.message()))
        .collect();
    assert_eq!(
        found,
        [
            "/credentialsArn arn: must be an ARN starting with arn:aws:iam:",
            "/timeoutInMillis custom: must be a multiple of 100",
            "/certificates/1 arn: must be an ARN starting with arn:aws:acm:",
        ]
    );
    assert!(from_json::<Integration>(
        r#"{"credentialsArn": "arn:aws:iam::1:role/r", "timeoutInMillis": 200}"#
    )
    .is_ok());
}

//! Four more Amazon API Gateway V2 resources — Route, Integration, Api and Authorizer — declared
//! from the AWS service model (botocore's `apigatewayv2/2018-11-29/service-2.json`) with the
//! derive of `stages-runtime` alone: every constraint the shapes and member docs state about one
//! member is an attribute, and no validation code lives outside the types.
//!
//! Request types (`Create*Input`) reject enum values they do not know (`known`); response
//! types keep them (`#[model(other)]`), as the AWS SDKs do, so a document from a newer service
//! still decodes. Rules that span members ("a `VPC_LINK` integration needs `connectionId`")
//! are struct rules on the request types; each type's docs list what depends on the API's
//! protocol, which the document does not say, and so is not declared.
//!
//! [`lambda`] declares another service's resource the same way: AWS Lambda's `CreateFunction`
//! body, with PascalCase wire names and AWS's Java patterns made ASCII.

pub mod api;
pub mod authorizer;
pub mod documents;
pub mod integration;
pub mod lambda;
pub mod route;

use stages_runtime::CustomError;

/// The rule code of [`arn_of`].
pub const ARN_RULE: &str = "arn";

/// An ARN of `service` (`arn:<partition>:<service>:<region>:<account>:<resource>`), the shape
/// the model's `Arn` strings take. `custom = arn_of("iam")` calls `arn_of(&value, "iam")`.
pub fn arn_of(value: &str, service: &str) -> Result<(), CustomError> {
    let mut parts = value.splitn(6, ':');
    let well_formed = parts.next() == Some("arn")
        && parts
            .next()
            .is_some_and(|partition| partition.starts_with("aws"))
        && parts.next() == Some(service)
        && parts.next().is_some()
        && parts.next().is_some()
        && parts.next().is_some_and(|resource| !resource.is_empty());
    if well_formed {
        Ok(())
    } else {
        Err(CustomError::new(format!(
            "must be an ARN of {service}, such as arn:aws:{service}::123456789012:role/name"
        ))
        .with_rule(ARN_RULE))
    }
}

#[cfg(test)]
mod tests {
    use super::arn_of;

    #[test]
    fn arns_name_their_service() {
        assert!(arn_of("arn:aws:iam::123456789012:role/apigw", "iam").is_ok());
        assert!(arn_of("arn:aws:iam::*:user/*", "iam").is_ok());
        assert!(arn_of("arn:aws-cn:iam::123456789012:role/r", "iam").is_ok());
        assert!(arn_of("arn:aws:lambda:us-east-1:123456789012:function:f", "iam").is_err());
        assert!(arn_of("arn:aws:iam::123456789012:", "iam").is_err());
        assert!(arn_of("role/apigw", "iam").is_err());
    }
}

//! Documents beyond the SPEC table and `stages_tests::aws::documents`: what the schemas of the
//! AWS resources say about open enums, `known`, `require(..)` and `null`; the Stages edges
//! `tests/fidelity.rs` found (dates, doubles, `-0`, stage-variable counts); and what the Stages
//! schemas say only in part.

use serde_json::{json, Value};
use stages_model::UpdateStageInput;
use stages_runtime::from_json;
use stages_tests::aws::integration::{CreateIntegrationInput, Integration};
use stages_tests::aws::route::{CreateRouteInput, Route};
use stages_tests::spec_table::{decode, Shape};

use super::{spec_shape, Document};

/// More documents of the resources in `stages_tests::aws`, on what their schemas say about
/// open enums, `known`, `require(..)` and `null`; and of `UpdateStageInput`, whose stage
/// variables may be empty.
pub fn aws_documents() -> Vec<Document> {
    let rows: &[(&str, &'static str, &str)] = &[
        (
            "CreateRouteInput: valid",
            "CreateRouteInput",
            r#"{"routeKey": "GET /pets", "authorizationType": "JWT", "authorizationScopes": ["pets/read"], "requestParameters": {"route.request.header.Authorization": {"required": true}}}"#,
        ),
        (
            "CreateRouteInput: unknown authorization type",
            "CreateRouteInput",
            r#"{"routeKey": "GET /pets", "authorizationType": "MTLS"}"#,
        ),
        (
            "CreateRouteInput: no route key",
            "CreateRouteInput",
            r#"{"authorizationType": "JWT"}"#,
        ),
        (
            "CreateRouteInput: empty scope",
            "CreateRouteInput",
            r#"{"routeKey": "GET /pets", "authorizationScopes": [""]}"#,
        ),
        (
            "Route: a newer authorization type is kept",
            "Route",
            r#"{"routeKey": "GET /pets", "authorizationType": "MTLS"}"#,
        ),
        (
            "Route: authorization type not a string",
            "Route",
            r#"{"routeKey": "GET /pets", "authorizationType": 1}"#,
        ),
        (
            "CreateIntegrationInput: valid",
            "CreateIntegrationInput",
            r#"{"integrationType": "HTTP_PROXY", "integrationUri": "https://example.com", "payloadFormatVersion": "1.0"}"#,
        ),
        (
            "CreateIntegrationInput: VPC link without a connection id",
            "CreateIntegrationInput",
            r#"{"integrationType": "HTTP_PROXY", "connectionType": "VPC_LINK", "integrationUri": "https://example.com", "payloadFormatVersion": "1.0"}"#,
        ),
        (
            "CreateIntegrationInput: VPC link with a null connection id",
            "CreateIntegrationInput",
            r#"{"integrationType": "HTTP_PROXY", "connectionType": "VPC_LINK", "connectionId": null, "integrationUri": "https://example.com", "payloadFormatVersion": "1.0"}"#,
        ),
        (
            "CreateIntegrationInput: VPC link with a connection id",
            "CreateIntegrationInput",
            r#"{"integrationType": "HTTP_PROXY", "connectionType": "VPC_LINK", "connectionId": "v1", "integrationUri": "https://example.com", "payloadFormatVersion": "1.0"}"#,
        ),
        (
            "CreateIntegrationInput: unknown payload format",
            "CreateIntegrationInput",
            r#"{"integrationType": "HTTP_PROXY", "integrationUri": "https://example.com", "payloadFormatVersion": "3.0"}"#,
        ),
        (
            "CreateIntegrationInput: payload format 2.0 without AWS_PROXY",
            "CreateIntegrationInput",
            r#"{"integrationType": "HTTP_PROXY", "integrationUri": "https://example.com", "payloadFormatVersion": "2.0"}"#,
        ),
        (
            "Integration: a newer integration type is kept",
            "Integration",
            r#"{"integrationId": "i1", "integrationType": "GRPC_PROXY"}"#,
        ),
        (
            "UpdateStageInput: an empty variable value removes it",
            "UpdateStageInput",
            r#"{"stageVariables": {"old": "", "new": "v"}}"#,
        ),
        (
            "UpdateStageInput: a variable value outside the characters",
            "UpdateStageInput",
            r#"{"stageVariables": {"old": "a b"}}"#,
        ),
        (
            "UpdateStageInput: nothing to change",
            "UpdateStageInput",
            r#"{}"#,
        ),
        (
            "UpdateStageInput: a route's settings, null",
            "UpdateStageInput",
            r#"{"routeSettings": {"GET /": null}}"#,
        ),
        (
            "UpdateStageInput: a description too long",
            "UpdateStageInput",
            &format!(r#"{{"description": "{}"}}"#, "é".repeat(1025)),
        ),
        (
            "Integration: timeout above the maximum",
            "Integration",
            r#"{"integrationId": "i1", "integrationType": "GRPC_PROXY", "timeoutInMillis": 30001}"#,
        ),
    ];
    rows.iter()
        .map(|(name, schema, text)| Document {
            name: (*name).to_owned(),
            schema,
            text: (*text).to_owned(),
            decodes: match *schema {
                "CreateRouteInput" => from_json::<CreateRouteInput>(text).is_ok(),
                "Route" => from_json::<Route>(text).is_ok(),
                "CreateIntegrationInput" => from_json::<CreateIntegrationInput>(text).is_ok(),
                "Integration" => from_json::<Integration>(text).is_ok(),
                "UpdateStageInput" => from_json::<UpdateStageInput>(text).is_ok(),
                other => unreachable!("no decoder for {other}"),
            },
        })
        .collect()
}

/// A CreateStageInput with `count` stage variables whose names are `length` characters long.
fn variables(count: usize, length: usize) -> String {
    let variables: serde_json::Map<String, Value> = (0..count)
        .map(|n| (format!("{n:0>length$}"), Value::from("v")))
        .collect();
    json!({"stageName": "a", "stageVariables": variables}).to_string()
}

/// Stages documents beyond the SPEC table: the edges `tests/fidelity.rs` found, and what the
/// schema says only in part.
pub fn stage_documents() -> Vec<Document> {
    let tags: Vec<String> = (0..51).map(|n| format!(r#""k{n}": "v""#)).collect();
    let rows: Vec<(&str, Shape, String)> = vec![
        ("Stage: 51 tags besides aws: ones", Shape::Stage, format!(r#"{{"stageName": "a", "tags": {{"aws:x": "y", {}}}}}"#, tags.join(", "))),
        ("Stage: 50 tags besides aws: ones", Shape::Stage, format!(r#"{{"stageName": "a", "tags": {{"aws:x": "y", {}}}}}"#, tags[..50].join(", "))),
        ("RouteSettings: burst limit 1.0", Shape::Route, r#"{"throttlingBurstLimit": 1.0}"#.into()),
        ("RouteSettings: burst limit -0", Shape::Route, r#"{"throttlingBurstLimit": -0}"#.into()),
        ("Stage: createdDate on February 30", Shape::Stage, r#"{"stageName": "a", "createdDate": "2024-02-30T00:00:00Z"}"#.into()),
        ("Stage: createdDate before year 0000 in UTC", Shape::Stage, r#"{"stageName": "a", "createdDate": "0000-01-01T00:00:00+00:01"}"#.into()),
        ("Stage: createdDate with a final newline", Shape::Stage, r#"{"stageName": "a", "createdDate": "2024-05-01T12:30:00Z\n"}"#.into()),
        ("Stage: stage name with a final newline", Shape::Stage, r#"{"stageName": "a\n"}"#.into()),
        ("CreateStageInput: tag key AWS: in capitals", Shape::Input, r#"{"stageName": "a", "tags": {"AWS:x": "y"}}"#.into()),
        ("CreateStageInput: null tags", Shape::Input, r#"{"stageName": "a", "tags": null}"#.into()),
        ("CreateStageInput: null route settings entry", Shape::Input, r#"{"stageName": "a", "routeSettings": {"GET /": null}}"#.into()),
        ("CreateStageInput: a log group ARN ending in :*", Shape::Input, r#"{"stageName": "a", "accessLogSettings": {"destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:g:*"}}"#.into()),
        ("Stages: null items", Shape::Stages, r#"{"items": null}"#.into()),
        ("Stage: createdDate at the end of year 9999", Shape::Stage, r#"{"stageName": "a", "createdDate": "9999-12-31T23:59:59Z"}"#.into()),
        ("Stage: createdDate after year 9999 in UTC", Shape::Stage, r#"{"stageName": "a", "createdDate": "9999-12-31T23:59:59-00:01"}"#.into()),
        ("Stage: createdDate with ten fraction digits", Shape::Stage, r#"{"stageName": "a", "createdDate": "2024-05-01T12:30:00.0000000001Z"}"#.into()),
        ("Stage: createdDate with trailing zeros past nanoseconds", Shape::Stage, r#"{"stageName": "a", "createdDate": "2024-05-01T12:30:00.1234567890Z"}"#.into()),
        ("Stage: createdDate with a lowercase t and z", Shape::Stage, r#"{"stageName": "a", "createdDate": "2024-05-01t12:30:00z"}"#.into()),
        ("Stage: createdDate at second 60", Shape::Stage, r#"{"stageName": "a", "createdDate": "2016-12-31T23:59:60Z"}"#.into()),
        ("CreateStageInput: 100 stage variables", Shape::Input, variables(100, 1)),
        ("CreateStageInput: 101 stage variables", Shape::Input, variables(101, 1)),
        ("CreateStageInput: a stage variable name of 64 characters", Shape::Input, variables(1, 64)),
        ("CreateStageInput: a stage variable name of 65 characters", Shape::Input, variables(1, 65)),
        ("RouteSettings: burst limit -0.0", Shape::Route, r#"{"throttlingBurstLimit": -0.0}"#.into()),
        ("RouteSettings: burst limit -1e-400", Shape::Route, r#"{"throttlingBurstLimit": -1e-400}"#.into()),
        ("RouteSettings: rate limit -1e400", Shape::Route, r#"{"throttlingRateLimit": -1e400}"#.into()),
        ("RouteSettings: rate limit the largest double", Shape::Route, r#"{"throttlingRateLimit": 1.7976931348623157e308}"#.into()),
        ("RouteSettings: an unknown member beyond a double", Shape::Route, r#"{"newMember": 1e400}"#.into()),
        ("Stages: a null item", Shape::Stages, r#"{"items": [null]}"#.into()),
    ];
    rows.into_iter()
        .map(|(name, shape, text)| Document {
            name: name.to_owned(),
            schema: spec_shape(shape),
            decodes: decode(shape, &text).is_ok(),
            text,
        })
        .collect()
}

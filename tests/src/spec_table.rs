//! The SPEC table: the AWS rules of `SPEC.md`, one row per rule and boundary, on the real
//! Stages types. `tests/spec.rs` checks each row's violations; `tests/schema_proof.rs` checks
//! that the JSON Schema gives each document the verdict decoding gives it.

use stages_model::{
    from_json, AccessLogSettings, CreateStageInput, RouteSettings, Stage, Stages, ValidationErrors,
};

/// The shape a row's document is decoded as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `CreateStageInput`.
    Input,
    /// `Stage`.
    Stage,
    /// `Stages`.
    Stages,
    /// `RouteSettings`.
    Route,
    /// `AccessLogSettings`.
    AccessLog,
}

/// One row: a document, the shape it is decoded as, and the violations it must produce.
pub struct Case {
    /// What the row probes; unique.
    pub name: &'static str,
    /// The shape the document is decoded as.
    pub shape: Shape,
    /// The document's text.
    pub document: String,
    /// The `(pointer, rule)` pairs decoding must report; none for a valid document.
    pub expected: Vec<(String, &'static str)>,
}

/// Decodes `document` as `shape`.
pub fn decode(shape: Shape, document: &str) -> Result<(), ValidationErrors> {
    match shape {
        Shape::Input => from_json::<CreateStageInput>(document).map(drop),
        Shape::Stage => from_json::<Stage>(document).map(drop),
        Shape::Stages => from_json::<Stages>(document).map(drop),
        Shape::Route => from_json::<RouteSettings>(document).map(drop),
        Shape::AccessLog => from_json::<AccessLogSettings>(document).map(drop),
    }
}

fn case(
    name: &'static str,
    shape: Shape,
    document: impl Into<String>,
    expected: &[(&str, &'static str)],
) -> Case {
    let expected = expected
        .iter()
        .map(|(pointer, rule)| (pointer.to_string(), *rule))
        .collect();
    Case {
        name,
        shape,
        document: document.into(),
        expected,
    }
}

/// A CreateStageInput with a valid name and the given extra members.
fn input(members: &str) -> String {
    if members.is_empty() {
        r#"{"stageName": "prod"}"#.to_owned()
    } else {
        format!(r#"{{"stageName": "prod", {members}}}"#)
    }
}

fn named(name: &str) -> String {
    serde_json::json!({ "stageName": name }).to_string()
}

fn variables(key: &str, value: &str) -> String {
    input(&format!(
        r#""stageVariables": {}"#,
        serde_json::json!({ key: value })
    ))
}

fn tags(pairs: &[(String, String)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(key, value)| (key.clone(), serde_json::Value::String(value.clone())))
        .collect();
    input(&format!(r#""tags": {}"#, serde_json::Value::Object(map)))
}

fn tag(key: &str, value: &str) -> String {
    tags(&[(key.to_owned(), value.to_owned())])
}

fn many_tags(count: usize) -> String {
    tags(
        &(0..count)
            .map(|index| (format!("key{index}"), "v".to_owned()))
            .collect::<Vec<_>>(),
    )
}

fn access_log(format: &str, arn: Option<&str>) -> String {
    let mut settings = serde_json::json!({ "format": format });
    if let Some(arn) = arn {
        settings["destinationArn"] = arn.into();
    }
    settings.to_string()
}

fn arn(arn: &str) -> String {
    access_log("$context.requestId", Some(arn))
}

fn route(members: &str) -> String {
    format!("{{{members}}}")
}

fn stage(members: &str) -> String {
    format!(r#"{{"stageName": "prod", {members}}}"#)
}

const FULL_INPUT: &str = r#"{
    "stageName": "prod",
    "description": "Production",
    "deploymentId": "abc123",
    "clientCertificateId": "cert1",
    "defaultRouteSettings": {"detailedMetricsEnabled": true, "loggingLevel": "INFO", "dataTraceEnabled": false,
                             "throttlingBurstLimit": 500, "throttlingRateLimit": 1000.5},
    "routeSettings": {"GET /pets": {"loggingLevel": "ERROR"}, "$connect": {"loggingLevel": "OFF"}},
    "stageVariables": {"backend": "https://pets.example.com/v1?a=b&c=d#frag", "alias_2": "live"},
    "accessLogSettings": {"format": "$context.requestId $context.status",
                          "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:pets"},
    "tags": {"team": "pets", "env": ""},
    "autoDeploy": true
}"#;

/// Every row of the table.
pub fn cases() -> Vec<Case> {
    use Shape::*;
    vec![
        // stageName: required, 1–128, [A-Za-z0-9_-] or exactly $default.
        case("stageName present", Input, input(""), &[]),
        case(
            "stageName absent",
            Input,
            "{}",
            &[("/stageName", "required")],
        ),
        case(
            "stageName null",
            Input,
            r#"{"stageName": null}"#,
            &[("/stageName", "required")],
        ),
        case(
            "stageName empty (length min 1)",
            Input,
            named(""),
            &[("/stageName", "length")],
        ),
        case("stageName 1 char", Input, named("a"), &[]),
        case(
            "stageName 128 chars (length max)",
            Input,
            named(&"a".repeat(128)),
            &[],
        ),
        case(
            "stageName 129 chars",
            Input,
            named(&"a".repeat(129)),
            &[("/stageName", "length")],
        ),
        case(
            "stageName hyphen and underscore",
            Input,
            named("my-stage_2"),
            &[],
        ),
        case("stageName $default", Input, named("$default"), &[]),
        case(
            "stageName $prod",
            Input,
            named("$prod"),
            &[("/stageName", "pattern")],
        ),
        case(
            "stageName with space",
            Input,
            named("my stage"),
            &[("/stageName", "pattern")],
        ),
        case(
            "stageName non-ASCII letter",
            Input,
            named("étape"),
            &[("/stageName", "pattern")],
        ),
        case(
            "stageName a number",
            Input,
            r#"{"stageName": 5}"#,
            &[("/stageName", "type")],
        ),
        // description: 0–1024 characters.
        case(
            "description empty",
            Input,
            input(r#""description": """#),
            &[],
        ),
        case(
            "description 1024 chars",
            Input,
            input(&format!(r#""description": "{}""#, "d".repeat(1024))),
            &[],
        ),
        case(
            "description 1024 multibyte chars",
            Input,
            input(&format!(r#""description": "{}""#, "é".repeat(1024))),
            &[],
        ),
        case(
            "description 1025 chars",
            Input,
            input(&format!(r#""description": "{}""#, "d".repeat(1025))),
            &[("/description", "length")],
        ),
        case(
            "description null is absent",
            Input,
            input(r#""description": null"#),
            &[],
        ),
        // Identifiers and booleans.
        case(
            "deploymentId and clientCertificateId",
            Input,
            input(r#""deploymentId": "x1", "clientCertificateId": "c1""#),
            &[],
        ),
        case(
            "deploymentId a number",
            Input,
            input(r#""deploymentId": 12"#),
            &[("/deploymentId", "type")],
        ),
        case(
            "autoDeploy true",
            Input,
            input(r#""autoDeploy": true"#),
            &[],
        ),
        case(
            "autoDeploy as a string",
            Input,
            input(r#""autoDeploy": "true""#),
            &[("/autoDeploy", "type")],
        ),
        // stageVariables: names [A-Za-z0-9_]+, values [A-Za-z0-9-._~:/?#&=,]+ up to 2048.
        case(
            "stage variable plain",
            Input,
            variables("my_var1", "value"),
            &[],
        ),
        case(
            "stage variable name with hyphen",
            Input,
            variables("my-var", "v"),
            &[("/stageVariables/my-var", "pattern")],
        ),
        case(
            "stage variable empty name",
            Input,
            variables("", "v"),
            &[("/stageVariables/", "pattern")],
        ),
        case(
            "stage variable every allowed symbol",
            Input,
            variables("v", "a-._~:/?#&=,Z9"),
            &[],
        ),
        case(
            "stage variable empty value",
            Input,
            variables("v", ""),
            &[("/stageVariables/v", "pattern")],
        ),
        case(
            "stage variable value with space",
            Input,
            variables("v", "a b"),
            &[("/stageVariables/v", "pattern")],
        ),
        case(
            "stage variable value with $",
            Input,
            variables("v", "$x"),
            &[("/stageVariables/v", "pattern")],
        ),
        case(
            "stage variable value 2048 chars",
            Input,
            variables("v", &"x".repeat(2048)),
            &[],
        ),
        case(
            "stage variable value 2049 chars",
            Input,
            variables("v", &"x".repeat(2049)),
            &[("/stageVariables/v", "length")],
        ),
        case(
            "stage variable name and value both wrong",
            Input,
            variables("a b", "c d"),
            &[
                ("/stageVariables/a b", "pattern"),
                ("/stageVariables/a b", "pattern"),
            ],
        ),
        case(
            "stage variable value a number",
            Input,
            input(r#""stageVariables": {"v": 1}"#),
            &[("/stageVariables/v", "type")],
        ),
        case(
            "stage variable repeated name",
            Input,
            input(r#""stageVariables": {"v": "a", "v": "b"}"#),
            &[("/stageVariables/v", "duplicate")],
        ),
        // tags: at most 50; keys 1–128 not starting aws:; values 0–256.
        case("50 tags", Input, many_tags(50), &[]),
        case("51 tags", Input, many_tags(51), &[("/tags", "length")]),
        case(
            "tag empty key",
            Input,
            tag("", "v"),
            &[("/tags/", "length")],
        ),
        case("tag key 128 chars", Input, tag(&"k".repeat(128), "v"), &[]),
        case(
            "tag key 129 chars",
            Input,
            tag(&"k".repeat(129), "v"),
            &[(format!("/tags/{}", "k".repeat(129)).as_str(), "length")],
        ),
        case(
            "tag key aws: prefix",
            Input,
            tag("aws:owner", "me"),
            &[("/tags/aws:owner", "pattern")],
        ),
        case(
            "tag key with aws: inside",
            Input,
            tag("team:aws:x", "v"),
            &[],
        ),
        case("tag empty value", Input, tag("k", ""), &[]),
        case(
            "tag value 256 chars",
            Input,
            tag("k", &"v".repeat(256)),
            &[],
        ),
        case(
            "tag value 257 chars",
            Input,
            tag("k", &"v".repeat(257)),
            &[("/tags/k", "length")],
        ),
        // routeSettings: keys are route keys, values nested RouteSettings.
        case(
            "route settings for route keys with spaces and slashes",
            Input,
            input(r#""routeSettings": {"GET /pets/{id}": {}, "$default": {}}"#),
            &[],
        ),
        case(
            "route settings nested type error",
            Input,
            input(r#""routeSettings": {"GET /pets": {"throttlingBurstLimit": "x"}}"#),
            &[("/routeSettings/GET ~1pets/throttlingBurstLimit", "type")],
        ),
        case(
            "route settings nested enum error",
            Input,
            input(r#""routeSettings": {"GET /pets": {"loggingLevel": "DEBUG"}}"#),
            &[("/routeSettings/GET ~1pets/loggingLevel", "enum")],
        ),
        case(
            "a logging level newer than ours is refused in a request",
            Input,
            input(
                r#""defaultRouteSettings": {"loggingLevel": "TRACE"}, "routeSettings": {"GET /pets": {"loggingLevel": "TRACE"}}"#,
            ),
            &[
                ("/defaultRouteSettings/loggingLevel", "enum"),
                ("/routeSettings/GET ~1pets/loggingLevel", "enum"),
            ],
        ),
        case(
            "route settings not an object",
            Input,
            input(r#""routeSettings": []"#),
            &[("/routeSettings", "type")],
        ),
        // RouteSettings on its own.
        case(
            "loggingLevel ERROR",
            Route,
            route(r#""loggingLevel": "ERROR""#),
            &[],
        ),
        case(
            "loggingLevel INFO",
            Route,
            route(r#""loggingLevel": "INFO""#),
            &[],
        ),
        case(
            "loggingLevel OFF",
            Route,
            route(r#""loggingLevel": "OFF""#),
            &[],
        ),
        case(
            "loggingLevel is case-sensitive",
            Route,
            route(r#""loggingLevel": "off""#),
            &[("/loggingLevel", "enum")],
        ),
        case(
            "loggingLevel false as a string (the seed's typo)",
            Route,
            route(r#""loggingLevel": "false""#),
            &[("/loggingLevel", "enum")],
        ),
        case(
            "loggingLevel false as a boolean",
            Route,
            route(r#""loggingLevel": false"#),
            &[("/loggingLevel", "type")],
        ),
        case(
            "throttlingBurstLimit int32 max",
            Route,
            route(r#""throttlingBurstLimit": 2147483647"#),
            &[],
        ),
        case(
            "throttlingBurstLimit int32 min",
            Route,
            route(r#""throttlingBurstLimit": -2147483648"#),
            &[],
        ),
        case(
            "throttlingBurstLimit above int32",
            Route,
            route(r#""throttlingBurstLimit": 2147483648"#),
            &[("/throttlingBurstLimit", "type")],
        ),
        case(
            "throttlingBurstLimit fractional",
            Route,
            route(r#""throttlingBurstLimit": 1.5"#),
            &[("/throttlingBurstLimit", "type")],
        ),
        case(
            "throttlingRateLimit double",
            Route,
            route(r#""throttlingRateLimit": 0.001"#),
            &[],
        ),
        case(
            "throttlingRateLimit integer literal",
            Route,
            route(r#""throttlingRateLimit": 10"#),
            &[],
        ),
        // A number beyond a double is well-formed JSON, but no double can hold it.
        case(
            "throttlingRateLimit beyond double",
            Route,
            route(r#""throttlingRateLimit": 1e400"#),
            &[("/throttlingRateLimit", "range")],
        ),
        case(
            "booleans",
            Route,
            route(r#""detailedMetricsEnabled": true, "dataTraceEnabled": false"#),
            &[],
        ),
        case(
            "boolean as number",
            Route,
            route(r#""dataTraceEnabled": 1"#),
            &[("/dataTraceEnabled", "type")],
        ),
        // AccessLogSettings: format 1–1024 with $context.requestId; destinationArn a log group.
        case(
            "access log valid",
            AccessLog,
            arn("arn:aws:logs:us-east-1:123456789012:log-group:my-group"),
            &[],
        ),
        case(
            "access log format without requestId",
            AccessLog,
            access_log("$context.status", None),
            &[("/format", "contains")],
        ),
        case(
            "access log format requestId wrong case",
            AccessLog,
            access_log("$context.requestid", None),
            &[("/format", "contains")],
        ),
        case(
            "access log format empty",
            AccessLog,
            access_log("", None),
            &[("/format", "length"), ("/format", "contains")],
        ),
        case(
            "access log format 1024 chars",
            AccessLog,
            access_log(
                &format!("$context.requestId{}", "x".repeat(1024 - 18)),
                None,
            ),
            &[],
        ),
        case(
            "access log format 1025 chars",
            AccessLog,
            access_log(
                &format!("$context.requestId{}", "x".repeat(1025 - 18)),
                None,
            ),
            &[("/format", "length")],
        ),
        case(
            "log group ARN with :*",
            AccessLog,
            arn("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/x:*"),
            &[],
        ),
        case(
            "log group ARN in aws-cn",
            AccessLog,
            arn("arn:aws-cn:logs:cn-north-1:123456789012:log-group:x"),
            &[],
        ),
        case(
            "log group ARN in aws-us-gov",
            AccessLog,
            arn("arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:x"),
            &[],
        ),
        case(
            "ARN of another service",
            AccessLog,
            arn("arn:aws:s3:::bucket"),
            &[("/destinationArn", "pattern")],
        ),
        case(
            "ARN of a log stream",
            AccessLog,
            arn("arn:aws:logs:us-east-1:123456789012:log-stream:x"),
            &[("/destinationArn", "pattern")],
        ),
        case(
            "ARN with an 11-digit account",
            AccessLog,
            arn("arn:aws:logs:us-east-1:12345678901:log-group:x"),
            &[("/destinationArn", "pattern")],
        ),
        case(
            "ARN in an unknown partition",
            AccessLog,
            arn("arn:aws-eu:logs:eu-west-1:123456789012:log-group:x"),
            &[("/destinationArn", "pattern")],
        ),
        case(
            "ARN with no log group name",
            AccessLog,
            arn("arn:aws:logs:us-east-1:123456789012:log-group:"),
            &[("/destinationArn", "pattern")],
        ),
        // Stage: dates and the members beyond the seed.
        case(
            "Stage needs a name",
            Stage,
            "{}",
            &[("/stageName", "required")],
        ),
        case(
            "a returned stage keeps a logging level newer than ours",
            Stage,
            stage(
                r#""defaultRouteSettings": {"loggingLevel": "TRACE"}, "routeSettings": {"GET /pets": {"loggingLevel": "TRACE"}}"#,
            ),
            &[],
        ),
        case(
            "a returned logging level must still be a string",
            Stage,
            stage(r#""defaultRouteSettings": {"loggingLevel": 1}"#),
            &[("/defaultRouteSettings/loggingLevel", "type")],
        ),
        case(
            "createdDate with Z",
            Stage,
            stage(r#""createdDate": "2024-05-01T12:30:00Z""#),
            &[],
        ),
        case(
            "createdDate with fraction and offset",
            Stage,
            stage(r#""createdDate": "2024-05-01T12:30:00.123+05:30""#),
            &[],
        ),
        case(
            "lastUpdatedDate date only",
            Stage,
            stage(r#""lastUpdatedDate": "2024-05-01""#),
            &[("/lastUpdatedDate", "format")],
        ),
        case(
            "createdDate without offset",
            Stage,
            stage(r#""createdDate": "2024-05-01T12:30:00""#),
            &[("/createdDate", "format")],
        ),
        case(
            "createdDate as epoch seconds",
            Stage,
            stage(r#""createdDate": 1714566600"#),
            &[("/createdDate", "type")],
        ),
        case(
            "members beyond the seed",
            Stage,
            stage(
                r#""apiGatewayManaged": true, "lastDeploymentStatusMessage": "ok", "autoDeploy": false"#,
            ),
            &[],
        ),
        case(
            "members newer than the model are ignored",
            Stage,
            stage(r#""newMember": {"deep": [1, 2]}, "other": null"#),
            &[],
        ),
        case(
            "a returned stage may carry aws: tags and more than 50",
            Stage,
            stage(&format!(
                r#""tags": {{"aws:cloudformation:stack-name": "pets", {}}}"#,
                (0..50)
                    .map(|i| format!(r#""k{i}": "v""#))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            &[],
        ),
        case(
            "a returned stage's tag value 257 chars",
            Stage,
            stage(&format!(r#""tags": {{"k": "{}"}}"#, "v".repeat(257))),
            &[("/tags/k", "length")],
        ),
        // Stages: a page.
        case("empty page", Stages, r#"{"items": []}"#, &[]),
        case("items absent", Stages, "{}", &[]),
        case(
            "page with next token",
            Stages,
            r#"{"items": [{"stageName": "a"}], "nextToken": "t"}"#,
            &[],
        ),
        case(
            "invalid items keep their index",
            Stages,
            r#"{"items": [{"stageName": "a"}, {}, {"stageName": "b c"}]}"#,
            &[
                ("/items/1/stageName", "required"),
                ("/items/2/stageName", "pattern"),
            ],
        ),
        case(
            "items not a list",
            Stages,
            r#"{"items": {}}"#,
            &[("/items", "type")],
        ),
        // Whole documents.
        case("a full, valid CreateStageInput", Input, FULL_INPUT, &[]),
        case(
            "many violations at once, a type error among them",
            Input,
            r#"{
                "description": 1024,
                "stageVariables": {"bad name": "ok", "ok": "bad value"},
                "tags": {"aws:x": "y"},
                "accessLogSettings": {"format": "$context.status", "destinationArn": "nope"},
                "defaultRouteSettings": {"loggingLevel": "LOUD"}
            }"#,
            &[
                ("/stageName", "required"),
                ("/description", "type"),
                ("/stageVariables/bad name", "pattern"),
                ("/stageVariables/ok", "pattern"),
                ("/tags/aws:x", "pattern"),
                ("/accessLogSettings/format", "contains"),
                ("/accessLogSettings/destinationArn", "pattern"),
                ("/defaultRouteSettings/loggingLevel", "enum"),
            ],
        ),
        case(
            "many violations at once, no type error",
            Input,
            r#"{
                "stageVariables": {"bad name": "ok", "ok": "bad value"},
                "tags": {"aws:x": "y"},
                "accessLogSettings": {"format": "$context.status", "destinationArn": "nope"},
                "defaultRouteSettings": {"loggingLevel": "LOUD"},
                "routeSettings": {"GET /": {"loggingLevel": "QUIET"}}
            }"#,
            &[
                ("/stageName", "required"),
                ("/stageVariables/bad name", "pattern"),
                ("/stageVariables/ok", "pattern"),
                ("/tags/aws:x", "pattern"),
                ("/accessLogSettings/format", "contains"),
                ("/accessLogSettings/destinationArn", "pattern"),
                ("/defaultRouteSettings/loggingLevel", "enum"),
                ("/routeSettings/GET ~1/loggingLevel", "enum"),
            ],
        ),
        case(
            "malformed JSON after a member",
            Input,
            r#"{"stageName": "prod""#,
            &[("", "syntax")],
        ),
        case(
            "malformed JSON inside a member",
            Input,
            r#"{"tags": {"a": tru}}"#,
            &[("/tags/a", "syntax")],
        ),
        case("not an object", Input, r#""prod""#, &[("", "type")]),
        case(
            "trailing characters",
            Input,
            r#"{"stageName": "prod"} x"#,
            &[("", "syntax")],
        ),
    ]
}

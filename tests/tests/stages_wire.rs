//! The Stages types on the wire: realistic documents round-trip, errors carry AWS's status and
//! code, and the operation inputs check what the query string carries.

use serde_json::{json, Value};
use stages_model::{
    from_json, AwsError, BadRequestException, ConflictException, CreateStageInput,
    CreateStageRequest, GetStagesInput, LimitExceededException, LoggingLevel, NotFoundException,
    Operation, Stage, Stages, UpdateStageInput, Validate,
};

fn full_stage() -> Value {
    json!({
        "stageName": "prod",
        "description": "Production",
        "deploymentId": "dep123",
        "clientCertificateId": "cert1",
        "defaultRouteSettings": {
            "detailedMetricsEnabled": true,
            "loggingLevel": "INFO",
            "dataTraceEnabled": false,
            "throttlingBurstLimit": 500,
            "throttlingRateLimit": 1000.5
        },
        "routeSettings": {
            "GET /pets": {"loggingLevel": "OFF", "throttlingBurstLimit": 10},
            "$connect": {"dataTraceEnabled": true}
        },
        "stageVariables": {"backend": "https://pets.example.com/v1", "alias": "live"},
        "accessLogSettings": {
            "format": "$context.requestId $context.status",
            "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:pets:*"
        },
        "tags": {"team": "pets", "cost-center": "42"},
        "autoDeploy": true,
        "apiGatewayManaged": false,
        "lastDeploymentStatusMessage": "Deployment succeeded",
        "createdDate": "2024-05-01T12:30:00Z",
        "lastUpdatedDate": "2024-05-02T08:00:00.500Z"
    })
}

#[test]
fn a_full_stage_round_trips_to_the_same_json() {
    let document = full_stage();
    let stage: Stage = from_json(&document.to_string()).unwrap();
    assert_eq!(serde_json::to_value(&stage).unwrap(), document);
}

/// Route settings whose logging level is newer than ours, at both places a stage has them.
fn newer_logging_level() -> Value {
    json!({
        "defaultRouteSettings": {"loggingLevel": "TRACE", "throttlingBurstLimit": 5},
        "routeSettings": {"GET /pets": {"loggingLevel": "TRACE"}}
    })
}

#[test]
fn a_stage_keeps_a_logging_level_newer_than_ours_and_writes_it_back() {
    let mut document = full_stage();
    document
        .as_object_mut()
        .unwrap()
        .extend(newer_logging_level().as_object().unwrap().clone());
    let stage: Stage = from_json(&document.to_string()).unwrap();
    let newer = Some(LoggingLevel::Unknown("TRACE".into()));
    assert_eq!(
        stage.default_route_settings.as_ref().unwrap().logging_level,
        newer
    );
    assert_eq!(
        stage.route_settings.as_ref().unwrap()["GET /pets"].logging_level,
        newer
    );
    assert_eq!(serde_json::to_value(&stage).unwrap(), document);
    assert!(stage.validate().is_ok());
}

#[test]
fn requests_refuse_a_logging_level_newer_than_ours() {
    let expected = "defaultRouteSettings.loggingLevel: must be one of ERROR, INFO, OFF; found \"TRACE\"\n\
                    routeSettings[\"GET /pets\"].loggingLevel: must be one of ERROR, INFO, OFF; found \"TRACE\"";
    let mut create = newer_logging_level();
    create["stageName"] = "prod".into();
    let errors = from_json::<CreateStageInput>(&create.to_string()).unwrap_err();
    assert_eq!(errors.to_string(), expected);
    assert!(errors.iter().all(|violation| violation.rule() == "enum"));
    let errors = from_json::<UpdateStageInput>(&newer_logging_level().to_string()).unwrap_err();
    assert_eq!(errors.to_string(), expected);

    // A value built in Rust is checked too: `validate` reports it at the same path.
    let mut input: CreateStageInput = from_json(r#"{"stageName": "prod"}"#).unwrap();
    input.default_route_settings = Some(stages_model::RouteSettings {
        logging_level: Some(LoggingLevel::Unknown("TRACE".into())),
        ..Default::default()
    });
    let errors = input.validate().unwrap_err();
    assert_eq!(errors.pointers(), ["/defaultRouteSettings/loggingLevel"]);
}

#[test]
fn a_page_of_stages_round_trips() {
    let page = json!({"items": [full_stage(), {"stageName": "$default", "autoDeploy": true}], "nextToken": "t1"});
    let decoded: Stages = from_json(&page.to_string()).unwrap();
    assert_eq!(decoded.items.len(), 2);
    assert_eq!(serde_json::to_value(&decoded).unwrap(), page);
}

#[test]
fn a_create_stage_input_round_trips_without_service_members() {
    let mut document = full_stage();
    let object = document.as_object_mut().unwrap();
    for service_member in [
        "apiGatewayManaged",
        "lastDeploymentStatusMessage",
        "createdDate",
        "lastUpdatedDate",
    ] {
        object.remove(service_member);
    }
    let input: CreateStageInput = from_json(&document.to_string()).unwrap();
    assert_eq!(serde_json::to_value(&input).unwrap(), document);
}

#[test]
fn dates_are_written_in_utc_with_z() {
    let stage: Stage =
        from_json(r#"{"stageName": "a", "createdDate": "2024-05-01T23:30:00-02:00", "lastUpdatedDate": null}"#).unwrap();
    let json = serde_json::to_value(&stage).unwrap();
    assert_eq!(
        json,
        json!({"stageName": "a", "createdDate": "2024-05-02T01:30:00Z"})
    );
}

#[test]
fn newer_members_are_ignored_and_not_written_back() {
    let stage: Stage = from_json(r#"{"stageName": "a", "ipv6": {"enabled": true}}"#).unwrap();
    assert_eq!(
        serde_json::to_value(&stage).unwrap(),
        json!({"stageName": "a"})
    );
}

#[test]
fn a_created_stage_keeps_the_input_and_gets_dates() {
    let input: CreateStageInput =
        from_json(r#"{"stageName": "beta", "tags": {"a": "b"}}"#).unwrap();
    let now = stages_model::chrono::Utc::now();
    let stage = Stage::from_input(input, now);
    assert_eq!(stage.stage_name, "beta");
    assert_eq!(stage.created_date, Some(now));
    assert_eq!(stage.last_updated_date, Some(now));
    assert_eq!(stage.tags.unwrap()["a"], "b");
}

#[test]
fn exceptions_carry_status_code_and_lowercase_message() {
    assert_eq!(
        (BadRequestException::STATUS, BadRequestException::CODE),
        (400, "BadRequestException")
    );
    assert_eq!(
        (NotFoundException::STATUS, NotFoundException::CODE),
        (404, "NotFoundException")
    );
    assert_eq!(
        (ConflictException::STATUS, ConflictException::CODE),
        (409, "ConflictException")
    );
    assert_eq!(
        (LimitExceededException::STATUS, LimitExceededException::CODE),
        (429, "TooManyRequestsException")
    );
    let not_found = NotFoundException {
        message: Some("Invalid API identifier specified".into()),
        resource_type: Some("Api".into()),
    };
    assert_eq!(
        serde_json::to_value(&not_found).unwrap(),
        json!({"message": "Invalid API identifier specified", "resourceType": "Api"})
    );
    let limited = LimitExceededException {
        message: Some("Too Many Requests".into()),
        limit_type: None,
    };
    assert_eq!(
        serde_json::to_value(&limited).unwrap(),
        json!({"message": "Too Many Requests"})
    );
    let parsed: LimitExceededException =
        from_json(r#"{"message": "slow down", "limitType": "rate"}"#).unwrap();
    assert_eq!(parsed.message(), Some("slow down"));
}

#[test]
fn validation_errors_become_one_bad_request_message() {
    let errors = from_json::<CreateStageInput>(
        r#"{"stageName": "prod", "stageVariables": {"url": "a b"}, "accessLogSettings": {"format": "$context.status"}}"#,
    )
    .unwrap_err();
    let body = BadRequestException::from(errors);
    assert_eq!(
        body.message.as_deref(),
        Some(
            "stageVariables[\"url\"]: must match [A-Za-z0-9-._~:/?#&=,]+; accessLogSettings.format: must include $context.requestId"
        )
    );
    assert_eq!(
        serde_json::to_value(&body).unwrap()["message"],
        json!(body.message.unwrap())
    );
}

#[test]
fn get_stages_checks_max_results_as_a_string() {
    let input = |max: Option<&str>| GetStagesInput {
        api_id: "a1b2c3".into(),
        next_token: None,
        max_results: max.map(str::to_owned),
    };
    let cases = [
        (None, Ok(None)),
        (Some("1"), Ok(Some(1))),
        (Some("500"), Ok(Some(500))),
        (Some("0"), Err("range")),
        (Some("501"), Err("range")),
        (Some("-1"), Err("pattern")),
        (Some("ten"), Err("pattern")),
        (Some("1.5"), Err("pattern")),
        (Some(""), Err("pattern")),
    ];
    for (max, expected) in cases {
        let request = input(max);
        let outcome = request
            .validate()
            .map(|()| request.page_size())
            .map_err(|errors| {
                assert_eq!(errors.pointers(), ["/maxResults"], "{max:?}");
                errors.violations()[0].rule().to_owned()
            });
        assert_eq!(outcome, expected.map_err(str::to_owned), "{max:?}");
    }
    let no_api = GetStagesInput {
        api_id: String::new(),
        ..input(None)
    };
    assert_eq!(no_api.validate().unwrap_err().pointers(), ["/apiId"]);
    assert_eq!(
        (
            GetStagesInput::NAME,
            GetStagesInput::METHOD,
            GetStagesInput::SUCCESS_STATUS
        ),
        ("GetStages", "GET", 200)
    );
}

#[test]
fn create_stage_request_validates_its_body_under_body() {
    let request = CreateStageRequest {
        api_id: "a1".into(),
        body: CreateStageInput {
            stage_name: "no spaces allowed".into(),
            ..Default::default()
        },
    };
    assert_eq!(
        request.validate().unwrap_err().pointers(),
        ["/body/stageName"]
    );
    assert_eq!(
        (
            CreateStageRequest::NAME,
            CreateStageRequest::METHOD,
            CreateStageRequest::SUCCESS_STATUS
        ),
        ("CreateStage", "POST", 201)
    );
}

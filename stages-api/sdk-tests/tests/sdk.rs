//! The AWS SDK for Rust (`aws-sdk-apigatewayv2`) against `stages-api`, served in this process on
//! 127.0.0.1: every Stages operation, and every error as the SDK's typed error.

use std::collections::BTreeSet;

use aws_sdk_apigatewayv2::config::retry::RetryConfig;
use aws_sdk_apigatewayv2::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_apigatewayv2::types::{AccessLogSettings, LoggingLevel, ProtocolType, RouteSettings};
use aws_sdk_apigatewayv2::Client;
use stages_api::config::Config;

/// Serves the Stages API with `args` on a free port; returns a client for it. Retries are off so
/// that a 429 comes back at once.
async fn serve(args: &[&str]) -> Client {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let config = Config::from_args(args.iter().map(|arg| arg.to_string())).unwrap();
    tokio::spawn(async move { stages_api::serve(listener, &config).await });
    let config = aws_sdk_apigatewayv2::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("testing", "testing", None, None, "static"))
        .endpoint_url(format!("http://{address}"))
        // Plain HTTP to loopback: no TLS stack to build.
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(RetryConfig::disabled())
        .build();
    Client::from_conf(config)
}

fn access_log() -> AccessLogSettings {
    AccessLogSettings::builder()
        .format("$context.requestId $context.status")
        .destination_arn("arn:aws:logs:us-east-1:123456789012:log-group:pets")
        .build()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_stages_operation_through_the_rust_sdk() {
    let client = serve(&["--max-stages-per-api", "100"]).await;
    let api = client
        .create_api()
        .name("sdk")
        .protocol_type(ProtocolType::Http)
        .send()
        .await
        .unwrap();
    let api_id = api.api_id().unwrap().to_owned();

    let created = client
        .create_stage()
        .api_id(&api_id)
        .stage_name("prod")
        .description("first")
        .stage_variables("backend", "https://pets.example.com")
        .stage_variables("drop", "me")
        .route_settings(
            "GET /pets",
            RouteSettings::builder()
                .logging_level(LoggingLevel::Info)
                .throttling_burst_limit(5)
                .build(),
        )
        .route_settings("$default", RouteSettings::builder().build())
        .access_log_settings(access_log())
        .tags("team", "pets")
        .send()
        .await
        .unwrap();
    assert_eq!(created.stage_name(), Some("prod"));
    assert_eq!(created.tags().unwrap()["team"], "pets");
    let created_date = *created.created_date().unwrap();

    let fetched = client
        .get_stage()
        .api_id(&api_id)
        .stage_name("prod")
        .send()
        .await
        .unwrap();
    assert_eq!(
        fetched.route_settings().unwrap()["GET /pets"].throttling_burst_limit(),
        Some(5)
    );
    assert_eq!(fetched.access_log_settings(), Some(&access_log()));

    tokio::time::sleep(std::time::Duration::from_millis(1100)).await; // dates are to the second
    let updated = client
        .update_stage()
        .api_id(&api_id)
        .stage_name("prod")
        .description("second")
        .stage_variables("drop", "")
        .stage_variables("added", "1")
        .route_settings(
            "POST /pets",
            RouteSettings::builder().data_trace_enabled(true).build(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(updated.description(), Some("second"));
    let variables: BTreeSet<_> = updated.stage_variables().unwrap().keys().cloned().collect();
    assert_eq!(
        variables,
        BTreeSet::from(["added".to_owned(), "backend".to_owned()])
    );
    let routes: BTreeSet<_> = updated.route_settings().unwrap().keys().cloned().collect();
    assert_eq!(routes.len(), 3, "{routes:?}");
    assert_eq!(updated.created_date(), Some(&created_date));
    assert!(updated.last_updated_date().unwrap() > &created_date);

    client
        .delete_route_settings()
        .api_id(&api_id)
        .stage_name("prod")
        .route_key("GET /pets")
        .send()
        .await
        .unwrap();
    client
        .delete_access_log_settings()
        .api_id(&api_id)
        .stage_name("prod")
        .send()
        .await
        .unwrap();
    let after = client
        .get_stage()
        .api_id(&api_id)
        .stage_name("prod")
        .send()
        .await
        .unwrap();
    assert!(!after.route_settings().unwrap().contains_key("GET /pets"));
    assert!(after.access_log_settings().is_none());

    // GetStages, one page at a time.
    for index in 0..7 {
        client
            .create_stage()
            .api_id(&api_id)
            .stage_name(format!("s{index}"))
            .send()
            .await
            .unwrap();
    }
    let (mut names, mut token) = (Vec::new(), None);
    loop {
        let page = client
            .get_stages()
            .api_id(&api_id)
            .max_results("3")
            .set_next_token(token)
            .send()
            .await
            .unwrap();
        names.extend(
            page.items()
                .iter()
                .filter_map(|stage| stage.stage_name().map(str::to_owned)),
        );
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(names, ["prod", "s0", "s1", "s2", "s3", "s4", "s5", "s6"]);

    client
        .delete_stage()
        .api_id(&api_id)
        .stage_name("s0")
        .send()
        .await
        .unwrap();
    let gone = client
        .get_stage()
        .api_id(&api_id)
        .stage_name("s0")
        .send()
        .await
        .unwrap_err();
    let gone = gone.into_service_error();
    assert!(gone.is_not_found_exception(), "{gone:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_come_back_as_the_sdk_typed_errors() {
    let client = serve(&["--max-stages-per-api", "2", "--max-routes-per-api", "2"]).await;
    let api_id = client
        .create_api()
        .name("errors")
        .protocol_type(ProtocolType::Http)
        .send()
        .await
        .unwrap()
        .api_id()
        .unwrap()
        .to_owned();
    client
        .create_stage()
        .api_id(&api_id)
        .stage_name("one")
        .send()
        .await
        .unwrap();

    let conflict = client
        .create_stage()
        .api_id(&api_id)
        .stage_name("one")
        .send()
        .await;
    assert!(conflict
        .unwrap_err()
        .into_service_error()
        .is_conflict_exception());

    let invalid = client
        .create_stage()
        .api_id(&api_id)
        .stage_name("two")
        .stage_variables("my-var", "a b")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(invalid.is_bad_request_exception(), "{invalid:?}");
    assert!(
        invalid
            .meta()
            .message()
            .unwrap()
            .contains("stageVariables[\"my-var\"]"),
        "{invalid:?}"
    );

    let missing_api = client
        .get_stages()
        .api_id("nosuchapi1")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    match missing_api {
        aws_sdk_apigatewayv2::operation::get_stages::GetStagesError::NotFoundException(error) => {
            assert_eq!(error.resource_type(), Some("Api"));
        }
        other => panic!("expected NotFoundException, got {other:?}"),
    }
    let missing_route = client
        .delete_route_settings()
        .api_id(&api_id)
        .stage_name("one")
        .route_key("GET /nothing")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(missing_route.is_not_found_exception(), "{missing_route:?}");
    let missing_stage = client
        .update_stage()
        .api_id(&api_id)
        .stage_name("none")
        .send()
        .await;
    assert!(missing_stage
        .unwrap_err()
        .into_service_error()
        .is_not_found_exception());

    let routes = client
        .update_stage()
        .api_id(&api_id)
        .stage_name("one")
        .route_settings("GET /a", RouteSettings::builder().build())
        .route_settings("GET /b", RouteSettings::builder().build())
        .route_settings("GET /c", RouteSettings::builder().build())
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    match routes {
        aws_sdk_apigatewayv2::operation::update_stage::UpdateStageError::TooManyRequestsException(error) => {
            assert_eq!(error.limit_type(), Some("RoutesPerApi"));
        }
        other => panic!("expected TooManyRequestsException, got {other:?}"),
    }

    client
        .create_stage()
        .api_id(&api_id)
        .stage_name("two")
        .send()
        .await
        .unwrap();
    let quota = client
        .create_stage()
        .api_id(&api_id)
        .stage_name("three")
        .send()
        .await
        .unwrap_err();
    match quota.into_service_error() {
        aws_sdk_apigatewayv2::operation::create_stage::CreateStageError::TooManyRequestsException(error) => {
            assert_eq!(error.limit_type(), Some("StagesPerApi"));
            assert!(error.message().unwrap().contains("Stages per API"), "{error:?}");
        }
        other => panic!("expected TooManyRequestsException, got {other:?}"),
    }
}

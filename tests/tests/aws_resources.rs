//! Route, Integration, Api and Authorizer as declared from the AWS service model
//! (`stages_tests::aws`): valid documents decode, and invalid ones report exactly the set of
//! JSON pointers of what the model's per-member constraints reject (the documents are in
//! `stages_tests::aws::documents`, which the schema proof reads too). Request types reject enum
//! values they do not know; response types keep them and write them back.

use std::collections::BTreeSet;

use stages_runtime::serde::de::DeserializeOwned;
use stages_runtime::serde::Serialize;
use stages_runtime::{from_json, Validate};
use stages_tests::aws::api::{Api, CreateApiInput, IpAddressType, ProtocolType};
use stages_tests::aws::authorizer::{Authorizer, AuthorizerType, CreateAuthorizerInput};
use stages_tests::aws::documents::{documents, text, Resource};
use stages_tests::aws::integration::{CreateIntegrationInput, Integration, IntegrationType};
use stages_tests::aws::route::{AuthorizationType, CreateRouteInput, Route};

/// The encoded form of a decoded document, for round trips.
fn round_trip<T: DeserializeOwned + Validate + Serialize>(json: &str) -> serde_json::Value {
    let value: T = from_json(json).unwrap();
    serde_json::to_value(&value).unwrap()
}

fn json_value(json: &str) -> serde_json::Value {
    serde_json::from_str(json).unwrap()
}

#[test]
fn every_document_reports_exactly_its_pointers() {
    let documents = documents();
    let mut failures = Vec::new();
    for document in &documents {
        let found = document.resource.pointers(&document.text);
        if found != document.pointers {
            failures.push(format!(
                "{} ({:?}):\n  expected {:?}\n  found    {found:?}",
                document.name, document.resource, document.pointers
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let names: BTreeSet<&str> = documents.iter().map(|document| document.name).collect();
    assert_eq!(names.len(), documents.len(), "names are unique");
    let resources: BTreeSet<&str> = documents.iter().map(|d| d.resource.name()).collect();
    assert_eq!(
        resources.len(),
        Resource::ALL.len(),
        "every resource has documents"
    );
}

#[test]
fn valid_requests_encode_back_to_their_documents() {
    for name in [
        "create route: valid",
        "create integration: valid, with response parameters and TLS",
    ] {
        let json = text(name);
        let encoded = if name.starts_with("create route") {
            round_trip::<CreateRouteInput>(&json)
        } else {
            round_trip::<CreateIntegrationInput>(&json)
        };
        assert_eq!(json_value(&json), encoded, "{name}");
    }
    let json = text("create api: valid, with CORS");
    assert_eq!(json_value(&json), round_trip::<CreateApiInput>(&json));
    let json = text("create authorizer: valid JWT");
    assert_eq!(
        json_value(&json),
        round_trip::<CreateAuthorizerInput>(&json)
    );
}

#[test]
fn route_keeps_authorization_types_newer_than_the_model() {
    let json = text("route: a newer authorization type");
    let route: Route = from_json(&json).unwrap();
    assert_eq!(
        route.authorization_type,
        Some(AuthorizationType::Unknown("MTLS".into()))
    );
    assert_eq!(serde_json::to_value(&route).unwrap(), json_value(&json));
}

#[test]
fn integration_keeps_values_newer_than_the_model() {
    let json = text("integration: a newer type");
    let integration: Integration = from_json(&json).unwrap();
    assert_eq!(
        integration.integration_type,
        Some(IntegrationType::Unknown("GRPC_PROXY".into()))
    );
    assert_eq!(
        serde_json::to_value(&integration).unwrap(),
        json_value(&json)
    );
}

#[test]
fn api_as_aws_returns_it() {
    let api: Api = from_json(&text("api: as AWS returns it")).unwrap();
    assert_eq!(api.protocol_type, Some(ProtocolType::Http));
    assert_eq!(api.ip_address_type, Some(IpAddressType::Dualstack));
}

#[test]
fn authorizer_keeps_types_newer_than_the_model() {
    let authorizer: Authorizer = from_json(&text("authorizer: a newer type")).unwrap();
    assert_eq!(
        authorizer.authorizer_type,
        Some(AuthorizerType::Unknown("OAUTH".into()))
    );
}

#[test]
fn a_condition_names_itself_in_its_message() {
    let errors = from_json::<CreateRouteInput>(&text("create route: JWT without an authorizer"))
        .unwrap_err();
    assert_eq!(
        errors.violations()[0].message(),
        "is required when authorizationType is JWT"
    );
}

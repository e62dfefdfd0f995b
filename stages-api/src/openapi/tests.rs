//! The OpenAPI document checked against itself: every reference names a whole component that
//! exists, every response declares the request id header, path parameters are plain strings.

use super::*;

#[test]
fn every_operation_refers_to_schemas_that_exist() {
    let document = document();
    let schemas = &document["components"]["schemas"];
    let text = document.to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let target = &reference[..reference.find('"').unwrap()];
        let path = target.strip_prefix("#/components/schemas/").unwrap();
        let mut node = schemas;
        for part in path.split('/') {
            node = &node[part];
        }
        assert!(!node.is_null(), "{target} does not resolve");
    }
    assert_eq!(
        document["paths"]["/v2/apis/{apiId}/stages"]["post"]["responses"]["409"]["headers"]
            ["x-amzn-ErrorType"]["schema"]["const"],
        "ConflictException"
    );
    assert_eq!(OPERATIONS.len(), 10);
}

/// Client generators (openapi-python-client, for one) resolve a `$ref` only to a whole
/// component: one into a schema's `properties` drops every operation that uses it.
#[test]
fn every_reference_names_a_whole_component() {
    let text = document().to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let target = &reference[..reference.find('"').unwrap()];
        let name = target.strip_prefix("#/components/schemas/").unwrap();
        assert!(!name.contains('/'), "{target} points inside a component");
    }
}

/// SPEC: every response carries `x-amzn-RequestId`; SDKs expose it as the request id.
#[test]
fn every_response_declares_the_request_id_header() {
    let document = document();
    let mut responses = 0;
    for item in document["paths"].as_object().unwrap().values() {
        for operation in item.as_object().unwrap().values() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                let header = &response["headers"]["x-amzn-RequestId"];
                assert_eq!(header["required"], true, "{status}: {response}");
                assert_eq!(header["schema"]["type"], "string", "{status}");
                responses += 1;
            }
        }
    }
    assert!(responses > 40, "{responses} responses");
}

/// A path or query parameter is text or absent: never `null`.
#[test]
fn parameters_are_strings_that_are_never_null() {
    let document = document();
    let schemas = &document["components"]["schemas"];
    for (name, expected) in [
        ("ApiId", json!({"type": "string", "minLength": 1})),
        (
            "StageName",
            json!({"type": "string", "minLength": 1, "maxLength": 128}),
        ),
        ("MaxResults", json!({"type": "string"})),
        ("NextToken", json!({"type": "string"})),
    ] {
        let schema = &schemas[name];
        for (key, value) in expected.as_object().unwrap() {
            assert_eq!(&schema[key], value, "{name}.{key}: {schema}");
        }
        assert!(!schema.to_string().contains("null"), "{name}: {schema}");
    }
    assert_eq!(
        schemas["MaxResults"]["allOf"][0]["pattern"],
        "^0*(?:[1-9][0-9]?|[1-4][0-9]{2}|500)$"
    );
    let parameters = &document["paths"]["/v2/apis/{apiId}/stages"]["get"]["parameters"];
    assert_eq!(
        parameters[1]["schema"]["$ref"],
        "#/components/schemas/MaxResults"
    );
}

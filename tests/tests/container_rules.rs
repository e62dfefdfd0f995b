//! Rules over a whole struct: `require(member, when(...))` and `custom = f` on the struct. They
//! report at member paths, in the same error as the members' own violations, from `validate()`
//! and from decoding alike.

use stages_model::{from_json, CustomError, Model, Validate, ValidationErrors};

/// No `Default`: a required member of this type needs none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
enum IntegrationType {
    Aws,
    HttpProxy,
    Mock,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
enum ConnectionType {
    Internet,
    VpcLink,
}

#[derive(Debug, Clone, PartialEq, Model)]
struct Tls {
    #[model(required, length(min = 1))]
    server_name_to_verify: String,
}

/// An API Gateway integration, cut down to its cross-member rules.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(require(connection_id, when(connection_type = "VPC_LINK")))]
#[model(
    require(tls_config, when(secure = true)),
    require(description, when(retries = 3))
)]
#[model(require(integration_method, when(integration_uri)))]
#[model(custom = proxy_needs_a_uri, custom = mock_takes_no_connection)]
struct Integration {
    #[model(required)]
    integration_type: IntegrationType,
    connection_type: Option<ConnectionType>,
    #[model(length(min = 1, max = 1024))]
    connection_id: Option<String>,
    secure: Option<bool>,
    tls_config: Option<Tls>,
    retries: Option<u8>,
    description: Option<String>,
    #[model(length(min = 1))]
    integration_uri: Option<String>,
    integration_method: Option<String>,
}

/// A function over the whole value that may find several faults, each at its member.
fn proxy_needs_a_uri(integration: &Integration) -> Result<(), Vec<CustomError>> {
    let mut faults = Vec::new();
    if integration.integration_type == IntegrationType::HttpProxy {
        if integration.integration_uri.is_none() {
            faults.push(
                CustomError::new("is required for an HTTP_PROXY integration").at("integrationUri"),
            );
        }
        if integration
            .tls_config
            .as_ref()
            .is_some_and(|tls| tls.server_name_to_verify == "*")
        {
            faults.push(
                CustomError::new("must name one server")
                    .with_rule("server")
                    .at("tlsConfig")
                    .at("serverNameToVerify"),
            );
        }
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// A function over the whole value with one fault.
fn mock_takes_no_connection(integration: &Integration) -> Result<(), CustomError> {
    if integration.integration_type == IntegrationType::Mock
        && integration.connection_type.is_some()
    {
        return Err(CustomError::new("must be absent for a MOCK integration").at("connectionType"));
    }
    Ok(())
}

fn integration() -> Integration {
    Integration {
        integration_type: IntegrationType::Aws,
        connection_type: None,
        connection_id: None,
        secure: None,
        tls_config: None,
        retries: None,
        description: None,
        integration_uri: None,
        integration_method: None,
    }
}

fn rows(errors: &ValidationErrors) -> Vec<(String, String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned(), v.message().to_owned()))
        .collect()
}

/// Decoding `json` and validating `value` report exactly `expected`, in this order.
#[track_caller]
fn both(json: &str, value: Integration, expected: &[(&str, &str, &str)]) {
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(p, r, m)| ((*p).into(), (*r).into(), (*m).into()))
        .collect();
    let decoded = from_json::<Integration>(json).unwrap_err();
    assert_eq!(rows(&decoded), expected, "from_json: {decoded}");
    let validated = value.validate().unwrap_err();
    assert_eq!(rows(&validated), expected, "validate: {validated}");
}

#[test]
fn valid_documents_pass_both_ways() {
    for json in [
        r#"{"integrationType": "AWS"}"#,
        r#"{"integrationType": "AWS", "connectionType": "INTERNET"}"#,
        r#"{"integrationType": "AWS", "connectionType": "VPC_LINK", "connectionId": "abc"}"#,
        r#"{"integrationType": "AWS", "secure": false, "retries": 2}"#,
        r#"{"integrationType": "AWS", "secure": true, "tlsConfig": {"serverNameToVerify": "a"}}"#,
        r#"{"integrationType": "HTTP_PROXY", "integrationUri": "https://x", "integrationMethod": "GET"}"#,
    ] {
        let value: Integration = from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(value.validate(), Ok(()), "{json}");
    }
}

#[test]
fn a_member_required_when_another_has_a_value() {
    both(
        r#"{"integrationType": "AWS", "connectionType": "VPC_LINK"}"#,
        Integration {
            connection_type: Some(ConnectionType::VpcLink),
            ..integration()
        },
        &[(
            "/connectionId",
            "required",
            "is required when connectionType is VPC_LINK",
        )],
    );
    both(
        r#"{"integrationType": "AWS", "secure": true, "retries": 3}"#,
        Integration {
            secure: Some(true),
            retries: Some(3),
            ..integration()
        },
        &[
            ("/tlsConfig", "required", "is required when secure is true"),
            ("/description", "required", "is required when retries is 3"),
        ],
    );
    both(
        r#"{"integrationType": "MOCK", "integrationUri": "u"}"#,
        Integration {
            integration_type: IntegrationType::Mock,
            integration_uri: Some("u".into()),
            ..integration()
        },
        &[(
            "/integrationMethod",
            "required",
            "is required when integrationUri is present",
        )],
    );
}

#[test]
fn struct_functions_report_at_member_paths_with_the_members_own_violations() {
    both(
        r#"{"integrationType": "HTTP_PROXY", "connectionType": "VPC_LINK", "connectionId": "",
            "tlsConfig": {"serverNameToVerify": "*"}}"#,
        Integration {
            integration_type: IntegrationType::HttpProxy,
            connection_type: Some(ConnectionType::VpcLink),
            connection_id: Some(String::new()),
            tls_config: Some(Tls {
                server_name_to_verify: "*".into(),
            }),
            ..integration()
        },
        &[
            (
                "/connectionId",
                "length",
                "must be 1 to 1024 characters long, found 0",
            ),
            (
                "/integrationUri",
                "custom",
                "is required for an HTTP_PROXY integration",
            ),
            (
                "/tlsConfig/serverNameToVerify",
                "server",
                "must name one server",
            ),
        ],
    );
    both(
        r#"{"integrationType": "MOCK", "connectionType": "INTERNET"}"#,
        Integration {
            integration_type: IntegrationType::Mock,
            connection_type: Some(ConnectionType::Internet),
            ..integration()
        },
        &[(
            "/connectionType",
            "custom",
            "must be absent for a MOCK integration",
        )],
    );
}

#[derive(Debug, Model)]
struct Api {
    #[model(required)]
    name: String,
    integrations: Option<Vec<Integration>>,
}

#[test]
fn nested_structs_put_their_rules_below_their_path() {
    let errors = from_json::<Api>(
        r#"{"name": "a", "integrations": [{"integrationType": "AWS"},
            {"integrationType": "AWS", "connectionType": "VPC_LINK"}]}"#,
    )
    .unwrap_err();
    assert_eq!(errors.pointers(), ["/integrations/1/connectionId"]);
}

#[test]
fn what_runs_when_a_required_member_is_missing() {
    // The struct cannot be built: its functions do not run. Its conditions do, on the members
    // that are there; as do the rules of every member present.
    let errors =
        from_json::<Integration>(r#"{"connectionType": "VPC_LINK", "integrationUri": ""}"#)
            .unwrap_err();
    assert_eq!(
        rows(&errors),
        [
            (
                "/integrationType".into(),
                "required".into(),
                "is required".into()
            ),
            (
                "/connectionId".into(),
                "required".into(),
                "is required when connectionType is VPC_LINK".into()
            ),
            (
                "/integrationMethod".into(),
                "required".into(),
                "is required when integrationUri is present".into()
            ),
            (
                "/integrationUri".into(),
                "length".into(),
                "must be at least 1 character long, found 0".into()
            ),
        ]
    );
    // A condition on a member whose value is invalid does not run: there is no value to read.
    let errors = from_json::<Integration>(r#"{"integrationType": "AWS", "connectionType": "VPN"}"#)
        .unwrap_err();
    assert_eq!(errors.pointers(), ["/connectionType"]);
}

#[test]
fn a_type_error_hides_no_struct_rule() {
    let errors = from_json::<Integration>(
        r#"{"integrationType": "AWS", "connectionType": "VPC_LINK", "retries": "3"}"#,
    )
    .unwrap_err();
    assert_eq!(errors.pointers(), ["/connectionId", "/retries"], "{errors}");
}

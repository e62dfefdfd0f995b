//! `OneOrMany`: a member AWS writes as one value or as a list (IAM's `Action`, `Resource` and
//! `Statement`), in an IAM policy document modelled with the derive.

use std::collections::BTreeMap;

use stages_runtime::{from_json, CustomError, Model, OneOrMany, Validate};

/// `Effect`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
#[model(rename_all = "PascalCase")]
enum Effect {
    Allow,
    Deny,
}

/// One statement of a policy.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "PascalCase")]
struct Statement {
    #[model(length(min = 1, max = 64))]
    sid: Option<String>,
    #[model(required)]
    effect: Effect,
    #[model(required, custom = actions)]
    action: OneOrMany<String>,
    #[model(required)]
    resource: OneOrMany<String>,
    /// Condition operator → condition key → value(s).
    condition: Option<BTreeMap<String, BTreeMap<String, OneOrMany<String>>>>,
}

/// Each action is `service:Action`, or `*`.
fn actions(actions: &OneOrMany<String>) -> Result<(), Vec<CustomError>> {
    let faults: Vec<CustomError> = actions
        .iter()
        .enumerate()
        .filter(|(_, action)| *action != "*" && !action.contains(':'))
        .map(|(index, action)| {
            let fault = CustomError::new(format!(
                "must be service:Action, such as s3:GetObject; found {action:?}"
            ));
            match actions {
                OneOrMany::One(_) => fault,
                OneOrMany::Many(_) => fault.at_index(index),
            }
        })
        .collect();
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// An IAM policy document.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "PascalCase")]
struct PolicyDocument {
    #[model(required, pattern = r"2012-10-17|2008-10-17")]
    version: String,
    #[model(required)]
    statement: OneOrMany<Statement>,
}

#[test]
fn one_value_or_a_list_decodes_and_encodes_as_written() {
    let text = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::c/*"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":["a","b"],"aws:SourceAccount":"123456789012"}}}}"#;
    let policy: PolicyDocument = from_json(text).unwrap();
    let OneOrMany::One(statement) = &policy.statement else {
        panic!("one statement: {policy:?}");
    };
    assert_eq!(statement.action, OneOrMany::One("s3:GetObject".to_owned()));
    assert_eq!(statement.resource.as_slice().len(), 2);
    assert_eq!(policy.validate(), Ok(()));
    assert_eq!(serde_json::to_string(&policy).unwrap(), text);

    let list: PolicyDocument = from_json(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["*"], "Resource": "*"}]}"#,
    )
    .unwrap();
    assert!(matches!(&list.statement, OneOrMany::Many(statements) if statements.len() == 1));
}

#[test]
fn what_is_wrong_inside_is_reported_at_its_path() {
    let errors = from_json::<PolicyDocument>(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "GetObject", "Resource": "*"},
            {"Sid": "", "Effect": "Permit", "Action": ["s3:GetObject", "PutObject"], "Resource": 7}
        ]}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.pointers(),
        [
            "/Statement/0/Action",
            "/Statement/1/Sid",
            "/Statement/1/Effect",
            "/Statement/1/Action/1",
            "/Statement/1/Resource",
        ],
        "{errors}"
    );
    assert_eq!(
        errors.violations()[4].message(),
        "expected a string or a list of them, found the number 7"
    );
    let errors = from_json::<PolicyDocument>(r#"{"Version": "2012-10-17", "Statement": "Allow"}"#)
        .unwrap_err();
    assert_eq!(
        errors.to_string(),
        r#"Statement: expected an object (Statement) or a list of them, found the string "Allow""#
    );
    // A list's item of the wrong type is reported at its index; the list then has no value, so
    // the member's `custom` rule waits for it (as for any member whose value is invalid).
    let errors = from_json::<PolicyDocument>(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:GetObject", 5, "x"], "Resource": "*"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "Statement.Action[1]: expected a string, found the number 5"
    );
    // A null where one value or a list is required is a required member left out.
    let errors = from_json::<PolicyDocument>(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": null, "Resource": "*"}}"#,
    )
    .unwrap_err();
    assert_eq!(errors.to_string(), "Statement.Action: is required");
    // One statement written alone is reported where it stands, without an index.
    let errors = from_json::<PolicyDocument>(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "*"}}"#,
    )
    .unwrap_err();
    assert_eq!(errors.pointers(), ["/Statement/Action"], "{errors}");
    // `validate()` reaches the models inside.
    let built = PolicyDocument {
        version: "2012-10-17".into(),
        statement: OneOrMany::Many(vec![Statement {
            sid: Some(String::new()),
            effect: Effect::Allow,
            action: OneOrMany::One("*".into()),
            resource: OneOrMany::One("*".into()),
            condition: None,
        }]),
    };
    assert_eq!(
        built.validate().unwrap_err().pointers(),
        ["/Statement/0/Sid"]
    );
}

#[test]
fn the_schema_takes_one_value_or_a_list() {
    let schema = stages_runtime::schema_for::<PolicyDocument>();
    let statement = &schema["$defs"]["PolicyDocument"]["properties"]["Statement"];
    let text = statement.to_string();
    assert!(text.contains("anyOf") && text.contains("array"), "{text}");
}

/// Edge lists: an empty list is a list of none; a list inside the list and a `null` item are
/// each refused at their index, as any list's items are.
#[test]
fn edge_lists_are_read_as_lists() {
    let empty: PolicyDocument = from_json(
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}}"#,
    )
    .unwrap();
    let OneOrMany::One(statement) = &empty.statement else {
        panic!("one statement: {empty:?}");
    };
    assert_eq!(statement.action, OneOrMany::Many(Vec::new()));

    for (action, rule) in [(r#"[["s3:GetObject"]]"#, "type"), ("[null]", "type")] {
        let text = format!(
            r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": {action}, "Resource": "*"}}}}"#
        );
        let errors = from_json::<PolicyDocument>(&text).unwrap_err();
        let found: Vec<(String, &str)> = errors
            .violations()
            .iter()
            .map(|violation| (violation.pointer(), violation.rule()))
            .collect();
        assert_eq!(
            found,
            [("/Statement/Action/0".to_owned(), rule)],
            "{action}: {errors}"
        );
    }
}

//! Models declared by a `macro_rules!` macro: generated locals must not clash with the macro's
//! hygiene (a rule's span comes from inside the macro).

use std::collections::BTreeMap;

use stages_model::{from_json, CustomError, Model, Validate};

fn no_spaces(text: &str) -> Result<(), CustomError> {
    if text.contains(' ') {
        Err(CustomError::new("must not contain spaces"))
    } else {
        Ok(())
    }
}

/// Declares a struct with a shared, ruled `name` member followed by its own members.
macro_rules! named_model {
    ($(#[$meta:meta])* struct $name:ident { $($own:tt)* }) => {
        $(#[$meta])*
        struct $name {
            #[model(required, length(min = 1, max = 8), custom = no_spaces)]
            name: String,
            $($own)*
        }
    };
}

#[derive(Debug, Model)]
struct Leaf {
    #[model(range(min = 0, max = 9))]
    digit: Option<u8>,
}

named_model! {
    #[derive(Debug, Model)]
    struct Branch {
        leaves: Option<BTreeMap<String, Leaf>>,
    }
}

fn has_prefix(text: &str, prefix: &str) -> Result<(), CustomError> {
    if text.starts_with(prefix) {
        Ok(())
    } else {
        Err(CustomError::new("must start with the prefix"))
    }
}

/// Declares an open enum and a request that takes only its known values, with the new
/// attributes written inside the macro.
macro_rules! open_model {
    ($kind:ident, $request:ident) => {
        #[derive(Debug, PartialEq, Model)]
        enum $kind {
            #[model(alias = "H")]
            Http,
            #[model(other)]
            Unknown(String),
        }

        #[derive(Debug, Model)]
        struct $request {
            #[model(known(message = "must be a kind this service knows"), alias = "k")]
            kind: Option<$kind>,
            #[model(custom = has_prefix("arn:"), pattern(regex = "[a-z:]+", code = "lower"))]
            arn: Option<String>,
            #[model(skip)]
            cache: Vec<String>,
            #[model(default, omit_empty, values(values(length(max = 2))))]
            grid: Vec<Vec<String>>,
        }
    };
}

open_model!(Kind, KindRequest);

#[test]
fn new_attributes_declared_inside_a_macro_apply() {
    let errors =
        from_json::<KindRequest>(r#"{"k": "X", "arn": "ARN", "grid": [["abc"]]}"#).unwrap_err();
    let mut found: Vec<(String, String)> = errors
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("/arn".to_owned(), "custom".to_owned()),
            ("/arn".to_owned(), "lower".to_owned()),
            ("/grid/0/0".to_owned(), "length".to_owned()),
            ("/kind".to_owned(), "enum".to_owned()),
        ]
    );
    let valid: KindRequest = from_json(r#"{"kind": "H", "grid": []}"#).unwrap();
    assert_eq!(valid.kind, Some(Kind::Http));
    assert!(valid.cache.is_empty());
}

#[test]
fn rules_declared_inside_a_macro_apply() {
    let valid: Branch = from_json(r#"{"name": "oak", "leaves": {"a": {"digit": 3}}}"#).unwrap();
    assert!(valid.validate().is_ok());
    let errors =
        from_json::<Branch>(r#"{"name": "big oak", "leaves": {"a": {"digit": 30}}}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/name", "/leaves/a/digit"]);
    assert_eq!(errors.violations()[0].message(), "must not contain spaces");
}

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

#[test]
fn rules_declared_inside_a_macro_apply() {
    let valid: Branch = from_json(r#"{"name": "oak", "leaves": {"a": {"digit": 3}}}"#).unwrap();
    assert!(valid.validate().is_ok());
    let errors =
        from_json::<Branch>(r#"{"name": "big oak", "leaves": {"a": {"digit": 30}}}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/name", "/leaves/a/digit"]);
    assert_eq!(errors.violations()[0].message(), "must not contain spaces");
}

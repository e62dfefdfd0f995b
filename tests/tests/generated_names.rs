//! Names a user may write that the generated code must not trip over: `Self` in a field's
//! type, and custom functions called like the generated code's own variables.

use stages_model::{from_json, CustomError, Model, Validate};

/// A custom rule whose name generated code must not shadow.
fn path(text: &str) -> Result<(), CustomError> {
    if text.starts_with('/') {
        Ok(())
    } else {
        Err(CustomError::new("must start with /"))
    }
}

/// Another such name.
fn report(depth: &u8) -> Result<(), CustomError> {
    if *depth < 3 {
        Ok(())
    } else {
        Err(CustomError::new("must be below 3"))
    }
}

#[derive(Debug, Model)]
struct Node {
    #[model(required, custom = path)]
    name: String,
    #[model(custom = report)]
    depth: Option<u8>,
    #[model(default)]
    children: Vec<Self>,
    parent: Option<Box<Self>>,
}

#[test]
fn self_in_field_types_and_custom_functions_named_like_locals() {
    let tree: Node =
        from_json(r#"{"name": "/a", "children": [{"name": "/b", "depth": 1}]}"#).unwrap();
    assert_eq!(tree.children[0].name, "/b");
    assert!(tree.validate().is_ok());
    let errors = from_json::<Node>(
        r#"{"name": "a", "children": [{"name": "/b", "depth": 7}], "parent": {}}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.pointers(),
        // In document order.
        ["/name", "/children/0/depth", "/parent/name"]
    );
}

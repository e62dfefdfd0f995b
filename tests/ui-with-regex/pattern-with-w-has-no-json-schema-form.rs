//! With the `regex` feature on, `\w` is matched, but JSON Schema has no form of it: the one
//! error says both ways out, and the uses of the model add none of their own.

use stages_model::{from_json, Model, Validate};

#[derive(Debug, Model)]
struct FunctionName {
    #[model(required, pattern = r"[\w-]+")]
    function_name: String,
}

#[derive(Debug, Model)]
struct Alias {
    #[model(required)]
    function: FunctionName,
}

fn main() {
    let alias: Alias = from_json(r#"{"function": {"functionName": "my-function"}}"#).unwrap();
    assert!(alias.validate().is_ok());
    let name: FunctionName = from_json(r#"{"functionName": "f"}"#).unwrap();
    println!("{}", serde_json::to_string(&name).unwrap());
}

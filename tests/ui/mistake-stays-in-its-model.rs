//! A model with a mistake is reported once, on the mistake: the uses of the type (decoding,
//! validating, encoding, a model holding it) add no errors of their own.

use stages_model::{from_json, Model, Validate};

#[derive(Debug, Model)]
struct Account {
    // No `required`, `default` or `Option`: what does an absent member mean?
    account_id: String,
}

#[derive(Debug, Model)]
struct Owner {
    #[model(required)]
    account: Account,
    #[model(default)]
    others: Vec<Account>,
}

fn main() {
    let owner: Owner = from_json(r#"{"account": {"accountId": "123456789012"}}"#).unwrap();
    assert!(owner.validate().is_ok());
    let account: Account = from_json(r#"{"accountId": "123456789012"}"#).unwrap();
    println!("{}", serde_json::to_string(&account).unwrap());
}

use std::collections::BTreeMap;

use stages_model::Model;

#[derive(Model)]
#[model(rename_all = "PascalCase")]
struct CreateFunctionRequest {
    // A rule on a list meant for each of its items.
    #[model(pattern = "arn:aws:lambda:.+")]
    layers: Option<Vec<String>>,
    #[model(range(min = 1, max = 5))]
    retries: Option<BTreeMap<String, u32>>,
    // Words of validator and garde.
    #[model(regex = "[a-z]+")]
    handler: Option<String>,
    #[model(dive)]
    code: Option<Code>,
}

#[derive(Model)]
#[model(rename_all = "PascalCase")]
struct Code {
    image_uri: Option<String>,
}

fn main() {}

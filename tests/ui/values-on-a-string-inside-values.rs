use stages_model::Model;
use std::collections::BTreeMap;

#[derive(Model)]
struct Tags {
    #[model(values(values(length(max = 64))))]
    tags: Option<BTreeMap<String, String>>,
}

fn main() {}

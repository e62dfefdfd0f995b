use stages_model::Model;
use std::collections::BTreeMap;

#[derive(Model)]
struct Stage {
    #[model(values(keys(length(max = 64))))]
    tags: Option<BTreeMap<String, BTreeMap<String, String>>>,
}

fn main() {}

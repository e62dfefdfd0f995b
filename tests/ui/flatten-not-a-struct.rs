use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(flatten)]
    tags: std::collections::BTreeMap<String, String>,
}

fn main() {}

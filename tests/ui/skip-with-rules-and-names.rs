use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(skip, rename = "cached", alias = "kept", omit_empty, length(max = 3))]
    cache: Vec<String>,
}

fn main() {}

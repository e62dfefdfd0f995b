use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, rename = stageName)]
    name: String,
}

fn main() {}

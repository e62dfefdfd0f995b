use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(default)]
    description: Option<String>,
}

fn main() {}

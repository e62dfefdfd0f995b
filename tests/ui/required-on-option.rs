use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required)]
    description: Option<String>,
}

fn main() {}

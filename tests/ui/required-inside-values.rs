use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(values(required))]
    tags: Option<Vec<String>>,
}

fn main() {}

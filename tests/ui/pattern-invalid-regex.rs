use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, pattern = "[a-zA-Z0-9_")]
    stage_name: String,
}

fn main() {}

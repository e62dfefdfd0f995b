use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, default)]
    stage_name: String,
}

fn main() {}

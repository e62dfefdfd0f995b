use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, length)]
    stage_name: String,
}

fn main() {}

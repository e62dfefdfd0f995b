use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, length(min = -1))]
    stage_name: String,
}

fn main() {}

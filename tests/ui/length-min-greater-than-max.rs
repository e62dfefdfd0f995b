use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, length(min = 5, max = 2))]
    stage_name: String,
}

fn main() {}

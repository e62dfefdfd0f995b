use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, range(min = 1, max = 128))]
    stage_name: String,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
struct Stage {
    stage_name: String,
}

fn main() {}

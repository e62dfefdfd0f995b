use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, custom = "check_stage_name")]
    stage_name: String,
}

fn main() {}

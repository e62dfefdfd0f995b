use stages_model::Model;

#[derive(Model)]
#[model(tag = "type")]
struct Stage {
    #[model(required)]
    stage_name: String,
}

fn main() {}

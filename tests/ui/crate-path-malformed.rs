use stages_model::Model;

#[derive(Model)]
#[model(crate = "stages model")]
struct Stage {
    #[model(required)]
    stage_name: String,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required)]
    stage_name: String,
    #[model(default, rename = "stageName")]
    name: String,
}

fn main() {}

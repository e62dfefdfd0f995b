use stages_model::Model;

#[derive(Model)]
#[model(rename_all = "CamelCase")]
struct Stage {
    #[model(required)]
    stage_name: String,
}

fn main() {}

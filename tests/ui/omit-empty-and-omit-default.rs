use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(default, omit_empty, omit_default)]
    description: String,
}

fn main() {}

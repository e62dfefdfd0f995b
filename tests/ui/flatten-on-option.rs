use stages_model::Model;

#[derive(Model)]
struct Settings {
    burst: Option<u32>,
}

#[derive(Model)]
struct Stage {
    #[model(flatten)]
    settings: Option<Settings>,
}

fn main() {}

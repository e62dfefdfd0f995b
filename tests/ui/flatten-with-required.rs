use stages_model::Model;

#[derive(Model)]
struct Settings {
    burst: Option<u32>,
}

#[derive(Model)]
struct Stage {
    // A flattened struct has no wire name of its own, so nothing to require or rename.
    #[model(flatten, required)]
    settings: Settings,
}

fn main() {}

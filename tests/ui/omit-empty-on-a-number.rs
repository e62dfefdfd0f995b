use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(default, omit_empty)]
    retries: u32,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(skip, required)]
    cache: Vec<String>,
}

fn main() {}

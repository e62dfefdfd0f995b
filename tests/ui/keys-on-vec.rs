use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(keys(length(max = 64)))]
    tags: Option<Vec<String>>,
}

fn main() {}

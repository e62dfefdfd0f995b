use stages_model::Model;

#[derive(Model)]
struct Page<T> {
    #[model(default)]
    items: Vec<T>,
}

fn main() {}

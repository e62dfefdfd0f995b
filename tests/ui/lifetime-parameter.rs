use stages_model::Model;

// A model owns its values: type parameters are supported, lifetimes are not.
#[derive(Model)]
struct Page<'a, T> {
    #[model(default)]
    items: Vec<T>,
    next_token: Option<&'a str>,
}

fn main() {}

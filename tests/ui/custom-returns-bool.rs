use stages_model::Model;

/// A first try at a rule: true when the name is short enough.
fn is_short(name: &str) -> bool {
    name.len() <= 64
}

#[derive(Model)]
struct Function {
    #[model(required, custom = is_short)]
    function_name: String,
}

fn main() {}

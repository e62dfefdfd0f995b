use stages_model::Model;

#[derive(Model)]
struct Person {
    #[model(pattern = "[A-Z][a-z]+")]
    ascii_name: Option<String>,
    #[model(pattern = r"\p{Lu}\p{Ll}+")]
    name: Option<String>,
}

fn main() {}

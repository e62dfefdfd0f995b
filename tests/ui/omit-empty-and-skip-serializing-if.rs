use stages_model::Model;

fn is_blank(value: &String) -> bool {
    value.trim().is_empty()
}

#[derive(Model)]
struct Integration {
    #[model(default, omit_empty, skip_serializing_if = is_blank)]
    description: String,
}

fn main() {}

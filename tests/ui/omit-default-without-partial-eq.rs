use stages_model::Model;

#[derive(Default, Model)]
struct Name {
    #[model(default)]
    value: String,
}

#[derive(Model)]
struct Throttle {
    #[model(omit_default)]
    name: Option<Name>,
}

fn main() {}

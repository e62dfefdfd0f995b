use stages_model::Model;

#[derive(Model)]
struct Stage {
    #[model(required, contains = "")]
    route_key: String,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
struct Route {
    #[model(pattern = "[a-z]+", message = "must be lowercase")]
    route_key: Option<String>,
}

fn main() {}

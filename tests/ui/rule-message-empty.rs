use stages_model::Model;

#[derive(Model)]
struct Route {
    #[model(pattern(regex = "[a-z]+", message = ""))]
    route_key: Option<String>,
}

fn main() {}

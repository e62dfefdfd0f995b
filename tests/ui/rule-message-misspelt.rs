use stages_model::Model;

#[derive(Model)]
struct Route {
    #[model(pattern(regex = "[a-z]+", mesage = "must be lowercase"))]
    route_key: Option<String>,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
struct Route {
    #[model(length(max = 64, code = "route key"))]
    route_key: Option<String>,
}

fn main() {}

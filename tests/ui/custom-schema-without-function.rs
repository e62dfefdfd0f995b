use stages_model::Model;

#[derive(Model)]
struct Route {
    #[model(required, custom(schema = short_schema))]
    route_key: String,
}

fn main() {}

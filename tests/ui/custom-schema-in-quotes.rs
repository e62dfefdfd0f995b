use stages_model::{CustomError, Model};

fn short(_: &str) -> Result<(), CustomError> {
    Ok(())
}

#[derive(Model)]
struct Route {
    #[model(required, custom(short, schema = "short_schema"))]
    route_key: String,
}

fn main() {}

use stages_model::{CustomError, Model};

fn short(_: &str) -> Result<(), CustomError> {
    Ok(())
}

#[derive(Model)]
struct Route {
    #[model(required, custom(short, shema = short_schema))]
    route_key: String,
}

fn main() {}

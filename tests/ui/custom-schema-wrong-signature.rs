use stages_model::{CustomError, Model};

fn short(_: &str) -> Result<(), CustomError> {
    Ok(())
}

// A schema form takes nothing and returns the schema as a `Value`.
fn short_schema(_: &str) -> String {
    String::new()
}

#[derive(Model)]
struct Route {
    #[model(required, custom(short, schema = short_schema))]
    route_key: String,
}

fn main() {}

use stages_model::{CustomError, Model};

fn limited(_: &Route, _: usize) -> Result<(), CustomError> {
    Ok(())
}

fn limited_schema() -> stages_model::schema::Value {
    stages_model::schema::Value::Bool(true)
}

#[derive(Model)]
#[model(custom(limited(3), schema = limited_schema))]
struct Route {
    #[model(required)]
    route_key: String,
}

fn main() {}

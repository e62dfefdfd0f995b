use stages_model::{CustomError, Model};

fn never_mock(_: &Kind) -> Result<(), CustomError> {
    Ok(())
}

// Rules over a whole value apply to structs; an enum is one JSON string.
#[derive(Model)]
#[model(custom = never_mock)]
enum Kind {
    Aws,
    Mock,
}

fn main() {}

use stages_model::{CustomError, Model};

fn arn_of(_value: &str, _service: &str) -> Result<(), CustomError> {
    Ok(())
}

#[derive(Model)]
struct Integration {
    #[model(custom = arn_of("iam", "aws"))]
    credentials_arn: Option<String>,
}

fn main() {}

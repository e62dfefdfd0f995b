use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(custom = checks::arn().of("iam"))]
    credentials_arn: Option<String>,
}

fn main() {}

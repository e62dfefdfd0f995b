use stages_model::{Model, OneOrMany};

#[derive(Model)]
#[model(rename_all = "PascalCase")]
struct Statement {
    // IAM writes "Action": "s3:GetObject" or "Action": ["s3:GetObject", ...].
    #[model(required, values(pattern = "[a-z0-9-]+:[A-Za-z*]+"))]
    action: OneOrMany<String>,
}

fn main() {}

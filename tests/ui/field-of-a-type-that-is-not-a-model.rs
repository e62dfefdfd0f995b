use stages_model::Model;

/// A type of the user's own, without `#[derive(Model)]` (or serde's derives).
#[derive(Debug)]
pub struct RoleArn(String);

#[derive(Model)]
struct CreateFunctionRequest {
    #[model(required)]
    role: RoleArn,
}

fn main() {}

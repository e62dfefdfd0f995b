use stages_model::Model;

#[derive(Model)]
enum AuthorizationType {
    None,
    Jwt,
    #[model(other)]
    Unknown(u32),
}

fn main() {}

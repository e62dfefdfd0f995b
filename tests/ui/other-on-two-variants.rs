use stages_model::Model;

#[derive(Model)]
enum AuthorizationType {
    None,
    #[model(other)]
    Unknown(String),
    #[model(other)]
    Newer(String),
}

fn main() {}

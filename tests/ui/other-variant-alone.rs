use stages_model::Model;

#[derive(Model)]
enum AuthorizationType {
    #[model(other)]
    Unknown(String),
}

fn main() {}

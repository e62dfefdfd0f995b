use stages_model::Model;

#[derive(Model)]
enum AuthorizationType {
    None,
    #[model(other, rename = "UNKNOWN")]
    Unknown(String),
}

fn main() {}

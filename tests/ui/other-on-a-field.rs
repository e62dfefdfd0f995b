use stages_model::Model;

#[derive(Model)]
struct Route {
    #[model(other)]
    authorization_type: Option<String>,
}

fn main() {}

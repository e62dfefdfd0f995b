use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(alias = "")]
    integration_uri: Option<String>,
}

fn main() {}

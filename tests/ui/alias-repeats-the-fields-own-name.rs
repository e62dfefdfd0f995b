use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(alias = "integrationUri")]
    integration_uri: Option<String>,
}

fn main() {}

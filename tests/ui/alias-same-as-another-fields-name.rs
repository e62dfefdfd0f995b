use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(required)]
    integration_uri: String,
    #[model(alias = "integrationUri")]
    integration_url: Option<String>,
}

fn main() {}

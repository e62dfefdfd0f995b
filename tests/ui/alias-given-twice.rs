use stages_model::Model;

#[derive(Model)]
struct Integration {
    #[model(alias = "uri", alias = "uri")]
    integration_uri: Option<String>,
}

fn main() {}

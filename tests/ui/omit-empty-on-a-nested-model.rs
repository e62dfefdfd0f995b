use stages_model::Model;

#[derive(Model)]
struct TlsConfig {
    server_name_to_verify: Option<String>,
}

#[derive(Model)]
struct Integration {
    #[model(omit_empty)]
    tls_config: Option<TlsConfig>,
}

fn main() {}

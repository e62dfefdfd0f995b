use stages_model::Model;

#[derive(Model)]
#[model(require(tls_config, when(secure = "true")), require(name, when(retries = true)))]
struct Integration {
    secure: Option<bool>,
    retries: Option<u8>,
    tls_config: Option<String>,
    name: Option<String>,
}

fn main() {}

use stages_model::Model;

fn default_timeout() -> Option<u32> {
    Some(29_000)
}

#[derive(Model)]
struct Integration {
    #[model(default = default_timeout)]
    timeout_in_millis: Option<u32>,
}

fn main() {}

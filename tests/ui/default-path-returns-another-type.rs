use stages_model::Model;

fn default_timeout() -> u64 {
    29_000
}

#[derive(Model)]
struct Integration {
    #[model(default = default_timeout)]
    timeout_in_millis: u32,
}

fn main() {}

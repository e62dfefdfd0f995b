use stages_model::Model;

fn is_zero(value: &u32) -> bool {
    *value == 0
}

#[derive(Model)]
struct Integration {
    #[model(default, skip_serializing_if = "is_zero")]
    retries: u32,
}

fn main() {}

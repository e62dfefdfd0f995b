use stages_model::Model;

// Rules that do not fit their fields are all reported by one compile.
#[derive(Model)]
struct Stage {
    stage_name: String,
    #[model(required)]
    description: Option<String>,
    #[model(default, pattern = "[0-9]+")]
    throttling_burst_limit: i32,
    #[model(default, length(min = 5, max = 2))]
    tags: Vec<String>,
}

fn main() {}

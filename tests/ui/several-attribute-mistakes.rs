use stages_model::Model;

// Mistakes in the attribute grammar are all reported by one compile.
#[derive(Model)]
#[model(rename_all = "camel")]
struct Stage {
    #[model(required, lenght(max = 128))]
    stage_name: String,
    #[model(custom = "check_description")]
    description: Option<String>,
    #[model(default, range(min = 0), range(max = 5000))]
    throttling_burst_limit: i32,
}

fn main() {}

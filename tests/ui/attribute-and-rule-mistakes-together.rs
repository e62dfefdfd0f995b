// A misspelt rule and a rule that does not fit its type are reported in the same compile.
use stages_model::Model;

#[derive(Model)]
struct CreateStage {
    #[model(requird, length(min = 1, max = 128))]
    stage_name: String,
    #[model(pattern = "[0-9]+")]
    burst_limit: Option<i32>,
}

fn main() {}

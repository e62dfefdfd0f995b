use stages_model::Model;

#[derive(Model)]
struct RouteSettings {
    #[model(default, pattern = "[0-9]+")]
    throttling_burst_limit: i32,
}

fn main() {}

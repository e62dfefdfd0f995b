use stages_model::Model;

#[derive(Model)]
struct RouteSettings {
    #[model(default, length(max = 5000))]
    throttling_burst_limit: i32,
}

fn main() {}

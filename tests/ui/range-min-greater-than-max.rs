use stages_model::Model;

#[derive(Model)]
struct RouteSettings {
    #[model(default, range(min = 10, max = 1))]
    throttling_burst_limit: i32,
}

fn main() {}

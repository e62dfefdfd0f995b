use stages_model::Model;

#[derive(Model)]
struct RouteSettings {
    #[model(default, range(min = 0.5))]
    throttling_burst_limit: i32,
}

fn main() {}

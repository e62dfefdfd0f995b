use stages_model::Model;

#[derive(Model)]
struct RouteSettings {
    #[model(default, range(min = 0, max = 3000000000))]
    throttling_burst_limit: i32,
}

fn main() {}

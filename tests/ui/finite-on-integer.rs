use stages_model::Model;

#[derive(Model)]
struct RouteSettings {
    #[model(default, finite)]
    throttling_burst_limit: i32,
}

fn main() {}

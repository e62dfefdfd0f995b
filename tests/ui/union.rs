use stages_model::Model;

#[derive(Model)]
union Limit {
    burst: i32,
    rate: f64,
}

fn main() {}

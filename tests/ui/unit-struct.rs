use stages_model::Model;

#[derive(Model)]
struct Stage;

fn main() {}

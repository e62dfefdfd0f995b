use stages_model::Model;

#[derive(Model)]
struct StageName(String);

fn main() {}

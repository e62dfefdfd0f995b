use stages_model::Model;

#[derive(Model)]
#[model(require(connection_id))]
struct Integration {
    connection_id: Option<String>,
}

fn main() {}

use stages_model::Model;

struct Connection;

#[derive(Model)]
struct Integration {
    #[model(skip)]
    connection: Connection,
}

fn main() {}

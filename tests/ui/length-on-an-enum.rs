use stages_model::Model;

#[derive(Model)]
enum Protocol {
    Http,
    Websocket,
}

#[derive(Model)]
struct Api {
    #[model(length(max = 3))]
    protocol_type: Option<Protocol>,
}

fn main() {}

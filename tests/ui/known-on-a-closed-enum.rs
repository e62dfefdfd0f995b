use stages_model::Model;

#[derive(Model)]
enum Protocol {
    Http,
    Websocket,
}

#[derive(Model)]
struct CreateApi {
    #[model(known)]
    protocol_type: Option<Protocol>,
}

fn main() {}

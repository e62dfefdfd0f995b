use stages_model::Model;

#[derive(Model)]
enum Protocol {
    Http,
    Websocket,
}

#[derive(Model)]
struct Api {
    // A required member needs a stand-in value (its type's `Default`) while decoding goes on to
    // find other violations; `Protocol` has none.
    #[model(required)]
    protocol: Protocol,
}

fn main() {}

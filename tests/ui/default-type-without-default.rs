use stages_model::Model;

#[derive(Model)]
enum Protocol {
    Http,
    Websocket,
}

#[derive(Model)]
struct Api {
    // An absent `default` member takes its type's `Default`; `Protocol` has none. (A `required`
    // member needs nothing of the kind: no value is ever made up for it.)
    #[model(default)]
    protocol: Protocol,
}

fn main() {}

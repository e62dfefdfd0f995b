use stages_model::Model;

#[derive(Model)]
enum Protocol {
    Http,
    #[model(alias = "HTTP")]
    Websocket,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
enum Kind {
    Http,
    #[model(other)]
    Unknown(String),
}

#[derive(Model)]
struct Request {
    #[model(known)]
    kinds: Option<Vec<Kind>>,
}

fn main() {}

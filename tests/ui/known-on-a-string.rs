use stages_model::Model;

#[derive(Model)]
struct CreateApi {
    #[model(known)]
    protocol_type: Option<String>,
}

fn main() {}

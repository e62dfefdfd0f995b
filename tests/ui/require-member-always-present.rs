use stages_model::Model;

#[derive(Model)]
#[model(require(connection_id, when(connection_type = "VPC_LINK")))]
struct Integration {
    connection_type: Option<String>,
    #[model(required)]
    connection_id: String,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
// `connectionId` is the wire name; `require` names the Rust field.
#[model(require(connectionId, when(connection_type = "VPC_LINK")))]
struct Integration {
    connection_type: Option<String>,
    connection_id: Option<String>,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
enum ConnectionType {
    Internet,
    VpcLink,
}

#[derive(Model)]
// The wire name is `VPC_LINK`.
#[model(require(connection_id, when(connection_type = "VPCLINK")))]
struct Integration {
    connection_type: Option<ConnectionType>,
    connection_id: Option<String>,
}

fn main() {}

use stages_model::Model;

// `required` is said of a field, not of the whole struct.
#[derive(Model)]
#[model(required)]
struct Account {
    account_id: Option<String>,
}

fn main() {}

use stages_model::Model;

#[derive(Model)]
struct Account {
    // `skip_schema` is said of a whole model, not of one field.
    #[model(required, skip_schema)]
    account_id: String,
}

fn main() {}

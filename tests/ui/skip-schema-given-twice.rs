use stages_model::Model;

#[derive(Model)]
#[model(skip_schema, skip_schema)]
struct Account {
    #[model(required, pattern = r"\d{12}")]
    account_id: String,
}

fn main() {}

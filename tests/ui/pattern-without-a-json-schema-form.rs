use stages_model::Model;

#[derive(Model)]
struct Account {
    // `\d` is every Unicode digit here, and ASCII digits only in ECMA-262.
    #[model(required, pattern = r"\d{12}")]
    account_id: String,
}

fn main() {}

use stages_model::{from_json, Model};

/// A type of the user's own, without `#[derive(Model)]`.
#[derive(Debug)]
struct Layer {
    arn: String,
}

#[derive(Model)]
struct Page<T> {
    #[model(default)]
    items: Vec<T>,
}

fn main() {
    let _ = from_json::<Page<Layer>>(r#"{"items": [{"arn": "arn:aws:lambda:::layer:x"}]}"#);
}

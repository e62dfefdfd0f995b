use std::collections::BTreeMap;

use stages_model::{from_json, Model};

#[derive(Model)]
struct Page<T> {
    #[model(default)]
    items: Vec<T>,
}

fn main() {
    // The derive cannot see the key type here: the runtime's `MapKey` says what is wrong.
    let _ = from_json::<Page<BTreeMap<u16, String>>>(r#"{"items": [{"80": "http"}]}"#);
}

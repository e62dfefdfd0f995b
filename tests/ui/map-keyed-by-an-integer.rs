use std::collections::{BTreeMap, HashMap};

use stages_model::Model;

#[derive(Model)]
struct Listener {
    // A JSON object's keys are text: `{"80": "http"}`.
    port_names: Option<BTreeMap<u16, String>>,
    // Rules on the keys do not make them text.
    #[model(keys(length(max = 5)))]
    weights: Option<HashMap<u32, String>>,
    // Nor does depth.
    #[model(default)]
    by_zone: Vec<BTreeMap<String, BTreeMap<bool, String>>>,
}

fn main() {}

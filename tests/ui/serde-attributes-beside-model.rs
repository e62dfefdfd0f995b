use stages_model::Model;

// Written as for `#[derive(Deserialize)]`.
#[derive(Model)]
#[serde(rename_all = "PascalCase")]
struct FunctionConfiguration {
    #[serde(default)]
    memory_size: u32,
    #[serde(skip_serializing_if = "Option::is_none", default = "no_name")]
    function_name: Option<String>,
    #[serde(with = "my_format", default)]
    handler: Option<String>,
}

fn main() {}

use stages_model::{from_json, Model, Validate};
use std::collections::BTreeMap;

#[derive(Debug, Model, PartialEq)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
enum Level {
    Error,
    Info,
    Off,
}

#[derive(Debug, Model, PartialEq, Default)]
struct Settings {
    #[model(range(min = 0, max = 5000))]
    burst_limit: Option<i32>,
    level: Option<Level>,
    #[model(finite, range(min = 0.0))]
    rate: Option<f64>,
}

#[derive(Debug, Model, PartialEq)]
struct Doc {
    #[model(required, length(min = 1, max = 8), pattern = "[a-z]+")]
    name: String,
    #[model(keys(pattern = "[A-Za-z0-9_]+"), values(length(max = 4)))]
    vars: Option<BTreeMap<String, String>>,
    routes: Option<BTreeMap<String, Settings>>,
    #[model(default)]
    items: Vec<Settings>,
}

#[test]
fn smoke() {
    let d: Doc = from_json(
        r#"{"name":"abc","vars":{"a":"b"},"routes":{"GET /x":{"burstLimit":4}},"items":[{}]}"#,
    )
    .unwrap();
    println!("{d:?}");
    println!("{}", serde_json::to_string(&d).unwrap());
    d.validate().unwrap();
    let e = from_json::<Doc>(r#"{"vars":{"a b":"bbbbbb"},"routes":{"GET /x":{"burstLimit":40000,"level":"DEBUG"}},"items":[{},{"rate":-1}], "extra": 1}"#).unwrap_err();
    println!("{e}\n{:?}", e.pointers());
    let e =
        from_json::<Doc>(r#"{"name":"abc","routes":{"GET /x":{"burstLimit":"x"}}}"#).unwrap_err();
    println!("{e}\n{:?}", e.pointers());
    let e = serde_json::from_str::<Doc>(r#"{"name":"abc","routes":{"GET /x":{"burstLimit":"x"}}}"#)
        .unwrap_err();
    println!("{e}");
    let e = from_json::<Doc>(r#"{"name":"abc","routes":{"GET /x":{"burstLimit": }}}"#).unwrap_err();
    println!("{e}\n{:?} {}", e.pointers(), e.violations()[0].rule());
    let e = serde_json::from_str::<Doc>(r#"{"vars":{"a b":"bbbbbb"}}"#).unwrap_err();
    println!("{e}");
}

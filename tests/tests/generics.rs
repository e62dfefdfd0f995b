//! Generic models: bounds are inferred from the fields, as serde infers them.

use stages_model::{from_json, Model, Validate};

#[derive(Debug, Clone, PartialEq, Model)]
struct Item {
    #[model(required, length(min = 1, max = 8))]
    id: String,
}

/// A page of any model (or plain value), as list operations return.
#[derive(Debug, Clone, PartialEq, Model)]
struct Page<T> {
    #[model(default, length(max = 3))]
    items: Vec<T>,
    #[model(length(min = 1))]
    next_token: Option<String>,
}

/// A parameter used only through a container, next to one the fields never use.
#[derive(Debug, Model)]
struct Keyed<K, V> {
    #[model(required)]
    by_name: std::collections::BTreeMap<String, V>,
    #[model(default)]
    marker: std::marker::PhantomData<K>,
}

#[test]
fn a_page_of_models_decodes_validates_and_encodes() {
    let page: Page<Item> = from_json(r#"{"items": [{"id": "a"}], "nextToken": "t"}"#).unwrap();
    assert_eq!(page.items, [Item { id: "a".into() }]);
    assert_eq!(page.validate(), Ok(()));
    assert_eq!(
        serde_json::to_string(&page).unwrap(),
        r#"{"items":[{"id":"a"}],"nextToken":"t"}"#
    );
    let errors = from_json::<Page<Item>>(
        r#"{"items": [{"id": ""}, {}, {"id": "abc"}, {"id": "123456789"}], "nextToken": ""}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.pointers(),
        ["/items/0/id", "/items/1/id", "/items/3/id", "/nextToken"],
        "{errors}"
    );
    let built = Page {
        items: vec![Item { id: String::new() }; 4],
        next_token: None,
    };
    assert_eq!(
        built.validate().unwrap_err().pointers(),
        [
            "/items/0/id",
            "/items/1/id",
            "/items/2/id",
            "/items/3/id",
            "/items"
        ]
    );
}

#[test]
fn a_page_of_plain_values() {
    let page: Page<String> = from_json(r#"{"items": ["a", "b"]}"#).unwrap();
    assert_eq!(page.items, ["a", "b"]);
    let errors = from_json::<Page<u8>>(r#"{"items": [1, 2, 3, 4], "nextToken": 5}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/items", "/nextToken"], "{errors}");
}

#[test]
fn pages_of_pages_and_unused_parameters() {
    let errors =
        from_json::<Page<Page<Item>>>(r#"{"items": [{"items": [{"id": ""}]}]}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/items/0/items/0/id"]);
    // `K` is used by no field that needs it: no bound, so any type will do.
    #[derive(Debug)]
    struct NotAModel;
    let keyed: Keyed<NotAModel, Item> = from_json(r#"{"byName": {"x": {"id": "a"}}}"#).unwrap();
    assert_eq!(keyed.by_name["x"].id, "a");
    let errors = from_json::<Keyed<NotAModel, Item>>(r#"{"byName": {"x": {}}}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/byName/x/id"]);
}

/// Flattening and struct rules in a generic model.
#[derive(Debug, Model)]
#[model(require(by_id, when(complete = false)))]
struct Listing<T> {
    #[model(flatten)]
    page: Page<T>,
    complete: Option<bool>,
    by_id: Option<std::collections::HashMap<String, T>>,
}

#[test]
fn generic_models_flatten_and_carry_struct_rules() {
    let listing: Listing<Item> =
        from_json(r#"{"items": [{"id": "a"}], "complete": true, "byId": {"a": {"id": "a"}}}"#)
            .unwrap();
    assert_eq!(listing.page.items.len(), 1);
    assert_eq!(listing.by_id.unwrap()["a"].id, "a");
    let errors = from_json::<Listing<Item>>(
        r#"{"items": [{"id": ""}], "complete": true, "byId": {"b": {}}}"#,
    )
    .unwrap_err();
    assert_eq!(errors.pointers(), ["/items/0/id", "/byId/b/id"], "{errors}");
    let errors = from_json::<Listing<Item>>(r#"{"complete": false}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/byId"], "{errors}");
    assert_eq!(
        errors.to_string(),
        "byId: is required when complete is false"
    );
}

/// A set of any orderable model or value: its items need `Ord` (to be a set) and `Serialize`
/// (to be named when one repeats), which the author states.
#[derive(Debug, Model)]
struct Distinct<T>
where
    T: Ord + stages_model::serde::Serialize,
{
    #[model(required)]
    items: std::collections::BTreeSet<T>,
}

#[test]
fn a_generic_set_reports_a_repeated_item() {
    let distinct: Distinct<u8> = from_json(r#"{"items": [3, 1]}"#).unwrap();
    assert_eq!(distinct.items.len(), 2);
    let errors = from_json::<Distinct<u8>>(r#"{"items": [3, 1, 3]}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/items/2"], "{errors}");
}

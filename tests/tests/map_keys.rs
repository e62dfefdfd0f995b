//! Map members keyed by a type of the user's own that holds text (`MapKey`), or by an enum
//! deriving `Model` (SQS's `Attributes`, keyed by attribute name): decoded, checked, reported at
//! their key and encoded like `String` keys, directly and through a generic model.

use std::collections::{BTreeMap, HashMap};

use stages_model::serde::{Deserialize, Deserializer, Serialize, Serializer};
use stages_model::{from_json, MapKey, Model, Validate};

/// A tag key, kept apart from other strings by its type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct TagKey(String);

impl MapKey for TagKey {
    fn as_key(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for TagKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(TagKey)
    }
}

impl Serialize for TagKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[derive(Debug, Model)]
struct Tagged {
    #[model(keys(length(min = 1, max = 4)), values(length(max = 3)))]
    tags: Option<BTreeMap<TagKey, String>>,
    #[model(default)]
    counts: HashMap<TagKey, u32>,
}

#[derive(Debug, Model)]
struct Page<T> {
    #[model(default)]
    items: Vec<T>,
}

#[test]
fn keys_of_a_type_of_ones_own_decode_and_encode_as_text() {
    let tagged: Tagged = from_json(r#"{"tags": {"env": "dev"}, "counts": {"a": 1}}"#).unwrap();
    let tags = tagged.tags.as_ref().unwrap();
    assert_eq!(tags[&TagKey("env".into())], "dev");
    assert_eq!(tagged.counts[&TagKey("a".into())], 1);
    assert_eq!(
        serde_json::to_string(&tagged).unwrap(),
        r#"{"tags":{"env":"dev"},"counts":{"a":1}}"#
    );
}

#[test]
fn their_rules_and_repeats_are_reported_at_the_key() {
    let errors = from_json::<Tagged>(
        r#"{"tags": {"": "x", "owner": "x", "env": "prod", "env": "dev"}, "counts": {"a": 1, "a": 2}}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.pointers(),
        [
            "/tags/",
            "/tags/owner",
            "/tags/env",
            "/tags/env",
            "/counts/a"
        ],
        "{errors}"
    );
    let rules: Vec<&str> = errors.violations().iter().map(|v| v.rule()).collect();
    assert_eq!(
        rules,
        ["length", "length", "length", "duplicate", "duplicate"]
    );

    let built = Tagged {
        tags: Some(BTreeMap::from([(TagKey("owner".into()), "x".into())])),
        counts: HashMap::new(),
    };
    assert_eq!(built.validate().unwrap_err().pointers(), ["/tags/owner"]);
}

#[test]
fn a_generic_model_holds_maps_keyed_by_them() {
    let page: Page<BTreeMap<TagKey, u32>> = from_json(r#"{"items": [{"a": 1}, {}]}"#).unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0][&TagKey("a".into())], 1);
    let errors =
        from_json::<Page<BTreeMap<TagKey, u32>>>(r#"{"items": [{"a": 1, "a": 2}]}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/items/0/a"], "{errors}");
}

/// `QueueAttributeName` (a few of SQS's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Model)]
#[model(rename_all = "PascalCase")]
enum QueueAttributeName {
    DelaySeconds,
    MaximumMessageSize,
    FifoQueue,
}

/// The same names, keeping those newer than the model.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Model)]
#[model(rename_all = "PascalCase")]
enum ReturnedAttributeName {
    DelaySeconds,
    FifoQueue,
    #[model(other)]
    Unknown(String),
}

/// The body of SQS's `CreateQueue`, in part.
#[derive(Debug, Model)]
#[model(rename_all = "PascalCase")]
struct CreateQueueRequest {
    #[model(required, length(min = 1, max = 80))]
    queue_name: String,
    #[model(values(length(max = 6)))]
    attributes: Option<BTreeMap<QueueAttributeName, String>>,
}

/// A request that names attributes by an open enum: unknown names are kept, and `known` on
/// the keys refuses them.
#[derive(Debug, Model)]
#[model(rename_all = "PascalCase")]
struct OpenRequest {
    #[model(keys(known))]
    attributes: Option<HashMap<ReturnedAttributeName, String>>,
    returned: Option<HashMap<ReturnedAttributeName, String>>,
}

#[test]
fn an_enum_keys_a_map_by_its_wire_values() {
    let request: CreateQueueRequest = from_json(
        r#"{"QueueName": "q", "Attributes": {"DelaySeconds": "10", "FifoQueue": "true"}}"#,
    )
    .unwrap();
    let attributes = request.attributes.as_ref().unwrap();
    assert_eq!(attributes[&QueueAttributeName::DelaySeconds], "10");
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"QueueName":"q","Attributes":{"DelaySeconds":"10","FifoQueue":"true"}}"#
    );
    let built = CreateQueueRequest {
        queue_name: "q".into(),
        attributes: Some(BTreeMap::from([(
            QueueAttributeName::MaximumMessageSize,
            "1048577".into(),
        )])),
    };
    assert_eq!(
        built.validate().unwrap_err().pointers(),
        ["/Attributes/MaximumMessageSize"]
    );
}

#[test]
fn a_key_the_enum_does_not_know_is_reported_at_its_entry_and_decoding_goes_on() {
    let errors = from_json::<CreateQueueRequest>(
        r#"{"QueueName": "", "Attributes": {"Delay": 10, "MaximumMessageSize": "1048577",
            "Delay": "1", "FifoQueue": "true"}}"#,
    )
    .unwrap_err();
    let found: Vec<(String, &str, &str)> = errors
        .violations()
        .iter()
        .map(|v| (v.pointer(), v.rule(), v.message()))
        .collect();
    let delay = r#"must be one of DelaySeconds, MaximumMessageSize, FifoQueue; found "Delay""#;
    assert_eq!(
        found,
        [
            (
                "/QueueName".to_owned(),
                "length",
                "must be 1 to 80 characters long, found 0"
            ),
            ("/Attributes/Delay".to_owned(), "enum", delay),
            (
                "/Attributes/Delay".to_owned(),
                "type",
                "expected a string, found the number 10"
            ),
            (
                "/Attributes/MaximumMessageSize".to_owned(),
                "length",
                "must be at most 6 characters long, found 7"
            ),
            ("/Attributes/Delay".to_owned(), "enum", delay),
            (
                "/Attributes/Delay".to_owned(),
                "duplicate",
                "key must appear only once"
            ),
        ],
        "{errors}"
    );
}

#[test]
fn an_open_enum_keeps_new_keys_and_known_refuses_them() {
    let request: OpenRequest =
        from_json(r#"{"Returned": {"DelaySeconds": "1", "KmsMasterKeyId": "alias/k"}}"#).unwrap();
    let returned = request.returned.as_ref().unwrap();
    assert_eq!(
        returned[&ReturnedAttributeName::Unknown("KmsMasterKeyId".into())],
        "alias/k"
    );
    let errors = from_json::<OpenRequest>(
        r#"{"Attributes": {"DelaySeconds": "1", "KmsMasterKeyId": "alias/k"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        errors.pointers(),
        ["/Attributes/KmsMasterKeyId"],
        "{errors}"
    );
    assert_eq!(errors.violations()[0].rule(), "enum");
}

#[test]
fn the_schema_names_the_keys_of_an_enum_keyed_map() {
    let schema = stages_model::schema_for::<CreateQueueRequest>();
    let attributes = &schema["$defs"]["CreateQueueRequest"]["properties"]["Attributes"];
    let text = attributes.to_string();
    assert!(text.contains("propertyNames"), "{text}");
    assert!(text.contains("QueueAttributeName"), "{text}");
}

//! Map members keyed by a type of the user's own that holds text (`MapKey`): decoded, checked,
//! reported at their key and encoded like `String` keys, directly and through a generic model.

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

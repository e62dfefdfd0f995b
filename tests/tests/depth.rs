//! Rules at any depth (`values(values(..))`, `values(keys(..))`, …) and rules on sets: each
//! violation's path reaches the level it was found at, from `validate()` and from decoding.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use stages_model::{from_json, Model, Validate};

#[derive(Debug, Default, Model)]
struct Deep {
    /// A map of maps, as API Gateway's `responseParameters`: status code → (mapping → value).
    #[model(
        keys(pattern = "[0-9]{3}"),
        values(
            length(min = 1),
            keys(pattern = "(append|overwrite|remove):[a-z.]+"),
            values(length(max = 4))
        )
    )]
    response_parameters: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// A list of lists.
    #[model(values(length(max = 2), values(pattern = "[a-z]+")))]
    grid: Option<Vec<Vec<String>>>,
    /// A list of maps.
    #[model(values(keys(length(max = 3))))]
    rows: Option<Vec<BTreeMap<String, u32>>>,
    /// Three levels.
    #[model(values(values(values(range(max = 9)))))]
    cube: Option<Vec<Vec<Vec<u8>>>>,
    /// A sorted set: `length` counts items, `values` checks each.
    #[model(length(min = 1, max = 3), values(length(min = 2)))]
    scopes: Option<BTreeSet<String>>,
    /// A hashed set.
    #[model(length(max = 2), values(range(min = 1)))]
    ports: Option<HashSet<u16>>,
}

#[test]
fn a_map_of_maps_reports_keys_and_values_at_their_level() {
    let json = r#"{"responseParameters": {
        "200": {"overwrite:header.x": "ok", "rewrite:header.y": "ok"},
        "20x": {"remove:querystring.z": "too long"},
        "404": {}
    }}"#;
    let errors = from_json::<Deep>(json).unwrap_err();
    assert_eq!(
        errors.pointers(),
        [
            "/responseParameters/200/rewrite:header.y",
            "/responseParameters/20x",
            "/responseParameters/20x/remove:querystring.z",
            "/responseParameters/404",
        ]
    );
    let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
    assert_eq!(rules, ["pattern", "pattern", "length", "length"]);
    assert!(errors.violations()[0]
        .message()
        .starts_with("key must match"));
}

#[test]
fn lists_of_lists_and_of_maps_put_every_index_and_key_on_the_path() {
    let json = r#"{
        "grid": [["a", "B"], ["c", "d", "e"]],
        "rows": [{"ok": 1}, {"long": 2}],
        "cube": [[[1, 10]], [[], [11]]]
    }"#;
    let errors = from_json::<Deep>(json).unwrap_err();
    assert_eq!(
        errors.pointers(),
        [
            "/grid/0/1",
            "/grid/1",
            "/rows/1/long",
            "/cube/0/0/1",
            "/cube/1/1/0",
        ]
    );
}

#[test]
fn sets_take_length_and_values() {
    let errors =
        from_json::<Deep>(r#"{"scopes": ["read", "w", "x", "write"], "ports": [0, 1, 2]}"#)
            .unwrap_err();
    // A set is reported by position in its own order: sorted for a BTreeSet (read, w, write, x).
    let found: Vec<(String, &str)> = errors.iter().map(|v| (v.pointer(), v.rule())).collect();
    assert_eq!(
        found,
        [
            ("/scopes".to_owned(), "length"),
            ("/scopes/1".to_owned(), "length"),
            ("/scopes/3".to_owned(), "length"),
            ("/ports".to_owned(), "length"),
            // Which position 0 takes in a HashSet is unspecified; there is exactly one.
            (errors.violations()[4].pointer(), "range"),
        ]
    );
    assert!(from_json::<Deep>(r#"{"scopes": ["read"], "ports": [443]}"#).is_ok());
    let empty = Deep {
        scopes: Some(BTreeSet::new()),
        ..Deep::default()
    };
    assert_eq!(empty.validate().unwrap_err().pointers(), ["/scopes"]);
}

#[test]
fn validate_and_decoding_agree_at_depth() {
    let json = r#"{"responseParameters": {"500": {"append:x": "12345"}}, "grid": [["Z"]]}"#;
    let decoded = from_json::<Deep>(json).unwrap_err().pointers();
    let built = Deep {
        response_parameters: Some(BTreeMap::from([(
            "500".to_owned(),
            BTreeMap::from([("append:x".to_owned(), "12345".to_owned())]),
        )])),
        grid: Some(vec![vec!["Z".to_owned()]]),
        ..Deep::default()
    };
    assert_eq!(built.validate().unwrap_err().pointers(), decoded);
    assert_eq!(decoded, ["/responseParameters/500/append:x", "/grid/0/0"]);
}

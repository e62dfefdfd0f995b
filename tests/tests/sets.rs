//! Sets on the wire: a JSON array of distinct items. An item that repeats one before it is a
//! `duplicate` violation at its own index, never merged without a word, and decoding goes on.

use std::collections::{BTreeSet, HashSet};

use stages_model::{from_json, from_json_value, Model};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Model)]
enum Scope {
    Read,
    Write,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Model)]
struct Port {
    #[model(required, range(min = 1))]
    number: u16,
}

#[derive(Debug, Default, Model)]
struct Grants {
    #[model(values(length(min = 2)))]
    names: Option<BTreeSet<String>>,
    ports: Option<HashSet<u16>>,
    scopes: Option<BTreeSet<Scope>>,
    listeners: Option<BTreeSet<Port>>,
    #[model(length(max = 3))]
    note: Option<String>,
    groups: Option<Vec<BTreeSet<String>>>,
}

/// The (pointer, rule, message) of each violation, in the order reported.
fn found(json: &str) -> Vec<(String, String, String)> {
    from_json::<Grants>(json)
        .unwrap_err()
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned(), v.message().to_owned()))
        .collect()
}

fn row(pointer: &str, rule: &str, message: &str) -> (String, String, String) {
    (pointer.to_owned(), rule.to_owned(), message.to_owned())
}

#[test]
fn a_repeated_item_is_a_duplicate_at_its_index() {
    assert_eq!(
        found(r#"{"names": ["ab", "cd", "ab"]}"#),
        [row(
            "/names/2",
            "duplicate",
            r#"items must be distinct; found "ab" again"#
        )]
    );
    assert_eq!(
        found(r#"{"ports": [443, 80, 443, 443]}"#),
        [
            row(
                "/ports/2",
                "duplicate",
                "items must be distinct; found 443 again"
            ),
            row(
                "/ports/3",
                "duplicate",
                "items must be distinct; found 443 again"
            ),
        ]
    );
    // Enums are named by their wire value.
    assert_eq!(
        found(r#"{"scopes": ["WRITE", "READ", "WRITE"]}"#),
        [row(
            "/scopes/2",
            "duplicate",
            r#"items must be distinct; found "WRITE" again"#
        )]
    );
    // A model item is shown as its JSON.
    assert_eq!(
        found(r#"{"listeners": [{"number": 1}, {"number": 1}]}"#),
        [row(
            "/listeners/1",
            "duplicate",
            r#"items must be distinct; found {"number":1} again"#
        )]
    );
}

#[test]
fn distinct_items_decode() {
    let grants =
        from_json::<Grants>(r#"{"names": ["ab", "cd"], "ports": [80, 443], "scopes": []}"#)
            .unwrap();
    assert_eq!(grants.names.unwrap().len(), 2);
    assert_eq!(grants.ports.unwrap(), HashSet::from([80, 443]));
    assert_eq!(grants.scopes.unwrap(), BTreeSet::new());
}

#[test]
fn a_long_repeated_item_is_cut_in_its_message() {
    let long = "x".repeat(200);
    let errors = found(&format!(r#"{{"names": ["{long}", "{long}"]}}"#));
    assert_eq!(errors.len(), 1);
    let (pointer, rule, message) = &errors[0];
    assert_eq!((pointer.as_str(), rule.as_str()), ("/names/1", "duplicate"));
    let shown = format!("\"{}…", "x".repeat(63));
    assert_eq!(
        message,
        &format!("items must be distinct; found {shown} again")
    );
}

#[test]
fn decoding_goes_on_and_reports_everything_in_document_order() {
    // Item rules are checked on the decoded set, in its own order (as `validate()` sees it).
    assert_eq!(
        found(
            r#"{"names": ["x", "x", "ok"], "listeners": [{"number": 0}, {"number": 2},
                {"number": 2}], "note": "long"}"#
        ),
        [
            row(
                "/names/1",
                "duplicate",
                r#"items must be distinct; found "x" again"#
            ),
            row(
                "/names/1",
                "length",
                "must be at least 2 characters long, found 1"
            ),
            row(
                "/listeners/0/number",
                "range",
                "must be at least 1, found 0"
            ),
            row(
                "/listeners/2",
                "duplicate",
                r#"items must be distinct; found {"number":2} again"#
            ),
            row(
                "/note",
                "length",
                "must be at most 3 characters long, found 4"
            ),
        ]
    );
}

#[test]
fn a_type_error_elsewhere_hides_no_repeated_item() {
    let errors = found(r#"{"ports": [1, 1], "scopes": ["READ", 5, "READ"], "note": 7}"#);
    let pairs: Vec<(&str, &str)> = errors
        .iter()
        .map(|(pointer, rule, _)| (pointer.as_str(), rule.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("/ports/1", "duplicate"),
            ("/scopes/1", "type"),
            ("/scopes/2", "duplicate"),
            ("/note", "type"),
        ]
    );
}

#[test]
fn a_set_inside_a_list_reports_at_both_indexes() {
    assert_eq!(
        found(r#"{"groups": [["a"], ["b", "c", "b"]]}"#),
        [row(
            "/groups/1/2",
            "duplicate",
            r#"items must be distinct; found "b" again"#
        )]
    );
}

#[test]
fn a_parsed_value_reports_repeated_items_too() {
    let value = serde_json::json!({"names": ["ab", "ab"]});
    let errors = from_json_value::<Grants>(value).unwrap_err();
    assert_eq!(errors.pointers(), ["/names/1"]);
    assert_eq!(errors.violations()[0].rule(), "duplicate");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

    /// Any list of small numbers: every item equal to an earlier one is reported at its index,
    /// in order, and a list without repeats decodes to the set of its items.
    #[test]
    fn every_repeat_is_reported_at_its_index(
        items in proptest::collection::vec(0u16..6, 0..12),
    ) {
        let json = serde_json::json!({ "ports": items, "names": items.iter().map(|n| format!("n{n}")).collect::<Vec<_>>() }).to_string();
        let repeats: Vec<usize> = (0..items.len())
            .filter(|&index| items[..index].contains(&items[index]))
            .collect();
        match from_json::<Grants>(&json) {
            Ok(grants) => {
                proptest::prop_assert!(repeats.is_empty());
                proptest::prop_assert_eq!(grants.ports.unwrap(), items.iter().copied().collect::<HashSet<_>>());
            }
            Err(errors) => {
                let expected: Vec<String> = repeats
                    .iter()
                    .map(|index| format!("/names/{index}"))
                    .chain(repeats.iter().map(|index| format!("/ports/{index}")))
                    .collect();
                // The object is written with its members sorted: `names` comes first.
                proptest::prop_assert_eq!(errors.pointers(), expected);
                proptest::prop_assert!(errors.iter().all(|v| v.rule() == "duplicate"));
            }
        }
    }
}

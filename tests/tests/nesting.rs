//! Models nested three and more levels deep through maps and lists: `validate()` on a value
//! built in Rust and decoding the same document report the same paths.

use std::collections::{BTreeMap, HashMap};

use stages_model::{from_json, Model, Segment, Validate, ValidationErrors};

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Fleet {
    #[model(required, length(min = 1))]
    regions: BTreeMap<String, Region>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Region {
    #[model(required, length(min = 1, max = 3))]
    zones: Vec<Zone>,
    labels: Option<HashMap<String, Label>>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Zone {
    #[model(required, range(min = 1, max = 100))]
    capacity: u32,
    #[model(pattern = "[a-z]+")]
    name: Option<String>,
    tier: Option<Tier>,
    hosts: Option<BTreeMap<String, Host>>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Host {
    #[model(required, length(min = 1, max = 8))]
    id: String,
    #[model(values(range(min = 1, max = 65535)))]
    ports: Option<Vec<u32>>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Label {
    #[model(required, length(max = 4))]
    value: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Model)]
enum Tier {
    #[default]
    Gold,
    Silver,
}

fn zone(capacity: u32) -> Zone {
    Zone {
        capacity,
        ..Zone::default()
    }
}

fn region(zones: Vec<Zone>) -> Region {
    Region {
        zones,
        labels: None,
    }
}

fn fleet(regions: Vec<(&str, Region)>) -> Fleet {
    Fleet {
        regions: regions
            .into_iter()
            .map(|(key, region)| (key.to_owned(), region))
            .collect(),
    }
}

fn pointers_and_paths(errors: &ValidationErrors) -> Vec<(String, String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer(), v.path_string(), v.rule().to_owned()))
        .collect()
}

/// Validates `value`, encodes it, decodes the JSON, and checks both report `expected`
/// (pointer, human path, rule) in order.
fn both(value: &Fleet, expected: &[(&str, &str, &str)]) {
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into()))
        .collect();
    let validated = value.validate().unwrap_err();
    assert_eq!(
        pointers_and_paths(&validated),
        expected,
        "validate: {validated}"
    );
    let json = serde_json::to_string(value).unwrap();
    let decoded = from_json::<Fleet>(&json).unwrap_err();
    assert_eq!(decoded, validated, "from_json({json})");
}

#[test]
fn map_then_list_then_member() {
    let value = fleet(vec![(
        "eu-west-1",
        region(vec![zone(1), zone(100), zone(0)]),
    )]);
    both(
        &value,
        &[(
            "/regions/eu-west-1/zones/2/capacity",
            r#"regions["eu-west-1"].zones[2].capacity"#,
            "range",
        )],
    );
    let errors = value.validate().unwrap_err();
    assert_eq!(
        errors.violations()[0].path(),
        [
            Segment::Member("regions".into()),
            Segment::Key("eu-west-1".into()),
            Segment::Member("zones".into()),
            Segment::Index(2),
            Segment::Member("capacity".into()),
        ]
    );
    assert_eq!(
        errors.to_string(),
        r#"regions["eu-west-1"].zones[2].capacity: must be between 1 and 100, found 0"#
    );
}

#[test]
fn five_levels_map_list_map_list() {
    let mut bad = zone(5);
    bad.hosts = Some(BTreeMap::from([
        (
            "GET /x".to_owned(),
            Host {
                id: "h1".into(),
                ports: Some(vec![80, 0, 443, 70000]),
            },
        ),
        (
            "a~b".to_owned(),
            Host {
                id: "much-too-long".into(),
                ports: None,
            },
        ),
    ]));
    let value = fleet(vec![("us", region(vec![zone(1), bad]))]);
    both(
        &value,
        &[
            (
                "/regions/us/zones/1/hosts/GET ~1x/ports/1",
                r#"regions["us"].zones[1].hosts["GET /x"].ports[1]"#,
                "range",
            ),
            (
                "/regions/us/zones/1/hosts/GET ~1x/ports/3",
                r#"regions["us"].zones[1].hosts["GET /x"].ports[3]"#,
                "range",
            ),
            (
                "/regions/us/zones/1/hosts/a~0b/id",
                r#"regions["us"].zones[1].hosts["a~b"].id"#,
                "length",
            ),
        ],
    );
}

#[test]
fn violations_at_every_depth_at_once() {
    let mut deep = zone(0);
    deep.name = Some("Zone A".into());
    deep.hosts = Some(BTreeMap::from([(
        "h".to_owned(),
        Host {
            id: String::new(),
            ports: Some(vec![0]),
        },
    )]));
    let mut labelled = region(vec![]);
    labelled.labels = Some(HashMap::from([(
        "team".to_owned(),
        Label {
            value: "platform".into(),
        },
    )]));
    let value = fleet(vec![
        ("a", region(vec![zone(1), zone(2), zone(3), zone(4)])),
        ("b", labelled),
        ("c", region(vec![deep])),
    ]);
    both(
        &value,
        &[
            ("/regions/a/zones", r#"regions["a"].zones"#, "length"),
            ("/regions/b/zones", r#"regions["b"].zones"#, "length"),
            (
                "/regions/b/labels/team/value",
                r#"regions["b"].labels["team"].value"#,
                "length",
            ),
            (
                "/regions/c/zones/0/capacity",
                r#"regions["c"].zones[0].capacity"#,
                "range",
            ),
            (
                "/regions/c/zones/0/name",
                r#"regions["c"].zones[0].name"#,
                "pattern",
            ),
            (
                "/regions/c/zones/0/hosts/h/id",
                r#"regions["c"].zones[0].hosts["h"].id"#,
                "length",
            ),
            (
                "/regions/c/zones/0/hosts/h/ports/0",
                r#"regions["c"].zones[0].hosts["h"].ports[0]"#,
                "range",
            ),
        ],
    );
    assert_eq!(
        fleet(vec![]).validate().unwrap_err().pointers(),
        ["/regions"]
    );
}

#[test]
fn decode_only_violations_deep_down() {
    let json = r#"{"regions": {
        "eu": {"zones": [
            {"capacity": 1},
            {"capacity": 2, "tier": "BRONZE"},
            {"hosts": {"h1": {"id": "a", "ports": [1]}, "h2": {}, "h1": {"id": "b"}}}
        ]},
        "us": {"zones": [{"capacity": 1}], "labels": {"x": {}}},
        "eu": {"zones": [{"capacity": 1}]}
    }}"#;
    let errors = from_json::<Fleet>(json).unwrap_err();
    let mut found: Vec<(String, String)> = errors
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("/regions/eu".to_owned(), "duplicate".to_owned()),
            ("/regions/eu/zones/1/tier".into(), "enum".into()),
            ("/regions/eu/zones/2/capacity".into(), "required".into()),
            ("/regions/eu/zones/2/hosts/h1".into(), "duplicate".into()),
            ("/regions/eu/zones/2/hosts/h2/id".into(), "required".into()),
            ("/regions/us/labels/x/value".into(), "required".into()),
        ],
        "{errors}"
    );
}

#[test]
fn a_type_error_deep_down_names_its_path() {
    let json = r#"{"regions": {"eu": {"zones": [{"capacity": 1},
        {"capacity": 2, "hosts": {"GET /": {"id": "a", "ports": [1, "2"]}}}]}}}"#;
    let errors = from_json::<Fleet>(json).unwrap_err();
    assert_eq!(
        errors.pointers(),
        ["/regions/eu/zones/1/hosts/GET ~1/ports/1"]
    );
    assert_eq!(errors.violations()[0].rule(), "type");
    let message = serde_json::from_str::<Fleet>(json).unwrap_err().to_string();
    assert!(
        message.starts_with(
            r#"regions["eu"].zones[1].hosts["GET /"].ports[1]: invalid type: string "2", expected u32"#
        ),
        "{message}"
    );
}

/// A model that contains itself, through a list and a box.
#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Node {
    #[model(required, pattern = "[a-z]+")]
    name: String,
    children: Option<Vec<Node>>,
    next: Option<Box<Node>>,
}

fn node(name: &str, children: Vec<Node>) -> Node {
    Node {
        name: name.into(),
        children: Some(children),
        next: None,
    }
}

#[test]
fn recursive_models() {
    let mut tree = node(
        "root",
        vec![
            node("a", vec![]),
            node("b", vec![node("c", vec![node("BAD", vec![])])]),
        ],
    );
    tree.next = Some(Box::new(Node {
        name: "x".into(),
        children: None,
        next: Some(Box::new(node("Y", vec![]))),
    }));
    let validated = tree.validate().unwrap_err();
    assert_eq!(
        validated.pointers(),
        ["/children/1/children/0/children/0/name", "/next/next/name"]
    );
    let json = serde_json::to_string(&tree).unwrap();
    assert_eq!(from_json::<Node>(&json).unwrap_err(), validated);
    let missing = from_json::<Node>(r#"{"name": "a", "next": {"children": [{}]}}"#).unwrap_err();
    // A missing member comes first in its object.
    assert_eq!(missing.pointers(), ["/next/name", "/next/children/0/name"]);
}

/// Containers of containers of models, without a model in between.
#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Grid {
    by_key: Option<BTreeMap<String, Vec<Label>>>,
    rows: Option<Vec<Vec<Label>>>,
    maps: Option<Vec<BTreeMap<String, Label>>>,
}

fn label(value: &str) -> Label {
    Label {
        value: value.into(),
    }
}

/// [`GRID`] as a Rust value.
fn grid() -> Grid {
    Grid {
        by_key: Some(BTreeMap::from([(
            "k".to_owned(),
            vec![label("ok"), label("too long")],
        )])),
        rows: Some(vec![
            vec![],
            vec![label("ok"), label("ok"), label("too long")],
        ]),
        maps: Some(vec![BTreeMap::from([("m".to_owned(), label("too long"))])]),
    }
}

const GRID: &str = r#"{
    "byKey": {"k": [{"value": "ok"}, {"value": "too long"}]},
    "rows": [[], [{"value": "ok"}, {"value": "ok"}, {"value": "too long"}]],
    "maps": [{"m": {"value": "too long"}}]
}"#;

#[test]
fn containers_of_containers_validate_with_every_segment() {
    let validated = grid().validate().unwrap_err();
    assert_eq!(
        validated.pointers(),
        ["/byKey/k/1/value", "/rows/1/2/value", "/maps/0/m/value"]
    );
    // Rules are checked on the decoded value, so decoding reports the same paths.
    assert_eq!(from_json::<Grid>(GRID).unwrap_err(), validated);
}

#[test]
fn containers_of_containers_decode_with_every_segment() {
    let missing = from_json::<Grid>(
        r#"{"byKey": {"k": [{"value": "a"}, {}]}, "rows": [[{}]], "maps": [{}, {"m": {}}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        missing.pointers(),
        ["/byKey/k/1/value", "/rows/0/0/value", "/maps/1/m/value"],
        "{missing}"
    );
    let repeated =
        from_json::<Grid>(r#"{"maps": [{"m": {"value": "a"}, "m": {"value": "b"}}]}"#).unwrap_err();
    assert_eq!(repeated.pointers(), ["/maps/0/m"], "{repeated}");
    assert_eq!(repeated.violations()[0].rule(), "duplicate");
}

/// A `Validate` written by hand, with only `validate_into`: it reports at the path it is given.
#[derive(Debug)]
struct Even(u32);

impl Validate for Even {
    fn validate_into(&self, path: &stages_model::Path<'_>, report: &mut stages_model::Report) {
        if !self.0.is_multiple_of(2) {
            report.push(&path.member("value"), "even", "must be even");
        }
    }
}

#[test]
fn hand_written_models_in_containers_get_the_whole_path() {
    // Containers check their items at relative paths and put the index or key (and the path
    // above) in front of what failed; a hand-written `validate_into` is called at the root for
    // that (`validate_relative`'s default), so its paths come out whole.
    let value = vec![
        BTreeMap::from([("a/b".to_owned(), Even(1)), ("c".to_owned(), Even(2))]),
        BTreeMap::new(),
        BTreeMap::from([("d".to_owned(), Even(3))]),
    ];
    let errors = value.validate().unwrap_err();
    assert_eq!(errors.pointers(), ["/0/a~1b/value", "/2/d/value"]);
    assert_eq!(
        errors.to_string(),
        "[0][\"a/b\"].value: must be even\n[2][\"d\"].value: must be even"
    );
    // Below a path given by hand, too.
    let mut report = stages_model::Report::new();
    let root = stages_model::Path::root();
    value.validate_into(&root.member("outer").key("k"), &mut report);
    let errors = report.into_result().unwrap_err();
    assert_eq!(
        errors.pointers(),
        ["/outer/k/0/a~1b/value", "/outer/k/2/d/value"]
    );
    // Wrappers pass the relative check on.
    let wrapped = BTreeMap::from([
        ("e".to_owned(), Some(Box::new(Even(5)))),
        ("f".to_owned(), None),
        ("g".to_owned(), Some(Box::new(Even(6)))),
    ]);
    let errors = [wrapped].validate().unwrap_err();
    assert_eq!(errors.pointers(), ["/0/e/value"]);
}

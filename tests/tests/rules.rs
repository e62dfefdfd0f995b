//! Every rule, passing and failing at its boundaries.
//!
//! Each table row names the rule and the boundary it probes, sets one member of [`Probe`], and
//! lists the violations expected from `validate()` — pointer, rule code and message, in order.
//! Rows whose value JSON can carry are also encoded and decoded with `from_json`, which must
//! report the same violations.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use stages_model::{from_json, CustomError, Model, Validate};

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Probe {
    #[model(length(min = 2, max = 4))]
    text: Option<String>,
    #[model(length(min = 1))]
    at_least: Option<String>,
    #[model(length(max = 3))]
    at_most: Option<String>,
    #[model(length(min = 2, max = 2))]
    exactly: Option<String>,
    #[model(length(max = 2))]
    cow: Option<Cow<'static, str>>,
    #[model(length(min = 1, max = 3))]
    list: Option<Vec<u8>>,
    #[model(length(min = 1, max = 2))]
    tree: Option<BTreeMap<String, u8>>,
    #[model(length(max = 1))]
    hash: Option<HashMap<String, u8>>,
    #[model(pattern = "[A-Za-z0-9_]+")]
    word: Option<String>,
    #[model(pattern = "[a-z]{2,3}")]
    short: Option<String>,
    #[model(pattern = r"\$default|[a-z]+")]
    key: Option<String>,
    #[model(pattern = "[A-ZÉ][a-zé]*")]
    name: Option<String>,
    #[model(contains = "/")]
    route: Option<String>,
    #[model(range(min = -10, max = 10))]
    small: Option<i32>,
    #[model(range(min = 1))]
    positive: Option<u8>,
    #[model(range(max = -1))]
    negative: Option<i64>,
    #[model(range(min = 0, max = 18446744073709551615))]
    wide: Option<u64>,
    #[model(range(min = -1.5, max = 2.5))]
    ratio: Option<f64>,
    #[model(range(min = 0, max = 1))]
    unit: Option<f32>,
    #[model(finite)]
    finite: Option<f64>,
    #[model(finite)]
    single: Option<f32>,
    #[model(finite, range(min = 0.0))]
    rate: Option<f64>,
    #[model(custom = even)]
    even: Option<u32>,
    #[model(custom = not_blank, custom = no_tabs)]
    note: Option<String>,
    #[model(
        keys(pattern = "[a-z]+", length(max = 3)),
        values(length(min = 1, max = 2))
    )]
    labels: Option<BTreeMap<String, String>>,
    #[model(keys(contains = "."), values(range(min = 0, max = 10)))]
    limits: Option<HashMap<String, i32>>,
    #[model(values(length(min = 1, max = 4)))]
    scopes: Option<Vec<String>>,
    #[model(values(finite))]
    samples: Option<Vec<f64>>,
    #[model(length(max = 3), values(custom = even))]
    evens: Option<Vec<u32>>,
}

fn even(value: &u32) -> Result<(), CustomError> {
    if value.is_multiple_of(2) {
        Ok(())
    } else {
        Err(CustomError::new(format!("must be even, found {value}")).with_rule("even"))
    }
}

fn not_blank(value: &str) -> Result<(), CustomError> {
    if value.trim().is_empty() {
        Err(CustomError::new("must not be blank"))
    } else {
        Ok(())
    }
}

fn no_tabs(value: &str) -> Result<(), CustomError> {
    if value.contains('\t') {
        Err(CustomError::new("must not contain tabs").with_rule("tabs"))
    } else {
        Ok(())
    }
}

/// A violation as (pointer, rule, message).
type Expected = (&'static str, &'static str, &'static str);

/// One case: what it probes, the value, and the violations expected.
struct Row {
    probes: &'static str,
    value: Probe,
    expected: &'static [Expected],
    /// False when the value cannot be written as JSON (NaN, infinities).
    json: bool,
}

fn fails(probes: &'static str, value: Probe, expected: &'static [Expected]) -> Row {
    Row {
        probes,
        value,
        expected,
        json: true,
    }
}

fn passes(probes: &'static str, value: Probe) -> Row {
    fails(probes, value, &[])
}

/// A row whose value only exists in Rust: it is validated but not decoded.
fn rust_only(row: Row) -> Row {
    Row { json: false, ..row }
}

fn p() -> Probe {
    Probe::default()
}

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// A map of any kind from borrowed entries.
fn map<M: FromIterator<(String, V)>, V: Clone>(entries: &[(&str, V)]) -> Option<M> {
    Some(
        entries
            .iter()
            .map(|(key, value)| ((*key).to_owned(), value.clone()))
            .collect(),
    )
}

fn owned(entries: BTreeMap<String, &str>) -> BTreeMap<String, String> {
    entries
        .into_iter()
        .map(|(key, value)| (key, value.to_owned()))
        .collect()
}

fn found(errors: &stages_model::ValidationErrors) -> Vec<(String, String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer(), v.rule().to_owned(), v.message().to_owned()))
        .collect()
}

fn outcome(result: Result<(), stages_model::ValidationErrors>) -> Vec<(String, String, String)> {
    result
        .err()
        .map(|errors| found(&errors))
        .unwrap_or_default()
}

/// Runs every row and fails once, listing every row that did not behave.
fn check(rows: Vec<Row>) {
    let mut failures = Vec::new();
    for row in &rows {
        let expected: Vec<(String, String, String)> = row
            .expected
            .iter()
            .map(|(pointer, rule, message)| ((*pointer).into(), (*rule).into(), (*message).into()))
            .collect();
        let validated = outcome(row.value.validate());
        if validated != expected {
            failures.push(format!(
                "{}: validate() gave {validated:?}, expected {expected:?}",
                row.probes
            ));
        }
        if row.json {
            let text = serde_json::to_string(&row.value).expect("probes encode");
            let decoded = match from_json::<Probe>(&text) {
                Ok(value) => {
                    if value != row.value {
                        failures.push(format!(
                            "{}: {text} decoded to {value:?}, expected {:?}",
                            row.probes, row.value
                        ));
                    }
                    Vec::new()
                }
                Err(errors) => found(&errors),
            };
            if decoded != expected {
                failures.push(format!(
                    "{}: from_json({text}) gave {decoded:?}, expected {expected:?}",
                    row.probes
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn length_of_strings_counts_characters() {
    let text = |v: &str| Probe { text: s(v), ..p() };
    let at_least = |v: &str| Probe {
        at_least: s(v),
        ..p()
    };
    let at_most = |v: &str| Probe {
        at_most: s(v),
        ..p()
    };
    let exactly = |v: &str| Probe {
        exactly: s(v),
        ..p()
    };
    let cow = |v: &'static str| Probe {
        cow: Some(Cow::Borrowed(v)),
        ..p()
    };
    const TEXT_1: &[Expected] = &[("/text", "length", "must be 2 to 4 characters long, found 1")];
    const TEXT_5: &[Expected] = &[("/text", "length", "must be 2 to 4 characters long, found 5")];
    const AT_MOST_4: &[Expected] = &[(
        "/atMost",
        "length",
        "must be at most 3 characters long, found 4",
    )];
    check(vec![
        passes("length(2..=4) absent", p()),
        fails("length(2..=4) at min-1", text("a"), TEXT_1),
        passes("length(2..=4) at min", text("ab")),
        passes("length(2..=4) at max", text("abcd")),
        fails("length(2..=4) at max+1", text("abcde"), TEXT_5),
        fails(
            "length(2..=4) empty",
            text(""),
            &[("/text", "length", "must be 2 to 4 characters long, found 0")],
        ),
        fails("length(2..=4) min-1 chars, min bytes: é", text("é"), TEXT_1),
        passes("length(2..=4) min chars: éé", text("éé")),
        passes("length(2..=4) max chars, 2*max bytes: éééé", text("éééé")),
        fails("length(2..=4) max+1 chars: ééééé", text("ééééé"), TEXT_5),
        passes("length(2..=4) max with a 4-byte char: a😀bc", text("a😀bc")),
        fails(
            "length(min = 1) at min-1",
            at_least(""),
            &[(
                "/atLeast",
                "length",
                "must be at least 1 character long, found 0",
            )],
        ),
        passes("length(min = 1) at min", at_least("x")),
        passes(
            "length(min = 1) far above, no max",
            at_least(&"x".repeat(10_000)),
        ),
        passes("length(max = 3) empty", at_most("")),
        passes("length(max = 3) at max", at_most("abc")),
        passes("length(max = 3) at max chars: ééé", at_most("ééé")),
        fails("length(max = 3) at max+1", at_most("abcd"), AT_MOST_4),
        fails(
            "length(max = 3) at max+1 chars: éééé",
            at_most("éééé"),
            AT_MOST_4,
        ),
        fails(
            "length(2..=2) below",
            exactly("a"),
            &[(
                "/exactly",
                "length",
                "must be exactly 2 characters long, found 1",
            )],
        ),
        passes("length(2..=2) exact", exactly("ab")),
        fails(
            "length(2..=2) above",
            exactly("abc"),
            &[(
                "/exactly",
                "length",
                "must be exactly 2 characters long, found 3",
            )],
        ),
        passes("length(max = 2) Cow<str> at max chars", cow("éé")),
        fails(
            "length(max = 2) Cow<str> at max+1",
            cow("abc"),
            &[(
                "/cow",
                "length",
                "must be at most 2 characters long, found 3",
            )],
        ),
    ]);
}

#[test]
fn length_of_lists_and_maps_counts_entries() {
    let list = |v: &[u8]| Probe {
        list: Some(v.to_vec()),
        ..p()
    };
    let tree = |v: &[(&str, u8)]| Probe {
        tree: map(v),
        ..p()
    };
    let hash = |v: &[(&str, u8)]| Probe {
        hash: map(v),
        ..p()
    };
    check(vec![
        fails(
            "length(1..=3) Vec at min-1",
            list(&[]),
            &[("/list", "length", "must have 1 to 3 entries, found 0")],
        ),
        passes("length(1..=3) Vec at min", list(&[7])),
        passes("length(1..=3) Vec at max", list(&[1, 2, 3])),
        fails(
            "length(1..=3) Vec at max+1",
            list(&[1, 2, 3, 4]),
            &[("/list", "length", "must have 1 to 3 entries, found 4")],
        ),
        fails(
            "length(1..=2) BTreeMap at min-1",
            tree(&[]),
            &[("/tree", "length", "must have 1 to 2 entries, found 0")],
        ),
        passes("length(1..=2) BTreeMap at min", tree(&[("a", 1)])),
        passes("length(1..=2) BTreeMap at max", tree(&[("a", 1), ("b", 2)])),
        fails(
            "length(1..=2) BTreeMap at max+1",
            tree(&[("a", 1), ("b", 2), ("c", 3)]),
            &[("/tree", "length", "must have 1 to 2 entries, found 3")],
        ),
        passes("length(max = 1) HashMap empty", hash(&[])),
        passes("length(max = 1) HashMap at max", hash(&[("a", 1)])),
        fails(
            "length(max = 1) HashMap at max+1",
            hash(&[("a", 1), ("b", 2)]),
            &[("/hash", "length", "must have at most 1 entry, found 2")],
        ),
    ]);
}

#[test]
fn pattern_as_a_byte_table() {
    let word = |v: &str| Probe { word: s(v), ..p() };
    let short = |v: &str| Probe { short: s(v), ..p() };
    const WORD: &[Expected] = &[("/word", "pattern", "must match [A-Za-z0-9_]+")];
    const SHORT: &[Expected] = &[("/short", "pattern", "must match [a-z]{2,3}")];
    check(vec![
        passes("[A-Za-z0-9_]+ one character", word("a")),
        passes("[A-Za-z0-9_]+ every class member", word("azAZ09_")),
        fails("[A-Za-z0-9_]+ empty (one or more)", word(""), WORD),
        fails("[A-Za-z0-9_]+ hyphen", word("my-var"), WORD),
        fails("[A-Za-z0-9_]+ space", word("a b"), WORD),
        fails("[A-Za-z0-9_]+ trailing newline", word("abc\n"), WORD),
        fails("[A-Za-z0-9_]+ non-ASCII letter", word("é"), WORD),
        fails("[A-Za-z0-9_]+ one bad byte at the end", word("abc!"), WORD),
        fails("[a-z]{2,3} at min-1", short("a"), SHORT),
        passes("[a-z]{2,3} at min", short("ab")),
        passes("[a-z]{2,3} at max", short("abc")),
        fails("[a-z]{2,3} at max+1", short("abcd"), SHORT),
        fails(
            "[a-z]{2,3} two characters in four bytes",
            short("éé"),
            SHORT,
        ),
        fails("[a-z]{2,3} upper case", short("AB"), SHORT),
    ]);
}

#[test]
fn pattern_as_a_regex_matches_the_whole_string() {
    let key = |v: &str| Probe { key: s(v), ..p() };
    let name = |v: &str| Probe { name: s(v), ..p() };
    const KEY: &[Expected] = &[("/key", "pattern", r"must match \$default|[a-z]+")];
    const NAME: &[Expected] = &[("/name", "pattern", "must match [A-ZÉ][a-zé]*")];
    check(vec![
        passes(r"\$default|[a-z]+ first branch", key("$default")),
        passes(r"\$default|[a-z]+ second branch", key("pets")),
        fails(
            r"\$default|[a-z]+ first branch and more",
            key("$defaults"),
            KEY,
        ),
        fails(
            r"\$default|[a-z]+ text before the first branch",
            key("x$default"),
            KEY,
        ),
        fails(r"\$default|[a-z]+ both branches", key("pets$default"), KEY),
        fails(r"\$default|[a-z]+ empty", key(""), KEY),
        fails(r"\$default|[a-z]+ trailing newline", key("pets\n"), KEY),
        fails(r"\$default|[a-z]+ $ outside its branch", key("$pets"), KEY),
        passes("[A-ZÉ][a-zé]* non-ASCII", name("Émilé")),
        passes("[A-ZÉ][a-zé]* one character", name("Z")),
        fails("[A-ZÉ][a-zé]* lower first", name("émile"), NAME),
        fails(
            "[A-ZÉ][a-zé]* a letter outside the class",
            name("Zoë"),
            NAME,
        ),
        fails("[A-ZÉ][a-zé]* empty", name(""), NAME),
    ]);
}

#[test]
fn contains() {
    let route = |v: &str| Probe { route: s(v), ..p() };
    const MISSING: &[Expected] = &[("/route", "contains", "must include /")];
    check(vec![
        passes("contains / alone", route("/")),
        passes("contains / in the middle", route("GET /pets")),
        passes("contains / at the end", route("a/")),
        fails("contains / absent", route("GET pets"), MISSING),
        fails("contains / empty", route(""), MISSING),
        fails("contains / backslash is not slash", route("a\\b"), MISSING),
    ]);
}

#[test]
fn range_of_integers_is_inclusive() {
    let small = |v: i32| Probe {
        small: Some(v),
        ..p()
    };
    let positive = |v: u8| Probe {
        positive: Some(v),
        ..p()
    };
    let negative = |v: i64| Probe {
        negative: Some(v),
        ..p()
    };
    let wide = |v: u64| Probe {
        wide: Some(v),
        ..p()
    };
    check(vec![
        fails(
            "range(-10..=10) at min-1",
            small(-11),
            &[("/small", "range", "must be between -10 and 10, found -11")],
        ),
        passes("range(-10..=10) at min", small(-10)),
        passes("range(-10..=10) zero", small(0)),
        passes("range(-10..=10) at max", small(10)),
        fails(
            "range(-10..=10) at max+1",
            small(11),
            &[("/small", "range", "must be between -10 and 10, found 11")],
        ),
        fails(
            "range(-10..=10) i32::MIN",
            small(i32::MIN),
            &[(
                "/small",
                "range",
                "must be between -10 and 10, found -2147483648",
            )],
        ),
        fails(
            "range(min = 1) u8 at min-1",
            positive(0),
            &[("/positive", "range", "must be at least 1, found 0")],
        ),
        passes("range(min = 1) u8 at min", positive(1)),
        passes("range(min = 1) u8::MAX", positive(u8::MAX)),
        passes("range(max = -1) i64::MIN", negative(i64::MIN)),
        passes("range(max = -1) at max", negative(-1)),
        fails(
            "range(max = -1) at max+1",
            negative(0),
            &[("/negative", "range", "must be at most -1, found 0")],
        ),
        passes("range(0..=u64::MAX) u64::MAX", wide(u64::MAX)),
        passes("range(0..=u64::MAX) zero", wide(0)),
    ]);
}

#[test]
fn range_of_floats_is_inclusive_and_rejects_nan() {
    let ratio = |v: f64| Probe {
        ratio: Some(v),
        ..p()
    };
    let unit = |v: f32| Probe {
        unit: Some(v),
        ..p()
    };
    check(vec![
        fails(
            "range(-1.5..=2.5) just below min",
            ratio(-1.500_000_1),
            &[(
                "/ratio",
                "range",
                "must be between -1.5 and 2.5, found -1.5000001",
            )],
        ),
        passes("range(-1.5..=2.5) at min", ratio(-1.5)),
        passes("range(-1.5..=2.5) negative zero", ratio(-0.0)),
        passes("range(-1.5..=2.5) at max", ratio(2.5)),
        fails(
            "range(-1.5..=2.5) just above max",
            ratio(2.500_000_1),
            &[(
                "/ratio",
                "range",
                "must be between -1.5 and 2.5, found 2.5000001",
            )],
        ),
        rust_only(fails(
            "range(-1.5..=2.5) NaN",
            ratio(f64::NAN),
            &[("/ratio", "range", "must be between -1.5 and 2.5, found NaN")],
        )),
        rust_only(fails(
            "range(-1.5..=2.5) -inf",
            ratio(f64::NEG_INFINITY),
            &[(
                "/ratio",
                "range",
                "must be between -1.5 and 2.5, found -inf",
            )],
        )),
        passes("range(0..=1) f32 at min", unit(0.0)),
        passes("range(0..=1) f32 at max", unit(1.0)),
        fails(
            "range(0..=1) f32 just above max",
            unit(1.000_000_1),
            &[("/unit", "range", "must be between 0 and 1, found 1.0000001")],
        ),
        fails(
            "range(0..=1) f32 just below min",
            unit(-f32::MIN_POSITIVE),
            &[(
                "/unit",
                "range",
                "must be between 0 and 1, found -0.000000000000000000000000000000000000011754944",
            )],
        ),
    ]);
}

#[test]
fn finite_rejects_nan_and_infinities() {
    let finite = |v: f64| Probe {
        finite: Some(v),
        ..p()
    };
    let single = |v: f32| Probe {
        single: Some(v),
        ..p()
    };
    let rate = |v: f64| Probe {
        rate: Some(v),
        ..p()
    };
    const NAN: &str = "must be a finite number, found NaN";
    const INF: &str = "must be a finite number, found inf";
    check(vec![
        passes("finite zero", finite(0.0)),
        passes("finite f64::MAX", finite(f64::MAX)),
        passes("finite f64::MIN", finite(f64::MIN)),
        passes("finite smallest subnormal", finite(f64::from_bits(1))),
        rust_only(fails(
            "finite NaN",
            finite(f64::NAN),
            &[("/finite", "finite", NAN)],
        )),
        rust_only(fails(
            "finite +inf",
            finite(f64::INFINITY),
            &[("/finite", "finite", INF)],
        )),
        rust_only(fails(
            "finite -inf",
            finite(f64::NEG_INFINITY),
            &[("/finite", "finite", "must be a finite number, found -inf")],
        )),
        passes("finite f32::MAX", single(f32::MAX)),
        rust_only(fails(
            "finite f32 NaN",
            single(f32::NAN),
            &[("/single", "finite", NAN)],
        )),
        rust_only(fails(
            "finite f32 +inf",
            single(f32::INFINITY),
            &[("/single", "finite", INF)],
        )),
        passes("finite + range(min = 0) at min", rate(0.0)),
        fails(
            "finite + range(min = 0) below min",
            rate(-0.5),
            &[("/rate", "range", "must be at least 0, found -0.5")],
        ),
        rust_only(fails(
            "finite + range(min = 0) NaN breaks both",
            rate(f64::NAN),
            &[
                ("/rate", "range", "must be at least 0, found NaN"),
                ("/rate", "finite", NAN),
            ],
        )),
        rust_only(fails(
            "finite + range(min = 0) +inf breaks only finite",
            rate(f64::INFINITY),
            &[("/rate", "finite", INF)],
        )),
    ]);
}

#[test]
fn custom_rules_report_their_own_codes() {
    let even = |v: u32| Probe {
        even: Some(v),
        ..p()
    };
    let note = |v: &str| Probe { note: s(v), ..p() };
    const BLANK: Expected = ("/note", "custom", "must not be blank");
    const TABS: Expected = ("/note", "tabs", "must not contain tabs");
    check(vec![
        passes("custom even at 0", even(0)),
        passes("custom even at u32::MAX - 1", even(u32::MAX - 1)),
        fails(
            "custom even, own code, at 1",
            even(1),
            &[("/even", "even", "must be even, found 1")],
        ),
        passes("two customs, both pass", note("hello")),
        fails(
            "two customs, first fails, default code",
            note("   "),
            &[BLANK],
        ),
        fails("two customs, second fails, own code", note("a\tb"), &[TABS]),
        fails(
            "two customs, both fail, in attribute order",
            note("\t"),
            &[BLANK, TABS],
        ),
    ]);
}

#[test]
fn keys_and_values_rules_point_at_the_entry() {
    let labels = |v: &[(&str, &str)]| Probe {
        labels: map(v).map(owned),
        ..p()
    };
    let limits = |v: &[(&str, i32)]| Probe {
        limits: map(v),
        ..p()
    };
    let scopes = |v: &[&str]| Probe {
        scopes: Some(v.iter().map(|i| (*i).to_owned()).collect()),
        ..p()
    };
    let samples = |v: &[f64]| Probe {
        samples: Some(v.to_vec()),
        ..p()
    };
    let evens = |v: &[u32]| Probe {
        evens: Some(v.to_vec()),
        ..p()
    };
    check(vec![
        passes(
            "keys + values at their bounds",
            labels(&[("a", "x"), ("abc", "xy")]),
        ),
        fails(
            "keys(pattern) on one bad key",
            labels(&[("ok", "x"), ("Bad", "x")]),
            &[("/labels/Bad", "pattern", "key must match [a-z]+")],
        ),
        fails(
            "keys(length(max = 3)) at max+1",
            labels(&[("abcd", "x")]),
            &[(
                "/labels/abcd",
                "length",
                "key must be at most 3 characters long, found 4",
            )],
        ),
        fails(
            "keys: the empty key breaks the pattern, not the length",
            labels(&[("", "x")]),
            &[("/labels/", "pattern", "key must match [a-z]+")],
        ),
        fails(
            "values(length(1..=2)) at min-1 and max+1",
            labels(&[("a", ""), ("b", "xyz")]),
            &[
                (
                    "/labels/a",
                    "length",
                    "must be 1 to 2 characters long, found 0",
                ),
                (
                    "/labels/b",
                    "length",
                    "must be 1 to 2 characters long, found 3",
                ),
            ],
        ),
        fails(
            "key and value of one entry both bad: key rules first",
            labels(&[("A/B", "xyz")]),
            &[
                ("/labels/A~1B", "pattern", "key must match [a-z]+"),
                (
                    "/labels/A~1B",
                    "length",
                    "must be 1 to 2 characters long, found 3",
                ),
            ],
        ),
        passes(
            "HashMap keys(contains) + values(range) at bounds",
            limits(&[("a.b", 0), (".", 10)]),
        ),
        fails(
            "HashMap keys(contains) missing",
            limits(&[("GET /pets", 5)]),
            &[("/limits/GET ~1pets", "contains", "key must include .")],
        ),
        fails(
            "HashMap values(range(0..=10)) at min-1",
            limits(&[("a.b", -1)]),
            &[("/limits/a.b", "range", "must be between 0 and 10, found -1")],
        ),
        fails(
            "HashMap values(range(0..=10)) at max+1, key with ~",
            limits(&[("~.", 11)]),
            &[("/limits/~0.", "range", "must be between 0 and 10, found 11")],
        ),
        passes("Vec values(length(1..=4)) empty list", scopes(&[])),
        passes(
            "Vec values(length(1..=4)) at bounds",
            scopes(&["a", "abcd"]),
        ),
        fails(
            "Vec values(length(1..=4)) at min-1 and max+1",
            scopes(&["ok", "", "abcde", "ok"]),
            &[
                (
                    "/scopes/1",
                    "length",
                    "must be 1 to 4 characters long, found 0",
                ),
                (
                    "/scopes/2",
                    "length",
                    "must be 1 to 4 characters long, found 5",
                ),
            ],
        ),
        rust_only(fails(
            "Vec values(finite)",
            samples(&[1.0, f64::INFINITY, 2.0, f64::NAN]),
            &[
                ("/samples/1", "finite", "must be a finite number, found inf"),
                ("/samples/3", "finite", "must be a finite number, found NaN"),
            ],
        )),
        passes("Vec values(finite) all finite", samples(&[-1e300, 1e300])),
        fails(
            "Vec length(max = 3) + values(custom): the items first, as decoding reads them",
            evens(&[2, 3, 4, 5]),
            &[
                ("/evens/1", "even", "must be even, found 3"),
                ("/evens/3", "even", "must be even, found 5"),
                ("/evens", "length", "must have at most 3 entries, found 4"),
            ],
        ),
    ]);
}

/// Rules on members that are always present apply to the value itself, whatever it is.
#[derive(Debug, Default, Model)]
struct Fixed {
    #[model(required, length(min = 1, max = 3))]
    code: String,
    #[model(default, range(min = 1, max = 5))]
    level: u8,
    #[model(default, length(max = 2), values(pattern = "[a-z]+"))]
    tags: Vec<String>,
}

#[test]
fn rules_on_required_and_default_members() {
    let errors = Fixed::default().validate().unwrap_err();
    assert_eq!(
        found(&errors),
        [
            (
                "/code".into(),
                "length".into(),
                "must be 1 to 3 characters long, found 0".into()
            ),
            (
                "/level".into(),
                "range".into(),
                "must be between 1 and 5, found 0".into()
            ),
        ]
    );
    let fixed = Fixed {
        code: "abc".into(),
        level: 5,
        tags: vec!["a".into(), "b".into()],
    };
    assert_eq!(fixed.validate(), Ok(()));
    let fixed = Fixed {
        code: "abcd".into(),
        level: 6,
        tags: vec!["a".into(), "B".into(), "c".into()],
    };
    let errors = fixed.validate().unwrap_err();
    assert_eq!(
        errors.pointers(),
        ["/code", "/level", "/tags/1", "/tags"],
        "{errors}"
    );
    assert_eq!(
        errors.to_string(),
        "code: must be 1 to 3 characters long, found 4\n\
         level: must be between 1 and 5, found 6\n\
         tags[1]: must match [a-z]+\n\
         tags: must have at most 2 entries, found 3"
    );
}

#[test]
fn a_value_breaking_several_rules_reports_each() {
    #[derive(Debug, Model)]
    struct Many {
        #[model(length(max = 3), pattern = "[a-z]+", contains = "x", custom = not_blank)]
        text: Option<String>,
    }
    let errors = Many { text: s("  AB  ") }.validate().unwrap_err();
    let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
    assert_eq!(rules, ["length", "pattern", "contains"]);
    assert_eq!(errors.pointers(), ["/text", "/text", "/text"]);
    let errors = Many { text: s("   ") }.validate().unwrap_err();
    let rules: Vec<&str> = errors.iter().map(|v| v.rule()).collect();
    assert_eq!(rules, ["pattern", "contains", "custom"]);
    assert_eq!(Many { text: s("x") }.validate(), Ok(()));
    assert_eq!(Many { text: None }.validate(), Ok(()));
}

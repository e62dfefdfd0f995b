//! Property tests of `to_json_vec` against `serde_json::to_vec`: strings made of every escape
//! class (control bytes, `"`, `\`, `/`, DEL, beyond ASCII) at lengths around the 16- and
//! 32-byte steps of the byte-class test, every float (NaN, the infinities, `-0.0`,
//! subnormals), the extreme integers, maps, options, open-enum values the enum does not know,
//! and dates from year 0 to 9999 and beyond (which both encoders hand to chrono), alone and next
//! to instants a nanosecond to a second apart.

use std::collections::{BTreeMap, HashMap};

use proptest::collection::{btree_map, hash_map, vec};
use proptest::option;
use proptest::prelude::*;
use stages_model::chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use stages_model::{to_json_vec, Model, UnknownValue, WriteJson};

#[derive(Debug, Clone, PartialEq, Model)]
enum Level {
    Error,
    Info,
    #[model(other)]
    Unknown(UnknownValue),
}

#[derive(Debug, Clone, PartialEq, Model)]
struct Sample {
    #[model(required)]
    text: String,
    #[model(default)]
    texts: Vec<String>,
    map: Option<BTreeMap<String, Option<i32>>>,
    hashed: Option<HashMap<String, f64>>,
    #[model(default)]
    double: f64,
    single: Option<f32>,
    int: Option<i64>,
    uint: Option<u64>,
    wide: Option<i128>,
    level: Option<Level>,
    when: Option<DateTime<Utc>>,
    #[model(default)]
    dates: Vec<DateTime<Utc>>,
    #[model(omit_empty)]
    note: Option<String>,
    flag: Option<bool>,
}

/// Both encoders write the same bytes.
fn same<T: WriteJson + std::fmt::Debug>(value: &T) -> Result<(), TestCaseError> {
    let ours = to_json_vec(value).unwrap();
    let theirs = serde_json::to_vec(value).unwrap();
    prop_assert_eq!(
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&theirs),
        "{:?}",
        value
    );
    Ok(())
}

/// Characters of every class serde_json treats apart.
fn character() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('\u{0}', '\u{1f}'),
        1 => Just('"'),
        1 => Just('\\'),
        1 => Just('/'),
        1 => Just('\u{7f}'),
        1 => proptest::char::range(' ', '~'),
        1 => prop::sample::select(vec!['é', '\u{80}', '\u{2028}', '\u{ffff}', '😀']),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Plain ASCII, so that the many-bytes-at-a-time test sees long clean texts.
        "[ -!#-\\[\\]-~]{0,70}",
        vec(character(), 0..70).prop_map(String::from_iter),
        // Long clean runs around one character of any class, at any offset of a 16- or
        // 32-byte step.
        ("[a-z]{0,70}", character(), "[a-z]{0,70}")
            .prop_map(|(before, one, after)| format!("{before}{one}{after}")),
    ]
}

fn double() -> impl Strategy<Value = f64> {
    prop_oneof![
        proptest::num::f64::ANY,
        prop::sample::select(vec![
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MIN_POSITIVE / 3.0,
            5e-324,
            f64::MAX,
            f64::MIN,
            1e21,
            1e-7,
            0.1 + 0.2,
            9007199254740993.0,
        ]),
    ]
}

fn single() -> impl Strategy<Value = f32> {
    prop_oneof![
        proptest::num::f32::ANY,
        prop::sample::select(vec![-0.0, f32::NAN, f32::INFINITY, 1e-45, f32::MAX, 0.1]),
    ]
}

fn level() -> impl Strategy<Value = Level> {
    prop_oneof![
        Just(Level::Error),
        Just(Level::Info),
        text().prop_map(|text| Level::Unknown(text.into())),
    ]
}

/// Instants weighted to the edges: years 0, 1, 999, 1000, 9999 and beyond RFC 3339's four
/// digits, the last nanosecond of a day, fractions of 3, 6 and 9 digits, leap seconds.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let year = prop_oneof![
        prop::sample::select(vec![0, 1, 999, 1000, 1969, 1970, 2024, 9998, 9999]),
        0..=9999i32,
        prop::sample::select(vec![-1, -10000, 10000, 262_000]),
    ];
    let nanos = prop_oneof![
        Just(0u32),
        (0..1000u32).prop_map(|ms| ms * 1_000_000),
        (0..1_000_000u32).prop_map(|us| us * 1_000),
        0..1_000_000_000u32,
        // A leap second (chrono writes second 60).
        1_000_000_000..2_000_000_000u32,
    ];
    (year, 1..=366u32, 0..86_400u32, nanos).prop_map(|(year, ordinal, seconds, nanos)| {
        let date = NaiveDate::from_yo_opt(year, ordinal)
            .or_else(|| NaiveDate::from_yo_opt(year, 365))
            .unwrap();
        // chrono keeps a leap second only at second 59 of a minute.
        let seconds = if nanos >= 1_000_000_000 {
            seconds - seconds % 60 + 59
        } else {
            seconds
        };
        let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds, nanos).unwrap();
        date.and_time(time).and_utc()
    })
}

/// Instants a nanosecond, a microsecond, a millisecond or a second apart, repeated: neighbours
/// that differ only in their last digits.
fn neighbours() -> impl Strategy<Value = Vec<DateTime<Utc>>> {
    let offsets = vec(
        prop::sample::select(vec![0i64, 1, 1_000, 1_000_000, 1_000_000_000]),
        1..8,
    );
    (instant(), offsets).prop_map(|(base, offsets)| {
        offsets
            .into_iter()
            .map(|nanos| base + TimeDelta::nanoseconds(nanos))
            .collect()
    })
}

fn sample() -> impl Strategy<Value = Sample> {
    let strings = (
        text(),
        vec(text(), 0..4),
        option::of(btree_map(text(), option::of(any::<i32>()), 0..4)),
        option::of(hash_map(text(), double(), 0..4)),
        option::of(text()),
    );
    let numbers = (
        double(),
        option::of(single()),
        option::of(any::<i64>()),
        option::of(any::<u64>()),
        option::of(any::<i128>()),
        option::of(any::<bool>()),
    );
    let others = (
        option::of(level()),
        option::of(instant()),
        vec(instant(), 0..3),
    );
    (strings, numbers, others).prop_map(
        |(
            (text, texts, map, hashed, note),
            (double, single, int, uint, wide, flag),
            (level, when, dates),
        )| Sample {
            text,
            texts,
            map,
            hashed,
            double,
            single,
            int,
            uint,
            wide,
            level,
            when,
            dates,
            note,
            flag,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn models_write_the_same_bytes(sample in sample()) {
        same(&sample)?;
    }

    #[test]
    fn strings_and_numbers_write_the_same_bytes(
        text in text(),
        double in double(),
        single in single(),
        int in any::<i64>(),
        wide in any::<u128>(),
    ) {
        same(&text)?;
        same(&double)?;
        same(&single)?;
        same(&int)?;
        same(&wide)?;
    }

    #[test]
    fn maps_with_integer_keys_and_dates_write_the_same_bytes(
        map in btree_map(any::<i64>(), text(), 0..5),
        small in hash_map(any::<u8>(), option::of(double()), 0..5),
        dates in vec(instant(), 0..4),
        neighbours in neighbours(),
    ) {
        same(&map)?;
        same(&small)?;
        same(&dates)?;
        same(&neighbours)?;
    }
}

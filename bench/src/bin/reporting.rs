//! How the cost of reporting grows with the number of violations: `from_json` of documents with
//! 1k to 1M violations (the largest is about 50 MB), and the document of issue 8 (80,000
//! repeated keys and 40,000 invalid keys). For each it prints the median time, the time per
//! violation and its growth against the smallest document, and the same document decoded by
//! plain serde types of the same shape (no rules, nothing reported): the floor, which grows as
//! the machine's caches and the map's depth make it grow. A flat ratio to that floor means
//! reporting adds a constant cost per violation.
//!
//! `cargo run -p stages-bench --release --bin reporting [runs]`

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use stages_model::{from_json, Model};

/// A map with rules on its keys and values, and a list of models with rules of their own.
#[derive(Debug, Model)]
struct Doc {
    #[model(default, keys(pattern = "[a-z0-9]+"), values(length(max = 8)))]
    tags: BTreeMap<String, String>,
    #[model(default)]
    items: Vec<Item>,
}

#[derive(Debug, Model)]
struct Item {
    #[model(required, range(min = 0, max = 9))]
    n: i32,
    #[model(required, length(min = 1, max = 32))]
    name: String,
}

/// A document with `violations` violations, a third of each kind: invalid keys, repeated keys,
/// items out of range; `padding` characters per item, in a member the model ignores, make it
/// bigger.
fn document(violations: usize, padding: usize) -> String {
    let third = violations / 3;
    let mut out = String::with_capacity(violations * (40 + padding));
    out.push_str(r#"{"tags": {"#);
    for index in 0..third {
        // An invalid key (upper case), then a valid key twice: one invalid, one repeated.
        write!(out, r#""K{index}": "v", "k{index}": "v", "k{index}": "v","#).unwrap();
    }
    out.push_str(r#""last": "v"}, "items": ["#);
    let note = "x".repeat(padding);
    for index in 0..violations - 2 * third {
        if index > 0 {
            out.push(',');
        }
        write!(out, r#"{{"n": 10, "name": "item", "note": "{note}"}}"#).unwrap();
    }
    out.push_str("]}");
    out
}

/// The document of issue 8: 80,000 repeated keys and 40,000 invalid keys.
fn issue_document() -> String {
    let mut out = String::from(r#"{"tags": {"#);
    for index in 0..40_000 {
        write!(
            out,
            r#""k{index}": "v", "k{index}": "v", "k{index}": "v", "BAD{index}": "v","#
        )
        .unwrap();
    }
    out.push_str(r#""last": "v"}}"#);
    out
}

/// The same shapes with plain serde and no rules: the floor.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainDoc {
    #[serde(default)]
    tags: BTreeMap<String, String>,
    #[serde(default)]
    items: Vec<PlainItem>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainItem {
    n: i32,
    name: String,
}

/// The median of `runs` timed plain serde decodes.
fn floor(text: &str, runs: usize) -> Duration {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let value: PlainDoc = serde_json::from_str(black_box(text)).unwrap();
        times.push(start.elapsed());
        drop(black_box(value));
    }
    times.sort();
    times[runs / 2]
}

/// The median of `runs` timed decodes, and the number of violations reported.
fn measure(text: &str, runs: usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut count = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let errors = from_json::<Doc>(black_box(text)).unwrap_err();
        times.push(start.elapsed());
        count = errors.len();
        drop(black_box(errors));
    }
    times.sort();
    (times[runs / 2], count)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args
        .next()
        .map_or(5, |n| n.parse().expect("a number of runs"));
    // `reporting 1 N`: one document of N violations only (for callgrind).
    if let Some(violations) = args.next() {
        let text = document(violations.parse().expect("a number of violations"), 100);
        let (time, count) = measure(&text, runs);
        println!("{count} violations: {time:.2?}");
        return;
    }
    println!(
        "{:>10} {:>6} {:>10} {:>10} {:>12} {:>7} {:>9} {:>7}",
        "violations", "MB", "from_json", "serde", "ns/violation", "growth", "vs serde", "growth"
    );
    let mut first: Option<(f64, f64)> = None;
    for violations in [1_000, 10_000, 100_000, 1_000_000] {
        let text = document(violations, 100);
        let (time, count) = measure(&text, runs);
        assert_eq!(count, violations, "every violation is reported");
        let plain = floor(&text, runs);
        let per = time.as_nanos() as f64 / count as f64;
        let ratio = time.as_secs_f64() / plain.as_secs_f64();
        let (per0, ratio0) = *first.get_or_insert((per, ratio));
        println!(
            "{:>10} {:>6.1} {:>10.2?} {:>10.2?} {:>12.0} {:>7.2} {:>8.2}x {:>7.2}",
            count,
            text.len() as f64 / 1e6,
            time,
            plain,
            per,
            per / per0,
            ratio,
            ratio / ratio0
        );
    }
    // Type errors: every item of the wrong type, read by the second look.
    for violations in [10_000, 100_000] {
        let mut text = String::from(r#"{"items": ["#);
        for index in 0..violations {
            if index > 0 {
                text.push(',');
            }
            text.push_str(r#"{"n": "ten", "name": "item"}"#);
        }
        text.push_str("]}");
        let (time, count) = measure(&text, runs);
        assert_eq!(count, violations, "every type error is reported");
        println!(
            "{count} type errors, {:.1} MB: median {time:.2?} ({:.0} ns/violation)",
            text.len() as f64 / 1e6,
            time.as_nanos() as f64 / count as f64
        );
    }
    let text = issue_document();
    let (time, count) = measure(&text, runs);
    println!(
        "issue 8 document: {count} violations, {:.1} MB, median {time:.2?} (serde alone {:.2?})",
        text.len() as f64 / 1e6,
        floor(&text, runs)
    );
}

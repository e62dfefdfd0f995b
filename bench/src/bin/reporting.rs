//! How the cost of reporting grows with the number of violations: `from_json` of documents with
//! 1k to 1M violations (the largest is about 50 MB), and the document of issue 8 (80,000
//! repeated keys and 40,000 invalid keys). Prints the median time of each, the time per
//! violation, and the growth against the smallest document: flat time per violation is linear.
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
    let runs: usize = std::env::args()
        .nth(1)
        .map_or(5, |n| n.parse().expect("a number of runs"));
    println!(
        "{:>12} {:>10} {:>12} {:>14} {:>8}",
        "violations", "MB", "median", "ns/violation", "growth"
    );
    let mut first: Option<f64> = None;
    for (violations, padding) in [
        (1_000, 100),
        (10_000, 100),
        (100_000, 100),
        (1_000_000, 100),
    ] {
        let text = document(violations, padding);
        let (time, count) = measure(&text, runs);
        assert_eq!(count, violations, "every violation is reported");
        let per = time.as_nanos() as f64 / count as f64;
        let growth = per / *first.get_or_insert(per);
        println!(
            "{:>12} {:>10.1} {:>12.2?} {:>14.0} {:>8.2}",
            count,
            text.len() as f64 / 1e6,
            time,
            per,
            growth
        );
    }
    let text = issue_document();
    let (time, count) = measure(&text, runs);
    println!(
        "issue 8 document: {count} violations, {:.1} MB, median {time:.2?}",
        text.len() as f64 / 1e6
    );
}

//! Patterns compiled by the derive against the regex crate, as the best of many timed batches:
//! on a shared machine the minimum is steadier than criterion's median.
//!
//! `cargo run -p stages-bench --release --bin pattern_speed`
//!
//! The cases of `stages_bench::pattern_cases` (also `benches/patterns.rs`): `ours` is
//! `validate()` of a model holding only the string (the DFA walk plus validate's frame),
//! `regex` the bare `Regex::is_match` on `^(?:pattern)$`, `frame` `validate()` under a
//! single-class pattern (about validate's frame alone).

use std::hint::black_box;
use std::time::Instant;

use stages_bench::pattern_cases::cases;

/// Nanoseconds per call of `work`, the best of `batches` batches of `calls`.
fn best(batches: usize, calls: usize, work: impl Fn() -> bool) -> f64 {
    (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..calls {
                black_box(work());
            }
            start.elapsed().as_nanos() as f64 / calls as f64
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    println!(
        "{:18} {:>5}  {:>10}  {:>10}  {:>10}",
        "pattern", "chars", "ours", "regex", "frame"
    );
    for case in cases() {
        let (mut ours, mut regex, mut frame) = (f64::MAX, f64::MAX, f64::MAX);
        // Interleaved, so that a busy moment hits all three.
        for _ in 0..5 {
            ours = ours.min(best(5, 200_000, &case.ours));
            regex = regex.min(best(5, 200_000, || {
                case.regex.is_match(black_box(case.text))
            }));
            frame = frame.min(best(5, 200_000, &case.frame));
        }
        println!(
            "{:18} {:>5}  {ours:>7.1} ns  {regex:>7.1} ns  {frame:>7.1} ns   {}",
            case.name,
            case.text.chars().count(),
            case.pattern
        );
    }
}

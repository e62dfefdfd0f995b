//! `cargo bench -p stages-bench --bench patterns`
//!
//! Patterns the derive compiles to automata against the regex crate, which matched them before
//! (`stages_bench::pattern_cases`): `ours-validate` is `validate()` of a model holding only the
//! string (the DFA walk plus validate's frame), `regex-is_match` the bare engine call on
//! `^(?:pattern)$`, `validate-frame` `validate()` under a single-class pattern (about
//! validate's frame alone).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use stages_bench::pattern_cases::cases;

fn bench(c: &mut Criterion) {
    for case in cases() {
        let mut group = c.benchmark_group(format!("pattern/{}", case.name));
        group.bench_function("ours-validate", |b| b.iter(&case.ours));
        group.bench_function("regex-is_match", |b| {
            b.iter(|| case.regex.is_match(black_box(case.text)))
        });
        group.bench_function("validate-frame", |b| b.iter(&case.frame));
        group.finish();
    }
}

criterion_group! {
    name = patterns;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = bench
}
criterion_main!(patterns);

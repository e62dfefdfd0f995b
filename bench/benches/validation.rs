//! `cargo bench -p stages-bench --bench validation`
//!
//! Groups (each compares peers on the same document in the same run):
//! - `validate/valid`, `validate/invalid`: `validate()` on a decoded value.
//! - `decode/valid`, `decode/invalid`: JSON text to a checked value (serde-only is the floor).
//! - `growth/*`: ours, hand and the floor on documents with 45, 4,500 and 45,000 map entries.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use stages_bench::documents::{self, GROWTH};
use stages_bench::{garde_model, hand, serde_only, validator_model};

type Ours = stages_model::CreateStageInput;

fn decode<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).expect("the document decodes")
}

/// Our value for a document, built without our decoder so that invalid documents work too.
fn ours_value(text: &str) -> Ours {
    decode::<serde_only::CreateStageInput>(text).into_ours()
}

fn validate_group(c: &mut Criterion, name: &str, text: &str) {
    let ours = ours_value(text);
    let plain: serde_only::CreateStageInput = decode(text);
    let garde: garde_model::CreateStageInput = decode(text);
    let validator: validator_model::CreateStageInput = decode(text);

    let mut group = c.benchmark_group(format!("validate/{name}"));
    group.bench_function("ours", |b| {
        b.iter(|| stages_model::Validate::validate(black_box(&ours)))
    });
    group.bench_function("hand", |b| b.iter(|| hand::validate(black_box(&plain))));
    group.bench_function("garde", |b| {
        b.iter(|| garde::Validate::validate(black_box(&garde)))
    });
    group.bench_function("validator", |b| {
        b.iter(|| validator::Validate::validate(black_box(&validator)))
    });
    group.finish();
}

fn decode_group(c: &mut Criterion, name: &str, text: &str) {
    let mut group = c.benchmark_group(format!("decode/{name}"));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("serde-only", |b| {
        b.iter(|| serde_json::from_str::<serde_only::CreateStageInput>(black_box(text)))
    });
    group.bench_function("ours-from_json", |b| {
        b.iter(|| stages_model::from_json::<Ours>(black_box(text)))
    });
    group.bench_function("ours-serde_json", |b| {
        b.iter(|| serde_json::from_str::<Ours>(black_box(text)))
    });
    group.bench_function("serde+hand", |b| {
        b.iter(|| {
            let value: serde_only::CreateStageInput =
                serde_json::from_str(black_box(text)).unwrap();
            hand::validate(&value).map(|()| value)
        })
    });
    group.bench_function("garde", |b| {
        b.iter(|| {
            let value: garde_model::CreateStageInput =
                serde_json::from_str(black_box(text)).unwrap();
            garde::Validate::validate(&value).map(|()| value)
        })
    });
    group.bench_function("validator", |b| {
        b.iter(|| {
            let value: validator_model::CreateStageInput =
                serde_json::from_str(black_box(text)).unwrap();
            validator::Validate::validate(&value).map(|()| value)
        })
    });
    group.finish();
}

fn validation(c: &mut Criterion) {
    validate_group(c, "valid", &documents::typical());
    validate_group(c, "invalid", &documents::invalid());
    decode_group(c, "valid", &documents::typical());
    decode_group(c, "invalid", &documents::invalid());
}

/// Validate and decode on documents with 45, 4,500 and 45,000 entries in one map: route
/// settings (valid at every size) and stage variables (beyond 100 the document breaks the count
/// rule, so the larger ones measure the reporting path).
fn growth(c: &mut Criterion) {
    type Make = fn(usize) -> String;
    let maps: [(&str, Make); 2] = [
        ("routes", documents::many_routes),
        ("variables", documents::many_variables),
    ];
    let mut group = c.benchmark_group("growth/validate");
    group.sampling_mode(SamplingMode::Flat);
    for (map, make) in maps {
        for entries in GROWTH {
            let text = make(entries);
            let id = |peer| BenchmarkId::new(peer, format!("{map}-{entries}"));
            let ours = ours_value(&text);
            let plain: serde_only::CreateStageInput = decode(&text);
            group.throughput(Throughput::Elements(entries as u64));
            group.bench_with_input(id("ours"), &ours, |b, value| {
                b.iter(|| stages_model::Validate::validate(black_box(value)))
            });
            group.bench_with_input(id("hand"), &plain, |b, value| {
                b.iter(|| hand::validate(black_box(value)))
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("growth/decode");
    group.sampling_mode(SamplingMode::Flat);
    for (map, make) in maps {
        for entries in GROWTH {
            let text = make(entries);
            let id = |peer| BenchmarkId::new(peer, format!("{map}-{entries}"));
            group.throughput(Throughput::Elements(entries as u64));
            group.bench_with_input(id("serde-only"), text.as_str(), |b, text| {
                b.iter(|| serde_json::from_str::<serde_only::CreateStageInput>(black_box(text)))
            });
            group.bench_with_input(id("ours-from_json"), text.as_str(), |b, text| {
                b.iter(|| stages_model::from_json::<Ours>(black_box(text)))
            });
            group.bench_with_input(id("serde+hand"), text.as_str(), |b, text| {
                b.iter(|| {
                    let value: serde_only::CreateStageInput =
                        serde_json::from_str(black_box(text)).unwrap();
                    hand::validate(&value).map(|()| value)
                })
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
        .without_plots()
}

criterion_group! {
    name = benches;
    config = config();
    targets = validation, growth
}
criterion_main!(benches);

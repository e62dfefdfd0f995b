//! One workload in a loop, for `valgrind --tool=callgrind` (instruction counts are repeatable
//! where wall-clock timings on a shared machine are not), with a count of heap allocations per
//! iteration.
//!
//! `cargo run -p stages-bench --release --bin profile -- <workload> [iterations]`, where
//! `<workload>` is one of `validate-ours`, `validate-hand`, `validate-garde`,
//! `validate-validator`, `decode-serde`, `decode-ours`, `decode-ours-serde_json`,
//! `decode-hand`, `decode-bare`, `decode-invalid-ours`, `decode-create-stage-<ours|serde>`
//! (the load test's CreateStage body), `validate-large-ours`,
//! `validate-large-hand`, `decode-large-ours`, `decode-large-serde`,
//! `encode-<ours|serde>`, `encode-typical-<ours|serde>`, `encode-large-<ours|serde>`, or
//! `growth-<validate|decode>-<ours|hand|serde>-<routes|variables>-<entries>` (the growth
//! documents of `documents::many_routes` and `many_variables`). The document is the typical one
//! unless the workload says otherwise; `decode-bare` decodes it with our decoder into the same
//! shapes without a single rule (what the decoder itself costs over serde's). `encode-*` writes
//! a `Stage` as JSON, with `to_json_vec` (ours, the derive's `WriteJson`) or
//! `serde_json::to_vec` (serde, through the same model's `Serialize`): the stage CreateStage
//! answers under the load test (`documents::CREATE_STAGE`), or the stage made from the typical
//! (1.2 KB) or the large `CreateStageInput`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use stages_bench::{documents, garde_model, hand, serde_only, validator_model};

/// The system allocator, counting allocations.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

type Ours = stages_model::CreateStageInput;

/// The shapes of `CreateStageInput` declared with our derive and no rule but `required`: what
/// our decoder itself costs over serde's derived one.
mod bare {
    use std::collections::BTreeMap;

    use stages_model::{LoggingLevel, Model};

    #[derive(Debug, Model)]
    pub struct CreateStageInput {
        #[model(required)]
        pub stage_name: String,
        pub description: Option<String>,
        pub deployment_id: Option<String>,
        pub client_certificate_id: Option<String>,
        pub default_route_settings: Option<RouteSettings>,
        pub route_settings: Option<BTreeMap<String, RouteSettings>>,
        pub stage_variables: Option<BTreeMap<String, String>>,
        pub access_log_settings: Option<AccessLogSettings>,
        pub tags: Option<BTreeMap<String, String>>,
        pub auto_deploy: Option<bool>,
    }

    #[derive(Debug, Model)]
    pub struct RouteSettings {
        pub detailed_metrics_enabled: Option<bool>,
        pub logging_level: Option<LoggingLevel>,
        pub data_trace_enabled: Option<bool>,
        pub throttling_burst_limit: Option<i32>,
        pub throttling_rate_limit: Option<f64>,
    }

    #[derive(Debug, Model)]
    pub struct AccessLogSettings {
        pub format: Option<String>,
        pub destination_arn: Option<String>,
    }
}

/// The measured loop, kept out of line so that callgrind can collect inside it only
/// (`--collect-atstart=no --toggle-collect='profile::measure'`).
#[inline(never)]
fn measure(run: &dyn Fn(), iterations: usize) {
    for _ in 0..iterations {
        run();
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let workload = args.next().unwrap_or_else(|| "validate-ours".to_owned());
    let iterations: usize = args.next().map_or(10_000, |n| n.parse().expect("a count"));
    let typical = documents::typical();
    let invalid = documents::invalid();
    let large = documents::large();
    let plain: serde_only::CreateStageInput = serde_json::from_str(&typical).unwrap();
    let ours: Ours = plain.clone().into_ours();
    let plain_large: serde_only::CreateStageInput = serde_json::from_str(&large).unwrap();
    let ours_large: Ours = plain_large.clone().into_ours();
    let garde: garde_model::CreateStageInput = serde_json::from_str(&typical).unwrap();
    let validator: validator_model::CreateStageInput = serde_json::from_str(&typical).unwrap();
    let created = stages_model::chrono::DateTime::from_timestamp(1_714_566_600, 0).unwrap();
    let answered = stages_model::Stage::from_input(
        stages_model::from_json(documents::CREATE_STAGE).unwrap(),
        created,
    );
    let answered_typical = stages_model::Stage::from_input(ours.clone(), created);
    let answered_large = stages_model::Stage::from_input(ours_large.clone(), created);

    let run: Box<dyn Fn()> = match workload.as_str() {
        "validate-ours" => Box::new(|| {
            black_box(stages_model::Validate::validate(black_box(&ours))).unwrap();
        }),
        "validate-hand" => Box::new(|| {
            black_box(hand::validate(black_box(&plain))).unwrap();
        }),
        "validate-garde" => Box::new(|| {
            black_box(garde::Validate::validate(black_box(&garde))).unwrap();
        }),
        "validate-validator" => Box::new(|| {
            black_box(validator::Validate::validate(black_box(&validator))).unwrap();
        }),
        "decode-serde" => Box::new(|| {
            black_box(serde_json::from_str::<serde_only::CreateStageInput>(
                black_box(&typical),
            ))
            .unwrap();
        }),
        "decode-ours" => Box::new(|| {
            black_box(stages_model::from_json::<Ours>(black_box(&typical))).unwrap();
        }),
        "decode-bare" => Box::new(|| {
            black_box(stages_model::from_json::<bare::CreateStageInput>(
                black_box(&typical),
            ))
            .unwrap();
        }),
        "decode-ours-serde_json" => Box::new(|| {
            black_box(serde_json::from_str::<Ours>(black_box(&typical))).unwrap();
        }),
        "decode-hand" => Box::new(|| {
            let value: serde_only::CreateStageInput =
                serde_json::from_str(black_box(&typical)).unwrap();
            black_box(hand::validate(&value)).unwrap();
            black_box(value);
        }),
        "decode-invalid-ours" => Box::new(|| {
            black_box(stages_model::from_json::<Ours>(black_box(&invalid))).unwrap_err();
        }),
        "validate-large-ours" => Box::new(|| {
            black_box(stages_model::Validate::validate(black_box(&ours_large))).unwrap();
        }),
        "validate-large-hand" => Box::new(|| {
            black_box(hand::validate(black_box(&plain_large))).unwrap();
        }),
        "decode-create-stage-ours" => Box::new(|| {
            black_box(stages_model::from_json_slice::<Ours>(black_box(
                documents::CREATE_STAGE.as_bytes(),
            )))
            .unwrap();
        }),
        "decode-create-stage-serde" => Box::new(|| {
            black_box(serde_json::from_slice::<serde_only::CreateStageInput>(
                black_box(documents::CREATE_STAGE.as_bytes()),
            ))
            .unwrap();
        }),
        "decode-large-ours" => Box::new(|| {
            black_box(stages_model::from_json::<Ours>(black_box(&large))).unwrap();
        }),
        "decode-large-serde" => Box::new(|| {
            black_box(serde_json::from_str::<serde_only::CreateStageInput>(
                black_box(&large),
            ))
            .unwrap();
        }),
        "encode-ours" => Box::new(|| {
            black_box(stages_model::to_json_vec(black_box(&answered))).unwrap();
        }),
        "encode-serde" => Box::new(|| {
            black_box(serde_json::to_vec(black_box(&answered))).unwrap();
        }),
        "encode-typical-ours" => Box::new(|| {
            black_box(stages_model::to_json_vec(black_box(&answered_typical))).unwrap();
        }),
        "encode-typical-serde" => Box::new(|| {
            black_box(serde_json::to_vec(black_box(&answered_typical))).unwrap();
        }),
        "encode-large-ours" => Box::new(|| {
            black_box(stages_model::to_json_vec(black_box(&answered_large))).unwrap();
        }),
        "encode-large-serde" => Box::new(|| {
            black_box(serde_json::to_vec(black_box(&answered_large))).unwrap();
        }),
        other => growth(other).unwrap_or_else(|| panic!("unknown workload {other}")),
    };
    // Warm up once (lazy statics), then count.
    run();
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    measure(&*run, iterations);
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
    println!(
        "{workload}: {iterations} iterations, {:.2} allocations per iteration",
        allocations as f64 / iterations as f64
    );
}

/// A `growth-<validate|decode>-<ours|hand|serde>-<routes|variables>-<entries>` workload.
fn growth(workload: &str) -> Option<Box<dyn Fn()>> {
    let mut parts = workload.strip_prefix("growth-")?.split('-');
    let (kind, peer, map) = (parts.next()?, parts.next()?, parts.next()?);
    let entries: usize = parts.next()?.parse().ok()?;
    let text = match map {
        "routes" => documents::many_routes(entries),
        "variables" => documents::many_variables(entries),
        _ => return None,
    };
    let plain: serde_only::CreateStageInput = serde_json::from_str(&text).ok()?;
    Some(match (kind, peer) {
        ("validate", "ours") => {
            let ours = plain.into_ours();
            Box::new(move || {
                let _ = black_box(stages_model::Validate::validate(black_box(&ours)));
            })
        }
        ("validate", "hand") => Box::new(move || {
            let _ = black_box(hand::validate(black_box(&plain)));
        }),
        ("decode", "ours") => Box::new(move || {
            let _ = black_box(stages_model::from_json::<Ours>(black_box(&text)));
        }),
        ("decode", "serde") => Box::new(move || {
            let _ = black_box(serde_json::from_str::<serde_only::CreateStageInput>(
                black_box(&text),
            ));
        }),
        ("decode", "hand") => Box::new(move || {
            let value: serde_only::CreateStageInput =
                serde_json::from_str(black_box(&text)).unwrap();
            let _ = black_box(hand::validate(&value));
            black_box(value);
        }),
        _ => return None,
    })
}

//! Validating a valid value allocates nothing: counted by a global allocator around the call.
//!
//! An exact count is deterministic, so unlike a timing this can be asserted in a test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use stages_model::{from_json, CreateStageInput, Stage, Stages, Validate};

/// Counts allocations made by the current thread while counting is on.
struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn note_allocation() {
    // `try_with`: the thread-locals may already be gone while a thread shuts down.
    let counting = COUNTING.try_with(Cell::get).unwrap_or(false);
    if counting {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `work` makes on this thread.
fn allocations_during(work: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|count| count.set(0));
    COUNTING.with(|on| on.set(true));
    work();
    COUNTING.with(|on| on.set(false));
    ALLOCATIONS.with(Cell::get)
}

const TYPICAL: &str = include_str!("../../stages-model/examples/data/create-stage.json");

fn typical_stage() -> Stage {
    let mut document: serde_json::Value = serde_json::from_str(TYPICAL).unwrap();
    document["createdDate"] = "2024-05-01T12:30:00Z".into();
    document["lastUpdatedDate"] = "2024-05-01T12:30:00Z".into();
    document["stageVariables"]["more_vars"] = "a,b,c".into();
    serde_json::from_value(document).unwrap()
}

#[test]
fn the_counter_sees_allocations() {
    // Proves the instrument works, so that the zeros below mean something.
    let count = allocations_during(|| drop(std::hint::black_box(vec![1u8; 16])));
    assert_eq!(count, 1);
}

#[test]
fn validating_a_valid_create_stage_input_allocates_nothing() {
    let input: CreateStageInput = from_json(TYPICAL).unwrap();
    input.validate().unwrap(); // first use of anything lazy happens outside the count
    let count = allocations_during(|| {
        std::hint::black_box(&input).validate().unwrap();
    });
    assert_eq!(count, 0);
}

#[test]
fn validating_a_valid_page_of_stages_allocates_nothing() {
    let page = Stages {
        items: vec![typical_stage(), typical_stage()],
        next_token: Some("t".into()),
    };
    page.validate().unwrap();
    let count = allocations_during(|| {
        std::hint::black_box(&page).validate().unwrap();
    });
    assert_eq!(count, 0);
}

#[test]
fn an_invalid_value_allocates_for_its_report() {
    let mut input: CreateStageInput = from_json(TYPICAL).unwrap();
    input.stage_name = "not valid".into();
    let count = allocations_during(|| {
        let errors = std::hint::black_box(&input).validate().unwrap_err();
        assert_eq!(errors.len(), 1);
    });
    assert!(count > 0, "a violation owns its path and message");
}

/// Patterns that the derive compiles to automata (not single classes), walked over ASCII and
/// non-ASCII text.
#[derive(Debug, stages_model::Model)]
struct Route {
    #[model(required, pattern = r"\$default|[A-Z]+ /\S*")]
    route_key: String,
    #[model(
        keys(pattern = "[2-5][0-9]{2}"),
        values(pattern = r"(append|overwrite|remove):header\.\S+|overwrite:statuscode")
    )]
    responses: Option<std::collections::BTreeMap<String, String>>,
}

#[test]
fn matching_patterns_compiled_to_automata_allocates_nothing() {
    let route = Route {
        route_key: "GET /café/{id}".into(),
        responses: Some(
            [
                ("200".into(), "append:header.x-trace".into()),
                ("404".into(), "overwrite:statuscode".into()),
            ]
            .into(),
        ),
    };
    route.validate().unwrap();
    let count = allocations_during(|| {
        std::hint::black_box(&route).validate().unwrap();
    });
    assert_eq!(count, 0);
}

/// A model with nothing but a set, to weigh the set's decoder.
#[derive(Debug, stages_model::Model)]
struct Scopes {
    #[model(required)]
    scopes: std::collections::BTreeSet<String>,
}

#[test]
fn decoding_a_valid_set_allocates_what_serde_does() {
    // Telling a repeated item costs nothing on a valid set: the same allocations as serde's own
    // set decoder (the nodes and the strings).
    let items = r#"["read", "write", "admin", "audit", "billing", "deploy", "logs", "ops"]"#;
    let document = format!(r#"{{"scopes": {items}}}"#);
    from_json::<Scopes>(&document).unwrap();
    let ours = allocations_during(|| {
        std::hint::black_box(from_json::<Scopes>(&document).unwrap());
    });
    let serde = allocations_during(|| {
        let set: std::collections::BTreeSet<String> = serde_json::from_str(items).unwrap();
        std::hint::black_box(set);
    });
    assert_eq!(ours, serde);
}

//! The store's decisions when many changes land at once: in memory, where each is made in turn
//! on the caller's thread, and on disk, where the writer thread decides them in batches.

use std::sync::Arc;

use stages_model::chrono::Utc;
use stages_model::Stage;

use super::Store;
use crate::api::{Api, ProtocolType};
use crate::config::Quotas;
use crate::errors::ServiceError;

fn stage(name: &str) -> Stage {
    Stage {
        stage_name: name.to_owned(),
        created_date: Some(Utc::now()),
        ..Stage::default()
    }
}

/// A directory for one on-disk store, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new() -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("stages-store-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path).unwrap();
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A store in memory (`disk` is `None`) or in the directory, with one API.
async fn store_with_api(stages_per_api: usize, disk: Option<&Scratch>) -> (Arc<Store>, String) {
    let quotas = Quotas {
        stages_per_api,
        ..Quotas::default()
    };
    let store = match disk {
        None => Store::in_memory(quotas).unwrap(),
        Some(scratch) => Store::open(&scratch.0, quotas).unwrap(),
    };
    let store = Arc::new(store);
    let api = store
        .create_api(|api_id| Api {
            api_id,
            name: "test".into(),
            protocol_type: ProtocolType::Http,
            ..Api::default()
        })
        .await
        .unwrap();
    (store, api.api_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_creates_never_exceed_the_stage_quota() {
    concurrent_creates_never_exceed_the_stage_quota_in(None).await;
    concurrent_creates_never_exceed_the_stage_quota_in(Some(&Scratch::new())).await;
}

async fn concurrent_creates_never_exceed_the_stage_quota_in(disk: Option<&Scratch>) {
    let (store, api_id) = store_with_api(10, disk).await;
    let creates = (0..40).map(|index| {
        let (store, api_id) = (store.clone(), api_id.clone());
        tokio::spawn(async move {
            store
                .create_stage(api_id, stage(&format!("s{index}")))
                .await
        })
    });
    let mut created = 0;
    for create in creates {
        match create.await.unwrap() {
            Ok(_) => created += 1,
            Err(ServiceError::TooManyRequests(body)) => {
                assert_eq!(body.limit_type.as_deref(), Some("StagesPerApi"));
            }
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(created, 10);
    assert_eq!(store.page(&api_id, None, 100).unwrap().items.len(), 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_stage_frees_its_name_and_its_place_in_the_quota() {
    a_deleted_stage_frees_its_name_and_its_place_in_the_quota_in(None).await;
    a_deleted_stage_frees_its_name_and_its_place_in_the_quota_in(Some(&Scratch::new())).await;
}

async fn a_deleted_stage_frees_its_name_and_its_place_in_the_quota_in(disk: Option<&Scratch>) {
    let (store, api_id) = store_with_api(1, disk).await;
    store
        .create_stage(api_id.clone(), stage("a"))
        .await
        .unwrap();
    let (deleted, recreated) = tokio::join!(
        store.delete_stage(api_id.clone(), "a".into()),
        store.create_stage(api_id.clone(), stage("b")),
    );
    deleted.unwrap();
    // Either order is allowed; whichever ran first, one stage is left and the quota held.
    let page = store.page(&api_id, None, 10).unwrap();
    match recreated {
        Ok(_) => assert_eq!(page.items.len(), 1),
        Err(ServiceError::TooManyRequests(_)) => assert!(page.items.is_empty()),
        Err(other) => panic!("unexpected {other:?}"),
    }
    store.create_stage(api_id.clone(), stage("a")).await.ok();
    assert_eq!(store.page(&api_id, None, 10).unwrap().items.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_follow_names_and_name_their_last_stage_only_when_more_follow() {
    pages_follow_names_and_name_their_last_stage_only_when_more_follow_in(None).await;
    pages_follow_names_and_name_their_last_stage_only_when_more_follow_in(Some(&Scratch::new()))
        .await;
}

async fn pages_follow_names_and_name_their_last_stage_only_when_more_follow_in(
    disk: Option<&Scratch>,
) {
    let (store, api_id) = store_with_api(100, disk).await;
    for name in ["c", "a", "b", "d"] {
        store
            .create_stage(api_id.clone(), stage(name))
            .await
            .unwrap();
    }
    let first = store.page(&api_id, None, 3).unwrap();
    assert_eq!(first.items.len(), 3);
    assert_eq!(first.last.as_deref(), Some("c"));
    let rest = store.page(&api_id, first.last.clone(), 3).unwrap();
    assert_eq!(rest.items.len(), 1);
    assert!(rest.last.is_none());
    let decoded: Stage = serde_json::from_slice(&rest.items[0]).unwrap();
    assert_eq!(decoded.stage_name, "d");
    assert!(matches!(
        store.page("nosuchapi", None, 3),
        Err(ServiceError::NotFound(_))
    ));
}

#[tokio::test]
async fn a_change_that_panics_is_dropped_and_later_changes_go_on() {
    a_change_that_panics_is_dropped_and_later_changes_go_on_in(None).await;
    let scratch = Scratch::new();
    let api_id = a_change_that_panics_is_dropped_and_later_changes_go_on_in(Some(&scratch)).await;
    // What was kept on disk is what was shown: the later stage, not the half-made one. (The
    // dropped store's writer thread lets go of the directory as it ends.)
    let reopened = reopen(&scratch).await;
    let page = reopened.page(&api_id, None, 10).unwrap();
    assert_eq!(page.items.len(), 1, "only the later change was stored");
}

/// The store kept in `scratch`, once the writer thread of the last one there has let it go.
async fn reopen(scratch: &Scratch) -> Store {
    for _ in 0..500 {
        match Store::open(&scratch.0, Quotas::default()) {
            Ok(store) => return store,
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
        }
    }
    Store::open(&scratch.0, Quotas::default()).unwrap()
}

/// A decision that changes the batch and then panics (a bug), through the store's own writer
/// (the writer thread with a database, the caller's thread in memory).
async fn a_change_that_panics_is_dropped_and_later_changes_go_on_in(
    disk: Option<&Scratch>,
) -> String {
    let (store, api_id) = store_with_api(10, disk).await;
    let target = api_id.clone();
    let failed = store
        .writer
        .execute(move |batch| {
            batch.put_stage(&target, "half-made", Default::default());
            panic!("a bug in a decision")
        })
        .await;
    assert!(failed.is_err());
    store
        .create_stage(api_id.clone(), stage("a"))
        .await
        .unwrap();
    let page = store.page(&api_id, None, 10).unwrap();
    assert_eq!(page.items.len(), 1, "only the later change is shown");
    api_id
}

#[test]
fn stage_names_keep_the_order_of_their_bytes() {
    use super::index::StageName;
    let names = [
        "",
        "a",
        "a\u{0}",
        "a\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}b",
        "ab",
        "abcdefgh",
        "abcdefgh\u{0}",
        "abcdefghi",
        "abcdefgi",
        "b",
        "c0n10000",
        "c0n100000",
        "c0n9",
        "c10n1",
        "$default",
        "Z",
        "~",
        "\u{e9}t\u{e9}",
    ];
    for left in names {
        for right in names {
            assert_eq!(
                StageName::from(left).cmp(&StageName::from(right)),
                left.cmp(right),
                "{left:?} against {right:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_name_is_a_conflict_and_an_unknown_api_not_found() {
    for disk in [None, Some(Scratch::new())] {
        let (store, api_id) = store_with_api(10, disk.as_ref()).await;
        store
            .create_stage(api_id.clone(), stage("a"))
            .await
            .unwrap();
        match store.create_stage(api_id.clone(), stage("a")).await {
            Err(ServiceError::Conflict(body)) => {
                assert_eq!(body.message.as_deref(), Some("Stage already exists: a"));
            }
            other => panic!("expected a conflict, got {other:?}"),
        }
        match store.create_stage("nosuchapi".into(), stage("b")).await {
            Err(ServiceError::NotFound(body)) => {
                assert_eq!(body.resource_type.as_deref(), Some("Api"));
            }
            other => panic!("expected not found, got {other:?}"),
        }
        assert_eq!(store.page(&api_id, None, 10).unwrap().items.len(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_name_in_a_full_api_is_a_conflict_not_a_quota() {
    for disk in [None, Some(Scratch::new())] {
        let (store, api_id) = store_with_api(1, disk.as_ref()).await;
        store
            .create_stage(api_id.clone(), stage("a"))
            .await
            .unwrap();
        match store.create_stage(api_id.clone(), stage("a")).await {
            Err(ServiceError::Conflict(_)) => {}
            other => panic!("expected a conflict, got {other:?}"),
        }
        match store.create_stage(api_id.clone(), stage("b")).await {
            Err(ServiceError::TooManyRequests(_)) => {}
            other => panic!("expected the quota, got {other:?}"),
        }
    }
}

//! The store's decisions when many changes land in one batch.

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

async fn store_with_api(stages_per_api: usize) -> (Arc<Store>, String) {
    let quotas = Quotas {
        stages_per_api,
        ..Quotas::default()
    };
    let store = Arc::new(Store::in_memory(quotas).unwrap());
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
    let (store, api_id) = store_with_api(10).await;
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
    let (store, api_id) = store_with_api(1).await;
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
    let (store, api_id) = store_with_api(100).await;
    for name in ["c", "a", "b", "d"] {
        store
            .create_stage(api_id.clone(), stage(name))
            .await
            .unwrap();
    }
    let first = store.page(&api_id, None, 3).unwrap();
    assert_eq!(first.items.len(), 3);
    assert_eq!(first.last.as_deref(), Some("c"));
    let rest = store.page(&api_id, first.last.as_deref(), 3).unwrap();
    assert_eq!(rest.items.len(), 1);
    assert!(rest.last.is_none());
    let decoded: Stage = serde_json::from_slice(&rest.items[0]).unwrap();
    assert_eq!(decoded.stage_name, "d");
    assert!(matches!(
        store.page("nosuchapi", None, 3),
        Err(ServiceError::NotFound(_))
    ));
}

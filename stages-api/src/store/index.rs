//! What clients read: every API and its stages, each stage kept as the JSON it is served as.
//!
//! Each API has its own lock, so that a listing of one API never holds up requests on another,
//! and a page takes the stages' JSON by reference count under a read lock: no stage is copied
//! while any lock is held. Only the writer ([`super::writer`]) changes the index, after the
//! change is durable.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::{Arc, PoisonError, RwLock};

use crate::api::Api;

/// A stage as stored and served: its JSON encoding, shared (not copied) by every reader and
/// response.
pub type StageJson = axum::body::Bytes;

/// One API and its stages by name.
pub struct ApiEntry {
    /// The API itself.
    pub api: Api,
    stages: RwLock<BTreeMap<Box<str>, StageJson>>,
}

/// A page of stages, and the name of its last stage when more follow.
pub struct Page {
    /// The stages' JSON, in name order.
    pub items: Vec<StageJson>,
    /// The last stage's name, when more stages follow it.
    pub last: Option<String>,
}

/// A change the writer made durable and now shows to readers.
pub enum Change {
    PutApi(Api),
    PutStage {
        api_id: String,
        name: String,
        json: StageJson,
    },
    DeleteStage {
        api_id: String,
        name: String,
    },
}

/// Every API, by identifier.
#[derive(Default)]
pub struct Index {
    /// Hashed with foldhash rather than SipHash: every request looks its API up. Only
    /// identifiers the service made are keys (a client's own only looks), and the hasher is
    /// still seeded per process.
    apis: RwLock<HashMap<String, Arc<ApiEntry>, foldhash::fast::RandomState>>,
}

impl Index {
    /// The API's entry; the map's lock is released on return.
    pub fn api(&self, api_id: &str) -> Option<Arc<ApiEntry>> {
        self.apis
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(api_id)
            .cloned()
    }

    /// Whether the API exists.
    pub fn contains_api(&self, api_id: &str) -> bool {
        self.apis
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(api_id)
    }

    /// Shows durable changes to readers, in order.
    pub fn publish(&self, changes: Vec<Change>) {
        for change in changes {
            match change {
                Change::PutApi(api) => {
                    let id = api.api_id.clone();
                    let entry = Arc::new(ApiEntry {
                        api,
                        stages: RwLock::default(),
                    });
                    self.apis
                        .write()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(id, entry);
                }
                Change::PutStage { api_id, name, json } => {
                    if let Some(entry) = self.api(&api_id) {
                        entry.write().insert(name.into_boxed_str(), json);
                    }
                }
                Change::DeleteStage { api_id, name } => {
                    if let Some(entry) = self.api(&api_id) {
                        entry.write().remove(name.as_str());
                    }
                }
            }
        }
    }
}

impl ApiEntry {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<Box<str>, StageJson>> {
        self.stages.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<Box<str>, StageJson>> {
        self.stages.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// The stage's JSON, shared.
    pub fn stage(&self, name: &str) -> Option<StageJson> {
        self.read().get(name).cloned()
    }

    /// The stage's JSON, shared, and how many stages the API has, under one lock.
    pub fn stage_and_count(&self, name: &str) -> (Option<StageJson>, usize) {
        let stages = self.read();
        (stages.get(name).cloned(), stages.len())
    }

    /// Up to `size` stages after `after`, in name order.
    pub fn page(&self, after: Option<&str>, size: usize) -> Page {
        let stages = self.read();
        let start = after.map_or(Bound::Unbounded, Bound::Excluded);
        let mut rest = stages.range::<str, _>((start, Bound::Unbounded));
        let mut items = Vec::with_capacity(size.min(stages.len()));
        let mut last_name = None;
        for (name, json) in rest.by_ref().take(size) {
            items.push(json.clone());
            last_name = Some(name);
        }
        let last = if rest.next().is_some() {
            last_name.map(|name| name.to_string())
        } else {
            None
        };
        Page { items, last }
    }
}

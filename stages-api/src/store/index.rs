//! What clients read: every API and its stages, each stage kept as the JSON it is served as.
//!
//! Each API has its own lock, so that a listing of one API never holds up requests on another,
//! and a page takes the stages' JSON by reference count under a read lock: no stage is copied
//! while any lock is held. Only the writer ([`super::writer`]) changes the index, after the
//! change is durable; in memory, CreateStage adds its stage itself ([`ApiEntry::insert_new`]),
//! with the writer's turn held.

use std::collections::{btree_map, BTreeMap, HashMap};
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
    stages: RwLock<BTreeMap<StageName, StageJson>>,
}

/// A stage's name as the index keys it: in the order of its bytes, as a `str` is, but
/// compared on its first eight bytes as one number (`head`, computed once) before anything
/// else. Most names differ there, so a lookup among tens of thousands of stages makes a dozen
/// integer comparisons rather than a dozen calls to `memcmp`. Made from a `String` without a
/// copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageName {
    /// The first eight bytes, big-endian, zeros after a shorter name: ordered as the bytes are
    /// wherever two names differ within them.
    head: u64,
    name: Box<str>,
}

impl StageName {
    fn new(name: Box<str>) -> Self {
        let mut head = [0; 8];
        for (slot, byte) in head.iter_mut().zip(name.bytes()) {
            *slot = byte;
        }
        StageName {
            head: u64::from_be_bytes(head),
            name,
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The name, as a `String` (without a copy).
    pub fn into_string(self) -> String {
        self.name.into_string()
    }
}

impl From<String> for StageName {
    fn from(name: String) -> Self {
        StageName::new(name.into_boxed_str())
    }
}

impl From<&str> for StageName {
    fn from(name: &str) -> Self {
        StageName::new(name.into())
    }
}

impl Ord for StageName {
    #[inline]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Equal heads leave the order to the whole names; different heads give it as the
        // bytes would, since a zero of padding is only ever compared with a byte that is not.
        self.head
            .cmp(&other.head)
            .then_with(|| self.name.cmp(&other.name))
    }
}

impl PartialOrd for StageName {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Why a new stage may not join its API (in memory, [`ApiEntry::insert_new`]; on disk, the
/// writer's batch): the one decision both make.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The name (given) is taken.
    Taken(String),
    /// The API has as many stages as it may.
    Full,
}

impl Refused {
    /// Whether a new stage may join an API of `count` stages whose stage under the new name is
    /// `taken`: a taken name is told first, then the quota.
    pub fn check(taken: Option<&str>, count: usize, limit: usize) -> Result<(), Refused> {
        match taken {
            Some(name) => Err(Refused::Taken(name.to_owned())),
            None if count >= limit => Err(Refused::Full),
            None => Ok(()),
        }
    }
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
                        entry.write().insert(StageName::from(name), json);
                    }
                }
                Change::DeleteStage { api_id, name } => {
                    if let Some(entry) = self.api(&api_id) {
                        entry.write().remove(&StageName::from(name));
                    }
                }
            }
        }
    }
}

impl ApiEntry {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<StageName, StageJson>> {
        self.stages.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<StageName, StageJson>> {
        self.stages.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// The stage's JSON, shared.
    pub fn stage(&self, name: &StageName) -> Option<StageJson> {
        self.read().get(name).cloned()
    }

    /// The stage's JSON, shared, and how many stages the API has, under one lock.
    pub fn stage_and_count(&self, name: &StageName) -> (Option<StageJson>, usize) {
        let stages = self.read();
        (stages.get(name).cloned(), stages.len())
    }

    /// Adds a stage under a name not yet taken, while the API has fewer than `limit` stages:
    /// the check and the change in one walk of the stages, under one lock.
    pub fn insert_new(
        &self,
        name: StageName,
        json: StageJson,
        limit: usize,
    ) -> Result<(), Refused> {
        let mut stages = self.write();
        let count = stages.len();
        match stages.entry(name) {
            btree_map::Entry::Occupied(taken) => {
                Refused::check(Some(taken.key().as_str()), count, limit)
            }
            btree_map::Entry::Vacant(slot) => {
                Refused::check(None, count, limit)?;
                slot.insert(json);
                Ok(())
            }
        }
    }

    /// Up to `size` stages after `after`, in name order.
    pub fn page(&self, after: Option<&StageName>, size: usize) -> Page {
        let stages = self.read();
        let start = after.map_or(Bound::Unbounded, Bound::Excluded);
        let mut rest = stages.range((start, Bound::Unbounded));
        let mut items = Vec::with_capacity(size.min(stages.len()));
        let mut last_name = None;
        for (name, json) in rest.by_ref().take(size) {
            items.push(json.clone());
            last_name = Some(name);
        }
        let last = if rest.next().is_some() {
            last_name.map(|name| name.as_str().to_owned())
        } else {
            None
        };
        Page { items, last }
    }
}

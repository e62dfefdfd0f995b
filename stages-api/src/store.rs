//! The APIs and their stages, in memory.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, RandomState};
use std::ops::Bound;
use std::sync::{Mutex, MutexGuard};

use stages_model::Stage;

use crate::api::Api;

/// One API and its stages, by name.
struct Record {
    api: Api,
    stages: BTreeMap<String, Stage>,
}

/// What `insert_stage` found.
pub enum Insert {
    Created(Box<Stage>),
    NoSuchApi,
    NameTaken,
}

/// A page of stages, and the name of its last stage when more follow.
pub struct Page {
    pub items: Vec<Stage>,
    pub last: Option<String>,
}

/// All APIs, behind one lock: every operation is short.
pub struct Store {
    apis: Mutex<HashMap<String, Record>>,
    ids: RandomState,
}

impl Store {
    pub fn new() -> Self {
        Store {
            apis: Mutex::new(HashMap::new()),
            ids: RandomState::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Record>> {
        // A panic elsewhere cannot leave a record half-written: keep serving.
        self.apis
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stores a new API under a fresh ten-character identifier, as AWS's look.
    pub fn insert_api(&self, make: impl FnOnce(String) -> Api) -> Api {
        let mut apis = self.lock();
        let mut attempt = apis.len() as u64;
        let id = loop {
            let id = api_id(self.ids.hash_one(attempt));
            if !apis.contains_key(&id) {
                break id;
            }
            attempt += 1;
        };
        let api = make(id.clone());
        apis.insert(
            id,
            Record {
                api: api.clone(),
                stages: BTreeMap::new(),
            },
        );
        api
    }

    pub fn api(&self, api_id: &str) -> Option<Api> {
        self.lock().get(api_id).map(|record| record.api.clone())
    }

    pub fn insert_stage(&self, api_id: &str, stage: Stage) -> Insert {
        let mut apis = self.lock();
        let Some(record) = apis.get_mut(api_id) else {
            return Insert::NoSuchApi;
        };
        if record.stages.contains_key(&stage.stage_name) {
            return Insert::NameTaken;
        }
        record
            .stages
            .insert(stage.stage_name.clone(), stage.clone());
        Insert::Created(Box::new(stage))
    }

    pub fn stage(&self, api_id: &str, stage_name: &str) -> Option<Option<Stage>> {
        self.lock()
            .get(api_id)
            .map(|record| record.stages.get(stage_name).cloned())
    }

    /// Up to `size` stages after `after`, in name order; `None` when the API does not exist.
    pub fn page(&self, api_id: &str, after: Option<&str>, size: usize) -> Option<Page> {
        let apis = self.lock();
        let record = apis.get(api_id)?;
        let start = after.map_or(Bound::Unbounded, Bound::Excluded);
        let mut rest = record.stages.range::<str, _>((start, Bound::Unbounded));
        let items: Vec<Stage> = rest
            .by_ref()
            .take(size)
            .map(|(_, stage)| stage.clone())
            .collect();
        let more = rest.next().is_some();
        let last = if more {
            items.last().map(|stage| stage.stage_name.clone())
        } else {
            None
        };
        Some(Page { items, last })
    }
}

/// Ten lowercase letters and digits.
fn api_id(mut bits: u64) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..10)
        .map(|_| {
            let digit = ALPHABET[(bits % 36) as usize];
            bits /= 36;
            char::from(digit)
        })
        .collect()
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

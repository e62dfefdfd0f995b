//! Every change is decided one at a time against the index plus the batch's own earlier changes.
//!
//! With a database, one thread makes every change, in batches: a batch is decided, written to
//! the database in one transaction (one fsync for the whole batch), shown to readers, and only
//! then answered. So concurrent requests share the cost of durability, and no client hears of a
//! change that a crash could still undo. In memory there is nothing to wait for: each change is
//! decided and shown on the caller's own thread, in turn, which spares every write two thread
//! switches; a change of one API's stages may then skip the batch ([`Writer::in_memory`]).

use std::collections::{HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::oneshot;

use super::database::Database;
use super::index::{Change, Index, StageJson, StageName};
use crate::api::Api;

/// The most changes decided before one commit: bounds the wait of the first request of a batch.
const MAX_BATCH: usize = 256;

/// Why a change was not made.
#[derive(Debug)]
pub struct NotDurable(pub String);

/// A request's decision, and what to tell it once the batch is (or is not) durable.
type Job =
    Box<dyn FnOnce(&mut Batch<'_>) -> Box<dyn FnOnce(Result<(), &NotDurable>) + Send> + Send>;

/// The index as a batch sees it: published state plus the batch's own changes.
///
/// The batch's changes are looked up in maps that are brought up to date only when the batch
/// is read after a change: in memory a batch is one change, read before it is made, so no key
/// is hashed or copied for them; on the writer thread each decision after the first brings them
/// up to date first.
pub struct Batch<'a> {
    index: &'a Index,
    changes: Vec<Change>,
    /// How many of `changes` the maps below include.
    seen: usize,
    apis: HashSet<String>,
    stages: HashMap<(String, String), Option<StageJson>>,
    added: HashMap<String, isize>,
}

impl Batch<'_> {
    /// Whether the API exists, counting this batch's changes.
    pub fn api_exists(&mut self, api_id: &str) -> bool {
        self.catch_up();
        self.apis.contains(api_id) || self.index.contains_api(api_id)
    }

    /// The stage's JSON, counting this batch's changes.
    pub fn stage(&mut self, api_id: &str, name: &str) -> Option<StageJson> {
        self.catch_up();
        pending_or_published(self.index, &self.stages, api_id, name)
    }

    /// Whether the API exists and, if so, the stage's JSON (if there is one) and how many stages
    /// the API has, counting this batch's changes: as [`Batch::api_exists`] and
    /// [`Batch::stage`] would, with one look into the index.
    pub fn api_and_stage(
        &mut self,
        api_id: &str,
        name: &StageName,
    ) -> Option<(Option<StageJson>, usize)> {
        self.catch_up();
        let added = self.added.get(api_id).copied().unwrap_or(0);
        let published = self.index.api(api_id);
        if published.is_none() && !self.apis.contains(api_id) {
            return None;
        }
        let pending = pending(&self.stages, api_id, name.as_str());
        let (stage, count) = match &published {
            Some(entry) => entry.stage_and_count(name),
            None => (None, 0),
        };
        let stage = pending.unwrap_or(stage);
        Some((stage, (count as isize + added).max(0) as usize))
    }

    /// Adds an API.
    pub fn put_api(&mut self, api: Api) {
        self.changes.push(Change::PutApi(api));
    }

    /// Adds or replaces a stage. (Owned names are kept as they are, without a copy.)
    pub fn put_stage(
        &mut self,
        api_id: impl Into<String>,
        name: impl Into<String>,
        json: StageJson,
    ) {
        self.changes.push(Change::PutStage {
            api_id: api_id.into(),
            name: name.into(),
            json,
        });
    }

    /// Removes a stage.
    pub fn delete_stage(&mut self, api_id: impl Into<String>, name: impl Into<String>) {
        self.changes.push(Change::DeleteStage {
            api_id: api_id.into(),
            name: name.into(),
        });
    }

    /// Takes back every change after the first `kept`, as when the decision that made them
    /// panicked: the maps are rebuilt from what is left when next read (a panic may also have
    /// left them half brought up to date).
    fn roll_back_to(&mut self, kept: usize) {
        self.changes.truncate(kept);
        self.seen = 0;
        self.apis.clear();
        self.stages.clear();
        self.added.clear();
    }

    /// Brings the maps of pending changes up to date with `changes`, in order.
    fn catch_up(&mut self) {
        let Batch {
            index,
            changes,
            seen,
            apis,
            stages,
            added,
        } = self;
        for change in &changes[*seen..] {
            match change {
                Change::PutApi(api) => {
                    apis.insert(api.api_id.clone());
                }
                Change::PutStage { api_id, name, json } => {
                    if pending_or_published(index, stages, api_id, name).is_none() {
                        *added.entry(api_id.clone()).or_default() += 1;
                    }
                    stages.insert((api_id.clone(), name.clone()), Some(json.clone()));
                }
                Change::DeleteStage { api_id, name } => {
                    if pending_or_published(index, stages, api_id, name).is_some() {
                        *added.entry(api_id.clone()).or_default() -= 1;
                    }
                    stages.insert((api_id.clone(), name.clone()), None);
                }
            }
        }
        *seen = changes.len();
    }
}

type Pending = HashMap<(String, String), Option<StageJson>>;

/// The batch's own word on a stage: `Some(None)` when it deleted it, `None` when it did not
/// touch it.
fn pending(stages: &Pending, api_id: &str, name: &str) -> Option<Option<StageJson>> {
    // The key is built only when the batch has changed a stage.
    (!stages.is_empty())
        .then(|| stages.get(&(api_id.to_owned(), name.to_owned())).cloned())
        .flatten()
}

/// The stage as the batch's changes leave it, else as published.
fn pending_or_published(
    index: &Index,
    stages: &Pending,
    api_id: &str,
    name: &str,
) -> Option<StageJson> {
    match pending(stages, api_id, name) {
        Some(pending) => pending,
        None => index
            .api(api_id)
            .and_then(|entry| entry.stage(&StageName::from(name))),
    }
}

impl<'a> Batch<'a> {
    fn new(index: &'a Index) -> Self {
        Batch {
            index,
            changes: Vec::new(),
            seen: 0,
            apis: HashSet::new(),
            stages: HashMap::new(),
            added: HashMap::new(),
        }
    }
}

/// Where changes are decided.
pub struct Writer {
    mode: Mode,
}

enum Mode {
    /// With a database: handed to the writer thread, which batches them.
    Thread(Sender<Job>),
    /// In memory: decided and shown by the caller, one at a time (`turn`).
    Inline { index: Arc<Index>, turn: Mutex<()> },
}

impl Writer {
    /// Starts the writer thread when there is a `database` (it stops when the `Writer` is
    /// dropped); in memory, there is no thread.
    pub fn start(index: Arc<Index>, database: Option<Database>) -> std::io::Result<Writer> {
        let Some(database) = database else {
            return Ok(Writer {
                mode: Mode::Inline {
                    index,
                    turn: Mutex::new(()),
                },
            });
        };
        let (jobs, queue) = mpsc::channel();
        std::thread::Builder::new()
            .name("stages-writer".into())
            .spawn(move || run(&index, database, &queue))?;
        Ok(Writer {
            mode: Mode::Thread(jobs),
        })
    }

    /// In memory: the index, with the turn to change it held. A change that reads and writes
    /// one API's stages may then make both at once, under that API's own lock, rather than
    /// look in a batch and publish it after.
    pub fn in_memory(&self) -> Option<(&Index, MutexGuard<'_, ()>)> {
        match &self.mode {
            Mode::Inline { index, turn } => {
                Some((index, turn.lock().unwrap_or_else(PoisonError::into_inner)))
            }
            Mode::Thread(_) => None,
        }
    }

    /// Runs `decide` in turn with every other change and returns its result once its changes
    /// are durable and visible.
    pub async fn execute<T: Send + 'static>(
        &self,
        decide: impl FnOnce(&mut Batch<'_>) -> T + Send + 'static,
    ) -> Result<T, NotDurable> {
        let jobs = match &self.mode {
            Mode::Thread(jobs) => jobs,
            Mode::Inline { index, turn } => return decide_inline(index, turn, decide),
        };
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |batch| {
            let outcome = decide(batch);
            Box::new(move |durable| {
                let _ = reply.send(
                    durable
                        .map(|()| outcome)
                        .map_err(|e| NotDurable(e.0.clone())),
                );
            })
        });
        jobs.send(job)
            .map_err(|_| NotDurable("the writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| NotDurable("the change was abandoned".into()))?
    }
}

/// A change in memory: decided and shown while holding `turn` (no `await` in between), so
/// changes are made one at a time as on the writer thread.
fn decide_inline<T>(
    index: &Index,
    turn: &Mutex<()>,
    decide: impl FnOnce(&mut Batch<'_>) -> T,
) -> Result<T, NotDurable> {
    let _turn = turn.lock().unwrap_or_else(PoisonError::into_inner);
    let mut batch = Batch::new(index);
    // A decision that panics (a bug) shows nothing and loses its own answer, as on the thread.
    match panic::catch_unwind(AssertUnwindSafe(|| decide(&mut batch))) {
        Ok(outcome) => {
            index.publish(batch.changes);
            Ok(outcome)
        }
        Err(_) => {
            eprintln!("stages-api: a change panicked and was dropped");
            Err(NotDurable("the change was abandoned".into()))
        }
    }
}

fn run(index: &Index, mut database: Database, queue: &Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = Batch::new(index);
        let mut answers = Vec::new();
        let mut next = Some(first);
        while let Some(job) = next.take() {
            // A decision that panics (a bug) loses its own answer and its own changes, never
            // the writer or the other changes of the batch.
            let kept = batch.changes.len();
            match panic::catch_unwind(AssertUnwindSafe(|| job(&mut batch))) {
                Ok(answer) => answers.push(answer),
                Err(_) => {
                    batch.roll_back_to(kept);
                    eprintln!("stages-api: a change panicked and was dropped");
                }
            }
            if answers.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        let outcome = if batch.changes.is_empty() {
            Ok(())
        } else {
            database
                .commit(&batch.changes)
                .map_err(|error| NotDurable(format!("the change could not be stored: {error}")))
        };
        match &outcome {
            Ok(()) => index.publish(batch.changes),
            Err(error) => eprintln!("stages-api: {}", error.0),
        }
        for answer in answers {
            answer(outcome.as_ref().map(|_| ()));
        }
    }
}

//! The APIs and their stages: what each operation reads and changes, under the service quotas.
//!
//! Readers go to the `index` (per-API locks, stages shared as JSON); every change goes through
//! the `writer` thread, which makes it durable in the `database` when there is one (the
//! service's `--data-dir`) before it is shown or acknowledged.

mod database;
mod index;
mod writer;

#[cfg(test)]
mod tests;

use std::hash::{BuildHasher, RandomState};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use stages_model::chrono::{DateTime, Utc};
use stages_model::{from_json_slice, to_json_vec, Stage, UpdateStageInput, Validate};

use crate::api::Api;
use crate::config::Quotas;
use crate::errors::ServiceError;
use index::Index;
pub use index::{Page, StageJson};
use index::{Refused, StageName};
use writer::{Batch, NotDurable, Writer};

/// A stage checked and encoded for CreateStage ([`Store::new_stage`]).
pub struct NewStage {
    json: StageJson,
    name: StageName,
}

/// Every API and stage, in memory and, given a data directory, on disk.
pub struct Store {
    index: Arc<Index>,
    writer: Writer,
    quotas: Quotas,
    ids: RandomState,
    created: AtomicU64,
}

impl Store {
    /// A store in memory only.
    pub fn in_memory(quotas: Quotas) -> std::io::Result<Store> {
        let index = Arc::new(Index::default());
        let writer = Writer::start(Arc::clone(&index), None)?;
        Ok(Store::with(index, writer, quotas))
    }

    /// A store kept in `directory`, with what it already holds.
    pub fn open(directory: &Path, quotas: Quotas) -> Result<Store, String> {
        let database = database::Database::open(directory)?;
        let index = Arc::new(Index::default());
        database.load(&index)?;
        let writer = Writer::start(Arc::clone(&index), Some(database))
            .map_err(|error| format!("cannot start the writer thread: {error}"))?;
        Ok(Store::with(index, writer, quotas))
    }

    fn with(index: Arc<Index>, writer: Writer, quotas: Quotas) -> Store {
        Store {
            index,
            writer,
            quotas,
            ids: RandomState::new(),
            created: AtomicU64::new(0),
        }
    }

    /// The API, if it exists.
    pub fn api(&self, api_id: &str) -> Option<Api> {
        self.index.api(api_id).map(|entry| entry.api.clone())
    }

    /// Whether the API exists (without copying it, as [`Store::api`] does).
    pub fn has_api(&self, api_id: &str) -> bool {
        self.index.contains_api(api_id)
    }

    /// The stage's JSON; a 404 naming the API or the stage when either is missing.
    pub fn stage(&self, api_id: &str, stage_name: String) -> Result<StageJson, ServiceError> {
        let entry = self.index.api(api_id).ok_or_else(|| no_such_api(api_id))?;
        let name = StageName::from(stage_name);
        entry
            .stage(&name)
            .ok_or_else(|| no_such_stage(name.as_str()))
    }

    /// Up to `size` stages after `after`, in name order.
    pub fn page(
        &self,
        api_id: &str,
        after: Option<String>,
        size: usize,
    ) -> Result<Page, ServiceError> {
        let entry = self.index.api(api_id).ok_or_else(|| no_such_api(api_id))?;
        Ok(entry.page(after.map(StageName::from).as_ref(), size))
    }

    /// Stores a new API under a fresh ten-character identifier, as AWS's look.
    pub async fn create_api(
        &self,
        make: impl FnOnce(String) -> Api + Send + 'static,
    ) -> Result<Api, ServiceError> {
        let ids = self.ids.clone();
        let mut attempt = self.created.fetch_add(1, Ordering::Relaxed);
        self.writer
            .execute(move |batch| {
                let id = loop {
                    let id = api_id(ids.hash_one(attempt));
                    if !batch.api_exists(&id) {
                        break id;
                    }
                    attempt = attempt.wrapping_add(1 << 32);
                };
                let api = make(id);
                batch.put_api(api.clone());
                api
            })
            .await
            .map_err(unavailable)
    }

    /// CreateStage: 404 without the API, 409 when the name is taken, 429 beyond the quotas.
    pub async fn create_stage(
        &self,
        api_id: String,
        stage: Stage,
    ) -> Result<StageJson, ServiceError> {
        let new = self.new_stage(stage)?;
        self.put_new_stage(api_id, new).await
    }

    /// The first half of CreateStage, without waiting: the stage checked against the quotas
    /// and encoded. A caller that awaits only [`Store::put_new_stage`] keeps the stage out of
    /// its future (which is moved whole, and holds its arguments all its life).
    pub fn new_stage(&self, stage: Stage) -> Result<NewStage, ServiceError> {
        check_routes(&stage, &self.quotas)?;
        Ok(NewStage {
            json: encode(&stage)?,
            name: StageName::from(stage.stage_name),
        })
    }

    /// The second half of CreateStage: the new stage stored, unless the API is missing, the name
    /// is taken or the API is full.
    pub async fn put_new_stage(
        &self,
        api_id: String,
        new: NewStage,
    ) -> Result<StageJson, ServiceError> {
        let NewStage { json, name } = new;
        let limit = self.quotas.stages_per_api;
        if let Some((index, _turn)) = self.writer.in_memory() {
            let entry = index.api(&api_id).ok_or_else(|| no_such_api(&api_id))?;
            return match entry.insert_new(name, json.clone(), limit) {
                Ok(()) => Ok(json),
                Err(why) => Err(refused(&api_id, limit, why)),
            };
        }
        self.writer
            .execute(move |batch| {
                let Some((existing, count)) = batch.api_and_stage(&api_id, &name) else {
                    return Err(no_such_api(&api_id));
                };
                let taken = existing.is_some().then(|| name.as_str());
                Refused::check(taken, count, limit).map_err(|why| refused(&api_id, limit, why))?;
                batch.put_stage(api_id, name.into_string(), json.clone());
                Ok(json)
            })
            .await
            .map_err(unavailable)?
    }

    /// UpdateStage: merges `update` into the stored stage as [`UpdateStageInput`] documents.
    pub async fn update_stage(
        &self,
        api_id: String,
        stage_name: String,
        update: UpdateStageInput,
        now: DateTime<Utc>,
    ) -> Result<StageJson, ServiceError> {
        let quotas = self.quotas.clone();
        self.change_stage(api_id, stage_name, move |stage| {
            let new_deployment = update.deployment_id.is_some();
            stage.apply_update(update, now);
            if new_deployment && stage.auto_deploy == Some(true) {
                // The service model: deploymentId "can't be updated if autoDeploy is enabled".
                return Err(ServiceError::bad_request(
                    "deploymentId: cannot be updated while autoDeploy is enabled",
                ));
            }
            stage.validate()?;
            check_routes(stage, &quotas)
        })
        .await
    }

    /// DeleteRouteSettings: 404 when the stage has no settings for `route_key`.
    pub async fn delete_route_settings(
        &self,
        api_id: String,
        stage_name: String,
        route_key: String,
        now: DateTime<Utc>,
    ) -> Result<(), ServiceError> {
        self.change_stage(api_id, stage_name, move |stage| {
            let removed = stage
                .route_settings
                .as_mut()
                .and_then(|routes| routes.remove(&route_key));
            if removed.is_none() {
                return Err(ServiceError::not_found(
                    "RouteSettings",
                    format!("Unable to find route settings for route key {route_key}"),
                ));
            }
            if stage
                .route_settings
                .as_ref()
                .is_some_and(|routes| routes.is_empty())
            {
                stage.route_settings = None;
            }
            stage.last_updated_date = Some(now);
            Ok(())
        })
        .await
        .map(drop)
    }

    /// DeleteAccessLogSettings: removes them (a stage without any is left as it is).
    pub async fn delete_access_log_settings(
        &self,
        api_id: String,
        stage_name: String,
        now: DateTime<Utc>,
    ) -> Result<(), ServiceError> {
        self.change_stage(api_id, stage_name, move |stage| {
            if stage.access_log_settings.take().is_some() {
                stage.last_updated_date = Some(now);
            }
            Ok(())
        })
        .await
        .map(drop)
    }

    /// DeleteStage: 404 when the API or stage does not exist.
    pub async fn delete_stage(
        &self,
        api_id: String,
        stage_name: String,
    ) -> Result<(), ServiceError> {
        self.writer
            .execute(move |batch| {
                stored(batch, &api_id, &stage_name)?;
                batch.delete_stage(api_id, stage_name);
                Ok(())
            })
            .await
            .map_err(unavailable)?
    }

    /// Decodes the stored stage, lets `change` edit it, and stores the result.
    async fn change_stage(
        &self,
        api_id: String,
        stage_name: String,
        change: impl FnOnce(&mut Stage) -> Result<(), ServiceError> + Send + 'static,
    ) -> Result<StageJson, ServiceError> {
        self.writer
            .execute(move |batch| {
                let mut stage: Stage = from_json_slice(&stored(batch, &api_id, &stage_name)?)
                    .map_err(|error| {
                        internal(format!("a stored stage does not decode: {error}"))
                    })?;
                change(&mut stage)?;
                let json = encode(&stage)?;
                batch.put_stage(api_id, stage_name, json.clone());
                Ok(json)
            })
            .await
            .map_err(unavailable)?
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

fn stored(
    batch: &mut Batch<'_>,
    api_id: &str,
    stage_name: &str,
) -> Result<StageJson, ServiceError> {
    if !batch.api_exists(api_id) {
        return Err(no_such_api(api_id));
    }
    batch
        .stage(api_id, stage_name)
        .ok_or_else(|| no_such_stage(stage_name))
}

/// `routeSettings` keys name routes, and an API has at most `routes_per_api` of them.
fn check_routes(stage: &Stage, quotas: &Quotas) -> Result<(), ServiceError> {
    let routes = stage
        .route_settings
        .as_ref()
        .map_or(0, |routes| routes.len());
    if routes > quotas.routes_per_api {
        return Err(ServiceError::limit_exceeded(
            "RoutesPerApi",
            format!(
                "Routes per API limit exceeded: routeSettings names {routes} routes, more than the \
                 {} an API can have (quota \"routes per API\", --max-routes-per-api)",
                quotas.routes_per_api
            ),
        ));
    }
    Ok(())
}

fn encode(stage: &Stage) -> Result<StageJson, ServiceError> {
    // The same bytes as `serde_json::to_vec`, in fewer instructions (the derive's `WriteJson`);
    // a boxed slice, so that the store keeps no spare capacity.
    to_json_vec(stage)
        .map(|json| StageJson::from(json.into_boxed_slice()))
        .map_err(|error| internal(format!("the stage could not be encoded: {error}")))
}

/// The error for a stage refused by [`Refused::check`].
fn refused(api_id: &str, limit: usize, why: Refused) -> ServiceError {
    match why {
        Refused::Taken(name) => name_taken(&name),
        Refused::Full => api_full(api_id, limit),
    }
}

/// 409 `ConflictException` for a stage name already taken.
fn name_taken(name: &str) -> ServiceError {
    ServiceError::conflict(format!("Stage already exists: {name}"))
}

/// 429 `LimitExceededException` for an API with as many stages as it may have.
fn api_full(api_id: &str, limit: usize) -> ServiceError {
    ServiceError::limit_exceeded(
        "StagesPerApi",
        format!(
            "Stages per API limit exceeded: API {api_id} already has {limit} stages, \
             the most allowed (quota \"stages per API\", --max-stages-per-api)"
        ),
    )
}

/// 404 `NotFoundException` for an unknown API, with `resourceType` `Api`.
pub fn no_such_api(api_id: &str) -> ServiceError {
    ServiceError::not_found("Api", format!("Invalid API identifier specified: {api_id}"))
}

fn no_such_stage(stage_name: &str) -> ServiceError {
    ServiceError::not_found(
        "Stage",
        format!("Invalid stage identifier specified: {stage_name}"),
    )
}

fn internal(message: String) -> ServiceError {
    ServiceError::Other {
        status: axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        code: "InternalServerException",
        message,
    }
}

/// The change was not made durable: nothing was stored, and the client may retry.
fn unavailable(error: NotDurable) -> ServiceError {
    ServiceError::Other {
        status: axum::http::StatusCode::SERVICE_UNAVAILABLE,
        code: "ServiceUnavailableException",
        message: error.0,
    }
}

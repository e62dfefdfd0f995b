//! The durable copy, in SQLite: a table of APIs and a table of stages, each row the JSON the
//! service serves. WAL journal with `synchronous = FULL`: a commit returns once its log is on
//! disk, and a crash at any point leaves either the whole transaction or none of it. The
//! database is locked for the life of the process (`locking_mode = EXCLUSIVE`): the index in
//! memory is the only reader, so a second process on the same directory is refused.

use std::path::Path;

use rusqlite::{params, Connection};

use super::index::{Change, Index};
use crate::api::Api;

pub struct Database {
    connection: Connection,
}

impl Database {
    /// Opens (or creates) `stages.sqlite3` in `directory`, creating the directory if needed.
    pub fn open(directory: &Path) -> Result<Database, String> {
        std::fs::create_dir_all(directory)
            .map_err(|error| format!("cannot create {}: {error}", directory.display()))?;
        let file = directory.join("stages.sqlite3");
        let connection = Connection::open(&file)
            .map_err(|error| format!("cannot open {}: {error}", file.display()))?;
        // Another process holding the lock is an error at once, not a wait.
        connection
            .busy_timeout(std::time::Duration::ZERO)
            .map_err(|error| format!("cannot open {}: {error}", file.display()))?;
        connection
            .execute_batch(
                "PRAGMA locking_mode = EXCLUSIVE;
                 PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 CREATE TABLE IF NOT EXISTS apis (id TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
                 CREATE TABLE IF NOT EXISTS stages (
                     api_id TEXT NOT NULL, name TEXT NOT NULL, json BLOB NOT NULL,
                     PRIMARY KEY (api_id, name)
                 ) WITHOUT ROWID;
                 BEGIN IMMEDIATE; COMMIT;",
            )
            .map_err(|error| match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy) => format!(
                    "{} is in use by another process (one stages-api per data directory)",
                    file.display()
                ),
                _ => format!("cannot set up {}: {error}", file.display()),
            })?;
        Ok(Database { connection })
    }

    /// Fills `index` with every stored API and stage.
    pub fn load(&self, index: &Index) -> Result<(), String> {
        let fail = |error: rusqlite::Error| format!("cannot read the stored stages: {error}");
        let mut changes = Vec::new();
        let mut apis = self
            .connection
            .prepare("SELECT json FROM apis")
            .map_err(fail)?;
        let rows = apis
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(fail)?;
        for json in rows {
            let json = json.map_err(fail)?;
            let api: Api = stages_model::from_json(&json)
                .map_err(|error| format!("a stored API does not decode: {error}"))?;
            changes.push(Change::PutApi(api));
        }
        let mut stages = self
            .connection
            .prepare("SELECT api_id, name, json FROM stages")
            .map_err(fail)?;
        let rows = stages
            .query_map([], |row| {
                Ok(Change::PutStage {
                    api_id: row.get(0)?,
                    name: row.get(1)?,
                    json: row.get::<_, Vec<u8>>(2)?.into_boxed_slice().into(),
                })
            })
            .map_err(fail)?;
        for change in rows {
            changes.push(change.map_err(fail)?);
        }
        index.publish(changes);
        Ok(())
    }

    /// Writes `changes` in one transaction, durable when this returns `Ok`.
    pub fn commit(&mut self, changes: &[Change]) -> rusqlite::Result<()> {
        let transaction = self.connection.transaction()?;
        {
            let mut put_api = transaction
                .prepare_cached("INSERT OR REPLACE INTO apis (id, json) VALUES (?1, ?2)")?;
            let mut put_stage = transaction.prepare_cached(
                "INSERT OR REPLACE INTO stages (api_id, name, json) VALUES (?1, ?2, ?3)",
            )?;
            let mut delete_stage =
                transaction.prepare_cached("DELETE FROM stages WHERE api_id = ?1 AND name = ?2")?;
            for change in changes {
                match change {
                    Change::PutApi(api) => {
                        let json = serde_json::to_string(api).map_err(|error| {
                            rusqlite::Error::ToSqlConversionFailure(error.into())
                        })?;
                        put_api.execute(params![api.api_id, json])?;
                    }
                    Change::PutStage { api_id, name, json } => {
                        put_stage.execute(params![api_id, name, &json[..]])?;
                    }
                    Change::DeleteStage { api_id, name } => {
                        delete_stage.execute(params![api_id, name])?;
                    }
                }
            }
        }
        transaction.commit()
    }
}

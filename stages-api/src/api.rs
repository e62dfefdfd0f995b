//! A minimal `CreateApi`, so that clients have an API to attach stages to. Declared with the
//! same derive as the Stages types.

use stages_model::chrono::{DateTime, Utc};
use stages_model::Model;

/// `HTTP` or `WEBSOCKET`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Model)]
pub enum ProtocolType {
    #[default]
    Http,
    Websocket,
}

/// The body of `POST /v2/apis`.
#[derive(Debug, Clone, Default, Model)]
pub struct CreateApiInput {
    #[model(required, length(min = 1, max = 128))]
    pub name: String,
    #[model(required)]
    pub protocol_type: ProtocolType,
    #[model(length(max = 1024))]
    pub description: Option<String>,
}

/// An API, as `CreateApi` and `GetApi` return it.
#[derive(Debug, Clone, Default, Model)]
pub struct Api {
    #[model(required)]
    pub api_id: String,
    #[model(required)]
    pub name: String,
    #[model(required)]
    pub protocol_type: ProtocolType,
    pub description: Option<String>,
    pub api_endpoint: Option<String>,
    pub created_date: Option<DateTime<Utc>>,
}

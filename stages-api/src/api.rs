//! A minimal `CreateApi`, so that clients have an API to attach stages to. Declared with the
//! same derive as the Stages types.

use stages_model::chrono::{DateTime, Utc};
use stages_model::Model;

/// `HTTP` or `WEBSOCKET`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Model)]
pub enum ProtocolType {
    /// An HTTP API.
    #[default]
    Http,
    /// A WebSocket API.
    Websocket,
}

/// The body of `POST /v2/apis`.
#[derive(Debug, Clone, Default, Model)]
pub struct CreateApiInput {
    /// The API's name, 1 to 128 characters.
    #[model(required, length(min = 1, max = 128))]
    pub name: String,
    /// `HTTP` or `WEBSOCKET`.
    #[model(required)]
    pub protocol_type: ProtocolType,
    /// A description of at most 1024 characters.
    #[model(length(max = 1024))]
    pub description: Option<String>,
}

/// An API, as `CreateApi` and `GetApi` return it.
#[derive(Debug, Clone, Default, Model)]
pub struct Api {
    /// The identifier the service gave the API.
    #[model(required)]
    pub api_id: String,
    /// The API's name.
    #[model(required)]
    pub name: String,
    /// `HTTP` or `WEBSOCKET`.
    #[model(required)]
    pub protocol_type: ProtocolType,
    /// The API's description.
    pub description: Option<String>,
    /// The URI the API is reached at.
    pub api_endpoint: Option<String>,
    /// When the API was created.
    pub created_date: Option<DateTime<Utc>>,
}

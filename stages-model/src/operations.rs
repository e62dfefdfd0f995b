//! The two operations of the Stages resource: their inputs, outputs and success status.

use crate::custom::{self, MAX_PAGE_SIZE};
use crate::{CreateStageInput, Model, Stage, Stages};

/// What every operation declares: its name, HTTP method, and the status and body of success.
pub trait Operation {
    /// The operation's name in the AWS service model (`GetStages`).
    const NAME: &'static str;
    /// The HTTP method.
    const METHOD: &'static str;
    /// The HTTP status of a successful response.
    const SUCCESS_STATUS: u16;
    /// The body of a successful response.
    type Output;
}

/// A `GetStages` request: `GET /v2/apis/{apiId}/stages?maxResults=&nextToken=`.
///
/// `maxResults` is a string on the wire (a query parameter); it must be a whole number from 1 to
/// [`MAX_PAGE_SIZE`] (500).
///
/// ```
/// use stages_model::{GetStagesInput, Validate};
///
/// let input = GetStagesInput { api_id: "a1b2c3".into(), next_token: None, max_results: Some("ten".into()) };
/// let errors = input.validate().unwrap_err();
/// assert_eq!(errors.to_string(), r#"maxResults: must be a whole number from 1 to 500; found "ten""#);
///
/// let input = GetStagesInput { max_results: Some("25".into()), ..input };
/// assert_eq!(input.page_size(), Some(25));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Model)]
pub struct GetStagesInput {
    /// The API whose stages to list (from the path).
    #[model(required, length(min = 1))]
    pub api_id: String,
    /// Where the previous page ended: a token the service issued, opaque to clients.
    pub next_token: Option<String>,
    /// The most stages to return, as the decimal string the query carries.
    #[model(custom(custom::max_results, schema = custom::schema::max_results))]
    pub max_results: Option<String>,
}

impl GetStagesInput {
    /// The page size asked for, once `maxResults` is valid; `None` when it is absent or invalid
    /// (callers validate first, and use their default page size for `None`).
    pub fn page_size(&self) -> Option<u32> {
        self.max_results
            .as_deref()
            .and_then(|text| custom::parse_max_results(text).ok())
    }
}

impl Operation for GetStagesInput {
    const NAME: &'static str = "GetStages";
    const METHOD: &'static str = "GET";
    const SUCCESS_STATUS: u16 = 200;
    type Output = Stages;
}

/// A `CreateStage` request: `POST /v2/apis/{apiId}/stages` with a [`CreateStageInput`] body.
///
/// ```
/// use stages_model::{CreateStageInput, CreateStageRequest, Operation, Validate};
///
/// let request = CreateStageRequest {
///     api_id: "a1b2c3".into(),
///     body: CreateStageInput { stage_name: "prod".into(), ..Default::default() },
/// };
/// assert!(request.validate().is_ok());
/// assert_eq!(CreateStageRequest::SUCCESS_STATUS, 201);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Model)]
pub struct CreateStageRequest {
    /// The API to add the stage to (from the path).
    #[model(required, length(min = 1))]
    pub api_id: String,
    /// The request body.
    #[model(required)]
    pub body: CreateStageInput,
}

impl Operation for CreateStageRequest {
    const NAME: &'static str = "CreateStage";
    const METHOD: &'static str = "POST";
    const SUCCESS_STATUS: u16 = 201;
    type Output = Stage;
}

/// The page size `GetStages` uses when `maxResults` is absent.
pub const DEFAULT_PAGE_SIZE: u32 = 25;

const _: () = assert!(DEFAULT_PAGE_SIZE <= MAX_PAGE_SIZE);

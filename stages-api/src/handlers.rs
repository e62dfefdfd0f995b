//! The routes: decode with `stages-model`, answer as AWS does.

use std::future::Future;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::Router;
use serde::Serialize;
use stages_model::chrono::{DateTime, SubsecRound, Utc};
use stages_model::{
    CreateStageInput, GetStagesInput, Operation, Stage, UpdateStageInput, Validate,
    DEFAULT_PAGE_SIZE,
};

use crate::api::{Api, CreateApiInput};
use crate::body::{json_response, stages_page};
use crate::config::Config;
use crate::errors::ServiceError;
use crate::limits::BodyLimits;
use crate::middleware::{App, RateLimiter};
use crate::offload::Decoded;
use crate::pagination::Tokens;
use crate::store::{no_such_api, Store};

/// What the handlers share.
pub struct Service {
    store: Store,
    tokens: Tokens,
    /// The rate limit (`--rate-limit`), when there is one.
    pub limiter: Option<RateLimiter>,
}

impl Service {
    /// The service, with the stages already in `config.data_dir` when it is given.
    pub fn new(config: &Config) -> Result<Self, String> {
        let store = match &config.data_dir {
            Some(directory) => Store::open(directory, config.quotas.clone())?,
            None => Store::in_memory(config.quotas.clone())
                .map_err(|error| format!("cannot start the store: {error}"))?,
        };
        Ok(Service {
            store,
            tokens: Tokens::new(),
            limiter: config
                .rate_limit
                .map(|rate| RateLimiter::new(rate, config.burst)),
        })
    }
}

type Shared = State<Arc<Service>>;

/// The routes, behind (outermost first) the AWS envelope, the request log, AWS's bound on the
/// head, the body read within its limits, and the rate limit ([`App`]).
pub fn app(service: Arc<Service>, config: &Config) -> App {
    let routes = Router::new()
        .route("/v2/apis", axum::routing::post(create_api))
        .route("/v2/apis/{api_id}", get(get_api))
        .route(
            "/v2/apis/{api_id}/stages",
            get(get_stages).post(create_stage),
        )
        .route(
            "/v2/apis/{api_id}/stages/{stage_name}",
            get(get_stage).patch(update_stage).delete(delete_stage),
        )
        .route(
            "/v2/apis/{api_id}/stages/{stage_name}/routesettings/{route_key}",
            delete(delete_route_settings),
        )
        .route(
            "/v2/apis/{api_id}/stages/{stage_name}/accesslogsettings",
            delete(delete_access_log_settings),
        )
        .route("/openapi.json", get(openapi))
        .fallback(unknown_route)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(service.clone());
    let body = BodyLimits {
        max: config.max_body,
        timeout: config.limits.body_timeout,
    };
    App::new(service, config.limits.max_head, body, routes)
}

/// A JSON response with the given status.
fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => {
            let mut response = (status, bytes).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
        Err(error) => ServiceError::Other {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "InternalServerException",
            message: format!("the response could not be encoded: {error}"),
        }
        .into_response(),
    }
}

/// The current time to the second, as AWS reports creation dates: whole seconds from the
/// system clock (a date with nanoseconds, truncated, costs twice as much to make).
fn now() -> DateTime<Utc> {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|since| i64::try_from(since.as_secs()).ok())
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
        .unwrap_or_else(|| Utc::now().trunc_subsecs(0))
}

fn status_of<O: Operation>() -> StatusCode {
    StatusCode::from_u16(O::SUCCESS_STATUS).unwrap_or(StatusCode::OK)
}

fn path<T>(extracted: Result<Path<T>, PathRejection>) -> Result<T, ServiceError> {
    extracted
        .map(|Path(value)| value)
        .map_err(|rejection| ServiceError::bad_request(rejection.body_text()))
}

async fn create_api(
    State(service): Shared,
    Decoded(input): Decoded<CreateApiInput>,
) -> Result<Response, ServiceError> {
    let api = service
        .store
        .create_api(move |api_id| Api {
            api_endpoint: Some(format!("https://{api_id}.execute-api.localhost")),
            api_id,
            name: input.name,
            protocol_type: input.protocol_type,
            description: input.description,
            created_date: Some(now()),
        })
        .await?;
    Ok(json(StatusCode::CREATED, &api))
}

async fn get_api(
    State(service): Shared,
    api_id: Result<Path<String>, PathRejection>,
) -> Result<Response, ServiceError> {
    let api_id = path(api_id)?;
    match service.store.api(&api_id) {
        Some(api) => Ok(json(StatusCode::OK, &api)),
        None => Err(no_such_api(&api_id)),
    }
}

/// Not an `async fn`: the input is made a stage, checked and encoded before the future is
/// made, so that the future (moved whole, twice) carries neither.
fn create_stage(
    State(service): Shared,
    api_id: Result<Path<String>, PathRejection>,
    Decoded(input): Decoded<CreateStageInput>,
) -> impl Future<Output = Result<Response, ServiceError>> {
    let new = path(api_id).and_then(|api_id| {
        let stage = Stage::from_input(input, now());
        Ok((api_id, service.store.new_stage(stage)?))
    });
    async move {
        let (api_id, new) = new?;
        let created = service.store.put_new_stage(api_id, new).await?;
        Ok(json_response(
            status_of::<stages_model::CreateStageRequest>(),
            created.into(),
        ))
    }
}

async fn get_stages(
    State(service): Shared,
    api_id: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, ServiceError> {
    let api_id = path(api_id)?;
    let (next_token, max_results) = page_parameters(query.as_deref().unwrap_or(""));
    let input = GetStagesInput {
        api_id,
        next_token,
        max_results,
    };
    input.validate()?;
    if !service.store.has_api(&input.api_id) {
        return Err(no_such_api(&input.api_id));
    }
    let after = match &input.next_token {
        Some(token) => Some(service.tokens.verify(&input.api_id, token).ok_or_else(|| {
            ServiceError::bad_request("nextToken: is not a token this service issued")
        })?),
        None => None,
    };
    let size = input.page_size().unwrap_or(DEFAULT_PAGE_SIZE) as usize;
    let page = service.store.page(&input.api_id, after, size)?;
    let next_token = page
        .last
        .map(|last| service.tokens.issue(&input.api_id, &last));
    Ok(json_response(
        status_of::<GetStagesInput>(),
        stages_page(page.items, next_token.as_deref()),
    ))
}

/// GetStages' `nextToken` and `maxResults` from a query string. The last value of each counts;
/// other parameters are ignored, as by AWS. Decoding is lossy, as axum's `Query` does: it never
/// fails; a pair with nothing to decode, the usual `maxResults=25`, is borrowed, not copied.
fn page_parameters(query: &str) -> (Option<String>, Option<String>) {
    let (mut next_token, mut max_results) = (None, None);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match &*key {
            "nextToken" => next_token = Some(value.into_owned()),
            "maxResults" => max_results = Some(value.into_owned()),
            _ => {}
        }
    }
    (next_token, max_results)
}

async fn get_stage(
    State(service): Shared,
    names: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, ServiceError> {
    let (api_id, stage_name) = path(names)?;
    let stage = service.store.stage(&api_id, stage_name)?;
    Ok(json_response(StatusCode::OK, stage.into()))
}

async fn update_stage(
    State(service): Shared,
    names: Result<Path<(String, String)>, PathRejection>,
    Decoded(update): Decoded<UpdateStageInput>,
) -> Result<Response, ServiceError> {
    let (api_id, stage_name) = path(names)?;
    let updated = service
        .store
        .update_stage(api_id, stage_name, update, now())
        .await?;
    Ok(json_response(StatusCode::OK, updated.into()))
}

async fn delete_stage(
    State(service): Shared,
    names: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ServiceError> {
    let (api_id, stage_name) = path(names)?;
    service.store.delete_stage(api_id, stage_name).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_route_settings(
    State(service): Shared,
    names: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<StatusCode, ServiceError> {
    let (api_id, stage_name, route_key) = path(names)?;
    service
        .store
        .delete_route_settings(api_id, stage_name, route_key, now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_access_log_settings(
    State(service): Shared,
    names: Result<Path<(String, String)>, PathRejection>,
) -> Result<StatusCode, ServiceError> {
    let (api_id, stage_name) = path(names)?;
    service
        .store
        .delete_access_log_settings(api_id, stage_name, now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The OpenAPI 3.1 document of the routes above.
async fn openapi() -> Response {
    let mut response = crate::openapi::bytes().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

async fn unknown_route(method: Method, uri: Uri) -> ServiceError {
    ServiceError::not_found("Route", format!("No route for {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ServiceError {
    ServiceError::client_fault(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {}", uri.path()),
    )
}

#[cfg(test)]
mod tests {
    use super::{now, page_parameters};
    use stages_model::chrono::{SubsecRound, Utc};

    #[test]
    fn now_is_the_current_second() {
        let before = Utc::now().trunc_subsecs(0);
        let now = now();
        assert_eq!(now, now.trunc_subsecs(0));
        assert!(before <= now && now <= Utc::now(), "{before} {now}");
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    #[test]
    fn parameters_are_read_as_aws_reads_them() {
        assert_eq!(page_parameters(""), (None, None));
        assert_eq!(page_parameters("maxResults=25"), (None, some("25")));
        // The last value counts; other parameters and empty pairs are passed over.
        assert_eq!(
            page_parameters("&maxResults=2&x=y&&maxResults=1&nextToken=a.b&"),
            (some("a.b"), some("1"))
        );
        // Percent-escapes and `+` are decoded, in names as in values.
        assert_eq!(
            page_parameters("max%52esults=%31&nextToken=a+b%2Bc"),
            (some("a b+c"), some("1"))
        );
        // A name alone has an empty value, which the rules then refuse.
        assert_eq!(page_parameters("maxResults"), (None, some("")));
        // Bad escapes are kept as sent, invalid UTF-8 replaced: never an error here.
        assert_eq!(
            page_parameters("nextToken=%zz%ff"),
            (some("%zz\u{fffd}"), None)
        );
    }
}

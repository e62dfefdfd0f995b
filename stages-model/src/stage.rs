//! `CreateStageInput` (the body of a CreateStage request) and `Stage` (what AWS returns).
//!
//! Both carry the same settable members under the same rules; `Stage` adds what the service
//! fills in. The rules follow `SPEC.md`: lengths from the AWS service model, character sets from
//! the API reference, tag limits from the tagging guide.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::{custom, AccessLogSettings, Model, ReturnedRouteSettings, RouteSettings};

/// Declares a stage struct with the members a caller can set, under their rules, followed by
/// the struct's own members: the rules of `CreateStageInput`, `Stage` and `UpdateStageInput` are
/// written once. Each names its route settings type: requests take [`RouteSettings`], which
/// rejects logging levels newer than this model, and `Stage` takes [`ReturnedRouteSettings`],
/// which keeps them. The first form adds the required `stageName` in front (UpdateStage names
/// the stage in its path); the second takes the pattern of stage-variable values, which only
/// `UpdateStageInput` relaxes (an empty value removes a variable there).
macro_rules! stage_struct {
    (
        $(#[$meta:meta])* pub struct $name:ident { $($own:tt)* }
        route settings $settings:ident
    ) => {
        stage_struct! {
            $(#[$meta])*
            pub struct $name {
                /// The stage's name: 1 to 128 ASCII letters, digits, hyphens and underscores, or
                /// exactly `$default` (the stage HTTP APIs deploy to automatically).
                #[model(required, length(min = 1, max = 128), custom(custom::stage_name, schema = custom::schema::stage_name))]
                pub stage_name: String,
            }
            route settings $settings
            variable values "[A-Za-z0-9-._~:/?#&=,]+"
            { $($own)* }
        }
    };
    (
        $(#[$meta:meta])* pub struct $name:ident { $($first:tt)* }
        route settings $settings:ident
        variable values $values:tt
        { $($own:tt)* }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($first)*
            /// A description of the stage, at most 1024 characters.
            #[model(length(max = 1024))]
            pub description: Option<String>,
            /// The deployment the stage serves.
            pub deployment_id: Option<String>,
            /// The client certificate the stage presents to integrations (WebSocket APIs only).
            pub client_certificate_id: Option<String>,
            /// Route settings that apply to every route without settings of its own.
            pub default_route_settings: Option<$settings>,
            /// Settings per route, by route key (`GET /pets`, `$default`, `$connect`).
            pub route_settings: Option<BTreeMap<String, $settings>>,
            /// Stage variables: at most 100 (a fixed quota); names of at most 64 letters, digits
            /// and underscores; values of at most 2048 characters from `[A-Za-z0-9-._~:/?#&=,]`,
            /// never empty (except in an update, where an empty value removes the variable).
            #[model(
                length(max = 100),
                keys(length(max = 64), pattern = "[A-Za-z0-9_]+"),
                values(pattern = $values, length(max = 2048))
            )]
            pub stage_variables: Option<BTreeMap<String, String>>,
            /// Where and how access logs are written.
            pub access_log_settings: Option<AccessLogSettings>,
            /// Whether updates to the API deploy to this stage automatically (HTTP APIs).
            pub auto_deploy: Option<bool>,
            $($own)*
        }
    };
}

pub(crate) use stage_struct;

stage_struct! {
/// The body of a `CreateStage` request (`POST /v2/apis/{apiId}/stages`).
///
/// ```
/// use stages_model::{from_json, CreateStageInput};
///
/// let input: CreateStageInput = from_json(r#"{
///     "stageName": "prod",
///     "stageVariables": {"backend": "https://api.example.com/v1"},
///     "routeSettings": {"GET /pets": {"throttlingBurstLimit": 100}},
///     "tags": {"team": "payments"}
/// }"#).unwrap();
/// assert_eq!(input.stage_name, "prod");
///
/// let errors = from_json::<CreateStageInput>(r#"{
///     "stageVariables": {"my-var": "a b"},
///     "accessLogSettings": {"format": "$context.status"}
/// }"#).unwrap_err();
/// assert_eq!(
///     errors.to_string(),
///     "stageName: is required\n\
///      stageVariables[\"my-var\"]: key must match [A-Za-z0-9_]+\n\
///      stageVariables[\"my-var\"]: must match [A-Za-z0-9-._~:/?#&=,]+\n\
///      accessLogSettings.format: must include $context.requestId"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Model)]
pub struct CreateStageInput {
    /// At most 50 tags; keys of 1 to 128 characters that do not start with `aws:` in any mix of
    /// case (reserved for AWS), values of at most 256 characters.
    #[model(
        length(max = 50),
        keys(length(min = 1, max = 128), custom(custom::tag_key, schema = custom::schema::tag_key)),
        values(length(max = 256))
    )]
    pub tags: Option<BTreeMap<String, String>>,
}
route settings RouteSettings
}

stage_struct! {
/// A stage of an API, as `CreateStage` and `GetStages` return it.
///
/// Documents that AWS returns may carry members newer than these; they are ignored, so such
/// documents still decode. A logging level newer than [`LoggingLevel`](crate::LoggingLevel)
/// knows is kept as written and encoded back unchanged ([`ReturnedRouteSettings`]), where a
/// request refuses it.
///
/// ```
/// use stages_model::{from_json, Stage};
///
/// let stage: Stage = from_json(r#"{
///     "stageName": "$default",
///     "autoDeploy": true,
///     "createdDate": "2024-05-01T12:30:00.250+02:00",
///     "someMemberFromTheFuture": {"x": 1}
/// }"#).unwrap();
/// // Dates are kept in UTC and written with a `Z`.
/// let json = serde_json::to_value(&stage).unwrap();
/// assert_eq!(json["createdDate"], "2024-05-01T10:30:00.250Z");
/// assert!(json.get("someMemberFromTheFuture").is_none());
///
/// let stage: Stage = from_json(r#"{"stageName": "prod", "defaultRouteSettings": {"loggingLevel": "TRACE"}}"#).unwrap();
/// let json = serde_json::to_value(&stage).unwrap();
/// assert_eq!(json["defaultRouteSettings"]["loggingLevel"], "TRACE");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Model)]
pub struct Stage {
    /// The stage's tags: keys of 1 to 128 characters, values of at most 256, at most 50 tags
    /// besides those whose keys start with `aws:` (in any case): unlike in a request, such keys
    /// are accepted, and not counted, since AWS adds them itself (a stage made by CloudFormation
    /// carries `aws:cloudformation:*` tags).
    #[model(
        custom = custom::returned_tags,
        keys(length(min = 1, max = 128)),
        values(length(max = 256))
    )]
    pub tags: Option<BTreeMap<String, String>>,
    /// When the stage was created (RFC 3339 on the wire, written in UTC with `Z`; the instant
    /// must lie in years 0000–9999 in UTC so that it can be written back).
    #[model(custom(custom::date_time, schema = custom::schema::date_time))]
    pub created_date: Option<DateTime<Utc>>,
    /// When the stage was last updated (as `createdDate`).
    #[model(custom(custom::date_time, schema = custom::schema::date_time))]
    pub last_updated_date: Option<DateTime<Utc>>,
    /// Whether API Gateway manages the stage (a stage made by quick create); such a stage can
    /// only be changed through its API.
    pub api_gateway_managed: Option<bool>,
    /// The status of the last deployment to an auto-deploying stage.
    pub last_deployment_status_message: Option<String>,
}
route settings ReturnedRouteSettings
}

impl Stage {
    /// The stage that `CreateStage` makes from `input`, created and last updated at `now`.
    pub fn from_input(input: CreateStageInput, now: DateTime<Utc>) -> Self {
        let CreateStageInput {
            stage_name,
            description,
            deployment_id,
            client_certificate_id,
            default_route_settings,
            route_settings,
            stage_variables,
            access_log_settings,
            tags,
            auto_deploy,
        } = input;
        Stage {
            stage_name,
            description,
            deployment_id,
            client_certificate_id,
            default_route_settings: default_route_settings.map(Into::into),
            route_settings: route_settings.map(returned),
            stage_variables,
            access_log_settings,
            tags,
            auto_deploy,
            created_date: Some(now),
            last_updated_date: Some(now),
            api_gateway_managed: None,
            last_deployment_status_message: None,
        }
    }
}

/// The settings per route a caller sent, as a stage keeps and returns them.
pub(crate) fn returned(
    routes: BTreeMap<String, RouteSettings>,
) -> BTreeMap<String, ReturnedRouteSettings> {
    routes
        .into_iter()
        .map(|(key, settings)| (key, settings.into()))
        .collect()
}

/// One page of an API's stages, as `GetStages` returns it.
///
/// ```
/// use stages_model::{from_json, Stages};
///
/// let page: Stages = from_json(r#"{"items": [{"stageName": "prod"}], "nextToken": "abc"}"#).unwrap();
/// assert_eq!(page.items.len(), 1);
///
/// // Each item is checked, with its index on the path.
/// let errors = from_json::<Stages>(r#"{"items": [{"stageName": "ok"}, {"stageName": "not ok"}]}"#).unwrap_err();
/// assert_eq!(errors.pointers(), ["/items/1/stageName"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Model)]
pub struct Stages {
    /// The stages on this page (an absent member reads as none).
    #[model(default)]
    pub items: Vec<Stage>,
    /// The token for the next page; absent on the last page.
    pub next_token: Option<String>,
}

//! `UpdateStageInput`, the body of an UpdateStage request, and how it changes a stored [`Stage`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::stage::{returned, stage_struct};
use crate::{AccessLogSettings, Model, RouteSettings, Stage};

stage_struct! {
/// The body of an `UpdateStage` request (`PATCH /v2/apis/{apiId}/stages/{stageName}`): every
/// member of [`CreateStageInput`](crate::CreateStageInput) but `stageName` (in the path) and
/// `tags` (changed through the tagging operations), all optional, under the same rules.
///
/// How a present member combines with the stored stage ([`Stage::apply_update`]):
///
/// - An absent member (or an explicit `null`) leaves the stored value as it is.
/// - `description`, `deploymentId`, `clientCertificateId`, `autoDeploy`, `defaultRouteSettings`
///   and `accessLogSettings` replace the stored value whole.
/// - `routeSettings` and `stageVariables` are merged **key by key** into the stored maps: a key
///   in the request replaces that key's stored entry (a route's settings are replaced whole, not
///   field by field), keys not in the request are kept. A route's settings are removed with
///   `DeleteRouteSettings`; a stage variable is removed by sending it with an empty value.
///
/// Why: AWS's references (the API reference, the AWS CLI's `update-stage`, the developer
/// guide) do not say how maps combine. Its behaviour shows in the clients built against it:
/// the Terraform AWS provider's `aws_apigatewayv2_stage` sends only added and changed stage
/// variables, with `""` for the removed ones ("Variables are removed by setting the associated
/// value to \"\""), and calls `DeleteRouteSettings` for each route key that left its
/// configuration before sending the remaining route settings. The service model allows stage
/// variable values of 0 to 2048 characters; here an empty value is accepted only in an update,
/// where it means removal.
///
/// ```
/// use stages_model::{from_json, Stage, UpdateStageInput};
///
/// let mut stage: Stage = from_json(r#"{
///     "stageName": "prod",
///     "description": "old",
///     "stageVariables": {"keep": "1", "change": "2", "drop": "3"},
///     "createdDate": "2026-01-01T00:00:00Z"
/// }"#).unwrap();
/// let update: UpdateStageInput = from_json(r#"{
///     "description": "new",
///     "stageVariables": {"change": "two", "drop": "", "add": "4"}
/// }"#).unwrap();
/// let now = "2026-06-01T00:00:00Z".parse().unwrap();
/// stage.apply_update(update, now);
/// assert_eq!(stage.description.as_deref(), Some("new"));
/// let variables: Vec<_> = stage.stage_variables.unwrap().into_iter().collect();
/// assert_eq!(variables, [("add".into(), "4".into()), ("change".into(), "two".into()), ("keep".into(), "1".into())]);
/// assert_eq!(stage.last_updated_date, Some(now));
/// assert_eq!(stage.created_date, Some("2026-01-01T00:00:00Z".parse().unwrap()));
///
/// // The rules of CreateStageInput apply to what is present.
/// let errors = from_json::<UpdateStageInput>(r#"{"stageVariables": {"my-var": "a b"}}"#).unwrap_err();
/// assert_eq!(errors.pointers(), ["/stageVariables/my-var", "/stageVariables/my-var"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Model)]
pub struct UpdateStageInput {}
route settings RouteSettings
variable values "[A-Za-z0-9-._~:/?#&=,]*"
{}
}

impl Stage {
    /// Applies an `UpdateStage` body as [`UpdateStageInput`] documents, and sets
    /// `lastUpdatedDate` to `now`; `createdDate` never changes. The result may break a rule that
    /// spans the merged maps (more stage variables than allowed): validate it before storing.
    pub fn apply_update(&mut self, update: UpdateStageInput, now: DateTime<Utc>) {
        let UpdateStageInput {
            description,
            deployment_id,
            client_certificate_id,
            default_route_settings,
            route_settings,
            stage_variables,
            access_log_settings,
            auto_deploy,
        } = update;
        replace(&mut self.description, description);
        replace(&mut self.deployment_id, deployment_id);
        replace(&mut self.client_certificate_id, client_certificate_id);
        replace(
            &mut self.default_route_settings,
            default_route_settings.map(Into::into),
        );
        replace(&mut self.access_log_settings, access_log_settings);
        replace(&mut self.auto_deploy, auto_deploy);
        if let Some(routes) = route_settings {
            self.route_settings
                .get_or_insert_with(BTreeMap::new)
                .extend(returned(routes));
        }
        if let Some(variables) = stage_variables {
            let stored = self.stage_variables.get_or_insert_with(BTreeMap::new);
            for (name, value) in variables {
                if value.is_empty() {
                    stored.remove(&name);
                } else {
                    stored.insert(name, value);
                }
            }
        }
        self.last_updated_date = Some(now);
    }
}

fn replace<T>(stored: &mut Option<T>, given: Option<T>) {
    if given.is_some() {
        *stored = given;
    }
}

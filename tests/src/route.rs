//! An API Gateway V2 *Route*, declared the way any user of `stages-model` would declare a
//! resource of their own.
//!
//! The wire format follows the `Route` shape of the API Gateway V2 API: camelCase members,
//! `authorizationType` spelled `NONE`, `AWS_IAM`, `CUSTOM` or `JWT`, and request parameters
//! keyed by `route.request.{header|querystring|path}.{name}`.

use std::collections::BTreeMap;

use stages_model::{CustomError, Model};

/// The rule code reported when a route key is neither a special key nor `METHOD /path`.
pub const ROUTE_KEY_RULE: &str = "routeKey";

/// A route of an HTTP or WebSocket API.
#[derive(Debug, Clone, Default, PartialEq, Model)]
pub struct Route {
    /// `$default`, `$connect`, `$disconnect`, or an HTTP method and a path (`GET /pets`).
    #[model(required, length(min = 1, max = 256), custom = route_key)]
    pub route_key: String,
    /// Who may call the route; absent means `NONE`.
    pub authorization_type: Option<AuthorizationType>,
    /// The authorizer used when `authorizationType` is `CUSTOM` or `JWT`.
    #[model(pattern = "[a-z0-9]{1,10}")]
    pub authorizer_id: Option<String>,
    /// OAuth scopes a JWT must carry; at most 10, each 1 to 64 characters.
    #[model(length(max = 10), values(length(min = 1, max = 64)))]
    pub authorization_scopes: Option<Vec<String>>,
    /// Request parameters by location (`route.request.header.Authorization`).
    #[model(keys(pattern = r"route\.request\.(header|querystring|path)\.[A-Za-z0-9._-]+"))]
    pub request_parameters: Option<BTreeMap<String, ParameterConstraints>>,
    /// The integration, as `integrations/{integrationId}`.
    #[model(pattern = "integrations/[a-z0-9]+")]
    pub target: Option<String>,
    /// Whether callers must send an API key.
    #[model(default)]
    pub api_key_required: bool,
    /// Whether API Gateway manages the route (read-only).
    pub api_gateway_managed: Option<bool>,
    /// A name for the operation, shown in generated SDKs.
    #[model(length(min = 1, max = 64))]
    pub operation_name: Option<String>,
}

/// Who may call a route.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Model)]
pub enum AuthorizationType {
    /// Open route.
    #[default]
    None,
    /// IAM-signed requests (SigV4).
    AwsIam,
    /// A Lambda authorizer.
    Custom,
    /// A JWT authorizer.
    Jwt,
}

/// Whether a request parameter must be sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Model)]
pub struct ParameterConstraints {
    /// True when the parameter must be present.
    #[model(required)]
    pub required: bool,
}

/// The methods an HTTP API route key may start with.
const METHODS: &[&str] = &[
    "ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT",
];

/// `$default`, `$connect` and `$disconnect`, or `METHOD /path`.
fn route_key(key: &str) -> Result<(), CustomError> {
    if matches!(key, "$default" | "$connect" | "$disconnect") {
        return Ok(());
    }
    let well_formed = key.split_once(' ').is_some_and(|(method, path)| {
        METHODS.contains(&method) && path.starts_with('/') && !path.contains(' ')
    });
    if well_formed {
        Ok(())
    } else {
        Err(CustomError::new(
            "must be $default, $connect, $disconnect or a method and a path, such as GET /pets",
        )
        .with_rule(ROUTE_KEY_RULE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_keys() {
        for good in ["$default", "$connect", "GET /pets", "ANY /{proxy+}"] {
            assert_eq!(route_key(good), Ok(()), "{good}");
        }
        for bad in ["", "GET", "GET pets", "FETCH /pets", "GET /a b", "$other"] {
            let error = route_key(bad).unwrap_err();
            assert_eq!(error.rule(), ROUTE_KEY_RULE, "{bad}");
        }
    }
}

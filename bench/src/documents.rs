//! The documents every peer is measured on, as compact JSON text (what a service receives).

use serde_json::{json, Map, Value};

/// How many entries of each map a document carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// A label for benchmark names.
    pub name: &'static str,
    /// Entries of `routeSettings`.
    pub routes: usize,
    /// Entries of `tags` (at most 50 by the rules).
    pub tags: usize,
    /// Entries of `stageVariables`.
    pub variables: usize,
}

impl Size {
    /// Map entries in all: what per-entry costs are divided by.
    pub const fn entries(self) -> usize {
        self.routes + self.tags + self.variables
    }
}

/// The typical request: 3 routes, 5 tags, 8 stage variables.
pub const TYPICAL: Size = Size {
    name: "typical",
    routes: 3,
    tags: 5,
    variables: 8,
};

/// Three documents with the same mix of entries (6 routes : 1 tag : 2 variables), 1×, 5× and
/// 10× as large, to show how cost grows; the largest is the "large" document (300 routes, 50
/// tags — the most allowed — and 100 stage variables).
pub const SIZES: [Size; 3] = [
    Size {
        name: "x1",
        routes: 30,
        tags: 5,
        variables: 10,
    },
    Size {
        name: "x5",
        routes: 150,
        tags: 25,
        variables: 50,
    },
    Size {
        name: "x10",
        routes: 300,
        tags: 50,
        variables: 100,
    },
];

/// Map entries of the growth documents: 45, 4,500 and 45,000.
pub const GROWTH: [usize; 3] = [45, 4_500, 45_000];

/// The typical document with `entries` route settings: no rule caps their number (the
/// routes-per-API quota is the service's, not the type's), so it stays valid at any size.
pub fn many_routes(entries: usize) -> String {
    sized(Size {
        name: "routes",
        routes: entries,
        ..TYPICAL
    })
}

/// The typical document with `entries` stage variables: beyond 100 it breaks the count rule
/// (one `length` violation on `stageVariables`) while every entry is still checked, so it
/// measures the reporting path.
pub fn many_variables(entries: usize) -> String {
    sized(Size {
        name: "variables",
        variables: entries,
        ..TYPICAL
    })
}

/// A CreateStage body as the load test (`bin/load.rs`) sends it, for one connection and count:
/// the stage answered for it is what `encode-*` in `bin/profile.rs` writes.
pub const CREATE_STAGE: &str = r#"{"stageName":"c3n1042","stageVariables":{"v":"x"}}"#;

/// The typical valid request (see [`TYPICAL`]), with access log settings and default route
/// settings.
pub fn typical() -> String {
    sized(TYPICAL)
}

/// The large valid request: 300 route settings, 50 tags, 100 stage variables.
pub fn large() -> String {
    sized(SIZES[2])
}

/// A valid request with the given numbers of entries.
pub fn sized(size: Size) -> String {
    document("prod-v2", size, false).to_string()
}

/// The typical request with exactly five violations: a bad stage name, a bad stage-variable
/// name, a bad stage-variable value (another variable), an access-log format without
/// `$context.requestId`, and a reserved (`aws:`) tag key.
pub fn invalid() -> String {
    document("prod v2", TYPICAL, true).to_string()
}

/// Every valid document, by name.
pub fn valid_documents() -> Vec<(&'static str, String)> {
    let mut documents = vec![(TYPICAL.name, typical())];
    documents.extend(SIZES.iter().map(|&size| (size.name, sized(size))));
    documents
}

fn document(stage_name: &str, size: Size, broken: bool) -> Value {
    let levels = ["INFO", "ERROR", "OFF"];
    let mut routes = Map::new();
    for index in 0..size.routes {
        let key = match index {
            0 => "$default".to_owned(),
            1 => "$connect".to_owned(),
            _ => format!(
                "{} /pets/{index}",
                ["GET", "POST", "PUT", "DELETE"][index % 4]
            ),
        };
        routes.insert(
            key,
            json!({
                "detailedMetricsEnabled": index % 2 == 0,
                "loggingLevel": levels[index % 3],
                "dataTraceEnabled": false,
                "throttlingBurstLimit": 100 + index,
                "throttlingRateLimit": 50.5 + index as f64,
            }),
        );
    }
    let mut variables = Map::new();
    for index in 0..size.variables {
        variables.insert(
            format!("backend_{index}"),
            Value::String(format!(
                "https://backend-{index}.example.com/v1/pets?region=eu-west-1&tier=gold,silver#top"
            )),
        );
    }
    let mut tags = Map::new();
    for index in 0..size.tags {
        tags.insert(
            format!("team:{index}"),
            Value::String(format!("payments and billing, squad {index}")),
        );
    }
    let mut format = "$context.identity.sourceIp - [$context.requestTime] \"$context.httpMethod $context.routeKey $context.protocol\" $context.status $context.responseLength $context.requestId".to_owned();
    if broken {
        // Same numbers of entries as the valid document: three entries are replaced.
        variables.remove("backend_0");
        variables.remove("backend_1");
        tags.remove("team:0");
        variables.insert("my-var".to_owned(), Value::String("ok".to_owned()));
        variables.insert(
            "url".to_owned(),
            Value::String("https://example.com/a path".to_owned()),
        );
        tags.insert("aws:owner".to_owned(), Value::String("me".to_owned()));
        format = format.replace(" $context.requestId", "");
    }
    json!({
        "stageName": stage_name,
        "description": "Production stage of the pets API, deployed from main",
        "deploymentId": "abc123",
        "defaultRouteSettings": {
            "detailedMetricsEnabled": true,
            "loggingLevel": "ERROR",
            "dataTraceEnabled": false,
            "throttlingBurstLimit": 500,
            "throttlingRateLimit": 1000.0,
        },
        "routeSettings": routes,
        "stageVariables": variables,
        "accessLogSettings": {
            "format": format,
            "destinationArn": "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/pets-prod:*",
        },
        "tags": tags,
        "autoDeploy": false,
    })
}

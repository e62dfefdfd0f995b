//! The OpenAPI 3.1 document of the operations this service implements, served at
//! `GET /openapi.json` and printed by `--print-openapi`. Request bodies, responses and
//! parameters refer to `#/components/schemas/...`, generated from the very types that decode
//! and validate them, so the document cannot drift from the service.

use serde_json::{json, Map, Value};
use stages_model::schema::SchemaGenerator;
use stages_model::{
    AwsError, BadRequestException, ConflictException, CreateStageInput, GetStagesInput,
    LimitExceededException, NotFoundException, Stage, Stages, UpdateStageInput,
};

use crate::api::{Api, CreateApiInput};

/// One operation: where it is, what it takes, what it answers.
struct Operation {
    id: &'static str,
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    query: &'static [&'static str],
    body: Option<&'static str>,
    success: (u16, Option<&'static str>),
    errors: &'static [u16],
}

impl Operation {
    /// A `DELETE` of something under a stage: no query or body, 204 or the usual errors.
    const fn deletion(id: &'static str, path: &'static str, summary: &'static str) -> Self {
        Operation {
            id,
            method: "delete",
            path,
            summary,
            query: &[],
            body: None,
            success: (204, None),
            errors: &[400, 404, 429],
        }
    }
}

/// The routes of `handlers::router`, in its order.
const OPERATIONS: &[Operation] = &[
    Operation {
        id: "CreateApi",
        method: "post",
        path: "/v2/apis",
        summary: "Creates an API (a minimal one, so that stages have an API to belong to).",
        query: &[],
        body: Some("CreateApiInput"),
        success: (201, Some("Api")),
        errors: &[400, 429],
    },
    Operation {
        id: "GetApi",
        method: "get",
        path: "/v2/apis/{apiId}",
        summary: "Gets an API.",
        query: &[],
        body: None,
        success: (200, Some("Api")),
        errors: &[400, 404, 429],
    },
    Operation {
        id: "GetStages",
        method: "get",
        path: "/v2/apis/{apiId}/stages",
        summary: "Gets one page of an API's stages.",
        query: &["maxResults", "nextToken"],
        body: None,
        success: (200, Some("Stages")),
        errors: &[400, 404, 429],
    },
    Operation {
        id: "CreateStage",
        method: "post",
        path: "/v2/apis/{apiId}/stages",
        summary: "Creates a stage for an API.",
        query: &[],
        body: Some("CreateStageInput"),
        success: (201, Some("Stage")),
        errors: &[400, 404, 409, 429],
    },
    Operation {
        id: "GetStage",
        method: "get",
        path: "/v2/apis/{apiId}/stages/{stageName}",
        summary: "Gets a stage.",
        query: &[],
        body: None,
        success: (200, Some("Stage")),
        errors: &[400, 404, 429],
    },
    Operation {
        id: "UpdateStage",
        method: "patch",
        path: "/v2/apis/{apiId}/stages/{stageName}",
        summary: "Updates a stage: members given replace (maps merge key by key).",
        query: &[],
        body: Some("UpdateStageInput"),
        success: (200, Some("Stage")),
        errors: &[400, 404, 409, 429],
    },
    Operation::deletion(
        "DeleteStage",
        "/v2/apis/{apiId}/stages/{stageName}",
        "Deletes a stage.",
    ),
    Operation::deletion(
        "DeleteRouteSettings",
        "/v2/apis/{apiId}/stages/{stageName}/routesettings/{routeKey}",
        "Deletes the settings of one route of a stage.",
    ),
    Operation::deletion(
        "DeleteAccessLogSettings",
        "/v2/apis/{apiId}/stages/{stageName}/accesslogsettings",
        "Deletes the access log settings of a stage.",
    ),
    Operation {
        id: "GetOpenApiDocument",
        method: "get",
        path: "/openapi.json",
        summary: "This document.",
        query: &[],
        body: None,
        success: (200, Some("OpenApiDocument")),
        errors: &[429],
    },
];

/// The parameters' schemas, by component name: the member of the type that validates each,
/// without its `null` (a parameter is text or absent), as a component of its own (client
/// generators resolve a `$ref` only to a whole component).
const PARAMETERS: &[(&str, &str, &str)] = &[
    ("apiId", "ApiId", "GetStagesInput"),
    ("stageName", "StageName", "CreateStageInput"),
    ("maxResults", "MaxResults", "GetStagesInput"),
    ("nextToken", "NextToken", "GetStagesInput"),
];

/// The component that describes parameter `name`.
fn parameter_schema(name: &str) -> &'static str {
    PARAMETERS
        .iter()
        .find(|(parameter, ..)| *parameter == name)
        // Route keys are any text (`GET /pets`, `$default`), percent-encoded in the path.
        .map_or("RouteKey", |(_, component, _)| component)
}

/// `schema` without `null` among the values it allows: `type: [T, "null"]` becomes `type: T`,
/// and `anyOf: [S, {"type": "null"}]` becomes `S` (with the outer description).
fn never_null(schema: &Value) -> Value {
    let mut schema = schema.clone();
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|kind| kind != "null");
        if let [only] = types.as_slice() {
            schema["type"] = only.clone();
        }
    }
    let branches = schema
        .get("anyOf")
        .and_then(Value::as_array)
        .map(|branches| {
            branches
                .iter()
                .filter(|branch| branch["type"] != "null")
                .cloned()
                .collect::<Vec<_>>()
        });
    if let Some([only]) = branches.as_deref() {
        let mut merged = only.clone();
        if let (Some(merged), Some(outer)) = (merged.as_object_mut(), schema.as_object()) {
            for (key, value) in outer.iter().filter(|(key, _)| *key != "anyOf") {
                merged.entry(key.clone()).or_insert_with(|| value.clone());
            }
        }
        schema = merged;
    }
    schema
}

/// The error bodies by status: schema name, and the code sent in `x-amzn-ErrorType`.
fn error_body(status: u16) -> (&'static str, &'static str) {
    match status {
        400 => ("BadRequestException", BadRequestException::CODE),
        404 => ("NotFoundException", NotFoundException::CODE),
        409 => ("ConflictException", ConflictException::CODE),
        _ => ("LimitExceededException", LimitExceededException::CODE),
    }
}

/// The whole document.
pub fn document() -> Value {
    let mut generator = SchemaGenerator::openapi();
    let register = |name: &str, reference: Value| {
        let expected = format!("#/components/schemas/{name}");
        assert_eq!(
            reference["$ref"],
            expected.as_str(),
            "schema names are stable"
        );
    };
    register("CreateApiInput", generator.subschema::<CreateApiInput>());
    register("Api", generator.subschema::<Api>());
    register(
        "CreateStageInput",
        generator.subschema::<CreateStageInput>(),
    );
    register(
        "UpdateStageInput",
        generator.subschema::<UpdateStageInput>(),
    );
    register("Stage", generator.subschema::<Stage>());
    register("Stages", generator.subschema::<Stages>());
    register("GetStagesInput", generator.subschema::<GetStagesInput>());
    for status in [400, 404, 409, 429] {
        let (name, _) = error_body(status);
        let reference = match status {
            400 => generator.subschema::<BadRequestException>(),
            404 => generator.subschema::<NotFoundException>(),
            409 => generator.subschema::<ConflictException>(),
            _ => generator.subschema::<LimitExceededException>(),
        };
        register(name, reference);
    }
    let mut schemas = generator.into_definitions();
    schemas.insert(
        "OpenApiDocument".into(),
        json!({"type": "object", "description": "An OpenAPI 3.1 document."}),
    );
    for (member, component, owner) in PARAMETERS {
        let schema = never_null(&schemas[*owner]["properties"][*member]);
        assert!(schema.is_object(), "{owner} has a member {member}");
        schemas.insert((*component).into(), schema);
    }
    schemas.insert(
        "RouteKey".into(),
        json!({"type": "string", "minLength": 1, "description": "A route key, such as `GET /pets` or `$default`."}),
    );
    let mut paths = Map::new();
    for operation in OPERATIONS {
        let item = paths.entry(operation.path).or_insert_with(|| json!({}));
        item[operation.method] = operation_object(operation);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "stages-api",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Amazon API Gateway V2 Stages operations, as this local service implements them. \
                            Schemas are generated from the same types that decode and validate requests."
        },
        "jsonSchemaDialect": stages_model::schema::DRAFT_2020_12,
        "paths": paths,
        "components": {"schemas": schemas},
    })
}

fn operation_object(operation: &Operation) -> Value {
    let mut parameters: Vec<Value> = path_parameters(operation.path)
        .map(|name| parameter(name, "path", true))
        .collect();
    parameters.extend(
        operation
            .query
            .iter()
            .map(|name| parameter(name, "query", false)),
    );
    let mut responses = Map::new();
    let (status, body) = operation.success;
    let mut success = json!({"description": format!("{} succeeded.", operation.id)});
    if let Some(body) = body {
        success["content"] = json_content(body);
    }
    responses.insert(status.to_string(), success);
    for &status in operation.errors {
        let (name, code) = error_body(status);
        responses.insert(
            status.to_string(),
            json!({
                "description": format!("{name}: the JSON body says what was wrong."),
                "headers": {"x-amzn-ErrorType": {
                    "description": "The error code, which AWS SDKs map to an exception.",
                    "required": true,
                    "schema": {"type": "string", "const": code}
                }},
                "content": json_content(name),
            }),
        );
    }
    responses.insert(
        "default".into(),
        json!({
            "description": "Any other failure (405, 408, 413, 415, 431, 500), in the same shape: the code in \
                            x-amzn-ErrorType, what was wrong in the body's message.",
            "headers": {"x-amzn-ErrorType": {
                "description": "The error code, which AWS SDKs map to an exception.",
                "required": true,
                "schema": {"type": "string"}
            }},
            "content": json_content("BadRequestException"),
        }),
    );
    for response in responses.values_mut() {
        response["headers"]["x-amzn-RequestId"] = json!({
            "description": "A fresh identifier of this request, which AWS SDKs expose as its request id.",
            "required": true,
            "schema": {"type": "string"}
        });
    }
    let mut object = json!({
        "operationId": operation.id,
        "summary": operation.summary,
        "parameters": parameters,
        "responses": responses,
    });
    if let Some(body) = operation.body {
        object["requestBody"] = json!({"required": true, "content": json_content(body)});
    }
    object
}

fn json_content(schema: &str) -> Value {
    json!({"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}})
}

fn parameter(name: &str, place: &str, required: bool) -> Value {
    json!({
        "name": name,
        "in": place,
        "required": required,
        "schema": {"$ref": format!("#/components/schemas/{}", parameter_schema(name))},
    })
}

/// The `{name}`s of a path template.
fn path_parameters(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
}

/// The document as the bytes `GET /openapi.json` answers with, made once.
pub fn bytes() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| serde_json::to_vec(&document()).expect("a JSON value encodes"))
}

#[cfg(test)]
mod tests;

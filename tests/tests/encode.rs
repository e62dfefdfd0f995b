//! `to_json_vec` (the derive's `WriteJson`) writes the same bytes as `serde_json::to_vec` of the
//! model's own `Serialize`: for every Stages model, every AWS resource of `stages_tests::aws`,
//! and a model holding every kind of member the derive writes (omissions, renames with escapes,
//! flattening, generics, open enums, dates, and types written through their own `Serialize`).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Debug;

use serde_json::Value;
use stages_model::chrono::{DateTime, TimeZone, Utc};
use stages_model::serde::de::{DeserializeOwned, Deserializer};
use stages_model::serde::ser::{Error as _, Serializer};
use stages_model::serde::{Deserialize, Serialize};
use stages_model::{
    from_json, to_json_string, to_json_vec, AccessLogSettings, BadRequestException,
    ConflictException, CreateStageInput, CreateStageRequest, GetStagesInput,
    LimitExceededException, LoggingLevel, Model, NotFoundException, OneOrMany,
    ReturnedRouteSettings, RouteSettings, Stage, Stages, UnknownValue, UpdateStageInput, WriteJson,
};
use stages_tests::aws::api::{Api, CreateApiInput};
use stages_tests::aws::authorizer::{Authorizer, CreateAuthorizerInput};
use stages_tests::aws::documents::{documents, Resource};
use stages_tests::aws::integration::{CreateIntegrationInput, Integration};
use stages_tests::aws::lambda::{CreateFunctionRequest, FunctionConfiguration};
use stages_tests::aws::route::{CreateRouteInput, Route};

/// Both encoders agree, on the bytes or on failing; returns the text.
#[track_caller]
fn same<T: WriteJson + Debug>(value: &T) -> String {
    let ours = to_json_vec(value).map_err(|error| error.to_string());
    let theirs = serde_json::to_vec(value).map_err(|error| error.to_string());
    assert_eq!(
        ours.as_deref().map(String::from_utf8_lossy),
        theirs.as_deref().map(String::from_utf8_lossy),
        "{value:?}"
    );
    assert_eq!(
        to_json_string(value).ok(),
        serde_json::to_string(value).ok()
    );
    String::from_utf8(ours.unwrap_or_default()).unwrap()
}

/// A type of the user's own with `Serialize` only: members of it are written through it.
#[derive(Debug, Clone, PartialEq)]
struct Celsius(f64);

impl Serialize for Celsius {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{} °C \"tab\t\"", self.0))
    }
}

impl<'de> Deserialize<'de> for Celsius {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        f64::deserialize(deserializer).map(Celsius)
    }
}

/// Opted into `WriteJson` through `Serialize` (the trait's default method), so that a generic
/// model can hold it.
impl WriteJson for Celsius {}

/// A type whose `Serialize` fails: both encoders fail.
#[derive(Debug, Clone, PartialEq)]
struct Refuses;

impl Serialize for Refuses {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("refused"))
    }
}

impl<'de> Deserialize<'de> for Refuses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <()>::deserialize(deserializer).map(|()| Refuses)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Model)]
enum Level {
    Error,
    #[model(rename = "in\"fo\\")]
    Info,
    #[model(other)]
    Unknown(UnknownValue),
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "kebab-case")]
enum Closed {
    WebSocket,
    Http,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Inner {
    inner_name: Option<String>,
    #[model(default)]
    inner_count: u16,
    /// Written through `Serialize`, inside a struct that may be flattened.
    temperature: Option<Celsius>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Flattened {
    #[model(flatten)]
    inner: Inner,
    after: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Model)]
#[model(rename_all = "snake_case")]
struct Everything {
    #[model(required)]
    text: String,
    #[model(rename = "quote\"back\\slash\u{1}/é\u{7f}")]
    odd_key: Option<String>,
    #[model(default)]
    count: u64,
    small: Option<i8>,
    big: Option<i128>,
    huge: Option<u128>,
    signed: Option<isize>,
    unsigned: Option<usize>,
    ratio: Option<f64>,
    narrow: Option<f32>,
    flag: Option<bool>,
    letter: Option<char>,
    when: Option<DateTime<Utc>>,
    dates: Option<Vec<DateTime<Utc>>>,
    list: Option<Vec<String>>,
    nested: Option<Vec<Vec<i32>>>,
    queue: Option<VecDeque<u8>>,
    set: Option<BTreeSet<String>>,
    map: Option<BTreeMap<String, Option<i32>>>,
    hashed: Option<HashMap<String, f64>>,
    own: Option<Celsius>,
    own_list: Option<Vec<Celsius>>,
    refuses: Option<Refuses>,
    level: Option<Level>,
    levels: Option<Vec<Level>>,
    closed: Option<Closed>,
    boxed: Option<Box<Inner>>,
    maps_of_models: Option<BTreeMap<String, Inner>>,
    keyed_by_enum: Option<BTreeMap<Level, u8>>,
    keyed_by_box: Option<HashMap<Box<str>, bool>>,
    one: Option<OneOrMany<String>>,
    many: Option<OneOrMany<Level>>,
    json: Option<Value>,
    #[model(default, omit_empty)]
    omitted_if_empty: Vec<String>,
    #[model(omit_empty)]
    optional_omitted_if_empty: Option<String>,
    #[model(default, omit_default)]
    omitted_if_default: u32,
    #[model(omit_default)]
    optional_omitted_if_default: Option<f64>,
    #[model(default, skip_serializing_if = is_odd)]
    skipped_if_odd: i64,
    #[model(skip_serializing_if = is_some_odd)]
    optional_skipped_if_odd: Option<i64>,
    #[model(skip)]
    hidden: u8,
    #[model(flatten)]
    flattened: Flattened,
    last: Option<String>,
}

fn is_odd(value: &i64) -> bool {
    value % 2 != 0
}

fn is_some_odd(value: &Option<i64>) -> bool {
    value.is_some_and(|value| value % 2 != 0)
}

fn instant(year: i32, nanos: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, 12, 31, 23, 59, 58).unwrap()
        + stages_model::chrono::TimeDelta::nanoseconds(i64::from(nanos))
}

fn everything() -> Everything {
    Everything {
        text: "plain".into(),
        odd_key: Some("tab\there, quote \" and \\ and \u{0} \u{1f} / é 😀 \u{7f}".into()),
        count: u64::MAX,
        small: Some(i8::MIN),
        big: Some(i128::MIN),
        huge: Some(u128::MAX),
        signed: Some(isize::MIN),
        unsigned: Some(usize::MAX),
        ratio: Some(-0.0),
        narrow: Some(0.1),
        flag: Some(false),
        letter: Some('"'),
        when: Some(instant(2024, 250_000_000)),
        dates: Some(vec![
            instant(0, 0),
            instant(9999, 1),
            instant(1970, 123_000),
        ]),
        list: Some(vec![String::new(), "a\nb".into()]),
        nested: Some(vec![vec![], vec![1, -2]]),
        queue: Some(VecDeque::from([1, 2])),
        set: Some(BTreeSet::from(["b".into(), "a".into()])),
        map: Some(BTreeMap::from([("n".into(), None), ("s".into(), Some(3))])),
        hashed: Some(HashMap::from([
            ("nan".into(), f64::NAN),
            ("inf".into(), f64::NEG_INFINITY),
            ("tiny".into(), 5e-324),
            ("big".into(), 1e300),
        ])),
        own: Some(Celsius(21.5)),
        own_list: Some(vec![Celsius(-1.0)]),
        refuses: None,
        level: Some(Level::Unknown("TRACE \"new\"".into())),
        levels: Some(vec![
            Level::Error,
            Level::Info,
            Level::Unknown("INFO".into()),
        ]),
        closed: Some(Closed::Http),
        boxed: Some(Box::new(Inner {
            inner_name: Some("boxed".into()),
            inner_count: 2,
            temperature: None,
        })),
        maps_of_models: Some(BTreeMap::from([("k".into(), Inner::default())])),
        keyed_by_enum: Some(BTreeMap::from([
            (Level::Error, 1),
            (Level::Info, 2),
            (Level::Unknown("NEW\t".into()), 3),
        ])),
        keyed_by_box: Some(HashMap::from([("a\"b".into(), true)])),
        one: Some(OneOrMany::One("s3:GetObject".into())),
        many: Some(OneOrMany::Many(vec![
            Level::Info,
            Level::Unknown("x".into()),
        ])),
        json: Some(serde_json::json!({"z": [1, 2.5, null, "x\u{1}"], "a": {}})),
        omitted_if_empty: vec!["kept".into()],
        optional_omitted_if_empty: Some(String::new()),
        omitted_if_default: 0,
        optional_omitted_if_default: Some(0.5),
        skipped_if_odd: 3,
        optional_skipped_if_odd: Some(4),
        hidden: 9,
        flattened: Flattened {
            inner: Inner {
                inner_name: Some("flat".into()),
                inner_count: 0,
                temperature: Some(Celsius(-40.0)),
            },
            after: Some(true),
        },
        last: Some("end".into()),
    }
}

/// Holds for types whose members `WriteJson` writes itself (rather than through `Serialize`).
fn written_by_write_json<T: WriteJson>(_: &T) {}

#[test]
fn every_kind_of_member_is_written_as_serde_json_writes_it() {
    let full = everything();
    written_by_write_json(full.keyed_by_enum.as_ref().unwrap());
    written_by_write_json(full.keyed_by_box.as_ref().unwrap());
    written_by_write_json(full.many.as_ref().unwrap());
    let text = same(&full);
    // The members written through `Serialize` and the omissions, as they read.
    assert!(text.contains(r#""own":"21.5 °C \"tab\t\"""#), "{text}");
    assert!(text.contains(r#""level":"TRACE \"new\"""#), "{text}");
    assert!(
        text.contains(r#"{"ERROR":1,"in\"fo\\":2,"NEW\t":3}"#),
        "{text}"
    );
    assert!(!text.contains("\"omitted_if_default\"") && !text.contains("skipped_if_odd\":3"));
    assert!(
        text.contains(r#""innerName":"flat","innerCount":0,"temperature":"-40 °C \"tab\t\"","after":true,"last":"end"}"#),
        "{text}"
    );

    // The other side of every omission, and nothing but what is required.
    let mut other = full.clone();
    other.omitted_if_empty.clear();
    other.optional_omitted_if_empty = Some("x".into());
    other.omitted_if_default = 7;
    other.optional_omitted_if_default = Some(0.0);
    other.skipped_if_odd = 2;
    other.optional_skipped_if_odd = Some(5);
    other.ratio = Some(f64::NAN);
    other.narrow = Some(f32::INFINITY);
    same(&other);
    let bare = Everything {
        text: String::new(),
        ..Everything::default()
    };
    assert_eq!(
        same(&bare),
        r#"{"text":"","count":0,"skipped_if_odd":0,"innerCount":0}"#
    );
}

#[test]
fn a_member_whose_serialize_fails_fails_both_encoders() {
    let failing = Everything {
        refuses: Some(Refuses),
        ..everything()
    };
    same(&failing);
    assert!(to_json_vec(&failing).is_err());
}

#[derive(Debug, Clone, PartialEq, Model)]
struct Page<T> {
    #[model(default)]
    items: Vec<T>,
    next_token: Option<String>,
}

#[derive(Debug, Model)]
struct Listing<T> {
    #[model(flatten)]
    page: Page<T>,
    by_id: Option<HashMap<String, T>>,
}

#[derive(Debug, Model)]
struct Empty {}

/// A model that holds itself.
#[derive(Debug, Model)]
struct Node {
    #[model(required)]
    name: String,
    children: Option<Vec<Node>>,
    by_key: Option<BTreeMap<String, Node>>,
    ports: Option<std::collections::HashSet<u16>>,
}

#[test]
fn generic_and_empty_models_write_the_same_bytes() {
    same(&Page::<Celsius> {
        items: vec![Celsius(1.0), Celsius(f64::MAX)],
        next_token: Some("t".into()),
    });
    same(&Page::<Level> {
        items: vec![Level::Info],
        next_token: None,
    });
    same(&Listing {
        page: Page::<Inner> {
            items: vec![],
            next_token: None,
        },
        by_id: Some(HashMap::from([("a".into(), Inner::default())])),
    });
    let offset = stages_model::chrono::FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
    same(&Page::<DateTime<stages_model::chrono::FixedOffset>> {
        items: vec![instant(2024, 5).with_timezone(&offset)],
        next_token: None,
    });
    assert_eq!(same(&Empty {}), "{}");
    let leaf = |name: &str| Node {
        name: name.into(),
        children: None,
        by_key: None,
        ports: Some([80, 443, 8080].into()),
    };
    let tree = Node {
        name: "root".into(),
        children: Some(vec![leaf("a"), leaf("b\u{0}")]),
        by_key: Some(BTreeMap::from([
            ("k\"".into(), leaf("c")),
            ("".into(), leaf("")),
        ])),
        ports: Some(Default::default()),
    };
    assert!(same(&tree).contains(r#""children":[{"name":"a","ports":["#));
    assert_eq!(same(&Flattened::default()), r#"{"innerCount":0}"#);
}

/// The stage of the load test's CreateStage, and one with every member.
fn stages() -> Vec<Stage> {
    let created = Utc.with_ymd_and_hms(2024, 5, 1, 12, 30, 0).unwrap();
    let small: CreateStageInput =
        from_json(r#"{"stageName":"c1n1","stageVariables":{"v":"x"}}"#).unwrap();
    let full: CreateStageInput = from_json(
        r#"{
        "stageName": "prod",
        "description": "Production stage: \"live\" traffic\nsecond line \u00e9 / \u0001",
        "deploymentId": "abc123",
        "clientCertificateId": "cert1",
        "defaultRouteSettings": {"detailedMetricsEnabled": true, "loggingLevel": "INFO",
            "dataTraceEnabled": false, "throttlingBurstLimit": 100, "throttlingRateLimit": 50.5},
        "routeSettings": {"GET /pets": {"throttlingBurstLimit": 10, "throttlingRateLimit": 1e-7},
            "$default": {"loggingLevel": "OFF"}},
        "stageVariables": {"backend": "https://api.example.com/v1", "b": "x"},
        "accessLogSettings": {"format": "{\"requestId\":\"$context.requestId\"}",
            "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:g"},
        "tags": {"team": "payments", "env": ""},
        "autoDeploy": false
    }"#,
    )
    .unwrap();
    let mut returned = Stage::from_input(full, created);
    returned.api_gateway_managed = Some(true);
    returned.last_deployment_status_message = Some("Deployed \"ok\"".into());
    returned.last_updated_date = Some(created + stages_model::chrono::TimeDelta::milliseconds(7));
    let mut newer = returned.clone();
    newer.default_route_settings = Some(ReturnedRouteSettings {
        logging_level: Some(LoggingLevel::Unknown("TRACE".into())),
        throttling_rate_limit: Some(f64::INFINITY),
        ..ReturnedRouteSettings::default()
    });
    vec![
        Stage::from_input(small, created),
        returned,
        newer,
        Stage::default(),
    ]
}

#[test]
fn every_stages_model_writes_the_same_bytes() {
    let stages = stages();
    for stage in &stages {
        same(stage);
    }
    assert_eq!(
        same(&stages[0]),
        r#"{"stageName":"c1n1","stageVariables":{"v":"x"},"createdDate":"2024-05-01T12:30:00Z","lastUpdatedDate":"2024-05-01T12:30:00Z"}"#
    );
    same(&Stages {
        items: stages.clone(),
        next_token: Some("next".into()),
    });
    same(&Stages::default());
    let input: CreateStageInput = from_json(
        r#"{"stageName": "s", "routeSettings": {"r": {"loggingLevel": "ERROR"}}, "tags": {"k": "v"}}"#,
    )
    .unwrap();
    same(&input);
    same(&CreateStageRequest {
        api_id: "api".into(),
        body: input,
    });
    same(
        &from_json::<UpdateStageInput>(r#"{"stageVariables": {"gone": ""}, "autoDeploy": true}"#)
            .unwrap(),
    );
    same(&RouteSettings {
        throttling_rate_limit: Some(0.1 + 0.2),
        ..RouteSettings::default()
    });
    same(&AccessLogSettings::default());
    same(&LoggingLevel::Info);
    same(&LoggingLevel::Unknown("x\u{1f}".into()));
    same(&GetStagesInput {
        api_id: "a".into(),
        next_token: None,
        max_results: Some("5".into()),
    });
    same(&BadRequestException {
        message: Some("bad \"input\"".into()),
    });
    same(&NotFoundException::default());
    same(&ConflictException {
        message: Some("x".into()),
    });
    same(&LimitExceededException {
        message: None,
        limit_type: Some("Stages".into()),
    });
}

/// Decodes `text` as `T` with serde_json alone (which runs the rules too, so only documents
/// without violations decode) and compares both encoders; whether it decoded.
fn document<T: DeserializeOwned + WriteJson + Debug>(text: &str) -> bool {
    match serde_json::from_str::<T>(text) {
        Ok(value) => {
            same(&value);
            true
        }
        Err(_) => false,
    }
}

#[test]
fn every_aws_resource_writes_the_same_bytes() {
    let mut written = BTreeMap::<&str, usize>::new();
    for document_ in documents() {
        let text = &document_.text;
        let decoded = match document_.resource {
            Resource::CreateRouteInput => document::<CreateRouteInput>(text),
            Resource::Route => document::<Route>(text),
            Resource::CreateIntegrationInput => document::<CreateIntegrationInput>(text),
            Resource::Integration => document::<Integration>(text),
            Resource::CreateApiInput => document::<CreateApiInput>(text),
            Resource::Api => document::<Api>(text),
            Resource::CreateAuthorizerInput => document::<CreateAuthorizerInput>(text),
            Resource::Authorizer => document::<Authorizer>(text),
        };
        // Exactly the valid documents decode: none is passed over unnoticed.
        assert_eq!(decoded, document_.pointers.is_empty(), "{}", document_.name);
        if decoded {
            *written.entry(document_.resource.name()).or_default() += 1;
        }
    }
    // Every resource, on one document at least.
    for resource in Resource::ALL {
        assert!(written.contains_key(resource.name()), "{}", resource.name());
    }
}

#[test]
fn lambda_functions_write_the_same_bytes() {
    let request: CreateFunctionRequest = from_json(
        r#"{
        "FunctionName": "my-function",
        "Runtime": "nodejs20.x",
        "Role": "arn:aws:iam::123456789012:role/lambda-role",
        "Handler": "index.handler",
        "Code": {"S3Bucket": "my-bucket-1", "S3Key": "function.zip"},
        "Description": "Process \"image\" objects from Amazon S3.\n",
        "Timeout": 15,
        "MemorySize": 256,
        "Publish": true,
        "Environment": {"Variables": {"BUCKET": "my-bucket-1", "PREFIX_2": "inbound"}},
        "TracingConfig": {"Mode": "Active"},
        "Tags": {"DEPARTMENT": "Assets"},
        "Layers": ["arn:aws:lambda:us-east-2:123456789012:layer:my-layer:3"],
        "Architectures": ["arm64"],
        "EphemeralStorage": {"Size": 1024}
    }"#,
    )
    .unwrap();
    same(&request);
    let configuration: FunctionConfiguration = from_json(
        r#"{"FunctionName": "my-function", "Runtime": "nodejs24.x", "State": "Restoring",
            "LastModified": "2024-05-01T12:30:00.000+0000", "MemorySize": 128,
            "Architectures": ["x86_64"], "PackageType": "Zip", "Version": "$LATEST"}"#,
    )
    .unwrap();
    same(&configuration);
}

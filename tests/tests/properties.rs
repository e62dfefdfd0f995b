//! Property tests over every Stages type: generated valid values round-trip through JSON
//! exactly, and generated invalid ones report exactly the violations planted in them, at their
//! pointers.
//!
//! Valid values come from strategies that follow `SPEC.md` rule by rule (`valid` below);
//! invalid ones are valid values with a few distinct mistakes planted (`plant`), each of which
//! knows the `(pointer, rule)` it must produce. The case counts keep the suite to seconds.

use std::collections::BTreeMap;
use std::fmt::Debug;

use proptest::prelude::*;
use stages_model::chrono::{DateTime, Datelike, Timelike, Utc};
use stages_model::serde::{de::DeserializeOwned, Serialize};
use stages_model::{
    from_json, to_json_string, AccessLogSettings, CreateStageInput, LoggingLevel, RouteSettings,
    Stage, Stages, Validate, WriteJson,
};

/// Encodes, decodes, and encodes again: the value and the JSON must come back unchanged (the
/// JSON comparison also tells `-0.0` from `0.0`, which `==` does not). `to_json_string` writes
/// the same text as serde_json.
fn assert_round_trips<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + Validate + WriteJson + PartialEq + Debug,
{
    prop_assert!(value.validate().is_ok(), "{:?}", value.validate());
    let json = serde_json::to_string(value).unwrap();
    prop_assert_eq!(&to_json_string(value).unwrap(), &json);
    let decoded: T = from_json(&json)
        .map_err(|errors| TestCaseError::fail(format!("{json} does not decode: {errors}")))?;
    prop_assert_eq!(&decoded, value);
    prop_assert_eq!(serde_json::to_string(&decoded).unwrap(), json);
    Ok(())
}

/// The `(pointer, rule)` pairs of a result, sorted.
fn found(result: Result<(), stages_model::ValidationErrors>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = match result {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|violation| (violation.pointer(), violation.rule().to_owned()))
            .collect(),
    };
    pairs.sort();
    pairs
}

/// Both `validate` and decoding the value's JSON must report exactly `planted`.
fn assert_reports<T>(value: &T, mut planted: Vec<(String, String)>) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + Validate + Debug,
{
    planted.sort();
    prop_assert_eq!(
        found(value.validate()),
        planted.clone(),
        "validate {:?}",
        value
    );
    let json = serde_json::to_string(value).unwrap();
    prop_assert_eq!(
        found(from_json::<T>(&json).map(drop)),
        planted,
        "decode {}",
        json
    );
    Ok(())
}

/// Strategies for valid values, one per type and rule.
mod valid {
    use super::*;
    use proptest::collection::{btree_map, vec};
    use proptest::num::f64 as float;
    use proptest::option;

    pub fn logging_level() -> impl Strategy<Value = LoggingLevel> {
        prop_oneof![
            Just(LoggingLevel::Error),
            Just(LoggingLevel::Info),
            Just(LoggingLevel::Off)
        ]
    }

    /// A logging level newer than ours, as a returned stage may carry it.
    pub fn newer_logging_level() -> impl Strategy<Value = LoggingLevel> {
        "[A-Z_]{1,12}"
            .prop_filter("a known level", |level| {
                !["ERROR", "INFO", "OFF"].contains(&level.as_str())
            })
            .prop_map(|level| LoggingLevel::Unknown(level.into()))
    }

    /// Every finite double, signed zeros and subnormals included.
    fn finite() -> impl Strategy<Value = f64> {
        float::POSITIVE | float::NEGATIVE | float::NORMAL | float::SUBNORMAL | float::ZERO
    }

    pub fn route_settings() -> impl Strategy<Value = RouteSettings> {
        (
            option::of(any::<bool>()),
            option::of(logging_level()),
            option::of(any::<bool>()),
            option::of(any::<i32>()),
            option::of(finite()),
        )
            .prop_map(|(metrics, level, trace, burst, rate)| RouteSettings {
                detailed_metrics_enabled: metrics,
                logging_level: level,
                data_trace_enabled: trace,
                throttling_burst_limit: burst,
                throttling_rate_limit: rate,
            })
    }

    fn log_group_arn() -> impl Strategy<Value = String> {
        (
            prop_oneof![Just("aws"), Just("aws-cn"), Just("aws-us-gov")],
            "[a-z]{2,4}(-[a-z]{2,9}){1,2}-[0-9]{1,2}",
            "[0-9]{12}",
            "[A-Za-z0-9._/#-]{1,64}",
            any::<bool>(),
        )
            .prop_map(|(partition, region, account, name, star)| {
                let star = if star { ":*" } else { "" };
                format!("arn:{partition}:logs:{region}:{account}:log-group:{name}{star}")
            })
    }

    pub fn access_log_settings() -> impl Strategy<Value = AccessLogSettings> {
        let format = ("\\PC{0,40}", "\\PC{0,40}")
            .prop_map(|(before, after)| format!("{before}$context.requestId{after}"));
        (option::of(format), option::of(log_group_arn())).prop_map(|(format, arn)| {
            AccessLogSettings {
                format,
                destination_arn: arn,
            }
        })
    }

    fn stage_name() -> impl Strategy<Value = String> {
        prop_oneof![9 => "[A-Za-z0-9_-]{1,128}", 1 => Just("$default".to_owned())]
    }

    fn stage_variables() -> impl Strategy<Value = BTreeMap<String, String>> {
        btree_map("[A-Za-z0-9_]{1,64}", "[A-Za-z0-9._~:/?#&=,-]{1,80}", 0..6)
    }

    /// Tag keys that a request may carry: never `aws:` in any case (planted keys start with
    /// `Planted`, so they never collide with these).
    fn tags() -> impl Strategy<Value = BTreeMap<String, String>> {
        let key = "[a-z][a-z0-9 _.:/=+@-]{0,127}".prop_filter("aws: is reserved", |key| {
            !key.to_ascii_lowercase().starts_with("aws:")
        });
        btree_map(key, "\\PC{0,40}", 0..8)
    }

    fn route_key() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("$default".to_owned()),
            Just("$connect".to_owned()),
            "(GET|POST|PUT|DELETE) /[a-z{}/]{0,20}",
        ]
    }

    /// The members `CreateStageInput` and `Stage` share, with a `CreateStageInput`'s tags.
    pub fn create_stage_input() -> impl Strategy<Value = CreateStageInput> {
        (
            stage_name(),
            option::of("\\PC{0,60}"),
            option::of("[a-z0-9]{1,10}"),
            option::of("[a-z0-9]{1,10}"),
            option::of(route_settings()),
            option::of(btree_map(route_key(), route_settings(), 0..3)),
            option::of(stage_variables()),
            option::of(access_log_settings()),
            option::of(tags()),
            option::of(any::<bool>()),
        )
            .prop_map(
                |(
                    name,
                    description,
                    deployment,
                    certificate,
                    default,
                    routes,
                    variables,
                    log,
                    tags,
                    auto,
                )| {
                    CreateStageInput {
                        stage_name: name,
                        description,
                        deployment_id: deployment,
                        client_certificate_id: certificate,
                        default_route_settings: default,
                        route_settings: routes,
                        stage_variables: variables,
                        access_log_settings: log,
                        tags,
                        auto_deploy: auto,
                    }
                },
            )
    }

    /// Any instant whose UTC form lies in years 0000–9999, to the nanosecond.
    pub fn date_time() -> impl Strategy<Value = DateTime<Utc>> {
        // 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since the epoch.
        (-62_167_219_200_i64..=253_402_300_799, 0..1_000_000_000_u32).prop_map(
            |(seconds, nanos)| DateTime::from_timestamp(seconds, nanos).expect("in chrono's range"),
        )
    }

    /// Instants within a day of 0000-01-01T00:00:00Z or 9999-12-31T23:59:59Z, where an offset
    /// can take the UTC form out of range.
    pub fn near_the_edges() -> impl Strategy<Value = DateTime<Utc>> {
        let day = 86_400;
        prop_oneof![
            (
                -62_167_219_200_i64..-62_167_219_200 + day,
                0..1_000_000_000_u32
            ),
            (
                253_402_300_799 - day..=253_402_300_799_i64,
                0..1_000_000_000_u32
            ),
        ]
        .prop_map(|(seconds, nanos)| {
            DateTime::from_timestamp(seconds, nanos).expect("in chrono's range")
        })
    }

    pub fn stage() -> impl Strategy<Value = Stage> {
        let aws_tags = btree_map("(aws|AWS|Aws):[a-z:]{1,20}", "[a-z]{0,10}", 0..3);
        (
            create_stage_input(),
            option::of(aws_tags),
            option::of(date_time()),
            option::of(date_time()),
            option::of(any::<bool>()),
            option::of("\\PC{0,40}"),
            option::of(newer_logging_level()),
        )
            .prop_map(
                |(input, aws_tags, created, updated, managed, message, newer)| {
                    let mut stage = Stage::from_input(input, Utc::now());
                    if let Some(newer) = newer {
                        stage
                            .default_route_settings
                            .get_or_insert_with(Default::default)
                            .logging_level = Some(newer);
                    }
                    if let Some(aws_tags) = aws_tags {
                        stage
                            .tags
                            .get_or_insert_with(BTreeMap::new)
                            .extend(aws_tags);
                    }
                    stage.created_date = created;
                    stage.last_updated_date = updated;
                    stage.api_gateway_managed = managed;
                    stage.last_deployment_status_message = message;
                    stage
                },
            )
    }

    pub fn stages() -> impl Strategy<Value = Stages> {
        (vec(stage(), 0..3), option::of("[A-Za-z0-9+/=]{1,40}"))
            .prop_map(|(items, next_token)| Stages { items, next_token })
    }
}

/// Mistakes to plant, each with the violation it must produce.
mod plant {
    use super::*;

    pub type Planted = Vec<(String, String)>;

    fn at(pointer: impl Into<String>, rule: &str) -> (String, String) {
        (pointer.into(), rule.to_owned())
    }

    /// A mistake in a `CreateStageInput` (or in the same member of a `Stage`).
    #[derive(Debug, Clone, Copy)]
    pub enum Mistake {
        EmptyName,
        LongName,
        NameWithSpace,
        LongDescription,
        VariableNameWithHyphen,
        LongVariableName,
        EmptyVariableValue,
        VariableValueWithSpace,
        TooManyVariables,
        LongTagValue,
        LongTagKey,
        FormatWithoutRequestId,
        ArnOfABucket,
    }

    pub const MISTAKES: &[Mistake] = &[
        Mistake::EmptyName,
        Mistake::LongName,
        Mistake::NameWithSpace,
        Mistake::LongDescription,
        Mistake::VariableNameWithHyphen,
        Mistake::LongVariableName,
        Mistake::EmptyVariableValue,
        Mistake::VariableValueWithSpace,
        Mistake::TooManyVariables,
        Mistake::LongTagValue,
        Mistake::LongTagKey,
        Mistake::FormatWithoutRequestId,
        Mistake::ArnOfABucket,
    ];

    /// The members a mistake touches, as `CreateStageInput` and `Stage` both have them.
    pub struct Members<'a> {
        pub stage_name: &'a mut String,
        pub description: &'a mut Option<String>,
        pub stage_variables: &'a mut Option<BTreeMap<String, String>>,
        pub tags: &'a mut Option<BTreeMap<String, String>>,
        pub access_log_settings: &'a mut Option<AccessLogSettings>,
    }

    /// Plants `mistakes` (distinct, and none two of the same member value) into `members`;
    /// returns what each must produce, below `prefix`.
    pub fn plant(members: Members<'_>, mistakes: &[Mistake], prefix: &str) -> Planted {
        // A stage name with one mistake only: the first of those chosen wins.
        let mut planted = Vec::new();
        let mut name_done = false;
        let variables = members.stage_variables.get_or_insert_with(BTreeMap::new);
        // Variables planted first, so that `TooManyVariables` counts them.
        for mistake in mistakes {
            let (key, value, rule) = match mistake {
                Mistake::VariableNameWithHyphen => ("Planted-name", "v", "pattern"),
                Mistake::EmptyVariableValue => ("PlantedEmpty", "", "pattern"),
                Mistake::VariableValueWithSpace => ("PlantedSpace", "a b", "pattern"),
                _ => continue,
            };
            variables.insert(key.to_owned(), value.to_owned());
            planted.push(at(format!("{prefix}/stageVariables/{key}"), rule));
        }
        for mistake in mistakes {
            match mistake {
                Mistake::EmptyName | Mistake::LongName | Mistake::NameWithSpace if name_done => {}
                Mistake::EmptyName => {
                    name_done = true;
                    members.stage_name.clear();
                    planted.push(at(format!("{prefix}/stageName"), "length"));
                }
                Mistake::LongName => {
                    name_done = true;
                    *members.stage_name = "n".repeat(129);
                    planted.push(at(format!("{prefix}/stageName"), "length"));
                }
                Mistake::NameWithSpace => {
                    name_done = true;
                    *members.stage_name = "my stage".to_owned();
                    planted.push(at(format!("{prefix}/stageName"), "pattern"));
                }
                Mistake::LongDescription => {
                    *members.description = Some("é".repeat(1025));
                    planted.push(at(format!("{prefix}/description"), "length"));
                }
                Mistake::LongVariableName => {
                    let key = format!("Planted{}", "x".repeat(58));
                    variables.insert(key.clone(), "v".to_owned());
                    planted.push(at(format!("{prefix}/stageVariables/{key}"), "length"));
                }
                Mistake::TooManyVariables => {
                    let mut index = 0;
                    while variables.len() <= 100 {
                        variables.insert(format!("PlantedMany{index}"), "v".to_owned());
                        index += 1;
                    }
                    planted.push(at(format!("{prefix}/stageVariables"), "length"));
                }
                Mistake::LongTagValue => {
                    let tags = members.tags.get_or_insert_with(BTreeMap::new);
                    tags.insert("PlantedValue".to_owned(), "v".repeat(257));
                    planted.push(at(format!("{prefix}/tags/PlantedValue"), "length"));
                }
                Mistake::LongTagKey => {
                    let key = format!("Planted{}", "k".repeat(122));
                    let tags = members.tags.get_or_insert_with(BTreeMap::new);
                    tags.insert(key.clone(), String::new());
                    planted.push(at(format!("{prefix}/tags/{key}"), "length"));
                }
                Mistake::FormatWithoutRequestId => {
                    let log = members
                        .access_log_settings
                        .get_or_insert_with(Default::default);
                    log.format = Some("$context.status".to_owned());
                    planted.push(at(format!("{prefix}/accessLogSettings/format"), "contains"));
                }
                Mistake::ArnOfABucket => {
                    let log = members
                        .access_log_settings
                        .get_or_insert_with(Default::default);
                    log.destination_arn = Some("arn:aws:s3:::bucket".to_owned());
                    planted.push(at(
                        format!("{prefix}/accessLogSettings/destinationArn"),
                        "pattern",
                    ));
                }
                Mistake::VariableNameWithHyphen
                | Mistake::EmptyVariableValue
                | Mistake::VariableValueWithSpace => {}
            }
        }
        planted
    }

    pub fn mistakes() -> impl Strategy<Value = Vec<Mistake>> {
        proptest::sample::subsequence(MISTAKES, 1..=4).prop_shuffle()
    }
}

use plant::Members;

fn members_of_input(input: &mut CreateStageInput) -> Members<'_> {
    Members {
        stage_name: &mut input.stage_name,
        description: &mut input.description,
        stage_variables: &mut input.stage_variables,
        tags: &mut input.tags,
        access_log_settings: &mut input.access_log_settings,
    }
}

fn members_of_stage(stage: &mut Stage) -> Members<'_> {
    Members {
        stage_name: &mut stage.stage_name,
        description: &mut stage.description,
        stage_variables: &mut stage.stage_variables,
        tags: &mut stage.tags,
        access_log_settings: &mut stage.access_log_settings,
    }
}

/// Tags past the limit: `count` plain keys beyond what is there, so that the plain ones number
/// more than 50.
fn too_many_tags(tags: &mut Option<BTreeMap<String, String>>) {
    let tags = tags.get_or_insert_with(BTreeMap::new);
    let mut index = 0;
    while tags
        .keys()
        .filter(|key| !key.to_ascii_lowercase().starts_with("aws:"))
        .count()
        <= 50
    {
        tags.insert(format!("PlantedTag{index}"), "v".to_owned());
        index += 1;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn logging_levels_round_trip(level in valid::logging_level()) {
        let json = serde_json::to_string(&level).unwrap();
        prop_assert_eq!(from_json::<LoggingLevel>(&json).unwrap(), level);
    }

    #[test]
    fn route_settings_round_trip(settings in valid::route_settings()) {
        assert_round_trips(&settings)?;
    }

    #[test]
    fn access_log_settings_round_trip(settings in valid::access_log_settings()) {
        assert_round_trips(&settings)?;
    }

    #[test]
    fn create_stage_inputs_round_trip(input in valid::create_stage_input()) {
        assert_round_trips(&input)?;
    }

    #[test]
    fn stages_round_trip(stage in valid::stage()) {
        assert_round_trips(&stage)?;
    }

    #[test]
    fn pages_of_stages_round_trip(page in valid::stages()) {
        assert_round_trips(&page)?;
    }

    #[test]
    fn a_create_stage_input_reports_what_was_planted(
        mut input in valid::create_stage_input(),
        mistakes in plant::mistakes(),
        reserved_tag in proptest::option::of("(aws|AWS|Aws|aWS):[a-z]{0,8}"),
        too_many in any::<bool>(),
    ) {
        let mut planted = plant::plant(members_of_input(&mut input), &mistakes, "");
        if let Some(key) = reserved_tag {
            input.tags.get_or_insert_with(BTreeMap::new).insert(key.clone(), "v".into());
            planted.push((format!("/tags/{key}"), "pattern".into()));
        }
        if too_many {
            too_many_tags(&mut input.tags);
            planted.push(("/tags".into(), "length".into()));
        }
        assert_reports(&input, planted)?;
    }

    #[test]
    fn a_stage_reports_what_was_planted_and_accepts_aws_tags(
        mut stage in valid::stage(),
        mistakes in plant::mistakes(),
        too_many in any::<bool>(),
    ) {
        let mut planted = plant::plant(members_of_stage(&mut stage), &mistakes, "");
        if too_many {
            too_many_tags(&mut stage.tags);
            planted.push(("/tags".into(), "length".into()));
        }
        assert_reports(&stage, planted)?;
    }

    #[test]
    fn a_page_reports_what_was_planted_in_each_item(
        mut page in valid::stages(),
        mistakes in proptest::collection::vec(plant::mistakes(), 3),
    ) {
        let mut planted = Vec::new();
        for (index, (stage, mistakes)) in page.items.iter_mut().zip(&mistakes).enumerate() {
            planted.extend(plant::plant(members_of_stage(stage), mistakes, &format!("/items/{index}")));
        }
        assert_reports(&page, planted)?;
    }

    #[test]
    fn rfc3339_text_with_any_offset_decodes_to_its_instant_or_is_refused(
        local in prop_oneof![2 => valid::date_time(), 1 => valid::near_the_edges()],
        offset_minutes in -1439_i32..=1439,
        digits in 0_usize..=9,
        lowercase in any::<bool>(),
    ) {
        // The text a client could send: any local time in years 0000–9999, any offset, 0 to 9
        // fractional digits; what it means is worked out with chrono, not with our parser.
        let local = local.naive_utc();
        let nanos = local.and_utc().timestamp_subsec_nanos();
        let fraction = if digits == 0 {
            String::new()
        } else {
            format!(".{}", &format!("{nanos:09}")[..digits])
        };
        let kept = nanos - nanos % 10_u32.pow(9 - digits as u32);
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let (hours, minutes) = (offset_minutes.abs() / 60, offset_minutes.abs() % 60);
        let (t, z) = if lowercase { ('t', 'z') } else { ('T', 'Z') };
        let offset = if offset_minutes == 0 && lowercase {
            z.to_string()
        } else {
            format!("{sign}{hours:02}:{minutes:02}")
        };
        let text = format!("{}{t}{}{fraction}{offset}", local.format("%Y-%m-%d"), local.format("%H:%M:%S"));
        let instant = local.with_nanosecond(kept).unwrap().and_utc()
            - stages_model::chrono::TimeDelta::minutes(offset_minutes.into());
        let document = serde_json::json!({"stageName": "p", "createdDate": text}).to_string();
        if (0..=9999).contains(&instant.year()) {
            let stage: Stage = from_json(&document).map_err(|errors| TestCaseError::fail(format!("{text}: {errors}")))?;
            prop_assert_eq!(stage.created_date, Some(instant), "{}", text);
            assert_round_trips(&stage)?;
        } else {
            prop_assert_eq!(
                found(from_json::<Stage>(&document).map(drop)),
                vec![("/createdDate".to_owned(), "format".to_owned())],
                "{}", text
            );
        }
    }

    #[test]
    fn route_settings_report_a_rate_that_is_not_finite(
        mut settings in valid::route_settings(),
        rate in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY)],
    ) {
        // JSON cannot carry these (serde_json writes null): only `validate` sees them.
        settings.throttling_rate_limit = Some(rate);
        prop_assert_eq!(
            found(settings.validate()),
            vec![("/throttlingRateLimit".to_owned(), "finite".to_owned())]
        );
    }

    #[test]
    fn unknown_logging_levels_are_enum_violations_at_their_pointer(
        settings in valid::route_settings(),
        level in "[A-Za-z]{1,8}".prop_filter("a known level", |level| !["ERROR", "INFO", "OFF"].contains(&level.as_str())),
        key in "[A-Za-z /$]{1,12}",
    ) {
        // An enum value LoggingLevel cannot hold, planted in the JSON of a valid value.
        let mut json = serde_json::json!({"stageName": "prod", "routeSettings": {}});
        let mut route = serde_json::to_value(&settings).unwrap();
        route["loggingLevel"] = level.into();
        json["routeSettings"][&key] = route;
        let pointer = format!("/routeSettings/{}/loggingLevel", key.replace('~', "~0").replace('/', "~1"));
        prop_assert_eq!(
            found(from_json::<CreateStageInput>(&json.to_string()).map(drop)),
            vec![(pointer, "enum".to_owned())]
        );
    }
}

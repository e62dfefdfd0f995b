//! A date member is written by the runtime's own RFC 3339 writer when its type is `DateTime<Utc>`
//! (picked at compile time through `stages_runtime::ser::Member`) and by chrono otherwise: every
//! way of spelling such a member must still write exactly what chrono writes. Dates are read the
//! same way, strictly, as members and as the type arguments of a generic model.

use stages_model::chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use stages_model::Model;

/// Another name for the same type: the writer is picked by type, not by how it is spelt.
type Instant = DateTime<Utc>;

#[derive(Debug, Clone, PartialEq, Model)]
struct Generic<T> {
    #[model(required)]
    value: T,
    maybe: Option<T>,
}

#[derive(Debug, Clone, PartialEq, Model)]
struct Dates {
    #[model(required)]
    plain: DateTime<Utc>,
    optional: Option<DateTime<Utc>>,
    #[model(required)]
    aliased: Instant,
    #[model(required)]
    offset: DateTime<FixedOffset>,
    #[model(default)]
    many: Vec<DateTime<Utc>>,
}

/// Instants whose text differs in every way chrono can write one: no fraction, 3, 6 and 9
/// digits, a leap second, the first and the last year RFC 3339 can write, and a year beyond
/// them (which chrono writes with a sign).
fn instants() -> Vec<DateTime<Utc>> {
    let at = |year, nanos| {
        NaiveDate::from_ymd_opt(year, 12, 31)
            .unwrap()
            .and_hms_nano_opt(23, 59, 59, nanos)
            .unwrap()
            .and_utc()
    };
    vec![
        at(2024, 0),
        at(2024, 250_000_000),
        at(2024, 1_000),
        at(2024, 7),
        at(2016, 1_500_000_000),
        at(0, 0),
        at(9999, 999_999_999),
        at(10_000, 0),
        at(-1, 0),
    ]
}

/// chrono's own text of `value`, as a JSON string.
fn chrono<T: stages_model::serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn every_spelling_of_a_date_member_writes_what_chrono_writes() {
    let east = FixedOffset::east_opt(5 * 3600 + 30 * 60).unwrap();
    for instant in instants() {
        let dates = Dates {
            plain: instant,
            optional: Some(instant),
            aliased: instant,
            offset: instant.with_timezone(&east),
            many: vec![instant, instant],
        };
        let utc = chrono(&instant);
        let expected = format!(
            r#"{{"plain":{utc},"optional":{utc},"aliased":{utc},"offset":{},"many":[{utc},{utc}]}}"#,
            chrono(&dates.offset)
        );
        assert_eq!(serde_json::to_string(&dates).unwrap(), expected);

        let generic = Generic {
            value: instant,
            maybe: Some(instant),
        };
        assert_eq!(
            serde_json::to_string(&generic).unwrap(),
            format!(r#"{{"value":{utc},"maybe":{utc}}}"#)
        );
        let offset = Generic {
            value: instant.with_timezone(&east),
            maybe: None,
        };
        assert_eq!(
            serde_json::to_string(&offset).unwrap(),
            format!(r#"{{"value":{}}}"#, chrono(&offset.value))
        );
    }
}

#[test]
fn a_date_member_written_by_the_runtime_reads_back_the_same() {
    // The decoder keeps only instants it can write back as read (no leap second, no year
    // beyond 0000-9999).
    for instant in instants()
        .into_iter()
        .filter(stages_runtime::datetime::writable)
    {
        let dates = Dates {
            plain: instant,
            optional: Some(instant),
            aliased: instant,
            offset: instant.fixed_offset(),
            many: vec![instant],
        };
        let text = serde_json::to_string(&dates).unwrap();
        let back: Dates = stages_model::from_json(&text).unwrap();
        assert_eq!(back, dates, "{text}");
    }
}

/// A trait of the user's own, for every type, in scope where the model is declared, with a
/// method named as plainly as a crate about wire formats might name one: the derive's own
/// dispatch (`ser::Member`) must not pick it.
mod with_a_trait_of_the_users_own {
    use stages_model::chrono::{DateTime, Utc};
    use stages_model::Model;

    trait Wire {
        fn wire(&self) -> &'static str {
            "the user's"
        }
    }
    impl<T: ?Sized> Wire for T {}

    #[derive(Debug, Model)]
    struct Named {
        #[model(required)]
        name: String,
        at: Option<DateTime<Utc>>,
    }

    #[test]
    fn members_are_written_as_themselves() {
        let named = Named {
            name: "prod".into(),
            at: Some(super::instants()[0]),
        };
        assert_eq!(named.name.wire(), "the user's");
        assert_eq!(
            serde_json::to_string(&named).unwrap(),
            r#"{"name":"prod","at":"2024-12-31T23:59:59Z"}"#
        );
    }
}

/// A list of any value, as a list operation returns one.
#[derive(Debug, PartialEq, Model)]
struct Page<T> {
    #[model(default, length(max = 2))]
    items: Vec<T>,
}

/// Every violation of decoding `text` as `T`: pointer, rule and message.
fn violations<T: stages_model::serde::de::DeserializeOwned>(
    text: &str,
) -> Vec<(String, String, String)> {
    let errors = stages_model::from_json::<T>(text).err().expect("invalid");
    errors
        .violations()
        .iter()
        .map(|violation| {
            (
                violation.pointer(),
                violation.rule().to_owned(),
                violation.message().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_date_as_a_type_argument_decodes_as_a_date_member_does() {
    let instant = "2024-05-01T10:30:00Z".parse::<DateTime<Utc>>().unwrap();
    let generic: Generic<DateTime<Utc>> = stages_model::from_json(
        r#"{"value": "2024-05-01T12:30:00+02:00", "maybe": "2024-05-01t10:30:00z"}"#,
    )
    .unwrap();
    assert_eq!(
        generic,
        Generic {
            value: instant,
            maybe: Some(instant)
        }
    );
    let page: Page<DateTime<Utc>> =
        stages_model::from_json(r#"{"items": ["2024-05-01T10:30:00Z"]}"#).unwrap();
    assert_eq!(page.items, [instant]);
    assert_eq!(
        serde_json::to_string(&page).unwrap(),
        r#"{"items":["2024-05-01T10:30:00Z"]}"#
    );
    let offset: Generic<DateTime<FixedOffset>> =
        stages_model::from_json(r#"{"value": "2024-05-01T12:30:00+02:00"}"#).unwrap();
    assert_eq!(offset.value.to_rfc3339(), "2024-05-01T12:30:00+02:00");
}

#[test]
fn a_date_as_a_type_argument_fails_as_a_date_member_does() {
    #[derive(Debug, Model)]
    struct Member {
        #[model(required)]
        value: DateTime<Utc>,
    }
    #[derive(Debug, Model)]
    struct OffsetMember {
        #[model(required)]
        value: DateTime<FixedOffset>,
    }
    for value in [
        r#""2024-05-01 12:30:00Z""#,
        r#""2024-02-30T12:30:00Z""#,
        r#""0000-01-01T00:00:00+00:01""#,
        r#""2024-05-01T12:30:00.0000000001Z""#,
        "1714559400",
        "[]",
    ] {
        let text = format!(r#"{{"value": {value}}}"#);
        let member = violations::<Member>(&text);
        assert_eq!(member.len(), 1, "{text}: {member:?}");
        assert_eq!(
            violations::<Generic<DateTime<Utc>>>(&text),
            member,
            "{text}"
        );
        let offset = violations::<OffsetMember>(&text);
        assert_eq!(offset.len(), 1, "{text}: {offset:?}");
        assert_eq!(
            violations::<Generic<DateTime<FixedOffset>>>(&text),
            offset,
            "{text}"
        );
    }
    assert_eq!(
        violations::<Generic<DateTime<Utc>>>(r#"{"value": "2024-05-01"}"#),
        [(
            "/value".to_owned(),
            "format".to_owned(),
            r#"must be an RFC 3339 date-time such as 2024-05-01T12:30:00Z; found "2024-05-01""#
                .to_owned()
        )]
    );
    // Each item is reported at its index.
    let page =
        violations::<Page<DateTime<Utc>>>(r#"{"items": ["2024-05-01T10:30:00Z", "yesterday", 7]}"#);
    let pointers: Vec<&str> = page.iter().map(|(pointer, ..)| pointer.as_str()).collect();
    assert_eq!(pointers, ["/items/1", "/items/2"], "{page:?}");
}

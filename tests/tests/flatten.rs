//! `flatten`: a struct's members sit in the enclosing object, decoded, checked and encoded
//! there, with their own rules, required members and struct rules.

use stages_model::{from_json, CustomError, Model, Validate};

/// Members shared by a request and a response.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(custom = not_both)]
struct Settings {
    #[model(required, length(min = 1, max = 8))]
    name: String,
    #[model(range(max = 10))]
    burst: Option<u32>,
    #[model(range(max = 10))]
    rate: Option<u32>,
}

fn not_both(settings: &Settings) -> Result<(), CustomError> {
    if settings.burst.is_some() && settings.rate.is_some() {
        return Err(CustomError::new("cannot be given with burst").at("rate"));
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Created {
    #[model(flatten)]
    settings: Settings,
    #[model(required)]
    id: String,
    note: Option<String>,
}

#[test]
fn flattened_members_decode_and_encode_in_the_enclosing_object() {
    let json = r#"{"name": "a", "id": "x1", "burst": 3}"#;
    let created: Created = from_json(json).unwrap();
    assert_eq!(
        created,
        Created {
            settings: Settings {
                name: "a".into(),
                burst: Some(3),
                rate: None
            },
            id: "x1".into(),
            note: None,
        }
    );
    assert_eq!(created.validate(), Ok(()));
    assert_eq!(
        serde_json::to_string(&created).unwrap(),
        r#"{"name":"a","burst":3,"id":"x1"}"#
    );
}

#[test]
fn flattened_rules_report_at_the_enclosing_objects_paths() {
    let errors = from_json::<Created>(r#"{"burst": 11, "rate": 1, "other": true, "note": "n"}"#)
        .unwrap_err();
    assert_eq!(
        errors
            .iter()
            .map(|v| (v.pointer(), v.rule().to_owned()))
            .collect::<Vec<_>>(),
        [
            ("/name".to_owned(), "required".to_owned()),
            ("/id".to_owned(), "required".to_owned()),
            ("/burst".to_owned(), "range".to_owned()),
            ("/other".to_owned(), "unknown".to_owned()),
        ],
        "{errors}"
    );
    assert_eq!(
        errors.violations()[3].message(),
        "is not a member of this object; expected one of: id, note, name, burst, rate"
    );
    // Built, the struct rules of the flattened struct run too, at this object's paths.
    let errors =
        from_json::<Created>(r#"{"name": "a", "id": "x", "burst": 1, "rate": 1}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/rate"]);
    let built = Created {
        settings: Settings {
            name: "far too long".into(),
            burst: Some(1),
            rate: Some(1),
        },
        id: "x".into(),
        note: None,
    };
    assert_eq!(built.validate().unwrap_err().pointers(), ["/name", "/rate"]);
}

/// Flattening nests: a flattened struct may flatten another.
#[derive(Debug, Model)]
struct Outer {
    #[model(flatten)]
    created: Created,
    #[model(length(max = 2))]
    tag: Option<String>,
}

#[test]
fn flattening_nests() {
    let outer: Outer = from_json(r#"{"tag": "t", "name": "n", "id": "i"}"#).unwrap();
    assert_eq!(outer.created.settings.name, "n");
    let errors = from_json::<Outer>(r#"{"tag": "long", "name": ""}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/id", "/tag", "/name"], "{errors}");
}

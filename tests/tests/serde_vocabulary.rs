//! The serde vocabulary: `alias`, `default = path`, `skip`, `omit_empty` and
//! `skip_serializing_if`, each through decoding, validation and encoding.

use std::collections::BTreeMap;

use stages_model::{from_json, Model, Validate};

fn default_timeout() -> u32 {
    29_000
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum Protocol {
    #[model(alias = "REST")]
    Http,
    #[model(alias = "WS", alias = "WEB_SOCKET")]
    Websocket,
}

#[derive(Debug, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Integration {
    #[model(required, alias = "uri", alias = "integrationUrl", length(max = 8))]
    integration_uri: String,
    #[model(default = default_timeout, range(min = 50, max = 30000))]
    timeout_in_millis: u32,
    #[model(default, skip_serializing_if = is_zero)]
    retries: u32,
    #[model(skip)]
    cache: Vec<String>,
    #[model(skip, default = default_timeout)]
    budget: u32,
    #[model(default, omit_empty)]
    description: String,
    #[model(omit_empty)]
    request_parameters: Option<BTreeMap<String, String>>,
    protocol: Option<Protocol>,
}

#[test]
fn aliases_decode_and_report_at_the_wire_name() {
    let value: Integration = from_json(r#"{"uri": "lambda", "protocol": "WS"}"#).unwrap();
    assert_eq!(value.integration_uri, "lambda");
    assert_eq!(value.protocol, Some(Protocol::Websocket));
    // Encoding uses the wire name, never an alias.
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"integrationUri":"lambda","timeoutInMillis":29000,"protocol":"WEBSOCKET"}"#
    );
    // One member has one path, whichever name the document used, as `validate()` reports it.
    let errors = from_json::<Integration>(r#"{"integrationUrl": "much too long"}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/integrationUri"]);
    let errors = from_json::<Integration>(r#"{"uri": 5}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/integrationUri"]);
    // The wire name and an alias together are one member given twice.
    let errors = from_json::<Integration>(r#"{"integrationUri": "a", "uri": "b"}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/integrationUri"]);
    assert_eq!(errors.violations()[0].rule(), "duplicate");
    // An unknown value lists the wire values, not the aliases.
    let errors = from_json::<Integration>(r#"{"uri": "a", "protocol": "GRPC"}"#).unwrap_err();
    assert_eq!(
        errors.violations()[0].message(),
        r#"must be one of HTTP, WEBSOCKET; found "GRPC""#
    );
}

#[test]
fn default_path_fills_an_absent_or_null_member_and_skip_is_never_on_the_wire() {
    let value: Integration =
        from_json(r#"{"uri": "x", "timeoutInMillis": null, "retries": 2}"#).unwrap();
    assert_eq!(value.timeout_in_millis, 29_000);
    assert_eq!(value.budget, 29_000);
    assert!(value.cache.is_empty());
    // A skipped field's name is not a member: with deny_unknown_fields it is unknown.
    let errors = from_json::<Integration>(r#"{"uri": "x", "cache": ["a"]}"#).unwrap_err();
    assert_eq!(errors.pointers(), ["/cache"]);
    assert_eq!(errors.violations()[0].rule(), "unknown");
}

#[test]
fn omission_on_output_where_asked() {
    let mut value = Integration {
        integration_uri: "x".into(),
        timeout_in_millis: 50,
        retries: 0,
        cache: vec!["kept in memory only".into()],
        budget: 1,
        description: String::new(),
        request_parameters: Some(BTreeMap::new()),
        protocol: None,
    };
    assert!(value.validate().is_ok());
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"integrationUri":"x","timeoutInMillis":50}"#
    );
    value.retries = 3;
    value.description = "d".into();
    value.request_parameters = Some(BTreeMap::from([("a".into(), "b".into())]));
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"integrationUri":"x","timeoutInMillis":50,"retries":3,"description":"d","requestParameters":{"a":"b"}}"#
    );
    // What is written decodes back to the same value, skipped fields aside.
    let back: Integration = from_json(&serde_json::to_string(&value).unwrap()).unwrap();
    assert_eq!(back.request_parameters, value.request_parameters);
    assert_eq!(back.budget, 29_000);
}

/// A serializer that only takes a struct and counts what is written against the length the
/// struct announced, which formats that write the length first (unlike JSON) rely on.
mod announced {
    use std::fmt::Display;

    use stages_model::serde::ser::{self, Impossible, Serialize, SerializeStruct, Serializer};

    #[derive(Debug)]
    pub struct Error(String);
    impl Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for Error {}
    impl ser::Error for Error {
        fn custom<T: Display>(message: T) -> Self {
            Error(message.to_string())
        }
    }

    /// `(announced, written)` for a struct value.
    pub fn lengths<T: Serialize>(value: &T) -> (usize, usize) {
        value.serialize(Counter).unwrap()
    }

    pub struct Counter;
    pub struct Fields(usize, usize);

    impl SerializeStruct for Fields {
        type Ok = (usize, usize);
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(
            &mut self,
            _: &'static str,
            _: &T,
        ) -> Result<(), Error> {
            self.1 += 1;
            Ok(())
        }
        fn end(self) -> Result<(usize, usize), Error> {
            Ok((self.0, self.1))
        }
    }

    macro_rules! refuse {
        ($($name:ident($($arg:ty),*);)*) => {$(
            fn $name(self $(, _: $arg)*) -> Result<(usize, usize), Error> {
                Err(Error("only structs".into()))
            }
        )*};
    }

    impl Serializer for Counter {
        type Ok = (usize, usize);
        type Error = Error;
        type SerializeSeq = Impossible<(usize, usize), Error>;
        type SerializeTuple = Impossible<(usize, usize), Error>;
        type SerializeTupleStruct = Impossible<(usize, usize), Error>;
        type SerializeTupleVariant = Impossible<(usize, usize), Error>;
        type SerializeMap = Impossible<(usize, usize), Error>;
        type SerializeStruct = Fields;
        type SerializeStructVariant = Impossible<(usize, usize), Error>;

        fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields, Error> {
            Ok(Fields(len, 0))
        }
        refuse! {
            serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
            serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
            serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
            serialize_str(&str); serialize_bytes(&[u8]); serialize_none(); serialize_unit();
            serialize_unit_struct(&'static str);
            serialize_unit_variant(&'static str, u32, &'static str);
        }
        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(usize, usize), Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<(usize, usize), Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(usize, usize), Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
            Err(Error("only structs".into()))
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Error> {
            Err(Error("only structs".into()))
        }
    }
}

#[test]
fn the_announced_length_counts_what_is_written() {
    let mut value = Integration {
        integration_uri: "x".into(),
        timeout_in_millis: 50,
        retries: 0,
        cache: Vec::new(),
        budget: 1,
        description: String::new(),
        request_parameters: Some(BTreeMap::new()),
        protocol: Some(Protocol::Http),
    };
    assert_eq!(announced::lengths(&value), (3, 3));
    value.retries = 1;
    value.description = "d".into();
    value.request_parameters = None;
    value.protocol = None;
    assert_eq!(announced::lengths(&value), (4, 4));
}

#[derive(Debug, PartialEq, Model)]
struct Throttle {
    #[model(default, omit_default)]
    burst_limit: u32,
    #[model(omit_default)]
    rate_limit: Option<f64>,
    #[model(default, omit_default)]
    detailed_metrics_enabled: bool,
}

#[test]
fn omit_default_leaves_out_values_equal_to_their_default() {
    let quiet = Throttle {
        burst_limit: 0,
        rate_limit: Some(0.0),
        detailed_metrics_enabled: false,
    };
    assert_eq!(serde_json::to_string(&quiet).unwrap(), "{}");
    assert_eq!(announced::lengths(&quiet), (0, 0));
    let set = Throttle {
        burst_limit: 5,
        rate_limit: Some(0.5),
        detailed_metrics_enabled: true,
    };
    assert_eq!(
        serde_json::to_string(&set).unwrap(),
        r#"{"burstLimit":5,"rateLimit":0.5,"detailedMetricsEnabled":true}"#
    );
    assert_eq!(announced::lengths(&set), (3, 3));
}

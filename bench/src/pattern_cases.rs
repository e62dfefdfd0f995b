//! Patterns the derive compiles to automata, with a short matching string each, for
//! `benches/patterns.rs` and `bin/pattern_speed.rs`: the DFA walk against the regex crate.

use std::hint::black_box;

use regex::Regex;
use stages_model::{Model, Validate};

/// One pattern and what is timed on its string.
pub struct Case {
    /// A name for reports.
    pub name: &'static str,
    /// The pattern, as written in the attribute.
    pub pattern: &'static str,
    /// A string it matches.
    pub text: &'static str,
    /// `validate()` of a model holding only the string under the pattern: the DFA walk plus
    /// validate's own frame.
    pub ours: Box<dyn Fn() -> bool>,
    /// `validate()` of the same string under a single-class pattern (a byte table): about
    /// validate's frame alone.
    pub frame: Box<dyn Fn() -> bool>,
    /// The regex crate on `^(?:pattern)$`: what the runtime called before.
    pub regex: Regex,
}

macro_rules! cases {
    ($($name:ident = $pattern:tt on $text:literal, frame $class:literal;)*) => {
        mod models {
            use super::Model;
            $(
                #[derive(Debug, Model)]
                // Some of the patterns (`\d`) have no JSON Schema form.
                #[model(skip_schema)]
                pub struct $name {
                    #[model(required, pattern = $pattern)]
                    pub value: String,
                }
            )*
        }

        mod frames {
            use super::Model;
            $(
                #[derive(Debug, Model)]
                pub struct $name {
                    #[model(required, pattern = $class)]
                    pub value: String,
                }
            )*
        }

        /// Every case, each checked to match.
        pub fn cases() -> Vec<Case> {
            vec![$({
                let ours = models::$name { value: $text.to_owned() };
                let frame = frames::$name { value: $text.to_owned() };
                let case = Case {
                    name: stringify!($name),
                    pattern: $pattern,
                    text: $text,
                    ours: Box::new(move || black_box(&ours).validate().is_ok()),
                    frame: Box::new(move || black_box(&frame).validate().is_ok()),
                    regex: Regex::new(concat!("^(?:", $pattern, ")$")).unwrap(),
                };
                assert!((case.ours)() && (case.frame)() && case.regex.is_match($text));
                case
            }),*]
        }
    };
}

cases! {
    RouteKey = r"\$default|[A-Z]+ /\S*" on "GET /pets/{id}", frame "[A-Z /a-z{}]+";
    ResponseParameter = r"(append|overwrite|remove):header\.\S+|overwrite:statuscode"
        on "append:header.x-request-id", frame "[a-z:.-]+";
    StatusCode = "[2-5][0-9]{2}" on "404", frame "[0-9]+";
    PayloadVersion = r"1\.0|2\.0" on "2.0", frame "[0-9.]+";
    RequestParameter = r"route\.request\.(header|querystring|path)\.[A-Za-z0-9._-]+"
        on "route.request.querystring.page", frame "[a-z.]+";
    Arn = r"arn:aws[a-zA-Z-]*:iam::\d{12}:role/.+"
        on "arn:aws:iam::123456789012:role/service-role", frame "[a-z0-9:/-]+";
}

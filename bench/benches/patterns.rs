//! `cargo bench -p stages-bench --bench patterns`
//!
//! Patterns the derive compiles to tables against the regex crate (which matched them before):
//! for each pattern and a short matching string, `validate()` of a model holding only that
//! string (the table walk plus validate's own frame) against `Regex::is_match` on
//! `^(?:pattern)$` (the bare engine call, without any of validate's work). `validate-frame` is
//! `validate()` of the same string under a single-class pattern (a byte table, a few ns for
//! these lengths): about what validate adds around the match.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use regex::Regex;
use stages_model::{Model, Validate};

macro_rules! cases {
    ($($name:ident = $pattern:tt on $text:literal, frame $class:literal;)*) => {
        $(
            #[derive(Debug, Model)]
            struct $name {
                #[model(required, pattern = $pattern)]
                value: String,
            }
        )*

        /// The same strings under single-class patterns.
        mod frames {
            use stages_model::Model;
            $(
                #[derive(Debug, Model)]
                pub struct $name {
                    #[model(required, pattern = $class)]
                    pub value: String,
                }
            )*
        }

        fn bench(c: &mut Criterion) {
            $(
                let model = $name { value: $text.to_owned() };
                assert!(model.validate().is_ok(), "{} matches {}", $pattern, $text);
                let frame = frames::$name { value: $text.to_owned() };
                assert!(frame.validate().is_ok());
                let regex = Regex::new(concat!("^(?:", $pattern, ")$")).unwrap();
                assert!(regex.is_match($text));
                let mut group = c.benchmark_group(concat!("pattern/", stringify!($name)));
                group.bench_function("ours-validate", |b| b.iter(|| black_box(&model).validate()));
                group.bench_function("regex-is_match", |b| {
                    b.iter(|| regex.is_match(black_box($text)))
                });
                group.bench_function("validate-frame", |b| b.iter(|| black_box(&frame).validate()));
                group.finish();
            )*
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

criterion_group! {
    name = patterns;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = bench
}
criterion_main!(patterns);

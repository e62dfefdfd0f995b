//! Patterns compiled by the derive against the regex crate, as the best of many timed batches:
//! on a shared machine the minimum is steadier than criterion's median.
//!
//! `cargo run -p stages-bench --release --bin pattern_speed`
//!
//! For each pattern and a short matching string: `validate()` of a model holding only that
//! string (the DFA walk plus validate's own frame), `Regex::is_match` on `^(?:pattern)$` (the
//! bare engine call), and `validate()` of the same string under a single-class pattern (a byte
//! table: about validate's frame alone). The same cases as `benches/patterns.rs`.

use std::hint::black_box;
use std::time::Instant;

use regex::Regex;
use stages_model::{Model, Validate};

/// Nanoseconds per call of `work`, the best of `batches` batches of `calls`.
fn best(batches: usize, calls: usize, mut work: impl FnMut()) -> f64 {
    (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..calls {
                work();
            }
            start.elapsed().as_nanos() as f64 / calls as f64
        })
        .fold(f64::MAX, f64::min)
}

macro_rules! cases {
    ($($name:ident = $pattern:tt on $text:literal, frame $class:literal;)*) => {
        $(
            #[derive(Debug, Model)]
            struct $name {
                #[model(required, pattern = $pattern)]
                value: String,
            }
        )*

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

        fn main() {
            println!("{:18} {:>5}  {:>10}  {:>10}  {:>10}", "pattern", "chars", "ours", "regex", "frame");
            $(
                let ours = $name { value: $text.to_owned() };
                let frame = frames::$name { value: $text.to_owned() };
                let regex = Regex::new(concat!("^(?:", $pattern, ")$")).unwrap();
                assert!(ours.validate().is_ok() && frame.validate().is_ok() && regex.is_match($text));
                let (mut o, mut r, mut f) = (f64::MAX, f64::MAX, f64::MAX);
                // Interleaved, so that a busy moment hits all three.
                for _ in 0..5 {
                    o = o.min(best(5, 200_000, || { black_box(black_box(&ours).validate()).ok(); }));
                    r = r.min(best(5, 200_000, || { black_box(regex.is_match(black_box($text))); }));
                    f = f.min(best(5, 200_000, || { black_box(black_box(&frame).validate()).ok(); }));
                }
                println!("{:18} {:>5}  {:>7.1} ns  {:>7.1} ns  {:>7.1} ns", stringify!($name), $text.chars().count(), o, r, f);
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

//! Patterns are compiled when the derive expands: an invalid one is a compile error on its
//! literal; one that is a single ASCII class repeated becomes a byte table; any other that the
//! parser here takes becomes a DFA (tables the runtime walks, no regex engine). What it leaves
//! to the regex engine needs the `regex` feature, without which it is a compile error that says
//! which construct needs it.

mod automaton;
mod charset;
// The JSON Schema of a pattern (`check/rules.rs` computes it, so refusals are compile errors).
mod ecma;
mod parse;
#[cfg(feature = "regex")]
mod regex_engine;

use syn::LitStr;

pub use automaton::Dfa;
pub use ecma::ecma;
use parse::{Node, Problem};

/// How generated code will match a pattern.
pub enum Matcher {
    /// With a byte table: `allowed` has bit `b` set for each allowed ASCII byte `b`.
    Class {
        allowed: [u128; 2],
        min: usize,
        max: usize,
    },
    /// With the tables of a DFA built here.
    Dfa(Box<Dfa>),
    /// With the regex engine.
    #[cfg(feature = "regex")]
    Regex,
}

/// Parses and compiles the pattern in `lit`, or explains on the literal why it cannot.
/// `schema`: whether the model will have a JSON Schema, which a construct left to the regex
/// engine has no form in (without the feature, the error says so, so that one fix is enough).
pub fn analyze(lit: &LitStr, schema: bool) -> syn::Result<Matcher> {
    let source = lit.value();
    let node = match parse::parse(&source) {
        Ok(node) => node,
        Err(Problem::Invalid { what, at }) => return Err(invalid(lit, &source, what, at)),
        Err(Problem::NotAhead { what, at, instead }) => {
            let construct = Construct {
                what,
                at,
                instead,
                schema,
            };
            return not_ahead(lit, &source, Err(construct));
        }
    };
    if let Some(class) = byte_class(&node) {
        return Ok(class);
    }
    match automaton::compile(&node) {
        Ok(dfa) => Ok(Matcher::Dfa(Box::new(dfa))),
        Err(too_large) => not_ahead(lit, &source, Ok(too_large)),
    }
}

/// A construct the derive leaves to the regex engine, where it is in the pattern, what to
/// write for its ASCII meaning, and whether the model needs a JSON Schema.
#[cfg_attr(feature = "regex", allow(dead_code))]
struct Construct {
    what: &'static str,
    at: usize,
    instead: Option<&'static str>,
    schema: bool,
}

/// The error for a pattern the regex engine would refuse too.
fn invalid(lit: &LitStr, source: &str, what: &str, at: usize) -> syn::Error {
    syn::Error::new(
        lit.span(),
        format!(
            "invalid pattern: {what} (at character {} of `{source}`)",
            at + 1
        ),
    )
}

/// A valid pattern the derive does not compile: the regex engine's, with the feature.
/// `why` is the construct it does not compile, or (`Ok`) why the whole is too large.
#[cfg(feature = "regex")]
fn not_ahead(lit: &LitStr, source: &str, _why: Result<&str, Construct>) -> syn::Result<Matcher> {
    regex_engine::check(lit, source).map(|()| Matcher::Regex)
}

/// A valid pattern the derive does not compile: without the feature, an error that says why,
/// and every way out: the ASCII form where there is one, else the feature (and `skip_schema`,
/// since no such construct has a JSON Schema form).
#[cfg(not(feature = "regex"))]
fn not_ahead(lit: &LitStr, source: &str, why: Result<&str, Construct>) -> syn::Result<Matcher> {
    const ENABLE: &str = "enable the `regex` feature of stages-model (or of stages-runtime)";
    let message = match why {
        Err(construct) => {
            let Construct {
                what,
                at,
                instead,
                schema,
            } = construct;
            let engine = if schema {
                format!(
                    "{ENABLE}, and mark the model `#[model(skip_schema)]` (JSON Schema has no form of it)"
                )
            } else {
                ENABLE.to_owned()
            };
            let ways = match instead {
                Some(instead) => format!("write {instead}; or {engine}"),
                None => engine,
            };
            format!(
                "pattern `{source}` uses {what} (at character {}), which only the regex engine matches: {ways}",
                at + 1
            )
        }
        Ok(too_large) => format!(
            "pattern `{source}` is too large to compile to tables ({too_large}); to match it with the regex engine, {ENABLE}"
        ),
    };
    Err(syn::Error::new(lit.span(), message))
}

/// A single ASCII class, alone or repeated: the byte table of the validate fast path.
fn byte_class(node: &Node) -> Option<Matcher> {
    let (set, min, max) = match node {
        Node::Set(set) => (set, 1, 1),
        Node::Repeat { node, min, max } => match &**node {
            Node::Set(set) => (
                set,
                *min as usize,
                max.map_or(usize::MAX, |max| max as usize),
            ),
            _ => return None,
        },
        _ => return None,
    };
    let mut allowed = [0u128; 2];
    for &(start, end) in set.ranges() {
        if end > 0x7F {
            return None;
        }
        for byte in start..=end {
            allowed[0] |= 1 << byte;
        }
    }
    Some(Matcher::Class { allowed, min, max })
}

#[cfg(test)]
mod tests;

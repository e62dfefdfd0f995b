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
pub fn analyze(lit: &LitStr) -> syn::Result<Matcher> {
    let source = lit.value();
    let node = match parse::parse(&source) {
        Ok(node) => node,
        Err(Problem::Invalid { what, at }) => return Err(invalid(lit, &source, what, at)),
        Err(Problem::NotAhead { what, at }) => return not_ahead(lit, &source, what, Some(at)),
    };
    if let Some(class) = byte_class(&node) {
        return Ok(class);
    }
    match automaton::compile(&node) {
        Ok(dfa) => Ok(Matcher::Dfa(Box::new(dfa))),
        Err(what) => not_ahead(lit, &source, what, None),
    }
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
#[cfg(feature = "regex")]
fn not_ahead(lit: &LitStr, source: &str, _: &str, _: Option<usize>) -> syn::Result<Matcher> {
    regex_engine::check(lit, source).map(|()| Matcher::Regex)
}

/// A valid pattern the derive does not compile: without the feature, an error that says why.
/// `what` names the construct at character `at`, or (without `at`) why the whole is too big.
#[cfg(not(feature = "regex"))]
fn not_ahead(lit: &LitStr, source: &str, what: &str, at: Option<usize>) -> syn::Result<Matcher> {
    const ENABLE: &str = "enable the `regex` feature of stages-model (or of stages-runtime)";
    let message = match at {
        Some(at) => format!(
            "pattern `{source}` uses {what} (at character {}), which only the regex engine matches: {ENABLE}",
            at + 1
        ),
        None => format!(
            "pattern `{source}` is too large to compile to tables ({what}); to match it with the regex engine, {ENABLE}"
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

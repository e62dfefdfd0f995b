//! A pattern rendered for JSON Schema: anchored to the whole string, in a dialect that
//! ECMA-262 engines (with or without the `u` flag) and Python's `re` (what Python `jsonschema`
//! uses) read alike. Classes are written out (`\d`, `\s` and `.` mean different things in each
//! engine), non-ASCII characters as `\uXXXX`, groups as `(?:...)`.
//!
//! Where the engines still differ, on inputs a schema user rarely meets:
//! - Python's `$` also matches before a newline that ends the text, so `"abc\n"` passes
//!   `^[a-z]+$` there (and fails everywhere else, as in the derive). A lookahead would close
//!   the gap but is refused by RE2-based validators, so it is left as is.
//! - Without the `u` flag, an ECMA-262 engine reads a character beyond U+FFFF as two, so a
//!   negated class or `.` (written `[^\n]`) counts it twice.
//!
//! Refused, with a compile error: what the derive itself does not compile ahead of time, and
//! classes that hold some characters beyond U+FFFF but not all of them (`\d`, whose digits
//! include some of those planes): no class syntax writes them alike in both engines.

use std::fmt::Write;

use syn::LitStr;

use super::charset::{CharSet, MAX};
use super::parse::{self, Node, Problem};

/// The pattern in `lit`, anchored, as ECMA-262 and Python's `re` both read it; or a compile
/// error on the literal saying what does not carry over.
pub fn ecma(lit: &LitStr) -> syn::Result<String> {
    let source = lit.value();
    let refuse = |what: String| {
        syn::Error::new(
            lit.span(),
            format!("pattern `{source}` cannot be written for JSON Schema: {what}"),
        )
    };
    let node = match parse::parse(&source) {
        Ok(node) => node,
        Err(Problem::Invalid { what, at }) => {
            return Err(super::invalid(lit, &source, what, at));
        }
        Err(Problem::NotAhead { what, instead, .. }) => {
            let instead = instead
                .map(|instead| format!(": write {instead}"))
                .unwrap_or_default();
            return Err(refuse(format!(
                "it uses {what}, which ECMA-262 and Python's re do not read alike{instead}"
            )));
        }
    };
    let mut out = String::from("^");
    write_node(&mut out, &node, Context::Top).map_err(refuse)?;
    out.push('$');
    Ok(out)
}

/// Where a node is written, which decides whether it needs a group around it.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    /// The whole pattern, between `^` and `$`.
    Top,
    /// One part of a concatenation.
    Sequence,
    /// The operand of a quantifier.
    Quantified,
}

fn write_node(out: &mut String, node: &Node, context: Context) -> Result<(), String> {
    match node {
        Node::Empty => {
            if context == Context::Quantified {
                out.push_str("(?:)");
            }
        }
        Node::Set(set) => {
            let astral = matches!(set.ranges(), [(start, end)] if start == end && *start > 0xFFFF);
            // Without the `u` flag a quantifier would apply to the second half of the pair.
            let group = astral && context == Context::Quantified;
            if group {
                out.push_str("(?:");
            }
            write_set(out, set)?;
            if group {
                out.push(')');
            }
        }
        Node::Start => out.push('^'),
        Node::End => out.push('$'),
        Node::Concat(nodes) => {
            let group = context == Context::Quantified;
            if group {
                out.push_str("(?:");
            }
            for node in nodes {
                write_node(out, node, Context::Sequence)?;
            }
            if group {
                out.push(')');
            }
        }
        Node::Alternate(branches) => {
            out.push_str("(?:");
            for (index, branch) in branches.iter().enumerate() {
                if index > 0 {
                    out.push('|');
                }
                write_node(out, branch, Context::Sequence)?;
            }
            out.push(')');
        }
        Node::Repeat { node, min, max } => {
            if matches!(**node, Node::Start | Node::End) {
                // An anchor repeated: zero times always holds, once or more is the anchor.
                if *min > 0 {
                    write_node(out, node, context)?;
                }
                return Ok(());
            }
            // A quantifier cannot follow another one directly (`a**` is an error in both).
            let group = context == Context::Quantified;
            if group {
                out.push_str("(?:");
            }
            write_node(out, node, Context::Quantified)?;
            match (min, max) {
                (0, None) => out.push('*'),
                (1, None) => out.push('+'),
                (0, Some(1)) => out.push('?'),
                (min, None) => write!(out, "{{{min},}}").unwrap_or(()),
                (min, Some(max)) if min == max => write!(out, "{{{min}}}").unwrap_or(()),
                (min, Some(max)) => write!(out, "{{{min},{max}}}").unwrap_or(()),
            }
            if group {
                out.push(')');
            }
        }
    }
    Ok(())
}

/// One character: a literal when the set holds one, otherwise a class written out.
fn write_set(out: &mut String, set: &CharSet) -> Result<(), String> {
    let ranges = set.ranges();
    if let [(start, end)] = ranges {
        if start == end {
            let c = char::from_u32(*start).unwrap_or('\u{FFFD}');
            if *start > 0xFFFF {
                // Written as itself: the same code points in every engine, paired or not.
                out.push(c);
            } else {
                write_char(out, c, false);
            }
            return Ok(());
        }
    }
    if ranges.is_empty() {
        out.push_str(r"[^\s\S]");
        return Ok(());
    }
    if ranges == [(0, 0xD7FF), (0xE000, MAX)] {
        out.push_str(r"[\s\S]");
        return Ok(());
    }
    let astral = |set: &CharSet| set.ranges().last().is_some_and(|&(_, end)| end > 0xFFFF);
    let (negated, written) = if !astral(set) {
        (false, set.clone())
    } else if !astral(&set.complement()) {
        (true, set.complement())
    } else {
        return Err(
            "it has a class with some characters beyond U+FFFF but not all of them, which \
             ECMA-262 and Python's re read differently (`\\d` and `\\D` are such classes: \
             write [0-9] or [^0-9] for ASCII digits)"
                .to_string(),
        );
    };
    out.push('[');
    if negated {
        out.push('^');
    }
    for &(start, end) in written.ranges() {
        let (start, end) = (
            char::from_u32(start).unwrap_or('\u{FFFD}'),
            char::from_u32(end).unwrap_or('\u{FFFD}'),
        );
        write_char(out, start, true);
        if end != start {
            if u32::from(end) > u32::from(start) + 1 {
                out.push('-');
            }
            write_char(out, end, true);
        }
    }
    out.push(']');
    Ok(())
}

/// A character of the Basic Multilingual Plane, escaped where either engine would read it
/// otherwise.
fn write_char(out: &mut String, c: char, in_class: bool) {
    let special = if in_class {
        matches!(c, '\\' | ']' | '[' | '^' | '-')
    } else {
        matches!(
            c,
            '\\' | '^' | '$' | '.' | '|' | '?' | '*' | '+' | '(' | ')' | '[' | ']' | '{' | '}'
        )
    };
    match c {
        '\n' => out.push_str(r"\n"),
        '\t' => out.push_str(r"\t"),
        '\r' => out.push_str(r"\r"),
        '\x0C' => out.push_str(r"\f"),
        '\x0B' => out.push_str(r"\v"),
        c if special => {
            out.push('\\');
            out.push(c);
        }
        ' '..='~' => out.push(c),
        c => write!(out, "\\u{:04X}", u32::from(c)).unwrap_or(()),
    }
}

//! Patterns are parsed when the derive expands: an invalid one is a compile error on its
//! literal, and one that is a single ASCII character class repeated becomes a byte table.

use regex_syntax::hir::{Class, Hir, HirKind};
use syn::LitStr;

/// How generated code will match a pattern.
pub enum Matcher {
    /// With the regex engine.
    Regex,
    /// With a byte table: `allowed` has bit `b` set for each allowed ASCII byte `b`.
    Class {
        allowed: [u128; 2],
        min: usize,
        max: usize,
    },
}

/// Parses the pattern in `lit`, or explains on the literal why it is not a valid regex.
pub fn analyze(lit: &LitStr) -> syn::Result<Matcher> {
    let source = lit.value();
    let hir = regex_syntax::Parser::new()
        .parse(&source)
        .map_err(|error| {
            let (kind, offset) = match &error {
                regex_syntax::Error::Parse(parse) => {
                    (parse.kind().to_string(), parse.span().start.offset)
                }
                regex_syntax::Error::Translate(translate) => {
                    (translate.kind().to_string(), translate.span().start.offset)
                }
                other => (other.to_string(), 0),
            };
            let column = source[..offset.min(source.len())].chars().count() + 1;
            syn::Error::new(
                lit.span(),
                format!("invalid pattern: {kind} (at character {column} of `{source}`)"),
            )
        })?;
    compiles_anchored(lit, &source)?;
    Ok(match hir.kind() {
        HirKind::Repetition(repetition) => match ascii_class(&repetition.sub) {
            Some(allowed) => Matcher::Class {
                allowed,
                min: repetition.min as usize,
                max: repetition.max.map_or(usize::MAX, |max| max as usize),
            },
            None => Matcher::Regex,
        },
        HirKind::Class(_) => match ascii_class(&hir) {
            Some(allowed) => Matcher::Class {
                allowed,
                min: 1,
                max: 1,
            },
            None => Matcher::Regex,
        },
        _ => Matcher::Regex,
    })
}

/// Compiles the pattern exactly as the runtime will (anchored, with the regex engine's default
/// limits), so that nothing it accepts here can fail there: a trailing `#` comment in `(?x)` mode
/// would swallow the anchor, and a huge repetition can exceed the compiled size limit.
fn compiles_anchored(lit: &LitStr, source: &str) -> syn::Result<()> {
    match regex::Regex::new(&format!("^(?:{source})$")) {
        Ok(_) => Ok(()),
        Err(regex::Error::CompiledTooBig(limit)) => Err(syn::Error::new(
            lit.span(),
            format!("pattern `{source}` compiles to more than the regex engine's limit of {limit} bytes; use a smaller repetition"),
        )),
        Err(_) => Err(syn::Error::new(
            lit.span(),
            format!("pattern `{source}` cannot be anchored to the whole string: end a `(?x)` comment with a newline, or remove it"),
        )),
    }
}

/// The byte table of a class that only admits ASCII.
fn ascii_class(hir: &Hir) -> Option<[u128; 2]> {
    let mut allowed = [0u128; 2];
    let mut allow = |start: u32, end: u32| {
        for byte in start..=end {
            allowed[0] |= 1 << byte;
        }
    };
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => {
            for range in class.ranges() {
                if u32::from(range.end()) > 0x7f {
                    return None;
                }
                allow(u32::from(range.start()), u32::from(range.end()));
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            for range in class.ranges() {
                if range.end() > 0x7f {
                    return None;
                }
                allow(u32::from(range.start()), u32::from(range.end()));
            }
        }
        _ => return None,
    }
    Some(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str) -> LitStr {
        LitStr::new(text, proc_macro2::Span::call_site())
    }

    #[test]
    fn ascii_classes_become_tables() {
        match analyze(&lit("[A-Za-z0-9-._~:/?#&=,]+")).unwrap() {
            Matcher::Class { allowed, min, max } => {
                assert_eq!((min, max), (1, usize::MAX));
                assert!(allowed[0] & (1 << b'~') != 0);
                assert!(allowed[0] & (1 << b' ') == 0);
                assert_eq!(allowed[1], 0);
            }
            Matcher::Regex => panic!("expected a byte table"),
        }
        assert!(matches!(
            analyze(&lit("[a-z]{2,5}")).unwrap(),
            Matcher::Class { min: 2, max: 5, .. }
        ));
    }

    #[test]
    fn other_patterns_use_the_regex_engine() {
        assert!(matches!(
            analyze(&lit(r"\$default|[a-z]+")).unwrap(),
            Matcher::Regex
        ));
        assert!(matches!(analyze(&lit(r"\w+")).unwrap(), Matcher::Regex));
        assert!(matches!(
            analyze(&lit(r"(?i)[a-z]+")).unwrap(),
            Matcher::Regex
        ));
    }

    #[test]
    fn patterns_are_checked_as_the_runtime_compiles_them() {
        let comment = analyze(&lit("(?x) [a-z]+ # names"))
            .err()
            .unwrap()
            .to_string();
        assert!(comment.contains("cannot be anchored"), "{comment}");
        assert!(analyze(&lit("(?x) [a-z]+ # names\n")).is_ok());
        let huge = analyze(&lit(r"\w{5000}")).err().unwrap().to_string();
        assert!(
            huge.contains("more than the regex engine's limit"),
            "{huge}"
        );
    }

    #[test]
    fn invalid_patterns_say_where() {
        let error = analyze(&lit("[a-z")).err().unwrap().to_string();
        assert_eq!(
            error,
            "invalid pattern: unclosed character class (at character 1 of `[a-z`)"
        );
    }
}

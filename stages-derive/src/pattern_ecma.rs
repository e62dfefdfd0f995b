//! PLACEHOLDER for `pattern::ecma`, which another branch writes (a full translation of the
//! pattern dialect into ECMA-262, read the same way by Python's `re`). Until it lands, this
//! minimal version anchors the pattern and refuses, at compile time, the constructs whose
//! meaning differs between the regex crate, ECMA-262 and Python: inline flags, `\A`/`\z`,
//! POSIX classes, and the shorthand classes `\d`, `\w` and `\b`, which are Unicode-aware
//! here and ASCII-only in ECMA-262. Replace the call in `check/rules.rs` and delete this file
//! when the real one is on `main`.

use syn::LitStr;

/// The pattern in `lit`, anchored, as an ECMA-262 regular expression for JSON Schema.
///
/// `$` is followed by `(?![\s\S])` because Python's `$` also matches before a final newline.
pub fn ecma(lit: &LitStr) -> syn::Result<String> {
    let source = lit.value();
    let refused: &[(&str, &str)] = &[
        ("(?i", "inline flags"),
        ("(?m", "inline flags"),
        ("(?s", "inline flags"),
        ("(?x", "inline flags"),
        ("(?u", "inline flags"),
        ("(?U", "inline flags"),
        ("(?-", "inline flags"),
        ("(?P", "named groups"),
        ("\\A", "`\\A`"),
        ("\\z", "`\\z`"),
        ("\\d", "`\\d` (Unicode digits here, ASCII ones in ECMA-262)"),
        ("\\D", "`\\D`"),
        (
            "\\w",
            "`\\w` (Unicode word characters here, ASCII ones in ECMA-262)",
        ),
        ("\\W", "`\\W`"),
        ("\\b", "`\\b`"),
        ("\\B", "`\\B`"),
        ("[[:", "POSIX classes"),
    ];
    if let Some((_, what)) = refused.iter().find(|(needle, _)| source.contains(needle)) {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "pattern `{source}` uses {what}, which JSON Schema's ECMA-262 patterns do not read the \
                 same way; spell the characters out in a class, such as `[0-9]` or `[A-Za-z0-9_]`"
            ),
        ));
    }
    Ok(format!("^(?:{source})$(?![\\s\\S])"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str) -> LitStr {
        LitStr::new(text, proc_macro2::Span::call_site())
    }

    #[test]
    fn anchors_and_refuses_what_differs() {
        assert_eq!(ecma(&lit("[a-z]+")).unwrap(), "^(?:[a-z]+)$(?![\\s\\S])");
        assert!(ecma(&lit(r"\d+")).is_err());
        assert!(ecma(&lit("(?i)abc")).is_err());
        assert!(ecma(&lit(r"\\d")).is_err(), "a cautious placeholder");
    }
}

//! With the `regex` feature: patterns the derive does not compile are checked here exactly as
//! the runtime will compile them, so that nothing accepted here can fail there.

use syn::LitStr;

/// Parses `source` with the regex crate's parser and compiles it anchored, with the engine's
/// default limits; explains on the literal what is wrong.
pub fn check(lit: &LitStr, source: &str) -> syn::Result<()> {
    regex_syntax::Parser::new().parse(source).map_err(|error| {
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
    compiles_anchored(lit, source)
}

/// A trailing `#` comment in `(?x)` mode would swallow the anchor, and a huge repetition can
/// exceed the compiled size limit: both are caught here rather than at run time.
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

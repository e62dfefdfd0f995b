//! A doc comment as a schema's `description`: rustdoc's intra-doc links
//! (`` [`MAX_PAGE_SIZE`] ``, `` [`Stage`](crate::Stage) ``) name Rust items a reader of the
//! schema cannot follow, so only their text stays; links to web addresses stay whole.

/// `doc` with each intra-doc link replaced by its text.
pub fn plain(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(at) = rest.find(['`', '[']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('`') {
            // A code span is copied as it is: `[A-Za-z0-9_]+` is text, not a link.
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            let end = rest[ticks..]
                .find(fence)
                .map_or(rest.len(), |end| ticks + end + ticks);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if let Some((text, after)) = intra_doc_link(rest) {
            out.push_str(text);
            rest = after;
        } else {
            out.push('[');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// At a `[`: the text of an intra-doc link starting there and what follows the link, or
/// `None` when the bracket starts anything else. A link is `` [`item`] `` or `[text](path)`
/// with a Rust path; a bare `[word]` stays, as it may be text (`items[i]`).
fn intra_doc_link(at: &str) -> Option<(&str, &str)> {
    let close = at.find(']')?;
    let text = &at[1..close];
    let after = &at[close + 1..];
    match after.strip_prefix('(') {
        Some(target) => {
            let end = target.find(')')?;
            // `[text](https://...)` is a real link: leave it to the reader's markdown.
            is_item_path(&target[..end]).then(|| (text, &target[end + 1..]))
        }
        None => is_code_item(text).then_some((text, after)),
    }
}

/// `` `Name` ``, `` `Type::item` `` or `` `f()` ``: an item as rustdoc resolves it.
fn is_code_item(text: &str) -> bool {
    text.strip_prefix('`')
        .and_then(|inner| inner.strip_suffix('`'))
        .is_some_and(|path| is_item_path(path.trim_end_matches("()")))
}

fn is_item_path(path: &str) -> bool {
    !path.is_empty()
        && path.split("::").all(|segment| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn intra_doc_links_keep_their_text() {
        assert_eq!(
            plain("from 1 to [`MAX_PAGE_SIZE`]."),
            "from 1 to `MAX_PAGE_SIZE`."
        );
        assert_eq!(
            plain("every member of [`CreateStageInput`](crate::CreateStageInput) but"),
            "every member of `CreateStageInput` but"
        );
        assert_eq!(
            plain("([`Stage::apply_update`]) and [`f()`] and [the stage](Stage)"),
            "(`Stage::apply_update`) and `f()` and the stage"
        );
    }

    #[test]
    fn other_brackets_stay() {
        for text in [
            "values from `[A-Za-z0-9-._~:/?#&=,]`",
            "see [the guide](https://docs.aws.amazon.com/x)",
            "a list [1, 2] and [a-z]+ and items[i]",
            "``[`x`]`` in code",
            "an open [",
            "[`unclosed`](crate::x",
        ] {
            assert_eq!(plain(text), text);
        }
    }
}

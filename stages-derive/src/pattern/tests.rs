use super::*;

fn lit(text: &str) -> LitStr {
    LitStr::new(text, proc_macro2::Span::call_site())
}

#[test]
fn ascii_classes_become_tables() {
    match analyze(&lit("[A-Za-z0-9-._~:/?#&=,]+"), true).unwrap() {
        Matcher::Class { allowed, min, max } => {
            assert_eq!((min, max), (1, usize::MAX));
            assert!(allowed[0] & (1 << b'~') != 0);
            assert!(allowed[0] & (1 << b' ') == 0);
            assert_eq!(allowed[1], 0);
        }
        _ => panic!("expected a byte table"),
    }
    assert!(matches!(
        analyze(&lit("[a-z]{2,5}"), true).unwrap(),
        Matcher::Class { min: 2, max: 5, .. }
    ));
}

#[test]
fn other_patterns_become_automata() {
    for pattern in [r"\$default|[a-z]+", r"[2-5][0-9]{2}", r"\p{Lu}"] {
        let compiled = analyze(&lit(pattern), true);
        if pattern.contains(r"\p") {
            assert!(!matches!(compiled, Ok(Matcher::Dfa(_))), "{pattern}");
        } else {
            assert!(matches!(compiled, Ok(Matcher::Dfa(_))), "{pattern}");
        }
    }
}

#[test]
fn invalid_patterns_say_where() {
    let error = analyze(&lit("[a-z"), true).err().unwrap().to_string();
    assert_eq!(
        error,
        "invalid pattern: unclosed character class (at character 1 of `[a-z`)"
    );
    let error = analyze(&lit("ab)"), true).err().unwrap().to_string();
    assert_eq!(
        error,
        "invalid pattern: unopened group (at character 3 of `ab)`)"
    );
}

#[cfg(not(feature = "regex"))]
#[test]
fn what_is_left_to_the_regex_engine_needs_the_feature() {
    let error = analyze(&lit(r"[a-z]+\w"), true).err().unwrap().to_string();
    assert_eq!(
        error,
        "pattern `[a-z]+\\w` uses `\\w` or `\\W` (Unicode word characters, a table of about 770 \
         ranges) (at character 7), which only the regex engine matches: write `[A-Za-z0-9_]` for \
         ASCII word characters (`[^A-Za-z0-9_]` for `\\W`), what `\\w` means in the Java patterns of \
         AWS's documentation; or enable the `regex` feature of stages-model (or of stages-runtime), and \
         mark the model `#[model(skip_schema)]` (JSON Schema has no form of it)"
    );
    // A model without a schema needs only the feature; a construct without an ASCII form
    // names no rewrite.
    let error = analyze(&lit(r"\bword\b"), false).err().unwrap().to_string();
    assert_eq!(
        error,
        "pattern `\\bword\\b` uses a word boundary (it needs the Unicode table of `\\w`) (at \
         character 1), which only the regex engine matches: enable the `regex` feature of \
         stages-model (or of stages-runtime)"
    );
    let error = analyze(&lit(r"[a-z]{5000}x"), true)
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        error,
        "pattern `[a-z]{5000}x` is too large to compile to tables (its automaton would pass 4,096 \
         states or 65,536 transitions); to match it with the regex engine, enable the `regex` \
         feature of stages-model (or of stages-runtime)"
    );
}

#[cfg(feature = "regex")]
#[test]
fn patterns_left_to_the_regex_engine_are_checked_as_it_compiles_them() {
    assert!(matches!(
        analyze(&lit(r"\w+"), true).unwrap(),
        Matcher::Regex
    ));
    assert!(matches!(
        analyze(&lit(r"(?i)[a-z]+"), true).unwrap(),
        Matcher::Regex
    ));
    let comment = analyze(&lit("(?x) [a-z]+ # names"), true)
        .err()
        .unwrap()
        .to_string();
    assert!(comment.contains("cannot be anchored"), "{comment}");
    assert!(analyze(&lit("(?x) [a-z]+ # names\n"), true).is_ok());
    let huge = analyze(&lit(r"\w{5000}"), true).err().unwrap().to_string();
    assert!(
        huge.contains("more than the regex engine's limit"),
        "{huge}"
    );
}

mod ecma;
mod equivalence;

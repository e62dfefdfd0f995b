//! "Did you mean …?" for misspelt attribute names, and the words of other crates.

/// The closest of `candidates` to `typo`, if it is close enough to be a likely misspelling.
pub fn closest<'a>(typo: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (typo.chars().count() / 3).max(2);
    candidates
        .iter()
        .map(|candidate| (distance(typo, candidate), *candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Words of other validation crates (validator, garde), and what to write here instead; given
/// for rules only (where `candidates` holds `length`).
const SYNONYMS: &[(&str, &str)] = &[
    (
        "regex",
        "write `pattern = \"...\"` (the regex itself, not a path to one)",
    ),
    ("matches", "write `pattern = \"...\"`"),
    ("min_length", "write `length(min = ..)`"),
    ("max_length", "write `length(max = ..)`"),
    ("len", "write `length(min = .., max = ..)`"),
    (
        "min",
        "write `range(min = ..)` for a number, or `length(min = ..)` for a size",
    ),
    (
        "max",
        "write `range(max = ..)` for a number, or `length(max = ..)` for a size",
    ),
    (
        "inner",
        "write `values(...)`, which checks each item of a list or value of a map",
    ),
    (
        "dive",
        "nested models are validated without an attribute: remove it",
    ),
    (
        "nested",
        "nested models are validated without an attribute: remove it",
    ),
    ("optional", "make the field's type `Option<T>`"),
];

/// The text of an "unknown name" error: how this derive says a word of another crate, else a
/// suggestion when one is close, else the full list.
pub fn unknown(kind: &str, typo: &str, candidates: &[&str]) -> String {
    let synonym = SYNONYMS.iter().find(|(word, _)| *word == typo);
    if let Some((_, ours)) = synonym.filter(|_| candidates.contains(&"length")) {
        return format!("unknown {kind} `{typo}`; {ours}");
    }
    match closest(typo, candidates) {
        Some(near) => format!("unknown {kind} `{typo}`; did you mean `{near}`?"),
        None => {
            let list: Vec<String> = candidates.iter().map(|name| format!("`{name}`")).collect();
            format!(
                "unknown {kind} `{typo}`; expected one of {}",
                list.join(", ")
            )
        }
    }
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let names = ["length", "pattern", "range", "required"];
        assert_eq!(closest("lenght", &names), Some("length"));
        assert_eq!(closest("requird", &names), Some("required"));
        assert_eq!(closest("colour", &names), None);
    }

    #[test]
    fn names_what_other_crates_call_a_rule() {
        let names = ["length", "pattern", "range", "required"];
        assert_eq!(
            unknown("rule", "regex", &names),
            "unknown rule `regex`; write `pattern = \"...\"` (the regex itself, not a path to one)"
        );
        assert!(unknown("rule", "dive", &names).contains("without an attribute"));
        assert_eq!(
            unknown("container option", "min", &["rename_all"]),
            "unknown container option `min`; expected one of `rename_all`"
        );
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }
}

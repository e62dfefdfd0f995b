//! "Did you mean …?" for misspelt attribute names.

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

/// The text of an "unknown name" error: a suggestion when one is close, the full list otherwise.
pub fn unknown(kind: &str, typo: &str, candidates: &[&str]) -> String {
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
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }
}

//! `rename_all`: how Rust names become wire names.

/// A naming convention a container can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Camel,
    Pascal,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
    Lower,
    Upper,
    /// The Rust name as written.
    Verbatim,
}

impl Case {
    /// The spellings accepted in `rename_all = "..."`, in the order error messages list them.
    pub const NAMES: &'static [(&'static str, Case)] = &[
        ("camelCase", Case::Camel),
        ("PascalCase", Case::Pascal),
        ("snake_case", Case::Snake),
        ("SCREAMING_SNAKE_CASE", Case::ScreamingSnake),
        ("kebab-case", Case::Kebab),
        ("SCREAMING-KEBAB-CASE", Case::ScreamingKebab),
        ("lowercase", Case::Lower),
        ("UPPERCASE", Case::Upper),
        ("verbatim", Case::Verbatim),
    ];

    /// The convention called `name`, if any.
    pub fn from_name(name: &str) -> Option<Case> {
        Case::NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, case)| *case)
    }

    /// Applies the convention to a Rust identifier, either `snake_case` (fields) or `PascalCase`
    /// (variants).
    pub fn apply(self, ident: &str) -> String {
        let ident = ident.strip_prefix("r#").unwrap_or(ident);
        if self == Case::Verbatim {
            return ident.to_owned();
        }
        let words = words(ident);
        let capitalized = || {
            words
                .iter()
                .map(|word| capitalize(word))
                .collect::<Vec<_>>()
        };
        match self {
            Case::Camel => {
                let mut parts = capitalized();
                if let Some(first) = parts.first_mut() {
                    *first = first.to_lowercase();
                }
                parts.concat()
            }
            Case::Pascal => capitalized().concat(),
            Case::Snake => words.join("_"),
            Case::ScreamingSnake => words.join("_").to_uppercase(),
            Case::Kebab => words.join("-"),
            Case::ScreamingKebab => words.join("-").to_uppercase(),
            Case::Lower => words.concat(),
            Case::Upper => words.concat().to_uppercase(),
            Case::Verbatim => unreachable!("handled above"),
        }
    }
}

/// Splits `snake_case` or `PascalCase` into lowercase words.
fn words(ident: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in ident.split('_').filter(|part| !part.is_empty()) {
        let mut current = String::new();
        let chars: Vec<char> = part.chars().collect();
        for (i, ch) in chars.iter().enumerate() {
            let starts_word = ch.is_uppercase()
                && i > 0
                && (chars[i - 1].is_lowercase()
                    || chars[i - 1].is_ascii_digit()
                    || chars.get(i + 1).is_some_and(|next| next.is_lowercase()));
            if starts_word && !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            current.extend(ch.to_lowercase());
        }
        if !current.is_empty() {
            words.push(current);
        }
    }
    words
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_camel_case() {
        assert_eq!(
            Case::Camel.apply("throttling_burst_limit"),
            "throttlingBurstLimit"
        );
        assert_eq!(Case::Camel.apply("r#type"), "type");
        assert_eq!(Case::Camel.apply("api_id"), "apiId");
    }

    #[test]
    fn variants_become_screaming_snake_case() {
        assert_eq!(Case::ScreamingSnake.apply("Error"), "ERROR");
        assert_eq!(Case::ScreamingSnake.apply("WebSocket"), "WEB_SOCKET");
        assert_eq!(Case::ScreamingSnake.apply("HTTPApi"), "HTTP_API");
    }

    #[test]
    fn every_convention_applies() {
        let cases = [
            ("camelCase", "lastUpdatedDate"),
            ("PascalCase", "LastUpdatedDate"),
            ("snake_case", "last_updated_date"),
            ("SCREAMING_SNAKE_CASE", "LAST_UPDATED_DATE"),
            ("kebab-case", "last-updated-date"),
            ("SCREAMING-KEBAB-CASE", "LAST-UPDATED-DATE"),
            ("lowercase", "lastupdateddate"),
            ("UPPERCASE", "LASTUPDATEDDATE"),
            ("verbatim", "last_updated_date"),
        ];
        for (name, expected) in cases {
            let case = Case::from_name(name).unwrap();
            assert_eq!(case.apply("last_updated_date"), expected, "{name}");
        }
    }
}

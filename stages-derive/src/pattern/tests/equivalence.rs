//! The parser and automata against the regex crate they replace: on random patterns built from
//! the constructs AWS models use (and mistakes), the parser refuses exactly what the regex crate
//! refuses, and each automaton answers as `^(?:pattern)$` does on random strings.

use super::super::automaton;
use super::super::parse::{parse, Problem};

/// A small, seeded generator: the same cases on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PATTERN_PARTS: &[&str] = &[
    "a",
    "b",
    "c",
    "é",
    "😀",
    "0",
    "-",
    " ",
    ".",
    r"\.",
    r"\$",
    r"\-",
    r"\\",
    r"\n",
    r"\x41",
    r"\u{e9}",
    r"\U0001F600",
    r"\d",
    r"\D",
    r"\s",
    r"\S",
    "[ab]",
    "[^a]",
    "[a-c]",
    "[^\\s]",
    "[]a]",
    "[a-]",
    "[-a]",
    "[^-]",
    "[\\d-]",
    "[é-ü]",
    "[[:alpha:]]",
    "[[:^digit:]]",
    "[a-c&&b]",
    "(",
    "(",
    "(?:",
    ")",
    ")",
    "|",
    "|",
    "*",
    "+",
    "?",
    "*?",
    "{2}",
    "{1,3}",
    "{0,}",
    "{ 1 , 2 }",
    "{\t2\n}",
    "{2,\u{a0}3}",
    "{,2}",
    "{3,1}",
    "{",
    "}",
    "]",
    "[",
    "^",
    "$",
    r"\A",
    r"\z",
    r"\b",
    r"\w",
    r"\p{L}",
    "(?i)",
    r"\",
    r"\1",
    r"\e",
    "[z-a]",
    r"[\d-z]",
    r"\x{110000}",
    "(?=",
    "(?<!",
    "(?<n>",
    "(?",
];

const TEXT_PARTS: &[&str] = &[
    "a", "b", "c", "é", "ü", "😀", "0", "9", "٣", "-", " ", "\n", "\t", "]", "$", ".", "A",
    "\u{2028}", "\u{a0}", "x",
];

#[test]
fn the_parser_refuses_what_the_regex_crate_refuses_and_automata_agree_with_it() {
    let mut random = Random(0x5eed_1234_abcd_ef01);
    let (mut compiled, mut invalid, mut left) = (0, 0, 0);
    for _ in 0..6_000 {
        let pattern: String = (0..random.below(7))
            .map(|_| random.pick(PATTERN_PARTS))
            .collect();
        let theirs = regex::Regex::new(&format!("^(?:{pattern})$"));
        match parse(&pattern) {
            Err(Problem::Invalid { what, .. }) => {
                assert!(
                    regex_syntax::Parser::new().parse(&pattern).is_err(),
                    "`{pattern}` is valid for the regex crate, not `{what}`"
                );
                invalid += 1;
            }
            Err(Problem::NotAhead { .. }) => left += 1,
            Ok(node) => {
                let theirs = theirs.unwrap_or_else(|error| {
                    panic!("`{pattern}` parsed here, not by the regex crate: {error}")
                });
                let Ok(dfa) = automaton::compile(&node) else {
                    left += 1;
                    continue;
                };
                for _ in 0..40 {
                    let text: String = (0..random.below(6))
                        .map(|_| random.pick(TEXT_PARTS))
                        .collect();
                    assert_eq!(
                        dfa.is_match(&text),
                        theirs.is_match(&text),
                        "`{pattern}` on {text:?}"
                    );
                }
                compiled += 1;
            }
        }
    }
    // The generator must reach every outcome often, or it tests little.
    assert!(
        compiled > 1_500 && invalid > 1_000 && left > 300,
        "{compiled} compiled, {invalid} invalid, {left} left to the regex engine"
    );
}

/// Patterns of the repository, of AWS service models and some that are hard for automata.
pub const CORPUS: &[&str] = &[
    "[A-Za-z0-9_]+",
    "[A-Za-z0-9-._~:/?#&=,]+",
    "[A-Za-z0-9-._~:/?#&=,]*",
    r"\$default|[A-Z]+ /\S*",
    r"(append|overwrite|remove):header\.\S+|overwrite:statuscode",
    "(append|overwrite|remove):[a-z.]+",
    "[2-5][0-9]{2}",
    r"1\.0|2\.0",
    r"route\.request\.(header|querystring|path)\.[A-Za-z0-9._-]+",
    "integrations/[a-z0-9]+",
    "[a-z0-9]{1,10}",
    r"^arn:aws[a-zA-Z-]*:iam::\d{12}:role/.+$",
    r"^[a-zA-Z_0-9+=,.@-]+$",
    r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$",
    r"^\$(request|context|stageVariables)\.[a-zA-Z0-9._-]+$",
    r"(a|b)*abb",
    "(a|ab)(c|bcd)(d*)",
    "(a*)*b",
    "(x+x+)+y",
    "[^a]{3}|a{2,}",
    r"\s*\S+\s*",
    r"[\d\s]+",
    ".*é.*",
    "😀+|[^😀]",
    "",
    "()|a",
    "^$",
    "a$b",
    "a^",
    r"\Aab\z",
    "(a|)+",
    "a{0}",
    "[a-z]{0,3}[0-9]{2,}",
];

#[test]
fn the_corpus_compiles_and_agrees_with_the_regex_crate_on_hard_strings() {
    let mut random = Random(0x0dd_ba11);
    for pattern in CORPUS {
        let node = parse(pattern).unwrap_or_else(|problem| panic!("{pattern}: {problem:?}"));
        let dfa = automaton::compile(&node).unwrap();
        let theirs = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
        let mut texts: Vec<String> = [
            "",
            "a",
            "ab",
            "abb",
            "aabb",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "$default",
            "GET /pets",
            "GET ",
            "append:header.x",
            "overwrite:statuscode",
            "200",
            "599",
            "600",
            "1.0",
            "1x0",
            "2.0",
            " a ",
            "😀",
            "😀😀",
            "é",
            "aé",
            "12",
            "arn:aws:iam::123456789012:role/x",
        ]
        .iter()
        .map(|text| text.to_string())
        .collect();
        texts.push("a".repeat(5_000));
        texts.push(format!("{}y", "x".repeat(200)));
        for _ in 0..300 {
            texts.push(
                (0..random.below(12))
                    .map(|_| random.pick(TEXT_PARTS))
                    .collect(),
            );
        }
        for text in &texts {
            assert_eq!(
                dfa.is_match(text),
                theirs.is_match(text),
                "`{pattern}` on {text:?}"
            );
        }
    }
}

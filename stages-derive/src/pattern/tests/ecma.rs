//! `ecma`: what JSON Schema gets, and that Python's `re` reads it as the regex crate reads the
//! pattern.

use std::io::Write;
use std::process::{Command, Stdio};

use super::super::ecma;
use super::equivalence::CORPUS;
use super::lit;

#[test]
fn patterns_are_written_out_anchored() {
    for (pattern, expected) in [
        ("[A-Za-z0-9_]+", "^[0-9A-Z_a-z]+$"),
        ("[A-Za-z0-9-._~:/?#&=,]+", "^[#&,-:=?A-Z_a-z~]+$"),
        (
            r"\$default|[A-Z]+ /\S*",
            r"^(?:\$default|[A-Z]+ /[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*)$",
        ),
        (r"1\.0|2\.0", r"^(?:1\.0|2\.0)$"),
        ("[2-5][0-9]{2}", "^[2-5][0-9]{2}$"),
        ("(ab)+c?|é.", "^(?:(?:ab)+c?|\\u00E9[^\\n])$"),
        ("😀+", "^(?:😀)+$"),
        ("a**", "^(?:a*)*$"),
        ("^*a$+", "^a$$"),
        ("[^-]{1,}(|x){2,3}", "^[^\\-]+(?:|x){2,3}$"),
        ("[]\\[^\\\\]", r"^[\[-\^]$"),
        (
            "[\\x00-\\x{10FFFF}]|[^\\x00-\\x{10FFFF}]",
            r"^(?:[\s\S]|[^\s\S])$",
        ),
    ] {
        assert_eq!(ecma(&lit(pattern)).unwrap(), expected, "{pattern}");
    }
}

#[test]
fn what_does_not_carry_over_is_refused() {
    for (pattern, reason) in [
        (r"[0-9]\d", "some characters beyond U+FFFF but not all"),
        (r"\w+", "`\\w` or `\\W`"),
        (r"(?i)ab", "inline flags"),
        (r"\p{Lu}", "a Unicode class"),
    ] {
        let error = ecma(&lit(pattern)).unwrap_err().to_string();
        assert!(
            error.starts_with(&format!(
                "pattern `{pattern}` cannot be written for JSON Schema: "
            )) && error.contains(reason),
            "{error}"
        );
    }
    assert_eq!(
        ecma(&lit("[a-")).unwrap_err().to_string(),
        "invalid pattern: unclosed character class (at character 1 of `[a-`)"
    );
}

/// Every pattern of the corpus that carries over, through Python's `re.search` (as Python
/// `jsonschema` calls it) on strings without a trailing newline, answers as the regex crate.
#[test]
fn python_reads_the_patterns_as_the_regex_crate() {
    let texts = [
        "",
        "a",
        "ab",
        "abb",
        "$default",
        "GET /pets",
        "GET /pé ts",
        "append:header.x-y",
        "overwrite:statuscode",
        "200",
        "600",
        "1.0",
        "1x0",
        " a ",
        "😀",
        "😀😀",
        "é",
        "a\u{2028}b",
        "a\u{a0}",
        "x\ny",
        "arn:aws:iam::123456789012:role/x",
        "a-b_c",
    ];
    let mut cases = Vec::new();
    for pattern in CORPUS {
        let Ok(written) = ecma(&lit(pattern)) else {
            continue;
        };
        let regex = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
        for text in texts {
            cases.push((written.clone(), text, regex.is_match(text)));
        }
    }
    assert!(cases.len() > 500, "{} cases", cases.len());
    let script = "import json, re, sys\n\
                  for line in sys.stdin:\n    \
                      pattern, text = json.loads(line)\n    \
                      print('1' if re.search(pattern, text) else '0')\n";
    let mut python = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs (CI has Python 3.11)");
    let mut input = String::new();
    for (pattern, text, _) in &cases {
        input.push_str(&json_array(pattern, text));
        input.push('\n');
    }
    python
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = python.wait_with_output().unwrap();
    assert!(output.status.success());
    let verdicts = String::from_utf8(output.stdout).unwrap();
    let verdicts: Vec<&str> = verdicts.lines().collect();
    assert_eq!(verdicts.len(), cases.len());
    for ((pattern, text, expected), verdict) in cases.iter().zip(verdicts) {
        assert_eq!(verdict == "1", *expected, "`{pattern}` on {text:?}");
    }
}

/// `[pattern, text]` as JSON, every non-ASCII character escaped.
fn json_array(pattern: &str, text: &str) -> String {
    let quote = |s: &str| {
        let mut out = String::from("\"");
        for unit in s.encode_utf16() {
            match unit {
                0x22 => out.push_str("\\\""),
                0x5C => out.push_str("\\\\"),
                0x20..=0x7E => out.push(char::from(unit as u8)),
                _ => out.push_str(&format!("\\u{unit:04x}")),
            }
        }
        out.push('"');
        out
    };
    format!("[{}, {}]", quote(pattern), quote(text))
}

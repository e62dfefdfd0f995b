//! The pattern syntax of the regex crate, parsed into [`Node`]s without it: the subset that AWS
//! service models write (literals and escapes, `.`, classes with ranges and negation, `\d \D \s
//! \S`, ASCII classes, groups, alternation, repetitions, `^ $ \A \z`), with the regex crate's
//! meaning in its default Unicode mode. What this parser does not take is either invalid for the
//! regex crate too ([`Problem::Invalid`]) or valid there and left to it ([`Problem::NotAhead`]).

mod class;

use super::charset::{self, CharSet};

/// A parsed pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Matches the empty string.
    Empty,
    /// One character from the set (a literal is a set of one).
    Set(CharSet),
    /// The start of the text (`^`, `\A`).
    Start,
    /// The end of the text (`$`, `\z`).
    End,
    /// Each in turn.
    Concat(Vec<Node>),
    /// Any one of them.
    Alternate(Vec<Node>),
    /// `node` from `min` to `max` times (no `max`: unbounded). Greedy or lazy alike: only the
    /// whole string is ever matched, so the choice never changes the answer.
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

/// Why a pattern was not parsed; `at` is the index of the character it is about (0-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a valid pattern for the regex crate either.
    Invalid { what: &'static str, at: usize },
    /// Valid for the regex crate, but not compiled ahead of time; `what` names the construct,
    /// and `instead` what to write for its ASCII meaning, where there is such a thing (none of
    /// these constructs has a JSON Schema form either).
    NotAhead {
        what: &'static str,
        at: usize,
        instead: Option<&'static str>,
    },
}

/// Groups and repetitions nest at most this deep (the regex crate stops at 250).
const MAX_DEPTH: usize = 200;

/// Parses `source` as the regex crate would.
pub fn parse(source: &str) -> Result<Node, Problem> {
    let mut parser = Parser {
        chars: source.chars().collect(),
        pos: 0,
        depth: 0,
    };
    let node = parser.alternation()?;
    match parser.peek() {
        None => Ok(node),
        Some(_) => Err(parser.invalid("unopened group", parser.pos)),
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

/// What one item of a bracketed class is: a character (which may start a range) or a set.
enum ClassItem {
    Char(char),
    Set(CharSet),
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += 1;
        }
        found
    }

    fn invalid(&self, what: &'static str, at: usize) -> Problem {
        Problem::Invalid { what, at }
    }

    fn not_ahead(&self, what: &'static str, at: usize) -> Problem {
        Problem::NotAhead {
            what,
            at,
            instead: None,
        }
    }

    /// [`Self::not_ahead`], for a construct with an ASCII form to suggest.
    fn not_ahead_or(&self, what: &'static str, instead: &'static str, at: usize) -> Problem {
        Problem::NotAhead {
            what,
            at,
            instead: Some(instead),
        }
    }

    fn alternation(&mut self) -> Result<Node, Problem> {
        let mut branches = vec![self.concat()?];
        while self.eat('|') {
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alternate(branches)
        })
    }

    fn concat(&mut self) -> Result<Node, Problem> {
        let mut items: Vec<Node> = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '|' | ')' => break,
                '*' | '+' | '?' | '{' => {
                    let at = self.pos;
                    let Some(node) = items.pop() else {
                        return Err(self.invalid("repetition operator missing expression", at));
                    };
                    let (min, max) = self.repetition()?;
                    // A lazy repetition (`*?`) matches the same whole strings as a greedy one.
                    self.eat('?');
                    items.push(Node::Repeat {
                        node: Box::new(node),
                        min,
                        max,
                    });
                }
                _ => items.push(self.atom()?),
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}` (white space allowed inside the braces).
    fn repetition(&mut self) -> Result<(u32, Option<u32>), Problem> {
        let at = self.pos;
        self.pos += 1;
        match self.chars[at] {
            '*' => return Ok((0, None)),
            '+' => return Ok((1, None)),
            '?' => return Ok((0, Some(1))),
            _ => {}
        }
        self.skip_spaces();
        let min = self.decimal(at)?;
        self.skip_spaces();
        let max = if self.eat(',') {
            self.skip_spaces();
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                Some(self.decimal(at)?)
            } else {
                None
            }
        } else {
            Some(min)
        };
        self.skip_spaces();
        if !self.eat('}') {
            return Err(self.invalid("unclosed counted repetition", at));
        }
        if max.is_some_and(|max| max < min) {
            return Err(self.invalid(
                "invalid repetition count range, the start must be <= the end",
                at,
            ));
        }
        Ok((min, max))
    }

    /// White space inside the braces of a counted repetition is allowed (any Unicode white
    /// space, as the regex crate reads it).
    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn decimal(&mut self, at: usize) -> Result<u32, Problem> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if start == self.pos {
            return Err(match self.peek() {
                None => self.invalid("unclosed counted repetition", at),
                Some(_) => self.invalid("repetition quantifier expects a valid decimal", at),
            });
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits
            .parse()
            .map_err(|_| self.invalid("decimal literal invalid", start))
    }

    /// Enters one more level of nesting.
    fn nested(&mut self, at: usize) -> Result<(), Problem> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.not_ahead("groups nested more than 200 deep", at));
        }
        Ok(())
    }

    fn atom(&mut self) -> Result<Node, Problem> {
        let at = self.pos;
        let c = self.chars[at];
        self.pos += 1;
        Ok(match c {
            '(' => self.group(at)?,
            '[' => Node::Set(self.class(at)?),
            '.' => Node::Set(CharSet::dot()),
            '^' => Node::Start,
            '$' => Node::End,
            '\\' => self.escape(at)?,
            c => Node::Set(CharSet::single(c)),
        })
    }

    fn group(&mut self, at: usize) -> Result<Node, Problem> {
        if self.eat('?') {
            match (self.peek(), self.peek_at(1)) {
                (Some(':'), _) => self.pos += 1,
                (Some('=' | '!'), _) | (Some('<'), Some('=' | '!')) => {
                    return Err(self.invalid(
                        "look-around (`(?=..)`, `(?!..)`, `(?<=..)`, `(?<!..)`) is not supported, \
                         by the regex crate either: write the condition into the pattern (for \
                         `[a-z.]*(?<!\\.)`, `([a-z.]*[a-z])?`), or check it with a `custom` rule",
                        at,
                    ))
                }
                (None, _) => return Err(self.invalid("unclosed group", at)),
                (Some('P' | '<'), _) => {
                    return Err(self.not_ahead_or("a named group", "a plain group `(...)`", at))
                }
                _ => {
                    return Err(self.not_ahead_or(
                        "inline flags",
                        "the cases or characters written out, such as `[Aa]` for `(?i)a`",
                        at,
                    ))
                }
            }
        }
        self.nested(at)?;
        let node = self.alternation()?;
        self.depth -= 1;
        if !self.eat(')') {
            return Err(self.invalid("unclosed group", at));
        }
        Ok(node)
    }

    /// The escape whose backslash is at `at`, outside a class.
    fn escape(&mut self, at: usize) -> Result<Node, Problem> {
        let Some(c) = self.peek() else {
            return Err(self.invalid(
                "incomplete escape sequence, reached end of pattern prematurely",
                at,
            ));
        };
        match c {
            'A' => {
                self.pos += 1;
                Ok(Node::Start)
            }
            'z' => {
                self.pos += 1;
                Ok(Node::End)
            }
            'b' | 'B' | '<' | '>' => {
                Err(self.not_ahead("a word boundary (it needs the Unicode table of `\\w`)", at))
            }
            _ => match self.escaped(at, false)? {
                ClassItem::Char(c) => Ok(Node::Set(CharSet::single(c))),
                ClassItem::Set(set) => Ok(Node::Set(set)),
            },
        }
    }

    /// The escape after the backslash at `at` that stands for characters, in or out of a class.
    fn escaped(&mut self, at: usize, in_class: bool) -> Result<ClassItem, Problem> {
        let Some(c) = self.peek() else {
            return Err(self.invalid(
                "incomplete escape sequence, reached end of pattern prematurely",
                at,
            ));
        };
        self.pos += 1;
        let literal = |c: char| Ok(ClassItem::Char(c));
        match c {
            'n' => literal('\n'),
            't' => literal('\t'),
            'r' => literal('\r'),
            'f' => literal('\x0C'),
            'v' => literal('\x0B'),
            'a' => literal('\x07'),
            'x' => self.hex(at, 2),
            'u' => self.hex(at, 4),
            'U' => self.hex(at, 8),
            'd' => Ok(ClassItem::Set(charset::decimal_digit())),
            'D' => Ok(ClassItem::Set(charset::decimal_digit().complement())),
            's' => Ok(ClassItem::Set(charset::white_space())),
            'S' => Ok(ClassItem::Set(charset::white_space().complement())),
            'w' | 'W' => Err(self.not_ahead_or(
                "`\\w` or `\\W` (Unicode word characters, a table of about 770 ranges)",
                "`[A-Za-z0-9_]` for ASCII word characters (`[^A-Za-z0-9_]` for `\\W`), what `\\w` means in the Java patterns of AWS's documentation",
                at,
            )),
            'p' | 'P' => Err(self.not_ahead_or(
                "a Unicode class `\\p{..}` or `\\P{..}`",
                "an ASCII class such as `[A-Z]` for `\\p{Lu}`",
                at,
            )),
            '0'..='9' => Err(self.invalid("backreferences are not supported", at)),
            'A' | 'z' | 'b' | 'B' | '<' | '>' if in_class => {
                Err(self.invalid("invalid escape sequence found in character class", at))
            }
            c if c.is_ascii() && !c.is_ascii_alphanumeric() && c != '<' && c != '>' => literal(c),
            _ => Err(self.invalid("unrecognized escape sequence", at)),
        }
    }

    /// `\xHH`, `\uHHHH`, `\UHHHHHHHH` or any of them as `\x{H..}`.
    fn hex(&mut self, at: usize, digits: usize) -> Result<ClassItem, Problem> {
        let start = self.pos;
        let text: String = if self.eat('{') {
            let open = self.pos;
            while self.peek().is_some_and(|c| c != '}') {
                self.pos += 1;
            }
            if !self.eat('}') {
                return Err(self.invalid("unclosed hexadecimal literal", at));
            }
            if self.pos - 1 == open {
                return Err(self.invalid("hexadecimal literal empty", at));
            }
            self.chars[open..self.pos - 1].iter().collect()
        } else {
            for _ in 0..digits {
                if self.peek().is_none() {
                    return Err(self.invalid(
                        "incomplete escape sequence, reached end of pattern prematurely",
                        at,
                    ));
                }
                self.pos += 1;
            }
            self.chars[start..self.pos].iter().collect()
        };
        if !text.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(self.invalid("invalid hexadecimal digit", at));
        }
        u32::from_str_radix(&text, 16)
            .ok()
            .and_then(char::from_u32)
            .map(ClassItem::Char)
            .ok_or_else(|| self.invalid("hexadecimal literal is not a Unicode scalar value", at))
    }
}

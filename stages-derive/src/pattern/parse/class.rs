//! Bracketed classes: `[a-z0-9._-]`, `[^\s/]`, `[[:alpha:]]`, with the regex crate's rules for
//! a leading `]` or `-`, ranges, and escapes inside a class.

use super::super::charset::{self, CharSet};
use super::{ClassItem, Parser, Problem};

impl Parser {
    /// A bracketed class whose `[` is at `at`.
    pub(super) fn class(&mut self, at: usize) -> Result<CharSet, Problem> {
        let negated = self.eat('^');
        let mut set = CharSet::default();
        // A `]` first is a literal (an empty class cannot be written), and so are `-`s.
        if self.eat(']') {
            set = set.union(&CharSet::single(']'));
        }
        loop {
            let Some(c) = self.peek() else {
                return Err(self.invalid("unclosed character class", at));
            };
            match (c, self.peek_at(1)) {
                (']', _) => {
                    self.pos += 1;
                    break;
                }
                ('[', Some(':')) => {
                    let posix = self.posix_class()?;
                    set = set.union(&posix);
                }
                ('[', _) => return Err(self.not_ahead("a nested class", self.pos)),
                ('&', Some('&')) => return Err(self.not_ahead("class intersection `&&`", self.pos)),
                ('-', Some('-')) => return Err(self.not_ahead("class difference `--`", self.pos)),
                ('~', Some('~')) => {
                    return Err(self.not_ahead("class symmetric difference `~~`", self.pos))
                }
                _ => {
                    let item = self.class_range(at)?;
                    set = set.union(&item);
                }
            }
        }
        Ok(if negated { set.complement() } else { set })
    }

    /// `[:name:]` or `[:^name:]` at the current `[`.
    fn posix_class(&mut self) -> Result<CharSet, Problem> {
        let at = self.pos;
        let rest: String = self.chars[at + 2..].iter().take(12).collect();
        let (negated, rest) = match rest.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, rest.as_str()),
        };
        let name = rest.split(":]").next().unwrap_or("");
        match charset::posix(name).filter(|_| rest.len() > name.len()) {
            Some(set) => {
                self.pos = at + 2 + usize::from(negated) + name.chars().count() + 2;
                Ok(if negated { set.complement() } else { set })
            }
            None => Err(self.not_ahead("a nested class", at)),
        }
    }

    /// One item of the class opened at `open`: a character, a range `a-z`, or an escape such
    /// as `\d`.
    fn class_range(&mut self, open: usize) -> Result<CharSet, Problem> {
        let at = self.pos;
        let first = self.class_item(open)?;
        let is_range = self.peek() == Some('-') && !matches!(self.peek_at(1), Some(']' | '-'));
        if !is_range {
            return Ok(match first {
                ClassItem::Char(c) => CharSet::single(c),
                ClassItem::Set(set) => set,
            });
        }
        self.pos += 1;
        let (ClassItem::Char(start), ClassItem::Char(end)) = (first, self.class_item(open)?) else {
            return Err(self.invalid("invalid range boundary, must be a literal", at));
        };
        if start > end {
            return Err(self.invalid(
                "invalid character class range, the start must be <= the end",
                at,
            ));
        }
        Ok(CharSet::from_ranges([(start as u32, end as u32)]))
    }

    fn class_item(&mut self, open: usize) -> Result<ClassItem, Problem> {
        let at = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.invalid("unclosed character class", open));
        };
        self.pos += 1;
        if c == '\\' {
            self.escaped(at, true)
        } else {
            Ok(ClassItem::Char(c))
        }
    }
}

//! The bytes a regex's matches can start with, read from its parsed form.
//!
//! A search that knows them can skip to those bytes and try the regex,
//! anchored, only there ([`super::line_regex`] at line starts, the dates
//! finder anywhere): a try that fails costs a few bytes of a table row in
//! cache, where an unanchored search reads every byte through the whole
//! automaton.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The bytes a match can start with, and whether a match can be empty.
pub struct MatchStart {
    pub bytes: [bool; 256],
    pub empty: bool,
}

impl MatchStart {
    pub const NOTHING: MatchStart = MatchStart {
        bytes: [false; 256],
        empty: false,
    };

    pub fn of(hir: &Hir) -> MatchStart {
        let mut start = MatchStart::NOTHING;
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => start.empty = true,
            HirKind::Literal(literal) => match literal.0.first() {
                Some(&b) => start.bytes[usize::from(b)] = true,
                None => start.empty = true,
            },
            HirKind::Class(Class::Bytes(class)) => {
                for range in class.iter() {
                    start.add(range.start(), range.end());
                }
            }
            HirKind::Class(Class::Unicode(class)) => {
                // A character's first UTF-8 byte grows with its code point,
                // so a range of characters starts with a range of bytes.
                for range in class.iter() {
                    start.add(first_byte(range.start()), first_byte(range.end()));
                }
            }
            HirKind::Capture(capture) => start = MatchStart::of(&capture.sub),
            HirKind::Repetition(repetition) => {
                start = MatchStart::of(&repetition.sub);
                start.empty |= repetition.min == 0;
            }
            HirKind::Alternation(branches) => {
                for branch in branches {
                    start.join(&MatchStart::of(branch));
                }
            }
            HirKind::Concat(parts) => {
                start.empty = true;
                for part in parts {
                    let next = MatchStart::of(part);
                    start.join(&MatchStart {
                        empty: false,
                        ..next
                    });
                    if !next.empty {
                        start.empty = false;
                        break;
                    }
                }
            }
        }
        start
    }

    fn add(&mut self, from: u8, to: u8) {
        for b in from..=to {
            self.bytes[usize::from(b)] = true;
        }
    }

    fn join(&mut self, other: &MatchStart) {
        for (mine, theirs) in self.bytes.iter_mut().zip(other.bytes) {
            *mine |= theirs;
        }
        self.empty |= other.empty;
    }
}

fn first_byte(c: char) -> u8 {
    let mut buffer = [0; 4];
    c.encode_utf8(&mut buffer).as_bytes()[0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::text::parse_regex;

    fn starts_of(pattern: &str) -> (String, bool) {
        let start = MatchStart::of(&parse_regex(pattern, false).unwrap());
        let bytes = (0..=255u8)
            .filter(|&b| start.bytes[usize::from(b)])
            .map(char::from)
            .collect();
        (bytes, start.empty)
    }

    #[test]
    fn first_bytes_of_patterns() {
        assert_eq!(starts_of("Mon|Tue|[0-9]"), ("0123456789MT".into(), false));
        assert_eq!(starts_of("(?:,)?x"), (",x".into(), false));
        assert_eq!(starts_of("a?b*c"), ("abc".into(), false));
        // "é" starts with the byte 0xC3.
        assert_eq!(starts_of("é|z"), ("z\u{c3}".into(), false));
        assert_eq!(starts_of("a?"), ("a".into(), true));
        assert_eq!(starts_of(r"\bMay"), ("M".into(), false));
    }
}

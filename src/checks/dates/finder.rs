//! The search for a locale's dates in a text.
//!
//! A locale's finder is one large regex (every template, every month and
//! weekday form), and run the ordinary way its lazy DFA reads nearly every
//! byte of every paragraph with a digit in it, through transition tables
//! too large for the first-level cache. Yet every date starts with one of a
//! few bytes: a digit, or the first letter of a weekday or month form. So
//! the finder looks for those bytes and runs the regex's lazy DFA,
//! anchored, only from each of them: a run from "The" ends after two
//! bytes in a table row it has read a thousand times.
//!
//! The answers are those of the unanchored regex: its leftmost match is
//! the match at the first start where an anchored run matches, and at one
//! start both take the same alternative (the first that matches).

use std::ops::Range;

use regex::Regex;

use crate::checks::anchored_dfa::{AnchoredDfa, compile_nfa};
use crate::checks::match_start::MatchStart;
use crate::checks::swar;
use crate::checks::text::{build_regex, parse_regex};

pub enum Finder {
    /// Every match starts with a byte of `starts`: anchored runs of the
    /// lazy DFA from each of those.
    FromStarts {
        dfa: Box<AnchoredDfa>,
        starts: StartBytes,
    },
    /// A pattern that may match the empty text or looks around itself:
    /// searched the ordinary way.
    Anywhere(Regex),
}

impl Finder {
    pub fn new(pattern: &str) -> Result<Finder, String> {
        let hir = parse_regex(pattern, false)?;
        let start = MatchStart::of(&hir);
        // An empty match may start anywhere; a look-around (word
        // boundaries) a lazy DFA may refuse to follow outside ASCII.
        if start.empty || !hir.properties().look_set().is_empty() {
            return build_regex(pattern, false).map(Finder::Anywhere);
        }
        // Built from the tree already parsed: a locale's finder is tens of
        // kilobytes of pattern, and parsing it is a good part of start-up.
        // What a lazy DFA refuses (an automaton too large for its cache)
        // the ordinary search runs another way.
        match compile_nfa(&hir, false).and_then(AnchoredDfa::new) {
            Ok(dfa) => Ok(Finder::FromStarts {
                dfa: Box::new(dfa),
                starts: StartBytes::new(start.bytes),
            }),
            Err(_) => build_regex(pattern, false).map(Finder::Anywhere),
        }
    }

    /// The leftmost-first match starting at or after `at` at a place
    /// `may_start` allows, as [`Regex::find_at`] gives it (retried past
    /// each match whose start is not allowed).
    pub fn find_at(
        &self,
        text: &str,
        at: usize,
        may_start: impl Fn(usize) -> bool,
    ) -> Option<Range<usize>> {
        match self {
            Finder::Anywhere(regex) => {
                let mut from = at;
                loop {
                    let found = regex.find_at(text, from)?;
                    if may_start(found.start()) {
                        return Some(found.range());
                    }
                    from = found.start() + text[found.start()..].chars().next()?.len_utf8();
                }
            }
            Finder::FromStarts { dfa, starts } => {
                let bytes = text.as_bytes();
                let mut tries = dfa.tries();
                let mut from = at;
                while let Some(start) = starts.next(bytes, from) {
                    // A start byte inside a character is not a start.
                    if text.is_char_boundary(start)
                        && may_start(start)
                        && let Some(end) = tries.end_at(text, start)
                    {
                        return Some(start..end);
                    }
                    from = start + 1;
                }
                None
            }
        }
    }

    #[cfg(test)]
    pub fn is_match(&self, text: &str) -> bool {
        self.find_at(text, 0, |_| true).is_some()
    }
}

/// The bytes a match may start with, found eight bytes at a time when
/// they are all digits, letters or non-ASCII bytes (as a locale's are).
pub struct StartBytes {
    exact: Box<[bool; 256]>,
    /// Which groups of bytes hold a start byte, when no other byte is one.
    groups: Option<Groups>,
}

#[derive(Clone, Copy)]
struct Groups {
    digits: bool,
    capitals: bool,
    small: bool,
    not_ascii: bool,
}

impl StartBytes {
    fn new(exact: [bool; 256]) -> StartBytes {
        let any = |test: fn(&u8) -> bool| (0..=255u8).filter(test).any(|b| exact[usize::from(b)]);
        let groups = Groups {
            digits: any(u8::is_ascii_digit),
            capitals: any(u8::is_ascii_uppercase),
            small: any(u8::is_ascii_lowercase),
            not_ascii: any(|b| !b.is_ascii()),
        };
        let ungrouped = any(|b| b.is_ascii() && !b.is_ascii_alphanumeric());
        let groups = (!ungrouped).then_some(groups);
        StartBytes {
            exact: Box::new(exact),
            groups,
        }
    }

    /// The first start byte at or after `at`.
    fn next(&self, bytes: &[u8], mut at: usize) -> Option<usize> {
        if let Some(groups) = self.groups {
            while let Some(chunk) = swar::load(bytes, at) {
                let mut mask = 0;
                if groups.digits {
                    mask |= swar::in_range(chunk, b'0', b'9');
                }
                if groups.capitals {
                    mask |= swar::in_range(chunk, b'A', b'Z');
                }
                if groups.small {
                    mask |= swar::in_range(chunk, b'a', b'z');
                }
                if groups.not_ascii {
                    mask |= swar::not_ascii(chunk);
                }
                while mask != 0 {
                    let candidate = at + swar::first(mask);
                    if self.exact[usize::from(bytes[candidate])] {
                        return Some(candidate);
                    }
                    mask &= mask - 1;
                }
                at += 8;
            }
        }
        let offset = bytes
            .get(at..)?
            .iter()
            .position(|&b| self.exact[usize::from(b)])?;
        Some(at + offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Eight bytes at a time or one by one, the same start bytes.
        #[test]
        fn start_bytes_are_found_in_order(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            at in 0usize..48,
            picks in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..6),
            other in proptest::prelude::any::<bool>(),
        ) {
            let mut exact = [false; 256];
            for b in picks {
                // Digits, letters and non-ASCII bytes, or any byte.
                let b = if other || !b.is_ascii() || b.is_ascii_alphanumeric() { b } else { b'Q' };
                exact[usize::from(b)] = true;
            }
            let starts = StartBytes::new(exact);
            let naive = (at..bytes.len()).find(|&i| exact[usize::from(bytes[i])]);
            proptest::prop_assert_eq!(starts.next(&bytes, at), naive);
        }

        /// Anchored runs from the start bytes find what the regex finds.
        #[test]
        fn finds_what_the_regex_finds(
            text in "([0-9]{1,4}|[０-９]{1,2}|Tue(sday)?|Ma[yr]|é|[ ,.]|[a-z]{1,3}|\n){0,20}",
            at in 0usize..40,
        ) {
            let pattern = r"(?:Tue(?:sday)?|May|Mar)\.?\s+[0-9０-９]{1,2}(?:,\s*[0-9]{4})?|[0-9]{4}-[0-9]{2}|é[a-z]";
            let finder = Finder::new(pattern).unwrap();
            let anchored = matches!(finder, Finder::FromStarts { .. });
            proptest::prop_assert!(anchored, "the pattern has start bytes");
            let regex = Regex::new(pattern).unwrap();
            let at = at.min(text.len());
            if text.is_char_boundary(at) {
                proptest::prop_assert_eq!(
                    finder.find_at(&text, at, |_| true),
                    regex.find_at(&text, at).map(|m| m.range())
                );
                // Starts that are turned away are skipped, as a caller
                // retrying past each one would.
                let odd = |start: usize| start % 2 == 1;
                let mut from = at;
                let expected = loop {
                    match regex.find_at(&text, from) {
                        Some(m) if odd(m.start()) => break Some(m.range()),
                        Some(m) => from = m.start() + text[m.start()..].chars().next().unwrap().len_utf8(),
                        None => break None,
                    }
                };
                proptest::prop_assert_eq!(finder.find_at(&text, at, odd), expected.clone());
                let anywhere = Finder::Anywhere(regex.clone());
                proptest::prop_assert_eq!(anywhere.find_at(&text, at, odd), expected);
            }
        }
    }
}

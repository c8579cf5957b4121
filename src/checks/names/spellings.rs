//! Every spelling of every house-list entry in one automaton over folded
//! text.
//!
//! The automaton is searched with no prefilter: a prefilter makes a short
//! list fast by skipping text that cannot start any of its few spellings,
//! and a long list slow by comparison, so the cost per byte would grow with
//! the list. Without it the cost per byte is one walk of the automaton
//! whatever the list's length, which is what a newsroom with thousands of
//! names needs to rely on. (Which blocks are walked at all is
//! [`super::gate`]'s business: in the engine, a list of up to a few hundred
//! spellings skips the blocks where the shared pass saw none of them; a
//! longer list skips those where no word is one a spelling opens with,
//! [`Spellings::may_be_in`].)
//!
//! A long list's DFA is a table of megabytes, larger than a core's cache.
//! An unanchored walk of every byte follows, through such a list, the many
//! spellings that share the end of the word just read: states all over the
//! table, a cache miss a byte. A spelling is found only on word
//! boundaries, so when every spelling opens with a letter or digit a long
//! list is walked from word starts only, and only from words some spelling
//! opens with ([`FromWordStarts`]), through a contiguous NFA a tenth of the
//! DFA's size. A short list's table is in cache anyway, and one walk of
//! every byte costs less than a look at every word.

use std::ops::Range;

use aho_corasick::StartKind;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous;

use crate::checks::dfa_walk::{self, FromWordStarts, every_match};
use crate::checks::text::{on_word_boundaries, starts_word};

pub enum Spellings {
    /// A DFA walked over every byte: one table lookup a byte.
    Everywhere(DFA),
    /// A long list, walked from word starts only.
    FromWordStarts(FromWordStarts<contiguous::NFA>),
}

/// A list whose contiguous NFA is larger than this would have a DFA of
/// about a megabyte (ten times the size, with the twenty-odd byte classes
/// of names), which no longer fits a core's cache; it is walked from word
/// starts when it can be.
const WALK_FROM_WORD_STARTS_NFA_BYTES: usize = 100 << 10;

impl Spellings {
    pub fn new(patterns: &[String]) -> Result<Spellings, String> {
        let broken = |e: String| format!("cannot compile the name list: {e}");
        // The NFA is quick to build: a short list throws it away.
        if patterns.iter().all(|p| starts_word(p)) {
            let walk = FromWordStarts::build_compact(patterns, false).map_err(broken)?;
            if walk.memory_usage() > WALK_FROM_WORD_STARTS_NFA_BYTES {
                return Ok(Spellings::FromWordStarts(walk));
            }
        }
        dfa_walk::build(patterns, false, StartKind::Unanchored)
            .map(Spellings::Everywhere)
            .map_err(broken)
    }

    /// Whether a long list may have a spelling in `text`, read as written:
    /// false when no spelling opens with a word of it. A short list always
    /// may. Sound only where folding keeps the text's runs of letters and
    /// digits as they are, case aside ([`super::gate::letters_are_ascii`]).
    pub fn may_be_in(&self, text: &str) -> bool {
        match self {
            Spellings::Everywhere(_) => true,
            Spellings::FromWordStarts(walk) => walk.opens_a_word_of(text),
        }
    }

    /// Leftmost-longest matches on word boundaries: `(pattern, range)`.
    pub fn find(&self, folded: &str) -> Vec<(usize, Range<usize>)> {
        let mut candidates: Vec<(usize, Range<usize>)> = Vec::new();
        let mut found = |pattern, r: Range<usize>| {
            if folded.is_char_boundary(r.start)
                && folded.is_char_boundary(r.end)
                && on_word_boundaries(folded, &r)
            {
                candidates.push((pattern, r));
            }
        };
        match self {
            Spellings::Everywhere(dfa) => every_match(dfa, folded.as_bytes(), &mut found),
            Spellings::FromWordStarts(walk) => walk.every_match(folded, &mut found),
        }
        // The walk reports in no particular order; of two spellings found
        // at one place, the one listed first wins.
        candidates.sort_unstable_by_key(|(p, r)| (r.start, std::cmp::Reverse(r.end), *p));
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        for (pattern, range) in candidates {
            if out.last().is_none_or(|(_, last)| range.start >= last.end) {
                out.push((pattern, range));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "lee",
        "lee jae myung",
        "jae",
        "o'brien",
        "ana",
        "anna",
        "ann",
        "é",
    ];

    fn patterns() -> Vec<String> {
        NAMES.iter().copied().map(String::from).collect()
    }

    /// The short list walked from word starts, as a long one would be.
    fn from_word_starts() -> Spellings {
        Spellings::FromWordStarts(FromWordStarts::build_compact(&patterns(), false).unwrap())
    }

    fn walks_from_word_starts(spellings: &Spellings) -> bool {
        matches!(spellings, Spellings::FromWordStarts(_))
    }

    #[test]
    fn only_long_lists_that_open_words_walk_from_word_starts() {
        assert!(!walks_from_word_starts(
            &Spellings::new(&patterns()).unwrap()
        ));
        let long: Vec<String> = (0..2_000).map(|i| format!("given{i} family{i}")).collect();
        assert!(walks_from_word_starts(&Spellings::new(&long).unwrap()));
        let hyphenated: Vec<String> = long.iter().map(|p| format!("-{p}")).collect();
        assert!(!walks_from_word_starts(
            &Spellings::new(&hyphenated).unwrap()
        ));
    }

    proptest::proptest! {
        /// Walking from word starts finds what walking every byte finds.
        #[test]
        fn word_start_walks_find_what_every_byte_walks_find(
            text in "(lee|jae|myung|o'brien|ana|anna|ann|bann|é|[ .,'-]|[a-y]{1,6}){0,30}"
        ) {
            let everywhere = Spellings::new(&patterns()).unwrap();
            proptest::prop_assert!(!walks_from_word_starts(&everywhere));
            proptest::prop_assert_eq!(from_word_starts().find(&text), everywhere.find(&text));
        }
    }
}

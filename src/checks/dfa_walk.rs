//! Walks of Aho-Corasick automata that hand every match to a callback.
//!
//! The crate's overlapping iterator leaves its search loop for each match
//! and resumes from a saved state. The scans here meet a match every few
//! bytes (short phrases such as the prefilter literal "of", house-list
//! surnames inside longer words), so that round trip cost as much as the
//! walk itself. These loops stay in one place and read the transition table
//! directly. Only `MatchKind::Standard` automata qualify: their match states
//! already hold every phrase that ends there, which is what an overlapping
//! search reports.

use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::{Builder, DFA};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind, StartKind};

use super::opening_words::OpeningWords;
use super::text::word_starts;

/// A DFA over `patterns` (none of them empty) for the walks below: every
/// overlapping match reported, no prefilter (the walks never consult one),
/// ASCII case ignored when asked.
pub fn build(
    patterns: &[impl AsRef<[u8]>],
    ascii_case_insensitive: bool,
    start: StartKind,
) -> Result<DFA, String> {
    Builder::new()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ascii_case_insensitive)
        .prefilter(false)
        .start_kind(start)
        .build(patterns)
        .map_err(|e| e.to_string())
}

/// A text whose halves would be shorter than this plus the longest
/// pattern is walked in one piece.
const SPLIT_AT_LEAST: usize = 64;

/// Report every occurrence of every pattern in `haystack`, overlapping
/// ones included, as `(pattern, range)`, in no particular order. `dfa`
/// must have been built with an unanchored start.
///
/// Each step of a walk waits for the table read of the step before, so
/// one walk leaves most of the processor idle. The text is walked as two
/// halves in step, two independent chains of reads. The second half
/// starts early by the longest pattern's length less one, so a match
/// ending in it is seen whole; of its matches, only those ending past the
/// first half are its to report.
pub fn every_match(dfa: &DFA, haystack: &[u8], found: &mut impl FnMut(usize, Range<usize>)) {
    let Ok(start) = dfa.start_state(Anchored::No) else {
        return;
    };
    let overlap = dfa.max_pattern_len().saturating_sub(1);
    let middle = haystack.len() / 2;
    if middle < overlap + SPLIT_AT_LEAST {
        walk_from(dfa, start, haystack, 0, found);
        return;
    }
    let second_start = middle - overlap;
    let (first, second) = (&haystack[..middle], &haystack[second_start..]);
    let (mut one, mut two) = (start, start);
    for (at, (&a, &b)) in first.iter().zip(second).enumerate() {
        one = dfa.next_state(Anchored::No, one, a);
        two = dfa.next_state(Anchored::No, two, b);
        // Without a prefilter only match and dead states are special, and
        // an unanchored search never dies.
        if dfa.is_special(one) {
            report(dfa, one, at + 1, found);
        }
        if dfa.is_special(two) {
            report(dfa, two, second_start + at + 1, &mut |pattern, range| {
                if range.end > middle {
                    found(pattern, range);
                }
            });
        }
    }
    // The second half is longer by the overlap (and an odd byte); its
    // matches there all end past the first half.
    walk_from(dfa, two, haystack, second_start + first.len(), found);
}

/// Walk `haystack[from..]` on from `state`, reporting every match.
fn walk_from(
    dfa: &DFA,
    mut state: StateID,
    haystack: &[u8],
    from: usize,
    found: &mut impl FnMut(usize, Range<usize>),
) {
    for (at, &byte) in haystack[from..].iter().enumerate() {
        state = dfa.next_state(Anchored::No, state, byte);
        if dfa.is_special(state) {
            report(dfa, state, from + at + 1, found);
        }
    }
}

/// An automaton walked from each word start of a text only, anchored,
/// each walk stopping where no pattern goes on, and taken only where some
/// pattern opens with the word found there. For patterns that all open
/// with a letter or digit and are wanted on word boundaries: a match
/// inside a word would be thrown away anyway.
#[derive(Debug)]
pub struct FromWordStarts<A = DFA> {
    automaton: A,
    start: StateID,
    opening_words: OpeningWords,
}

impl FromWordStarts<DFA> {
    /// Over a DFA: one table read a byte.
    pub fn build(
        patterns: &[impl AsRef<[u8]>],
        ascii_case_insensitive: bool,
    ) -> Result<FromWordStarts<DFA>, String> {
        let dfa = build(patterns, ascii_case_insensitive, StartKind::Anchored)?;
        FromWordStarts::over(dfa, patterns)
    }
}

impl FromWordStarts<contiguous::NFA> {
    /// Over a contiguous NFA, a tenth of a DFA's size and quicker to
    /// build, for a long list: the states of one pattern's tail lie side
    /// by side, where a DFA's rows for them would be spread over a table
    /// of megabytes, each a cache miss. An anchored walk of the NFA never
    /// follows its failure links.
    pub fn build_compact(
        patterns: &[impl AsRef<[u8]>],
        ascii_case_insensitive: bool,
    ) -> Result<FromWordStarts<contiguous::NFA>, String> {
        let nfa = contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(ascii_case_insensitive)
            .prefilter(false)
            .build(patterns)
            .map_err(|e| e.to_string())?;
        FromWordStarts::over(nfa, patterns)
    }
}

impl<A: Automaton> FromWordStarts<A> {
    fn over(automaton: A, patterns: &[impl AsRef<[u8]>]) -> Result<FromWordStarts<A>, String> {
        let start = automaton
            .start_state(Anchored::Yes)
            .map_err(|e| e.to_string())?;
        Ok(FromWordStarts {
            automaton,
            start,
            opening_words: OpeningWords::new(patterns),
        })
    }

    pub fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
    }

    /// Whether some pattern opens with a word of `text`, a run of ASCII
    /// letters and digits (ASCII case ignored, eight bytes of each word
    /// compared). When none does, a walk of a text whose letters and
    /// digits are all ASCII finds nothing.
    pub fn opens_a_word_of(&self, text: &str) -> bool {
        self.opening_words.open_a_word_of(text.as_bytes())
    }

    /// Report every occurrence of a pattern that starts a word of `text`,
    /// overlapping ones included, as `(pattern, range)`, by start: every
    /// one that may pass a word-boundary test, and perhaps some that
    /// cannot (a pattern ending inside a longer word).
    pub fn every_match(&self, text: &str, found: &mut impl FnMut(usize, Range<usize>)) {
        let bytes = text.as_bytes();
        for start in word_starts(text) {
            if self.opening_words.may_open(bytes, start) {
                matches_from(&self.automaton, self.start, bytes, start, found);
            }
        }
    }
}

/// Report every pattern that starts at `start` in `haystack`; `state` is
/// the automaton's anchored start.
fn matches_from(
    automaton: &impl Automaton,
    mut state: StateID,
    haystack: &[u8],
    start: usize,
    found: &mut impl FnMut(usize, Range<usize>),
) {
    for (at, &byte) in haystack.iter().enumerate().skip(start) {
        state = automaton.next_state(Anchored::Yes, state, byte);
        if !automaton.is_special(state) {
            continue;
        }
        if automaton.is_dead(state) {
            return;
        }
        // A match state also holds the shorter phrases that end here: only
        // those that start where the walk did are this walk's.
        report(automaton, state, at + 1, &mut |pattern, range| {
            if range.start == start {
                found(pattern, range);
            }
        });
    }
}

/// The matches of `state`, a match state reached at `end`. Kept out of
/// the walk's loop so that loop keeps its few values in registers.
#[inline(never)]
fn report(
    automaton: &impl Automaton,
    state: StateID,
    end: usize,
    found: &mut impl FnMut(usize, Range<usize>),
) {
    for index in 0..automaton.match_len(state) {
        let pattern = automaton.match_pattern(state, index);
        found(
            pattern.as_usize(),
            end - automaton.pattern_len(pattern)..end,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasickBuilder;

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec!["a", "ab", "B", "abc", "bc", "c", "é", " ", "x"]);
        // Long enough, at times, to be walked as two halves.
        prop::collection::vec(piece, 0..120).prop_map(|parts| parts.concat())
    }

    const PATTERNS: &[&str] = &["a", "ab", "abc", "bc", "b", "é", "cab"];

    proptest::proptest! {
        /// The hand walk reports what the crate's overlapping search does.
        #[test]
        fn every_match_is_the_crates_overlapping_search(text in text(), fold in proptest::bool::ANY) {
            let dfa = build(PATTERNS, fold, StartKind::Unanchored).unwrap();
            let mut walked = Vec::new();
            every_match(&dfa, text.as_bytes(), &mut |p, r| walked.push((p, r)));
            let reference = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(fold)
                .build(PATTERNS)
                .unwrap();
            let mut expected: Vec<(usize, Range<usize>)> = reference
                .find_overlapping_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.range()))
                .collect();
            let order = |(p, r): &(usize, Range<usize>)| (r.end, r.start, *p);
            walked.sort_by_key(order);
            expected.sort_by_key(order);
            proptest::prop_assert_eq!(walked, expected);
        }

        /// An anchored walk from each offset finds exactly the overlapping
        /// matches that start there.
        #[test]
        fn matches_from_finds_the_matches_starting_there(text in text()) {
            let anchored = build(PATTERNS, true, StartKind::Anchored).unwrap();
            let start = anchored.start_state(Anchored::Yes).unwrap();
            let everywhere = build(PATTERNS, true, StartKind::Unanchored).unwrap();
            let mut all = Vec::new();
            every_match(&everywhere, text.as_bytes(), &mut |p, r| all.push((p, r)));
            let compact = contiguous::Builder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                .build(PATTERNS)
                .unwrap();
            let compact_start = compact.start_state(Anchored::Yes).unwrap();
            for at in 0..text.len() {
                let mut walked = Vec::new();
                matches_from(&anchored, start, text.as_bytes(), at, &mut |p, r| walked.push((p, r)));
                let mut walked_compact = Vec::new();
                matches_from(&compact, compact_start, text.as_bytes(), at, &mut |p, r| walked_compact.push((p, r)));
                let mut expected: Vec<_> = all.iter().filter(|(_, r)| r.start == at).cloned().collect();
                walked.sort_by_key(|(p, r)| (r.end, *p));
                walked_compact.sort_by_key(|(p, r)| (r.end, *p));
                expected.sort_by_key(|(p, r)| (r.end, *p));
                proptest::prop_assert_eq!(&walked, &expected);
                proptest::prop_assert_eq!(walked_compact, expected);
            }
        }
    }
}

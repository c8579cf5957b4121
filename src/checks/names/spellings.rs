//! Every spelling of every house-list entry in one automaton over folded
//! text.
//!
//! The automaton is searched with no prefilter: a prefilter makes a short
//! list fast by skipping text that cannot start any of its few spellings,
//! and a long list slow by comparison, so the cost per byte would grow with
//! the list. Without it the cost per byte is one walk of the automaton
//! whatever the list's length, which is what a newsroom with thousands of
//! names needs to rely on.

use std::ops::Range;

use aho_corasick::StartKind;
use aho_corasick::dfa::DFA;

use crate::checks::dfa_walk::{self, every_match};
use crate::checks::text::on_word_boundaries;

/// A DFA: one table lookup a byte, the fastest walk whatever the list's
/// length. A 5,000-entry list costs about 60 ms more to build than as a
/// contiguous NFA and 20 MB more memory, and checks faster.
pub struct Spellings {
    automaton: DFA,
}

impl Spellings {
    pub fn new(patterns: &[String]) -> Result<Spellings, String> {
        let automaton = dfa_walk::build(patterns, false, StartKind::Unanchored)
            .map_err(|e| format!("cannot compile the name list: {e}"))?;
        Ok(Spellings { automaton })
    }

    /// Leftmost-longest matches on word boundaries: `(pattern, range)`.
    pub fn find(&self, folded: &str) -> Vec<(usize, Range<usize>)> {
        let mut candidates: Vec<(usize, Range<usize>)> = Vec::new();
        every_match(&self.automaton, folded.as_bytes(), &mut |pattern, r| {
            if folded.is_char_boundary(r.start)
                && folded.is_char_boundary(r.end)
                && on_word_boundaries(folded, &r)
            {
                candidates.push((pattern, r));
            }
        });
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

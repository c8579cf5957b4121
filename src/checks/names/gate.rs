//! Which blocks of an article can hold a spelling of the house list, told
//! from the engine's shared phrase pass instead of folding every block.
//!
//! Folding a block and walking the list's automaton over it costs about as
//! much as the rest of the names kind, and most blocks name nobody on the
//! list. A spelling's folded form is lower case ASCII wherever the text's
//! letters are ASCII, so in a block whose letters and digits are all ASCII
//! (curly quotes and dashes do not count) every match of a spelling holds,
//! in the text as written and ASCII case aside, each run of letters and
//! digits of that spelling: "myung" of "lee jae myung" is in "Lee
//! Jae-myung" and "LEE JAE MYUNG". One such run a spelling, the longest, is
//! a literal of the shared pass, which says in which blocks any of them
//! occurs; the other blocks with ASCII letters are skipped. A block with a
//! letter outside ASCII ("Lée", "Jae\u{301}") is always folded and read.
//!
//! A long list has no literals in the pass (they would be in most blocks
//! and swell its automaton). It is walked from the word starts of the fold
//! where a spelling opens with the word found there ([`super::spellings`]),
//! and in a block of ASCII letters those words are the text's own, ASCII
//! case aside: folding neither joins nor splits a run of letters and
//! digits. So a block none of whose words opens a spelling is skipped
//! before it is folded.

use super::fold::is_combining_mark;
use crate::checks::swar;
use crate::checks::text::{PhraseSet, is_alphanumeric};

/// A run shorter than this is in too many blocks to skip any.
const MIN_LITERAL_CHARS: usize = 3;

/// Above this many literals the list is long enough that its literals are
/// in most blocks, and they would swell the shared automaton (every rule's
/// literals in one DFA) for nothing: a long list skips blocks by the words
/// its spellings open with instead (see the module's doc).
const MAX_LITERALS: usize = 256;

/// The literals for `patterns` (folded spellings): the longest run of ASCII
/// letters and digits of each spelling that needs one; `None` when some
/// spelling has no run long enough, or the list too many.
pub fn literals(patterns: &[String]) -> Option<PhraseSet> {
    let mut literals: Vec<&str> = Vec::new();
    for pattern in patterns {
        // A letter outside ASCII is matched only in blocks that are always
        // read.
        if pattern.chars().any(|c| !c.is_ascii() && is_alphanumeric(c)) {
            continue;
        }
        let longest = pattern
            .split(|c: char| !c.is_ascii_alphanumeric())
            .max_by_key(|run| run.len())?;
        if longest.len() < MIN_LITERAL_CHARS {
            return None;
        }
        literals.push(longest);
    }
    literals.sort_unstable();
    literals.dedup();
    if literals.len() > MAX_LITERALS {
        return None;
    }
    // With no literal at all (every spelling in another script), no block
    // of ASCII letters is read.
    PhraseSet::new(&literals, true, false).ok()
}

/// Whether every letter and digit of `text` is ASCII and no combining mark
/// is in it: then its fold changes letters only in case and neither joins
/// nor splits a run of them, so a spelling found in the fold has its runs
/// in `text`.
pub fn letters_are_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        // Eight bytes at a time to the next byte outside ASCII.
        while let Some(chunk) = swar::load(bytes, at) {
            let outside = swar::not_ascii(chunk);
            if outside != 0 {
                at += swar::first(outside);
                break;
            }
            at += 8;
        }
        let Some(&byte) = bytes.get(at) else {
            return true;
        };
        if byte.is_ascii() {
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        if is_alphanumeric(c) || is_combining_mark(c) {
            return false;
        }
        at += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::strings;

    #[test]
    fn each_spelling_gives_its_longest_ascii_run() {
        let set = literals(&strings(&["lee jae myung", "o'brien", "bin salman"])).unwrap();
        assert_eq!(set.phrases(), ["brien", "myung", "salman"]);
        // A spelling written in another script needs none.
        let set = literals(&strings(&["μητσοτάκης", "xi jinping"])).unwrap();
        assert_eq!(set.phrases(), ["jinping"]);
    }

    #[test]
    fn short_runs_and_long_lists_turn_the_gate_off() {
        assert!(literals(&strings(&["li yi"])).is_none());
        let long: Vec<String> = (0..=MAX_LITERALS).map(|n| format!("name{n:04}")).collect();
        assert!(literals(&long).is_none());
    }

    #[test]
    fn letters_outside_ascii_are_told_from_punctuation() {
        assert!(letters_are_ascii(
            "“Lee Jae-myung’s visit”— said the office…"
        ));
        assert!(letters_are_ascii("plain ascii, longer than eight bytes"));
        assert!(!letters_are_ascii(
            "a long enough run of plain text, then Lée"
        ));
        assert!(!letters_are_ascii("Jae\u{301}"));
        assert!(!letters_are_ascii("\u{212A}elvin"));
        assert!(!letters_are_ascii("ſam"));
    }
}

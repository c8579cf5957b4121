//! One pass over an article's prose for the literal phrases of every rule.
//!
//! Each phrase-list rule used to run its own automaton over the whole
//! article; with a dozen list rules, that was a dozen scans of every byte.
//! The engine instead merges every rule's phrase sets (and the literals that
//! prefilter their regexes, see [`super::regex_literals`]) into one
//! automaton, scans the prose once, and hands each set the places where one
//! of its phrases occurs. Each set then picks its own matches from those
//! candidates ([`PhraseSet::select`]) exactly as it would have from its own
//! scan, with its own case and word-boundary settings.

use std::ops::Range;

use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, StartKind};
use foldhash::{HashMap, HashMapExt};

use super::Check;
use super::dfa_walk::{self, FromWordStarts, every_match};
use super::text::{PhraseSet, starts_word};

/// Above this many bytes of phrases, the automaton is left to choose a
/// representation smaller than a full DFA (and searched the crate's way).
const DFA_PHRASE_BYTES: usize = 64 * 1024;

/// Candidate matches of one set: (phrase index, byte range), any order.
pub type Candidates = Vec<(usize, Range<usize>)>;

/// Where a distinct phrase belongs: a set (by its place in the list the
/// automaton was built from) and its index there.
#[derive(Debug, Clone, Copy)]
struct Owner {
    set: usize,
    phrase: usize,
}

/// Several phrase sets in one automaton, so one scan of a text finds the
/// candidates of all of them.
#[derive(Debug, Default)]
pub struct MergedSets {
    automaton: Option<Searcher>,
    /// By automaton pattern: every set phrase that reads the same once
    /// ASCII case is ignored.
    owners: Vec<Vec<Owner>>,
    sets: usize,
}

impl MergedSets {
    pub fn new<'s>(sets: impl IntoIterator<Item = &'s PhraseSet>) -> MergedSets {
        let mut merged = MergedSets::default();
        let mut keys: Vec<String> = Vec::new();
        let mut key_index: HashMap<String, usize> = HashMap::new();
        let mut whole_words_only = true;
        for (index, set) in sets.into_iter().enumerate() {
            merged.sets = index + 1;
            whole_words_only &= set.whole_words();
            for (phrase, text) in set.phrases().iter().enumerate() {
                let key = text.to_ascii_lowercase();
                let at = *key_index.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    merged.owners.push(Vec::new());
                    keys.len() - 1
                });
                merged.owners[at].push(Owner { set: index, phrase });
            }
        }
        if keys.is_empty() {
            return merged;
        }
        let bytes: usize = keys.iter().map(String::len).sum();
        let small = bytes <= DFA_PHRASE_BYTES;
        // Each set's phrases were accepted on their own, so the merged
        // automaton builds; if it ever did not, every set searches alone.
        merged.automaton = if !small {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&keys)
                .ok()
                .map(Searcher::Large)
        } else if whole_words_only && keys.iter().all(|k| starts_word(k)) {
            FromWordStarts::build(&keys, true)
                .ok()
                .map(|walk| Searcher::AtWordStarts(Box::new(walk)))
        } else {
            dfa_walk::build(&keys, true, StartKind::Unanchored)
                .ok()
                .map(|dfa| Searcher::Everywhere(Box::new(dfa)))
        };
        merged
    }

    /// Every place in `text` where a phrase of a set occurs (ASCII case
    /// ignored), by set in the order given to [`MergedSets::new`]; `None`
    /// when the sets could not be merged.
    pub fn scan(&self, text: &str) -> Option<Vec<Candidates>> {
        let mut by_set = Vec::new();
        self.scan_into(text, &mut by_set).then_some(by_set)
    }

    /// [`MergedSets::scan`] into `by_set`, whose lists are emptied first
    /// and keep their room: a caller scanning many short texts allocates
    /// once. False when the sets could not be merged.
    pub fn scan_into(&self, text: &str, by_set: &mut Vec<Candidates>) -> bool {
        let Some(automaton) = self.automaton.as_ref() else {
            return false;
        };
        by_set.resize_with(self.sets, Vec::new);
        by_set.iter_mut().for_each(Vec::clear);
        let mut found = |pattern: usize, range: Range<usize>| {
            for owner in &self.owners[pattern] {
                by_set[owner.set].push((owner.phrase, range.clone()));
            }
        };
        match automaton {
            Searcher::Everywhere(dfa) => every_match(dfa, text.as_bytes(), &mut found),
            Searcher::Large(automaton) => {
                for m in automaton.find_overlapping_iter(text) {
                    found(m.pattern().as_usize(), m.range());
                }
            }
            Searcher::AtWordStarts(walk) => walk.every_match(text, &mut found),
        }
        true
    }
}

/// How [`MergedSets`] finds its phrases.
#[derive(Debug)]
enum Searcher {
    /// Every occurrence anywhere, overlapping.
    Everywhere(Box<DFA>),
    /// Every occurrence that starts a word. When every set wants whole
    /// words and every phrase opens with a letter or digit, a match inside
    /// a word would be thrown away anyway; short lists such as the speakers
    /// "he" and "it" occur inside most words, so walking the automaton only
    /// from word starts saves reporting (and rejecting) them.
    AtWordStarts(Box<FromWordStarts>),
    /// Every occurrence anywhere, in an automaton too large for a DFA.
    Large(AhoCorasick),
}

/// The merged automaton of every registered phrase set.
#[derive(Debug, Default)]
pub struct PhrasePass {
    merged: MergedSets,
    /// Registered sets by address: a check's sets live as long as the
    /// check, which the engine owns and never moves out of its box. Asked
    /// several times per rule per article: a fast hash, not SipHash.
    slots: HashMap<usize, usize>,
}

/// Candidates for each registered set in one article.
#[derive(Debug, Default)]
pub struct PassHits {
    by_slot: Vec<Candidates>,
}

fn address(set: &PhraseSet) -> usize {
    std::ptr::from_ref(set) as usize
}

impl PhrasePass {
    /// Merge the phrase sets of `checks`.
    pub fn build(checks: &[Box<dyn Check>]) -> PhrasePass {
        let sets: Vec<&PhraseSet> = checks.iter().flat_map(|c| c.phrase_sets()).collect();
        let slots = sets
            .iter()
            .enumerate()
            .map(|(slot, set)| (address(set), slot))
            .collect();
        PhrasePass {
            merged: MergedSets::new(sets),
            slots,
        }
    }

    /// Every place in `text` where a registered phrase occurs (ASCII case
    /// ignored), grouped by set.
    pub fn scan(&self, text: &str) -> Option<PassHits> {
        self.merged.scan(text).map(|by_slot| PassHits { by_slot })
    }

    /// `set`'s candidates in `hits`, if `set` was registered.
    pub fn candidates<'h>(
        &self,
        hits: &'h PassHits,
        set: &PhraseSet,
    ) -> Option<&'h [(usize, Range<usize>)]> {
        let slot = *self.slots.get(&address(set))?;
        hits.by_slot.get(slot).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASES: &[&str] = &[
        "he",
        "it",
        "i",
        "said",
        "said to",
        "according to",
        "señor",
        "9 to 5",
    ];

    fn soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "he",
            "HE",
            "the",
            "it",
            "hit",
            "i",
            "I",
            "said",
            "Said to",
            "to",
            "according",
            "señor",
            "Ésaid",
            "é",
            "9",
            "5",
            "x",
        ]);
        let glue = prop::sample::select(vec![" ", "", "-", "'", "\n", ", ", "é", "“"]);
        prop::collection::vec((piece, glue), 0..30)
            .prop_map(|parts| parts.into_iter().map(|(p, g)| format!("{p}{g}")).collect())
    }

    #[test]
    fn whole_word_sets_are_searched_from_word_starts() {
        let set = PhraseSet::new(PHRASES, true, true).unwrap();
        let merged = MergedSets::new([&set]);
        assert!(matches!(merged.automaton, Some(Searcher::AtWordStarts(..))));
        let loose = PhraseSet::new(PHRASES, true, false).unwrap();
        let mixed = MergedSets::new([&set, &loose]);
        assert!(matches!(mixed.automaton, Some(Searcher::Everywhere(..))));
    }

    proptest::proptest! {
        /// Walking from word starts only finds what a rule's own search does.
        #[test]
        fn word_start_walk_finds_what_the_set_finds(text in soup()) {
            let set = PhraseSet::new(PHRASES, true, true).unwrap();
            let merged = MergedSets::new([&set]);
            let mut by_set = merged.scan(&text).unwrap();
            let mut candidates = by_set.pop().unwrap();
            proptest::prop_assert_eq!(set.select(&text, &mut candidates), set.find(&text));
        }

        /// A set finds something exactly when some candidate passes its tests.
        #[test]
        fn any_accepted_candidate_means_a_match(text in soup(), whole_words in proptest::bool::ANY) {
            let set = PhraseSet::new(PHRASES, false, whole_words).unwrap();
            let loose = PhraseSet::new(&["e"], true, false).unwrap();
            let merged = MergedSets::new([&set, &loose]);
            let mut candidates = merged.scan(&text).unwrap().swap_remove(0);
            proptest::prop_assert_eq!(
                set.any_accepted(&text, &candidates),
                !set.select(&text, &mut candidates).is_empty()
            );
        }
    }
}

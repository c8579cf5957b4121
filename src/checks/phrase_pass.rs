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

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::Check;
use super::text::PhraseSet;

/// Above this many bytes of phrases, the automaton is left to choose a
/// representation smaller than a full DFA.
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
    automaton: Option<AhoCorasick>,
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
        for (index, set) in sets.into_iter().enumerate() {
            merged.sets = index + 1;
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
        let kind = (bytes <= DFA_PHRASE_BYTES).then_some(AhoCorasickKind::DFA);
        // Each set's phrases were accepted on their own, so the merged
        // automaton builds; if it ever did not, every set searches alone.
        merged.automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .build(&keys)
            .ok();
        merged
    }

    /// Every place in `text` where a phrase of a set occurs (ASCII case
    /// ignored), by set in the order given to [`MergedSets::new`]; `None`
    /// when the sets could not be merged.
    pub fn scan(&self, text: &str) -> Option<Vec<Candidates>> {
        let automaton = self.automaton.as_ref()?;
        let mut by_set = vec![Vec::new(); self.sets];
        for found in automaton.find_overlapping_iter(text) {
            for owner in &self.owners[found.pattern().as_usize()] {
                by_set[owner.set].push((owner.phrase, found.range()));
            }
        }
        Some(by_set)
    }
}

/// The merged automaton of every registered phrase set.
#[derive(Debug, Default)]
pub struct PhrasePass {
    merged: MergedSets,
    /// Registered sets by address: a check's sets live as long as the
    /// check, which the engine owns and never moves out of its box.
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

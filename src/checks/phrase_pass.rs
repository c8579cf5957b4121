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

/// Where a distinct phrase belongs: a set (by slot) and its index there.
#[derive(Debug, Clone, Copy)]
struct Owner {
    slot: usize,
    phrase: usize,
}

/// The merged automaton of every registered phrase set.
#[derive(Debug, Default)]
pub struct PhrasePass {
    automaton: Option<AhoCorasick>,
    /// By automaton pattern: every set phrase that reads the same once
    /// ASCII case is ignored.
    owners: Vec<Vec<Owner>>,
    /// Registered sets by address: a check's sets live as long as the
    /// check, which the engine owns and never moves out of its box.
    slots: HashMap<usize, usize>,
}

/// Candidates for each registered set in one article.
#[derive(Debug, Default)]
pub struct PassHits {
    by_slot: Vec<Vec<(usize, Range<usize>)>>,
}

fn address(set: &PhraseSet) -> usize {
    std::ptr::from_ref(set) as usize
}

impl PhrasePass {
    /// Merge the phrase sets of `checks`.
    pub fn build(checks: &[Box<dyn Check>]) -> PhrasePass {
        let mut pass = PhrasePass::default();
        let mut keys: Vec<String> = Vec::new();
        let mut key_index: HashMap<String, usize> = HashMap::new();
        for set in checks.iter().flat_map(|c| c.phrase_sets()) {
            let slot = pass.slots.len();
            pass.slots.insert(address(set), slot);
            for (phrase, text) in set.phrases().iter().enumerate() {
                let key = text.to_ascii_lowercase();
                let index = *key_index.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    pass.owners.push(Vec::new());
                    keys.len() - 1
                });
                pass.owners[index].push(Owner { slot, phrase });
            }
        }
        if keys.is_empty() {
            return pass;
        }
        let bytes: usize = keys.iter().map(String::len).sum();
        let kind = (bytes <= DFA_PHRASE_BYTES).then_some(AhoCorasickKind::DFA);
        // Phrases were accepted one set at a time, so the merged automaton
        // builds; if it ever did not, every set searches alone.
        pass.automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .build(&keys)
            .ok();
        pass
    }

    /// Every place in `text` where a registered phrase occurs (ASCII case
    /// ignored), grouped by set.
    pub fn scan(&self, text: &str) -> Option<PassHits> {
        let automaton = self.automaton.as_ref()?;
        let mut hits = PassHits {
            by_slot: vec![Vec::new(); self.slots.len()],
        };
        for found in automaton.find_overlapping_iter(text) {
            for owner in &self.owners[found.pattern().as_usize()] {
                hits.by_slot[owner.slot].push((owner.phrase, found.range()));
            }
        }
        Some(hits)
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

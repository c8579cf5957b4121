//! What the checks share about one article during one run: the document,
//! the engine's single phrase pass over its prose, and analyses that
//! several kinds read (the paired quotation marks), made once on first use.

use std::any::{Any, TypeId};
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use foldhash::{HashMap, HashSet};

use super::Check;
use super::names::fold::fold_word;
use super::names::tokens::{self, Run, Word};
use super::phrase_pass::{PassHits, PhrasePass};
use super::quotes::ArticleQuotes;
use super::text::PhraseSet;
use super::word_list::Bits;
use crate::document::span::Span;
use crate::document::{Block, Document};

/// Articles up to this size keep their words for every check that reads
/// them; longer ones are tokenized by each check as it goes, so a 50 MB
/// export never holds all its words at once.
const WORD_CACHE_BYTES: usize = 1 << 20;

/// An analysis of every block of an article in one buffer (one allocation
/// an article, not one a block): block `i`'s share ends at `ends[i]`.
struct PerBlock<T> {
    items: Vec<T>,
    ends: Vec<usize>,
}

impl<T> PerBlock<T> {
    fn block(&self, index: usize) -> &[T] {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.items[start..self.ends[index]]
    }
}

pub struct Context<'d> {
    pub doc: &'d Document,
    shared: Option<(&'d PhrasePass, PassHits)>,
    quotes: OnceCell<ArticleQuotes<'d>>,
    /// Each block's words, when the article is small enough to keep them.
    words: OnceCell<Option<PerBlock<Word<'d>>>>,
    /// Each block's runs of name words, kept like `words`.
    runs: OnceCell<Option<PerBlock<Run>>>,
    /// What rules of one kind computed for each other (see `memo`).
    memo: RefCell<HashMap<(TypeId, u64), Rc<dyn Any>>>,
    /// Every rule checking the article, for what one settles for all.
    rules: &'d [Box<dyn Check>],
    settled_names: OnceCell<Vec<Span>>,
}

impl<'d> Context<'d> {
    /// A context in which every phrase set searches the prose itself: for a
    /// check run on its own (rule self-tests, unit tests).
    pub fn new(doc: &'d Document) -> Context<'d> {
        Context {
            doc,
            shared: None,
            quotes: OnceCell::new(),
            words: OnceCell::new(),
            runs: OnceCell::new(),
            memo: RefCell::default(),
            rules: &[],
            settled_names: OnceCell::new(),
        }
    }

    /// A context whose phrase sets take their candidates from one scan of
    /// `pass` over the prose.
    pub fn with_pass(doc: &'d Document, pass: &'d PhrasePass) -> Context<'d> {
        let shared = pass.scan(&doc.prose().text).map(|hits| (pass, hits));
        Context {
            shared,
            ..Context::new(doc)
        }
    }

    /// The same context, knowing the `rules` that check the article with
    /// it: what one of them settles binds the others
    /// ([`Context::settled_names`]).
    pub fn among(self, rules: &'d [Box<dyn Check>]) -> Context<'d> {
        Context { rules, ..self }
    }

    /// The spans, in source order, where a house list finds a name spelled
    /// its way ([`Check::settled_names`]); none for a rule run on its own.
    pub fn settled_names(&self) -> &[Span] {
        self.settled_names.get_or_init(|| {
            let mut all: Vec<Span> = self
                .rules
                .iter()
                .flat_map(|rule| rule.settled_names(self))
                .collect();
            all.sort_unstable_by_key(|s| (s.start, s.end));
            all
        })
    }

    /// `set`'s matches in the joined prose ([`Document::prose`]): the same
    /// as `set.find(&doc.prose().text)`, from the shared pass when `set` is
    /// part of it.
    pub fn phrases(&self, set: &PhraseSet) -> Vec<(usize, Range<usize>)> {
        let text = &self.doc.prose().text;
        match self.candidates(set) {
            Some(candidates) => set.select(text, &mut candidates.to_vec()),
            None => set.find(text),
        }
    }

    /// True when `set` matches anywhere in the prose.
    pub fn any_phrase(&self, set: &PhraseSet) -> bool {
        let text = &self.doc.prose().text;
        match self.candidates(set) {
            Some(candidates) => set.any_accepted(text, candidates),
            None => !set.find(text).is_empty(),
        }
    }

    /// The blocks in which `set` occurs (any occurrence, overlapping ones
    /// included), in order, from the shared pass; `None` when `set` is not
    /// part of one.
    pub fn blocks_with_phrase(&self, set: &PhraseSet) -> Option<Vec<usize>> {
        let candidates = self.candidates(set)?;
        let prose = self.doc.prose();
        let mut blocks: Vec<usize> = set
            .accepted(&prose.text, candidates)
            .filter_map(|range| prose.locate(range.clone()).map(|(block, _)| block))
            .collect();
        blocks.sort_unstable();
        blocks.dedup();
        Some(blocks)
    }

    /// `set`'s candidates from the shared pass, when it is part of one.
    fn candidates(&self, set: &PhraseSet) -> Option<&[(usize, Range<usize>)]> {
        self.shared
            .as_ref()
            .and_then(|(pass, hits)| pass.candidates(hits, set))
    }

    /// `make()`, made once per article for every rule that asks with the
    /// same `key`: two rules of one kind reading the article the same way
    /// (the `dates` rules share their tables) share the reading.
    pub fn memo<T: Any>(&self, key: u64, make: impl FnOnce() -> T) -> Rc<T> {
        let slot = (TypeId::of::<T>(), key);
        if let Some(found) = self.memo.borrow().get(&slot)
            && let Ok(found) = Rc::clone(found).downcast::<T>()
        {
            return found;
        }
        let made = Rc::new(make());
        self.memo
            .borrow_mut()
            .insert(slot, Rc::clone(&made) as Rc<dyn Any>);
        made
    }

    /// The words of block `index` as the names kinds read them
    /// ([`tokens::words_into`]), tokenized once per article.
    pub fn block_words(&self, index: usize) -> Cow<'_, [Word<'d>]> {
        let doc = self.doc;
        // Room for every block's words at once: grown block by block, the
        // buffer would be copied several times over.
        let room = || doc.blocks.iter().map(|b| b.text().len() / 4 + 1).sum();
        self.per_block(&self.words, index, room, |i, out| {
            tokens::words_into(&doc.blocks[i], out);
        })
    }

    /// The words of block `index` ([`Context::block_words`]) and the runs
    /// of name words among them ([`tokens::runs_into`]), found once per
    /// article for the names kinds that read them. In an article too long
    /// to keep its words, the runs are found in the words just read: asked
    /// for on their own, they would read the block's words a second time.
    pub fn block_words_and_runs(&self, index: usize) -> (Cow<'_, [Word<'d>]>, Cow<'_, [Run]>) {
        let words = self.block_words(index);
        let runs = match &words {
            Cow::Borrowed(_) => self.block_runs(index),
            Cow::Owned(words) => {
                let mut runs = Vec::new();
                tokens::runs_into(words, self.doc.blocks[index].text(), &mut runs);
                Cow::Owned(runs)
            }
        };
        (words, runs)
    }

    /// The runs of name words in block `index`, kept like its words.
    fn block_runs(&self, index: usize) -> Cow<'_, [Run]> {
        let doc = self.doc;
        self.per_block(
            &self.runs,
            index,
            || tokens::room_for_runs(doc.source.len()),
            |i, out| {
                tokens::runs_into(&self.block_words(i), doc.blocks[i].text(), out);
            },
        )
    }

    /// Block `index`'s share of an analysis made block by block: made for
    /// every block at once into one buffer of `room()` items to start with,
    /// and kept in `kept`, when the article is small enough; made for that
    /// block alone on each call otherwise.
    fn per_block<'s, T: Clone>(
        &'s self,
        kept: &'s OnceCell<Option<PerBlock<T>>>,
        index: usize,
        room: impl Fn() -> usize,
        make: impl Fn(usize, &mut Vec<T>),
    ) -> Cow<'s, [T]> {
        let all = kept.get_or_init(|| {
            (self.doc.source.len() <= WORD_CACHE_BYTES).then(|| {
                let mut items = Vec::with_capacity(room());
                let ends = (0..self.doc.blocks.len())
                    .map(|i| {
                        make(i, &mut items);
                        items.len()
                    })
                    .collect();
                PerBlock { items, ends }
            })
        });
        match all {
            Some(all) => Cow::Borrowed(all.block(index)),
            None => {
                let mut items = Vec::new();
                make(index, &mut items);
                Cow::Owned(items)
            }
        }
    }

    /// The keys among `keys` (folded words) that the article also writes as
    /// a lower-case word in a block `include` accepts: ordinary words
    /// ("Police" opening a sentence, "police" elsewhere), not names. The
    /// names kinds ask this about a few candidates, so only those are
    /// hashed, never every word.
    pub fn written_in_lower_case<'k>(
        &self,
        keys: &HashSet<&'k str>,
        include: impl Fn(&Block) -> bool,
    ) -> HashSet<&'k str> {
        let mut found = HashSet::default();
        if keys.is_empty() {
            return found;
        }
        let ascii_keys = AsciiKeys::new(keys);
        for (index, block) in self.doc.blocks.iter().enumerate() {
            if !include(block) {
                continue;
            }
            for word in self.block_words(index).iter() {
                let lower_case = if word.ascii {
                    let bytes = word.text.as_bytes();
                    bytes[0].is_ascii_lowercase() && ascii_keys.may_hold(bytes)
                } else {
                    word.text.chars().next().is_some_and(char::is_lowercase)
                };
                if lower_case && let Some(key) = keys.get(fold_word(word.text).as_ref()) {
                    found.insert(*key);
                }
            }
        }
        found
    }

    /// The article's quotation marks, paired.
    pub fn quotes(&self) -> &ArticleQuotes<'d> {
        self.quotes.get_or_init(|| ArticleQuotes::of(self.doc))
    }
}

/// The first letters and lengths of a set of folded keys, as bits: most
/// words of an article are turned away on those before being hashed. An
/// ASCII word folds to a word of its own length and first letter (lower
/// case), so the test is exact for ASCII words; others skip it.
struct AsciiKeys(Bits<16>);

impl AsciiKeys {
    fn new(keys: &HashSet<&str>) -> AsciiKeys {
        let mut bits = Bits::new();
        for key in keys {
            bits.insert(AsciiKeys::bit(key.as_bytes()));
        }
        AsciiKeys(bits)
    }

    fn bit(word: &[u8]) -> usize {
        let first = usize::from(word.first().copied().unwrap_or(0) & 31);
        first * 32 + word.len().min(31)
    }

    fn may_hold(&self, word: &[u8]) -> bool {
        self.0.contains(AsciiKeys::bit(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, ReadOptions};

    #[test]
    fn memo_makes_once_per_key_and_type() {
        let doc = Document::parse("t", "x".into(), Format::Snippet, &ReadOptions::default());
        let cx = Context::new(&doc);
        let mut made = 0;
        let first = cx.memo(7, || {
            made += 1;
            vec![1u8]
        });
        let again = cx.memo(7, || {
            made += 1;
            vec![2u8]
        });
        assert_eq!(
            (made, first, again),
            (1, Rc::new(vec![1]), Rc::new(vec![1]))
        );
        // Another type under the same key, and another key, are their own.
        assert_eq!(*cx.memo(7, || "text"), "text");
        assert_eq!(*cx.memo(8, || vec![3u8]), vec![3]);
    }

    #[test]
    fn block_words_are_the_tokenizers_kept_or_not() {
        let small = "Headline\n\nMayor Ewa Kowalczyk said so.\n\nKowalczyk left.\n".to_string();
        let large = small.repeat(WORD_CACHE_BYTES / small.len() + 1);
        for text in [small, large] {
            let doc = Document::parse("t.txt", text, Format::Text, &ReadOptions::default());
            let cx = Context::new(&doc);
            for (index, block) in doc.blocks.iter().enumerate() {
                let (words, runs) = cx.block_words_and_runs(index);
                let kept: Vec<_> = words.iter().map(Word::range).collect();
                let fresh: Vec<_> = tokens::words(block).iter().map(Word::range).collect();
                assert_eq!(kept, fresh);
                let kept: Vec<_> = runs.iter().map(|r| r.words.clone()).collect();
                let fresh: Vec<_> = tokens::runs(&tokens::words(block), block.text())
                    .iter()
                    .map(|r| r.words.clone())
                    .collect();
                assert_eq!(kept, fresh);
            }
        }
    }

    #[test]
    fn lower_case_uses_are_found_whatever_their_script_or_length() {
        let text = "Police said the park was busy. Park officials and the police agreed. \
                    Zoë Ward met the señora and a long-serving Ward-level clerk. Ballots were \
                    counted.";
        let doc = Document::parse("t.txt", text.into(), Format::Text, &ReadOptions::default());
        let cx = Context::new(&doc);
        let keys: HashSet<&str> = [
            "police",
            "park",
            "senora",
            "zoe",
            "ward",
            "long serving",
            "ballots",
        ]
        .into_iter()
        .collect();
        let mut found: Vec<&str> = cx
            .written_in_lower_case(&keys, |_| true)
            .into_iter()
            .collect();
        found.sort_unstable();
        assert_eq!(found, ["long serving", "park", "police", "senora"]);
    }
}

//! Every place an article names someone or something, as the consistency
//! check compares them: single name words and runs of two to four words.

use std::collections::HashSet;
use std::ops::Range;

use crate::checks::names::fold::{fold, joined_key};
use crate::checks::names::tokens::{self, Shape, Word};
use crate::document::{BlockKind, Document};

/// Longest run of words compared as one name.
const MAX_WORDS: usize = 4;

#[derive(Debug, Clone)]
pub struct Mention {
    pub block: usize,
    /// Range in the block's text.
    pub range: Range<usize>,
    /// Its words joined by single spaces, apostrophes straightened.
    pub surface: String,
    /// Folded, with no spaces or hyphens: equal keys are the same name
    /// spelled with other case, accents, hyphens or spacing.
    pub key: String,
    /// Name words in it (a hyphenated word counts once).
    pub words: usize,
    /// Folded keys of its words, for order swaps of two-word names.
    pub word_keys: Vec<String>,
    /// Its first word opens a sentence or sits in a title-case line.
    pub initial: bool,
    /// In a headline or subhead, where capitals are title case.
    pub title_case: bool,
    /// Part of a full reference: a run of two or more names, or after a title.
    pub full: bool,
    /// The word (name, initial or particle) before / after it in its run:
    /// "Delta Air Lines" and "American Airlines" are two companies.
    pub lead: Option<String>,
    pub trail: Option<String>,
    /// The mention is its whole run: no other name word next to it.
    pub whole_run: bool,
    /// Its run is plainly a person's name (titled, or next to "said").
    pub person: bool,
    /// The title or role word before its run ("mayor", "sen").
    pub title: Option<String>,
}

impl Mention {
    /// Document order.
    pub fn position(&self) -> (usize, usize) {
        (self.block, self.range.start)
    }
}

/// All mentions in `doc`, in document order, and the set of words the
/// article also uses in lower case (ordinary words, not names).
pub fn collect(doc: &Document) -> (Vec<Mention>, HashSet<String>) {
    let mut mentions = Vec::new();
    let mut lower_words = HashSet::new();
    for (block_index, block) in doc.blocks.iter().enumerate() {
        let text = block.text();
        let words = tokens::words(block);
        for word in &words {
            if word.text.chars().next().is_some_and(char::is_lowercase) {
                lower_words.insert(fold(word.text));
            }
        }
        let title_case = matches!(block.kind, BlockKind::Headline | BlockKind::Heading);
        for run in tokens::runs(&words, text) {
            let run_words = &words[run.words.clone()];
            let names: Vec<usize> = (0..run_words.len())
                .filter(|&i| run_words[i].shape == Shape::Name)
                .collect();
            let full = run.titled || names.len() >= 2;
            let person = run.is_person(&words);
            let neighbour = |k: usize| Some(joined_key(run_words[k].text));
            for &i in &names {
                let word = &run_words[i];
                if word.is_title() || word.is_stop() {
                    continue;
                }
                mentions.push(Mention {
                    block: block_index,
                    range: word.range.clone(),
                    surface: straighten(word.text),
                    key: joined_key(word.text),
                    words: 1,
                    word_keys: vec![joined_key(word.text)],
                    initial: word.initial,
                    title_case,
                    full,
                    lead: i.checked_sub(1).and_then(neighbour),
                    trail: (i + 1 < run_words.len())
                        .then(|| neighbour(i + 1))
                        .flatten(),
                    whole_run: run_words.len() == 1,
                    person,
                    title: run.title.clone(),
                });
            }
            for (a, &first) in names.iter().enumerate() {
                for &last in names.iter().skip(a + 1) {
                    let span_words = &run_words[first..=last];
                    let count = span_words.iter().filter(|w| w.shape == Shape::Name).count();
                    if count > MAX_WORDS
                        || span_words[0].is_title()
                        || span_words[span_words.len() - 1].is_title()
                    {
                        continue;
                    }
                    let mut mention =
                        group_mention(block_index, text, span_words, title_case, full);
                    mention.whole_run = first == 0 && last + 1 == run_words.len();
                    mention.lead = first.checked_sub(1).and_then(neighbour);
                    mention.trail = (last + 1 < run_words.len())
                        .then(|| neighbour(last + 1))
                        .flatten();
                    mention.person = person;
                    mention.title = run.title.clone();
                    mentions.push(mention);
                }
            }
        }
    }
    mentions.sort_by_key(|m| (m.position(), std::cmp::Reverse(m.range.end)));
    (mentions, lower_words)
}

fn group_mention(
    block: usize,
    text: &str,
    words: &[Word<'_>],
    title_case: bool,
    full: bool,
) -> Mention {
    let range = words[0].range.start..words[words.len() - 1].range.end;
    let raw = &text[range.clone()];
    let surface = straighten(&raw.split_whitespace().collect::<Vec<_>>().join(" "));
    let word_keys: Vec<String> = words
        .iter()
        .filter(|w| w.shape == Shape::Name)
        .map(|w| joined_key(w.text))
        .collect();
    Mention {
        block,
        range,
        key: joined_key(raw),
        words: word_keys.len(),
        surface,
        word_keys,
        initial: words[0].initial,
        title_case,
        full,
        lead: None,
        trail: None,
        whole_run: false,
        person: false,
        title: None,
    }
}

/// Curly apostrophes read as straight ones: that is quote style, not spelling.
pub fn straighten(s: &str) -> String {
    s.replace(['’', '‘', 'ʼ'], "'")
}

//! Every place an article names someone or something, as the consistency
//! check compares them: single name words and runs of two to four words.
//! Mentions borrow the article's text; only the folded keys are built, all
//! into one buffer the caller keeps.

use std::borrow::Cow;
use std::ops::Range;

use crate::checks::Context;
use crate::checks::names::fold::push_joined_key;
use crate::checks::names::tokens::{self, Shape, Word};
use crate::document::BlockKind;

/// Longest run of words compared as one name.
const MAX_WORDS: usize = 4;

/// A run of more name words than this is a title-case line or a list, not
/// a name: its words are compared one by one only.
const MAX_RUN: usize = 6;

#[derive(Debug, Clone)]
pub struct Mention<'t> {
    pub block: usize,
    /// Range in the block's text.
    pub range: Range<usize>,
    /// Its words joined by single spaces, apostrophes straightened.
    pub surface: Cow<'t, str>,
    /// Folded, with no spaces or hyphens: equal keys are the same name
    /// spelled with other case, accents, hyphens or spacing.
    pub key: &'t str,
    /// Name words in it (a hyphenated word counts once).
    pub words: usize,
    /// Its two words, for order swaps of two-word names.
    pub pair: Option<(&'t str, &'t str)>,
    /// Its first word opens a sentence or sits in a title-case line.
    pub initial: bool,
    /// In a headline or subhead, where capitals are title case.
    pub title_case: bool,
    /// Part of a full reference: a run of two or more names, or after a title.
    pub full: bool,
    /// The word (name, initial or particle) before / after it in its run:
    /// "Delta Air Lines" and "American Airlines" are two companies.
    pub lead: Option<&'t str>,
    pub trail: Option<&'t str>,
    /// The mention is its whole run: no other name word next to it.
    pub whole_run: bool,
    /// Its run is plainly a person's name (titled, next to "said", "who").
    pub person: bool,
    /// The title or role word before its run ("mayor", "sen").
    pub title: Option<&'t str>,
}

impl Mention<'_> {
    /// Document order.
    pub fn position(&self) -> (usize, usize) {
        (self.block, self.range.start)
    }
}

/// All mentions in `doc`, in document order, their keys written to `keys`.
pub fn collect<'d: 'k, 'k>(cx: &Context<'d>, keys: &'k mut String) -> Vec<Mention<'k>> {
    let doc = cx.doc;
    // A name word of a run is one mention, and two or three together are
    // another: about two for each run.
    let room = 2 * tokens::room_for_runs(doc.source.len());
    let mut mentions = Vec::with_capacity(room);
    // Where each mention's key lies in `keys`, until all are written.
    let mut key_ranges: Vec<Range<usize>> = Vec::with_capacity(room);
    keys.clear();
    // Reused from run to run: an article has hundreds of runs.
    let mut names: Vec<usize> = Vec::new();
    let mut titles: Vec<bool> = Vec::new();
    for (block_index, block) in doc.blocks.iter().enumerate() {
        let text = block.text();
        let (words, runs) = cx.block_words_and_runs(block_index);
        let title_case = matches!(block.kind, BlockKind::Headline | BlockKind::Heading);
        // A mention per name word of a run, and a few for the groups of a
        // long run: room made a block at a time, not mention by mention
        // (and without asking for the runs twice: a long article's are
        // not kept, so each ask finds them again).
        mentions.reserve(2 * runs.iter().map(|r| r.words.len()).sum::<usize>());
        for run in runs.iter() {
            let run_words = &words[run.words.clone()];
            names.clear();
            names.extend((0..run_words.len()).filter(|&i| run_words[i].shape == Shape::Name));
            let full = run.titled() || names.len() >= 2;
            let person = run.is_person(&words);
            let title = run.title_word(&words);
            let neighbour = |k: usize| run_words.get(k).map(|w| w.text);
            let base = Mention {
                block: block_index,
                range: 0..0,
                surface: Cow::Borrowed(""),
                key: "",
                words: 1,
                pair: None,
                initial: false,
                title_case,
                full,
                lead: None,
                trail: None,
                whole_run: false,
                person,
                title,
            };
            titles.clear();
            titles.extend(names.iter().map(|&i| run_words[i].is_title()));
            // Made in the order they are sorted in: by start, the longest
            // first (so the sort below finds them in order).
            for (a, &first) in names.iter().enumerate() {
                if names.len() <= MAX_RUN {
                    let groups = names.iter().enumerate().skip(a + 1).take(MAX_WORDS - 1);
                    for (b, &last) in groups.rev() {
                        if titles[a] || titles[b] {
                            continue;
                        }
                        let span_words = &run_words[first..=last];
                        let raw = &text[group_range(span_words)];
                        key_ranges.push(push_joined_key(raw, keys));
                        mentions.push(Mention {
                            lead: first.checked_sub(1).and_then(neighbour),
                            trail: neighbour(last + 1),
                            whole_run: first == 0 && last + 1 == run_words.len(),
                            ..group_mention(text, span_words, &base)
                        });
                    }
                }
                let word = &run_words[first];
                if titles[a] || word.is_stop() {
                    continue;
                }
                key_ranges.push(push_joined_key(word.text, keys));
                mentions.push(Mention {
                    range: word.range(),
                    surface: straighten(word.text),
                    initial: word.initial,
                    lead: first.checked_sub(1).and_then(neighbour),
                    trail: neighbour(first + 1),
                    whole_run: run_words.len() == 1,
                    ..base.clone()
                });
            }
        }
    }
    let keys: &'k String = keys;
    for (mention, range) in mentions.iter_mut().zip(key_ranges) {
        mention.key = &keys[range];
    }
    let order = |m: &Mention<'k>| (m.position(), std::cmp::Reverse(m.range.end));
    debug_assert!(mentions.is_sorted_by_key(order), "made out of order");
    // Checked before sorting: a stable sort takes scratch room of up to
    // half the list even when there is nothing to move, and the mentions of
    // a 50 MB export are tens of megabytes.
    if !mentions.is_sorted_by_key(order) {
        mentions.sort_by_key(order);
    }
    mentions
}

/// The text a run of words covers, first to last.
fn group_range(words: &[Word<'_>]) -> Range<usize> {
    words[0].range().start..words[words.len() - 1].range().end
}

fn group_mention<'t>(text: &'t str, words: &[Word<'t>], base: &Mention<'t>) -> Mention<'t> {
    let range = group_range(words);
    let raw = &text[range.clone()];
    let mut names = words
        .iter()
        .filter(|w| w.shape == Shape::Name)
        .map(|w| w.text);
    let count = names.clone().count();
    let pair = match (count, names.next(), names.next()) {
        (2, Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    // Most runs are written with single spaces: their text is the surface.
    let single_spaced =
        !raw.contains("  ") && !raw.contains(|c: char| c.is_whitespace() && c != ' ');
    let surface = if single_spaced {
        straighten(raw)
    } else {
        let spaced = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        Cow::Owned(straighten(&spaced).into_owned())
    };
    Mention {
        range,
        words: count,
        surface,
        pair,
        initial: words[0].initial,
        ..base.clone()
    }
}

/// Curly apostrophes read as straight ones: that is quote style, not spelling.
pub fn straighten(s: &str) -> Cow<'_, str> {
    if s.contains(['’', '‘', 'ʼ']) {
        Cow::Owned(s.replace(['’', '‘', 'ʼ'], "'"))
    } else {
        Cow::Borrowed(s)
    }
}

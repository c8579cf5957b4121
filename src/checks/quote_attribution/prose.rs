//! The article as the attribution search reads it: each paragraph with its
//! quotations blanked out (words inside a quotation never attribute it),
//! the names the article uses, and sentence windows.

use std::cell::OnceCell;
use std::ops::Range;

use super::words::Names;
use crate::checks::quotes::ArticleQuotes;
use crate::document::Block;

/// How far (bytes) from a quotation the search for its attribution reaches,
/// whatever the sentences: keeps a paragraph with no sentence breaks from
/// making every quotation read all of it.
pub const REACH: usize = 600;

pub struct Prose<'a> {
    quotes: &'a ArticleQuotes<'a>,
    /// Paragraphs that hold quotations, with them blanked out; `None` for
    /// the others, which read as they are.
    blanked: Vec<Option<String>>,
    /// Made on first use: many articles attribute every quotation with a
    /// pronoun or a listed speaker and never ask.
    names: OnceCell<Names<'a>>,
}

impl<'a> Prose<'a> {
    pub fn new(quotes: &'a ArticleQuotes<'a>) -> Prose<'a> {
        let mut quoted: Vec<Vec<Range<usize>>> = vec![Vec::new(); quotes.paragraphs.len()];
        for q in &quotes.scan.quotations {
            if q.depth == 0 && q.close.is_some() {
                for (para, range) in q.extents(&quotes.paragraphs) {
                    quoted[para].push(range);
                }
            }
        }
        let blanked = quoted
            .iter()
            .zip(&quotes.paragraphs)
            .map(|(ranges, paragraph)| {
                if ranges.is_empty() {
                    return None;
                }
                let mut bytes = paragraph.text.as_bytes().to_vec();
                for range in ranges {
                    bytes[range.clone()].fill(b' ');
                }
                // Ranges run from mark to mark, so whole characters were
                // replaced and the text is still UTF-8.
                String::from_utf8(bytes).ok()
            })
            .collect();
        Prose {
            quotes,
            blanked,
            names: OnceCell::new(),
        }
    }

    /// The names the article capitalises mid-sentence.
    pub fn names(&self) -> &Names<'a> {
        self.names.get_or_init(|| {
            let blocks = self.quotes.blocks.iter();
            Names::new(blocks.map(|b| (b.text(), b.sentences.as_slice())).collect())
        })
    }

    /// Paragraph `para` with its quotations replaced by spaces (same byte
    /// offsets as the original).
    pub fn text(&self, para: usize) -> &str {
        self.blanked[para]
            .as_deref()
            .unwrap_or(self.quotes.paragraphs[para].text)
    }
}

/// Index of the sentence holding text offset `at` (or the last one that
/// starts before it): binary search, sentences are in order.
pub fn sentence_index(sentences: &[Range<usize>], at: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= at)
        .saturating_sub(1)
}

/// Text range of the sentences from `window` before the one holding `start`
/// to `window` after the one holding `end`, cut to `REACH` bytes either
/// side.
pub fn window_around(block: &Block, start: usize, end: usize, window: usize) -> Range<usize> {
    let sentences = &block.sentences;
    let text = block.text();
    let first = sentence_index(sentences, start).saturating_sub(window);
    let last = (sentence_index(sentences, end.saturating_sub(1).max(start)) + window)
        .min(sentences.len().saturating_sub(1));
    let (from, to) = match (sentences.get(first), sentences.get(last)) {
        (Some(f), Some(l)) => (f.start.min(start), l.end.max(end)),
        _ => (0, text.len()),
    };
    let mut from = from.max(start.saturating_sub(REACH)).min(text.len());
    let mut to = to.min(end + REACH).min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    from..to
}

/// The block's sentences inside `window`, clipped to it (the window
/// itself when the block has no sentences). Read in place: asked for a
/// window or two around every quotation.
pub fn sentences_in(
    block: &Block,
    window: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let whole = block.sentences.is_empty().then(|| window.clone());
    let from = sentence_index(&block.sentences, window.start);
    let clipped = block.sentences[from..]
        .iter()
        .take_while(move |s| s.start < window.end)
        .map(move |s| s.start.max(window.start)..s.end.min(window.end))
        .filter(|s| s.start < s.end);
    whole.into_iter().chain(clipped)
}

/// The last sentence of a block, cut to `REACH` bytes.
pub fn last_sentence(block: &Block) -> Option<Range<usize>> {
    let last = block.sentences.last()?;
    let mut from = last.start.max(last.end.saturating_sub(REACH));
    while !block.text().is_char_boundary(from) {
        from += 1;
    }
    Some(from..last.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format, ReadOptions};

    #[test]
    fn sentence_index_finds_the_holder() {
        let s = [0..10, 11..20, 22..30];
        assert_eq!(sentence_index(&s, 0), 0);
        assert_eq!(sentence_index(&s, 10), 0);
        assert_eq!(sentence_index(&s, 21), 1);
        assert_eq!(sentence_index(&s, 29), 2);
        assert_eq!(sentence_index(&[], 5), 0);
    }

    #[test]
    fn quotations_are_blanked_and_windows_stay_on_char_boundaries() {
        let doc = Document::parse(
            "a.txt",
            "H\n\nÉté one. “Quoted words here,” said Lee. Étoile two. Three.\n".to_string(),
            Format::Text,
            &ReadOptions::default(),
        );
        let quotes = ArticleQuotes::of(&doc);
        let prose = Prose::new(&quotes);
        let text = prose.text(1).to_string();
        assert!(!text.contains("Quoted"));
        assert!(text.contains("said Lee."));
        assert_eq!(text.len(), doc.blocks[1].text().len());
        let block = &doc.blocks[1];
        let open = block.text().find('“').unwrap();
        let window = window_around(block, open, open + 3, 1);
        assert_eq!(
            &block.text()[window.clone()],
            &block.text()[..block.text().find(" Three").unwrap()]
        );
        assert_eq!(sentences_in(block, window).count(), 3);
    }
}

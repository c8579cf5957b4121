//! What the quotation kinds (`quote-balance`, `quote-attribution`,
//! `quote-style`) share: the mark scanner and the way an article's blocks
//! become the paragraphs it reads. Not a rule kind itself.

pub mod scanner;

use crate::document::{Block, BlockKind, Document};

use self::scanner::{Paragraph, Scan};

/// An article's blocks with their quotation marks paired.
pub struct ArticleQuotes<'d> {
    pub blocks: Vec<&'d Block>,
    pub paragraphs: Vec<Paragraph<'d>>,
    pub scan: Scan,
}

impl<'d> ArticleQuotes<'d> {
    /// Scan every block of `doc`. A quotation may run from one block into the
    /// next only between body paragraphs of the same kind (two paragraphs, or
    /// two paragraphs of one block quote): never out of a headline, a
    /// heading, a list item or a table cell.
    pub fn of(doc: &'d Document) -> ArticleQuotes<'d> {
        let blocks: Vec<&Block> = doc.blocks.iter().collect();
        let paragraphs = blocks
            .iter()
            .enumerate()
            .map(|(i, block)| Paragraph {
                text: block.text(),
                continues_previous: i > 0
                    && matches!(block.kind, BlockKind::Paragraph | BlockKind::Quote)
                    && blocks[i - 1].kind == block.kind,
            })
            .collect::<Vec<_>>();
        let scan = scanner::scan(&paragraphs);
        ArticleQuotes {
            blocks,
            paragraphs,
            scan,
        }
    }
}

/// `text` on one line, cut to about `max_chars` characters at a word
/// boundary, with `…` where it was cut (at the end, or at the start when
/// `from_end`). Reads only the end of `text` it keeps, so quoting from a
/// huge paragraph costs no more than from a short one.
pub fn shorten(text: &str, max_chars: usize, from_end: bool) -> String {
    let budget = max_chars.saturating_mul(8).saturating_add(8);
    let clipped = if from_end {
        let mut from = text.len().saturating_sub(budget);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        &text[from..]
    } else {
        let mut to = budget.min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        &text[..to]
    };
    let flat: String = clipped.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = flat.chars().count();
    if count <= max_chars {
        return match (clipped.len() < text.len(), from_end) {
            (false, _) => flat,
            (true, true) => format!("…{flat}"),
            (true, false) => format!("{flat}…"),
        };
    }
    if from_end {
        let cut = flat
            .char_indices()
            .rev()
            .nth(max_chars.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let tail = &flat[cut..];
        let tail = match tail.find(' ') {
            Some(space) if space + 1 < tail.len() && space < tail.len() / 2 => &tail[space + 1..],
            _ => tail,
        };
        format!("…{tail}")
    } else {
        let cut = flat
            .char_indices()
            .nth(max_chars)
            .map_or(flat.len(), |(i, _)| i);
        let head = &flat[..cut];
        let head = match head.rfind(' ') {
            Some(space) if space > head.len() / 2 => &head[..space],
            _ => head,
        };
        format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, ReadOptions};

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short  text\nhere", 40, false), "short text here");
        assert_eq!(
            shorten("we will rebuild the harbour, every pier of it", 20, false),
            "we will rebuild the…"
        );
        assert_eq!(
            shorten("read the full analysis for deeper insights.”", 20, true),
            "…deeper insights.”"
        );
        assert_eq!(shorten("ééééééééééé", 4, false), "éééé…");
        assert_eq!(shorten("ééééééééééé", 4, true), "…éééé");
        let long = "word ".repeat(1_000_000);
        assert_eq!(shorten(&long, 12, false), "word word…");
        assert_eq!(shorten(&long, 12, true), "…word word");
    }

    #[test]
    fn quotations_continue_only_between_like_paragraphs() {
        let doc = Document::parse(
            "a.md",
            "# “Headline\n\n“One,\n\n“two.”\n\n- “item\n- “item”\n".to_string(),
            Format::Markdown,
            &ReadOptions::default(),
        );
        let quotes = ArticleQuotes::of(&doc);
        let continues: Vec<bool> = quotes
            .paragraphs
            .iter()
            .map(|p| p.continues_previous)
            .collect();
        assert_eq!(continues, [false, false, true, false, false]);
        assert_eq!(quotes.scan.unclosed().count(), 2);
    }
}

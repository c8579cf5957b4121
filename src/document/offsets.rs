//! The map from a block's plain text back to bytes of the original file.
//!
//! Checks read plain text (Markdown emphasis gone, entities decoded, line
//! breaks inside a paragraph as `\n`) but must report spans into the source.
//! A block's text is a sequence of pieces, each copied from one source range.
//! An *exact* piece is a byte-for-byte copy, so any offset inside it maps
//! precisely; an *inexact* piece (a decoded `&amp;`, a `\r\n` read as `\n`, a
//! blanked-out code span) maps as a whole to its source range.

use super::span::Span;

#[derive(Debug, Clone, Copy)]
struct Piece {
    text_start: u32,
    text_end: u32,
    src_start: u32,
    src_end: u32,
}

impl Piece {
    fn exact(&self) -> bool {
        self.text_end - self.text_start == self.src_end - self.src_start
    }
}

/// Plain text plus its offset map. Built by appending pieces in order.
#[derive(Debug, Clone, Default)]
pub struct MappedText {
    pub text: String,
    pieces: Vec<Piece>,
}

impl MappedText {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `bytes` of text (and a few pieces) from the start.
    pub fn with_capacity(bytes: usize) -> Self {
        MappedText {
            text: String::with_capacity(bytes),
            pieces: Vec::with_capacity(4),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Append `text`, which is a verbatim copy of `source[src_start..]`.
    pub fn push_exact(&mut self, text: &str, src_start: usize) {
        self.push(text, src_start, src_start + text.len());
    }

    /// Append `text` standing for `source[src_start..src_end]`. When the two
    /// lengths are equal the piece must be a verbatim (or same-length) copy.
    pub fn push(&mut self, text: &str, src_start: usize, src_end: usize) {
        if text.is_empty() {
            return;
        }
        let text_start = self.text.len() as u32;
        self.text.push_str(text);
        let piece = Piece {
            text_start,
            text_end: self.text.len() as u32,
            src_start: src_start as u32,
            src_end: src_end as u32,
        };
        // Merge adjacent exact pieces so plain-text paragraphs stay one piece.
        if let Some(last) = self.pieces.last_mut()
            && last.exact()
            && piece.exact()
            && last.text_end == piece.text_start
            && last.src_end == piece.src_start
        {
            last.text_end = piece.text_end;
            last.src_end = piece.src_end;
            return;
        }
        self.pieces.push(piece);
    }

    /// Source span of the text range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.to_source(start, false);
        let e = if end == start {
            s
        } else {
            self.to_source(end, true)
        };
        Span::new(s, e.max(s))
    }

    /// Span of the whole text in the source.
    pub fn full_span(&self) -> Span {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(f), Some(l)) => Span::new(f.src_start as usize, l.src_end as usize),
            _ => Span::default(),
        }
    }

    /// Map one text offset. `is_end` says the offset closes a range, which
    /// decides the side of a boundary between two pieces it belongs to.
    fn to_source(&self, offset: usize, is_end: bool) -> usize {
        let offset = offset as u32;
        if self.pieces.is_empty() {
            return 0;
        }
        // First piece whose end is past the offset (or at it, for ends).
        let idx = self.pieces.partition_point(|p| {
            if is_end {
                p.text_end < offset
            } else {
                p.text_end <= offset
            }
        });
        let Some(p) = self.pieces.get(idx) else {
            return self.pieces.last().map_or(0, |p| p.src_end as usize);
        };
        if p.exact() {
            (p.src_start + (offset.max(p.text_start) - p.text_start)) as usize
        } else if is_end {
            p.src_end as usize
        } else {
            p.src_start as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_inexact_pieces_map_back() {
        // Source: "Tom &amp; Jerry\r\nran"
        let mut m = MappedText::new();
        m.push_exact("Tom ", 0);
        m.push("&", 4, 9);
        m.push_exact(" Jerry", 9);
        m.push("\n", 15, 17);
        m.push_exact("ran", 17);
        assert_eq!(m.text, "Tom & Jerry\nran");
        assert_eq!(m.span(0, 3), Span::new(0, 3));
        assert_eq!(m.span(4, 5), Span::new(4, 9));
        assert_eq!(m.span(6, 11), Span::new(10, 15));
        assert_eq!(m.span(12, 15), Span::new(17, 20));
        assert_eq!(m.span(0, 15), Span::new(0, 20));
        assert_eq!(m.full_span(), Span::new(0, 20));
    }

    #[test]
    fn adjacent_exact_pieces_merge() {
        let mut m = MappedText::new();
        m.push_exact("ab", 10);
        m.push_exact("cd", 12);
        assert_eq!(m.pieces.len(), 1);
        assert_eq!(m.span(1, 3), Span::new(11, 13));
    }
}

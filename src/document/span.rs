//! Byte spans into the original file, and the index that turns them into
//! lines and columns.
//!
//! Every diagnostic points into the bytes the user has on disk. Line and column
//! are derived from the byte offset here and nowhere else, so no reporter ever
//! has to search the text again to find where something was.

use std::ops::Range;

/// A half-open byte range `[start, end)` into the original source.
///
/// `u32` keeps diagnostics small; inputs over 4 GiB are refused when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A position for people: 1-based line, 1-based column counted in Unicode
/// scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Byte offset → line/column, built once per file.
///
/// Lines end at `\n`, at `\r\n` and at a lone `\r` (old Mac exports still turn
/// up in newsroom archives). A byte-order mark at the start of the file takes
/// no column, so column 1 is the first visible character as an editor shows it.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    bom_len: u32,
    /// For very long lines (bad exports put whole articles on one line):
    /// `(byte offset, column count from its line start)` every
    /// [`CHECKPOINT_BYTES`], so a column costs O(checkpoint), not O(line).
    checkpoints: Vec<(u32, u32)>,
}

/// Distance between column checkpoints inside a long line.
const CHECKPOINT_BYTES: usize = 4096;

/// Every line break of `text` from byte `from` on, as (where the break
/// starts, where the next line starts): "\n", "\r\n" (one break) or a lone
/// "\r". Parsing and the line index both split lines this way.
pub fn line_breaks(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let from = from.min(bytes.len());
    // The "\n" of a "\r\n" was taken with its "\r".
    let mut taken_until = from;
    memchr::memchr2_iter(b'\n', b'\r', &bytes[from..]).filter_map(move |found| {
        let at = from + found;
        if at < taken_until {
            return None;
        }
        let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
        taken_until = next;
        Some((at, next))
    })
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let mut line_starts = vec![0u32];
        line_starts.extend(line_breaks(source, 0).map(|(_, next)| next as u32));
        let bom_len = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut checkpoints = Vec::new();
        for (line, &start) in line_starts.iter().enumerate() {
            let end = line_starts
                .get(line + 1)
                .map_or(source.len(), |&e| e as usize);
            let start = start as usize;
            if end - start <= CHECKPOINT_BYTES {
                continue;
            }
            let mut at = start;
            let mut column = 0u32;
            loop {
                let mut next = (at + CHECKPOINT_BYTES).min(end);
                while !source.is_char_boundary(next) {
                    next += 1;
                }
                if next >= end {
                    break;
                }
                column += source[at..next].chars().count() as u32;
                checkpoints.push((next as u32, column));
                at = next;
            }
        }
        LineIndex {
            line_starts,
            bom_len,
            checkpoints,
        }
    }

    /// Number of lines (a file with no newline has one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line] as usize
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Line and column of a byte offset. `offset` must lie on a char boundary
    /// of `source` (spans always do); an offset past the end is clamped.
    pub fn line_col(&self, source: &str, offset: usize) -> LineCol {
        let offset = offset.min(source.len());
        let line = self.line_of(offset);
        let mut start = self.line_starts[line] as usize;
        if line == 0 {
            start = start.max(self.bom_len as usize).min(offset);
        }
        let mut base = 0;
        // The nearest checkpoint at or before the offset, if on this line.
        let nearest = self
            .checkpoints
            .partition_point(|&(o, _)| o as usize <= offset);
        if let Some(&(at, column)) = nearest.checked_sub(1).and_then(|i| self.checkpoints.get(i))
            && at as usize > start
        {
            // Checkpoint columns count from the raw line start (BOM included).
            let bom = if line == 0 { self.bom_len.min(1) } else { 0 };
            base = column - bom;
            start = at as usize;
        }
        let column = base as usize
            + source
                .get(start..offset)
                .map_or(offset - start, |s| s.chars().count());
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// The text of the 0-based line `line`, without its line terminator.
    pub fn line_text<'a>(&self, source: &'a str, line: usize) -> &'a str {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(source.len(), |&e| e as usize);
        source[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalar_values_and_skip_the_bom() {
        let src = "\u{feff}Zoë said “hi”\r\nline two\rline three";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_count(), 3);
        let hi = src.find("hi").unwrap();
        assert_eq!(
            idx.line_col(src, hi),
            LineCol {
                line: 1,
                column: 11
            }
        );
        assert_eq!(idx.line_col(src, 3), LineCol { line: 1, column: 1 });
        let two = src.find("two").unwrap();
        assert_eq!(idx.line_col(src, two), LineCol { line: 2, column: 6 });
        let three = src.find("three").unwrap();
        assert_eq!(idx.line_col(src, three), LineCol { line: 3, column: 6 });
        assert_eq!(idx.line_text(src, 1), "line two");
    }

    #[test]
    fn long_lines_use_checkpoints_with_the_same_answers() {
        let line: String = "é ab “q” ".repeat(3000);
        let src = format!("\u{feff}{line}\n{line}");
        let idx = LineIndex::new(&src);
        assert!(!idx.checkpoints.is_empty());
        for (offset, _) in src.char_indices().step_by(997) {
            let line = idx.line_of(offset);
            let mut start = idx.line_start(line);
            if line == 0 {
                start = 3.min(offset);
            }
            let expected = src[start..offset].chars().count() as u32 + 1;
            assert_eq!(
                idx.line_col(&src, offset).column,
                expected,
                "offset {offset}"
            );
        }
    }

    #[test]
    fn columns_on_a_long_line_agree_with_counting() {
        let src = "é".repeat(5000) + "x" + &"ü ".repeat(3000) + "\nnext";
        let idx = LineIndex::new(&src);
        for (offset, _) in src.char_indices().step_by(997) {
            let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = src[line_start..offset].chars().count() as u32 + 1;
            assert_eq!(idx.line_col(&src, offset).column, expected, "at {offset}");
        }
    }

    #[test]
    fn offset_at_end_of_file_is_valid() {
        let src = "abc\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 4), LineCol { line: 2, column: 1 });
        assert_eq!(idx.line_col(src, 99), LineCol { line: 2, column: 1 });
    }
}

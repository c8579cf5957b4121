//! Pairs the quotation marks of an article's paragraphs.
//!
//! News copy arrives with curly marks (“ ” ‘ ’), straight ones (" '), the
//! wire-copy doubles (`` and ''), or a mix, and the same character does
//! several jobs: `’` closes a single quote but is far more often an
//! apostrophe ("Japan’s", "’90s", "rock ’n’ roll"), and a straight `"` is an
//! opener or a closer only by its surroundings. The scanner decides each
//! mark's role from its neighbours (the way CommonMark decides emphasis: a
//! mark with text on its right and space or punctuation on its left opens,
//! the mirror image closes), then pairs openers and closers on a stack. It
//! looks at most one character either side plus a short word, so it is
//! linear in the text.
//!
//! Single marks are treated cautiously: a `’` or `'` that cannot close an
//! open single quotation is an apostrophe, never a stray mark, because that
//! is what it almost always is.
//!
//! Quotations may run over several paragraphs (the AP convention): a
//! paragraph that ends inside a quotation leaves it open when the next
//! paragraph opens with a mark of the same kind; that mark then *reopens*
//! the quotation instead of starting a new one. Plain-text copy whose
//! paragraphs were run together shows the same convention inside one
//! paragraph: a new straight opening mark right after a finished sentence
//! while a quotation is open reopens it too.

use std::borrow::Cow;
use std::ops::Range;

/// Double (“ ” ") or single (‘ ’ ') quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Double,
    Single,
}

/// Curly (typographic) or straight (typewriter) mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Straight,
    Curly,
}

/// What one mark does in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open(Level),
    /// Carries on a quotation that is already open: at the start of a
    /// paragraph (AP style), or after a finished sentence.
    Reopen(Level),
    Close(Level),
    /// A closing double mark with no quotation open.
    StrayClose,
    Apostrophe,
    /// Not a quotation mark: inches and feet ("6'2\""), or a mark standing
    /// alone between spaces (a ditto mark).
    Other,
}

/// One quotation mark in a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset in the paragraph's text.
    pub at: usize,
    /// Byte length: one character, or two for the wire-copy `` and ''.
    pub len: usize,
    /// The (first) character.
    pub ch: char,
    pub role: Role,
}

impl Mark {
    pub fn range(&self) -> Range<usize> {
        self.at..self.at + self.len
    }

    pub fn glyph(&self) -> Glyph {
        glyph_of(self.ch)
    }
}

/// A place in the scanned paragraphs: paragraph index and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub para: usize,
    pub at: usize,
}

/// One quotation: an opening mark, possibly reopened later, and its closing
/// mark if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    pub level: Level,
    /// How many quotations enclose this one (0 for the outermost).
    pub depth: usize,
    pub open: Pos,
    /// Byte length of the opening mark.
    pub open_len: usize,
    /// The reopening marks, in order.
    pub reopens: Vec<Pos>,
    /// `None` when the quotation is never closed.
    pub close: Option<Pos>,
    /// Curly or straight, as its opening mark.
    pub glyph: Glyph,
    /// A single "opener" that a later one showed to be something else (an
    /// apostrophe, most likely): neither a quotation nor a defect.
    pub doubtful: bool,
}

impl Quotation {
    /// Index of the last paragraph the quotation covers.
    pub fn last_para(&self) -> usize {
        match (self.close, self.reopens.last()) {
            (Some(close), _) => close.para,
            (None, Some(reopen)) => reopen.para,
            (None, None) => self.open.para,
        }
    }

    /// How many paragraphs the quotation covers.
    pub fn paragraph_count(&self) -> usize {
        self.last_para() - self.open.para + 1
    }

    /// The quotation's stretches of text, one per opening or reopening
    /// mark: `(paragraph, mark start, content start, content end, end
    /// including the closing mark)`.
    fn stretches<'s>(
        &'s self,
        paragraphs: &'s [Paragraph],
    ) -> impl Iterator<Item = (usize, usize, usize, usize, usize)> + 's {
        // Asked several times for every quotation: read in place, nothing
        // collected.
        let mut starts = std::iter::once(self.open)
            .chain(self.reopens.iter().copied())
            .peekable();
        std::iter::from_fn(move || {
            let start = starts.next()?;
            let text = paragraphs[start.para].text;
            let content_start = (start.at + mark_len(text, start.at)).min(text.len());
            let (content_end, end) = match (starts.peek(), self.close) {
                // Reopened later in the same paragraph: this stretch ends
                // where the next one opens.
                (Some(next), _) if next.para == start.para => (next.at, next.at),
                (_, Some(close)) if close.para == start.para => {
                    (close.at, close.at + mark_len(text, close.at))
                }
                _ => (text.len(), text.len()),
            };
            Some((
                start.para,
                start.at,
                content_start,
                content_end.max(content_start),
                end.max(content_start),
            ))
        })
    }

    /// What the quotation covers in each paragraph, marks included.
    pub fn extents<'s>(
        &'s self,
        paragraphs: &'s [Paragraph],
    ) -> impl Iterator<Item = (usize, Range<usize>)> + 's {
        let mut stretches = self.stretches(paragraphs).peekable();
        std::iter::from_fn(move || {
            let (para, start, _, _, mut end) = stretches.next()?;
            while let Some((_, _, _, _, later_end)) = stretches.next_if(|s| s.0 == para) {
                end = later_end;
            }
            Some((para, start..end))
        })
    }

    /// The quoted text (marks excluded), stretches joined with a space;
    /// most quotations are one stretch, borrowed.
    pub fn content<'p>(&self, paragraphs: &[Paragraph<'p>]) -> Cow<'p, str> {
        let mut pieces = self
            .stretches(paragraphs)
            .map(|(para, _, from, to, _)| paragraphs[para].text[from..to].trim());
        let first = pieces.next().unwrap_or_default();
        match pieces.next() {
            None => Cow::Borrowed(first),
            Some(second) => {
                let mut joined = [first, second].join(" ");
                for piece in pieces {
                    joined.push(' ');
                    joined.push_str(piece);
                }
                Cow::Owned(joined)
            }
        }
    }
}

/// One paragraph to scan.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph<'a> {
    pub text: &'a str,
    /// Whether a quotation left open by the previous paragraph may run on
    /// into this one (false for headlines, headings, list items, and the
    /// first block of a different kind).
    pub continues_previous: bool,
}

/// Everything the scanner found.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// The marks of each paragraph, in text order.
    pub marks: Vec<Vec<Mark>>,
    /// Every quotation, ordered by its opening mark.
    pub quotations: Vec<Quotation>,
}

impl Scan {
    /// Closing double marks with no quotation open.
    pub fn stray_closers(&self) -> impl Iterator<Item = (usize, &Mark)> {
        self.marks.iter().enumerate().flat_map(|(p, marks)| {
            marks
                .iter()
                .filter(|m| m.role == Role::StrayClose)
                .map(move |m| (p, m))
        })
    }

    /// Quotations that are never closed (doubtful ones aside).
    pub fn unclosed(&self) -> impl Iterator<Item = &Quotation> {
        self.quotations
            .iter()
            .filter(|q| q.close.is_none() && !q.doubtful)
    }
}

/// Elided words written with a leading apostrophe ("’em", "rock ’n’ roll"),
/// which must not open a single quotation.
const ELISIONS: &[&str] = &[
    "em", "n", "til", "tis", "twas", "cause", "cos", "bout", "nuff", "kay",
];

/// Pair the marks of `paragraphs`.
pub fn scan(paragraphs: &[Paragraph]) -> Scan {
    let mut scanner = Scanner::default();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        scanner.paragraph(index, paragraph);
    }
    scanner.scan
}

#[derive(Default)]
struct Scanner {
    scan: Scan,
    /// Open quotations, innermost last: indices into `scan.quotations`.
    stack: Vec<usize>,
}

/// Which way a mark's glyph leans before its context is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    /// “ ‘ and the wire-copy `` and `.
    Open,
    /// ” ’.
    Close,
    /// " ' and the wire-copy ''.
    Either,
}

/// A mark being decided, with its neighbours.
struct Here {
    para: usize,
    at: usize,
    len: usize,
    lean: Lean,
    glyph: Glyph,
    prev: Option<char>,
    next: Option<char>,
}

impl Scanner {
    fn paragraph(&mut self, index: usize, paragraph: &Paragraph) {
        let text = paragraph.text;
        let leading = text.len() - text.trim_start().len();
        // A quotation left open runs on only into a paragraph that opens
        // with a mark of the same kind (AP style); otherwise it was never
        // closed.
        let outer_level = self.stack.first().map(|&q| self.scan.quotations[q].level);
        let reopens = paragraph.continues_previous
            && match (outer_level, mark_at(text, leading)) {
                (Some(outer), Some((level, len, lean))) => {
                    let next = text[leading + len..].chars().next();
                    level == outer && lean != Lean::Close && flanking(None, next).left
                }
                _ => false,
            };
        if reopens {
            // Only the outermost quotation carries on; quotations nested in
            // it were left open by mistake and stay unclosed.
            self.stack.truncate(1);
        } else {
            self.stack.clear();
        }
        self.scan.marks.push(Vec::new());

        let bytes = text.as_bytes();
        let mut at = 0;
        // Every mark starts with one of these bytes (0xE2 leads the curly
        // ones): skip straight to the next, with memchr. It takes three
        // bytes at most, so the rare backtick is looked for on its own.
        let mut backtick = memchr::memchr(b'`', bytes).unwrap_or(bytes.len());
        loop {
            if backtick < at {
                backtick = memchr::memchr(b'`', &bytes[at..]).map_or(bytes.len(), |o| at + o);
            }
            let other =
                memchr::memchr3(b'"', b'\'', 0xE2, &bytes[at..]).map_or(bytes.len(), |o| at + o);
            at = other.min(backtick);
            if at >= bytes.len() {
                break;
            }
            let Some(ch) = text[at..].chars().next() else {
                break;
            };
            let Some((level, len, lean)) = mark_at(text, at) else {
                at += ch.len_utf8();
                continue;
            };
            let before = &text[..at];
            let prev = before.chars().next_back();
            // The last character before the mark that is not a space. (Each
            // space is read back over by the one mark after it at most.)
            let last_visible = before.chars().rev().find(|c| !c.is_whitespace());
            let after_sentence = prev.is_some_and(char::is_whitespace)
                && last_visible.is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
            let next = text[at + len..].chars().next();
            let role = if reopens && at == leading {
                let q = self.stack[0];
                self.scan.quotations[q]
                    .reopens
                    .push(Pos { para: index, at });
                Role::Reopen(level)
            } else {
                let here = Here {
                    para: index,
                    at,
                    len,
                    lean,
                    glyph: glyph_of(ch),
                    prev,
                    next,
                };
                match level {
                    Level::Double => self.double(&here, after_sentence),
                    Level::Single => self.single(&here, &text[at + len..]),
                }
            };
            self.scan.marks[index].push(Mark { at, len, ch, role });
            at += len;
        }
    }

    fn innermost(&self, level: Level) -> Option<usize> {
        self.stack
            .iter()
            .rposition(|&q| self.scan.quotations[q].level == level)
    }

    fn top_level(&self) -> Option<Level> {
        self.stack.last().map(|&q| self.scan.quotations[q].level)
    }

    fn open(&mut self, here: &Here, level: Level) -> Role {
        self.scan.quotations.push(Quotation {
            level,
            depth: self.stack.len(),
            open: Pos {
                para: here.para,
                at: here.at,
            },
            open_len: here.len,
            reopens: Vec::new(),
            close: None,
            glyph: here.glyph,
            doubtful: false,
        });
        self.stack.push(self.scan.quotations.len() - 1);
        Role::Open(level)
    }

    /// The quotation at `stack[slot]` carries on from `here`.
    fn reopen(&mut self, slot: usize, here: &Here, level: Level) -> Role {
        let q = self.stack[slot];
        self.stack.truncate(slot + 1);
        self.scan.quotations[q].reopens.push(Pos {
            para: here.para,
            at: here.at,
        });
        Role::Reopen(level)
    }

    /// Close the quotation at `stack[slot]`; quotations opened inside it and
    /// still open are never closed.
    fn close(&mut self, slot: usize, here: &Here, level: Level) -> Role {
        let q = self.stack[slot];
        self.stack.truncate(slot);
        self.scan.quotations[q].close = Some(Pos {
            para: here.para,
            at: here.at,
        });
        Role::Close(level)
    }

    fn double(&mut self, here: &Here, after_sentence: bool) -> Role {
        let flank = flanking(here.prev, here.next);
        let open_slot = self.innermost(Level::Double);
        // The open quotation's marks are of the other style: a mark that can
        // open starts a quotation inside it (“He said "no" twice”).
        let other_style = open_slot
            .is_some_and(|slot| self.scan.quotations[self.stack[slot]].glyph != here.glyph);
        // A straight opening mark after a finished sentence while a
        // quotation is open: the AP convention in plain-text copy whose
        // paragraphs were run together. The quotation carries on. Curly
        // copy comes from a typesetting pipeline that keeps its paragraphs,
        // so there the earlier quotation was never closed.
        if let Some(slot) = open_slot
            && !other_style
            && after_sentence
            && here.glyph == Glyph::Straight
            && flank.left
            && !flank.right
            && here.lean != Lean::Close
        {
            return self.reopen(slot, here, Level::Double);
        }
        // A straight mark right after the punctuation that ends quotations
        // (`challenge."Earlier`) is a closer with its space missing.
        let after_closing_punctuation = here
            .prev
            .is_some_and(|c| matches!(c, '.' | ',' | '!' | '?' | '…'));
        match (here.lean, open_slot) {
            // “ with a quotation already open is either a closer typed the
            // wrong way round (“like this“) or a sign that the open one was
            // never closed.
            (Lean::Open, Some(slot)) if flank.right && !flank.left => {
                self.close(slot, here, Level::Double)
            }
            (Lean::Open, Some(_)) if other_style => self.open(here, Level::Double),
            (Lean::Open, Some(slot)) => {
                self.stack.truncate(slot);
                self.open(here, Level::Double)
            }
            (Lean::Open, None) => self.open(here, Level::Double),
            (Lean::Close, Some(slot)) => self.close(slot, here, Level::Double),
            // ”Like this” (Nordic style, or a wrong autocorrect) opens.
            (Lean::Close, None) if flank.left && !flank.right => self.open(here, Level::Double),
            (Lean::Close, None) => Role::StrayClose,
            (Lean::Either, Some(slot))
                if flank.right || !flank.left || after_closing_punctuation =>
            {
                self.close(slot, here, Level::Double)
            }
            (Lean::Either, Some(_)) if other_style => self.open(here, Level::Double),
            (Lean::Either, Some(slot)) => {
                // A straight opener while one is open: the earlier one was
                // never closed.
                self.stack.truncate(slot);
                self.open(here, Level::Double)
            }
            (Lean::Either, None) if flank.left => self.open(here, Level::Double),
            (Lean::Either, None) if flank.right && is_digit(here.prev) => Role::Other,
            (Lean::Either, None) if flank.right => Role::StrayClose,
            (Lean::Either, None) => Role::Other,
        }
    }

    fn single(&mut self, here: &Here, after: &str) -> Role {
        let (prev, next) = (here.prev, here.next);
        let flank = flanking(prev, next);
        let single_on_top = self.top_level() == Some(Level::Single);
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if is_digit(prev) && is_digit(next) {
            // Feet and inches: 6'2".
            return Role::Other;
        }
        // Inside a word: "Japan’s", "O'Brien", "rock’n’roll".
        if alnum(prev) && alnum(next) {
            return Role::Apostrophe;
        }
        // A closer, or a mark that cannot open (space before, comma after:
        // "the Message ‘, the…") while a single quotation is open.
        if single_on_top && (flank.right || (!flank.left && !alnum(next))) {
            let slot = self.stack.len() - 1;
            return self.close(slot, here, Level::Single);
        }
        if !alnum(prev) && is_elision(after) {
            return Role::Apostrophe;
        }
        if is_digit(prev) {
            // Feet ("6'"); a plural year's apostrophe ("1990s'") has a
            // letter before it.
            return Role::Other;
        }
        if here.lean != Lean::Close && flank.left && !flank.right {
            if single_on_top {
                // Singles do not nest in singles: the open one was an
                // apostrophe after all, or was never closed.
                if let Some(q) = self.stack.pop() {
                    self.scan.quotations[q].doubtful = true;
                }
            }
            return self.open(here, Level::Single);
        }
        Role::Apostrophe
    }
}

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

/// The text after a single mark starts an elided word ("em", "’90s").
fn is_elision(after: &str) -> bool {
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(6)
        .collect();
    if word.len() >= 2
        && word.chars().take(2).all(|c| c.is_ascii_digit())
        && (word.len() == 2 || word[2..].eq_ignore_ascii_case("s"))
    {
        return true;
    }
    let lower = word.to_lowercase();
    if lower == "n" {
        // "rock ’n’ roll": only with the second apostrophe.
        return after[1..].starts_with(['\'', '’', '‘']);
    }
    ELISIONS.contains(&lower.as_str())
}

/// The quotation mark starting at byte `at`, if any: its level, byte length
/// and lean. Wire copy writes doubles as `` and ''; in a run of three
/// straight singles the first closes a single quotation and the other two
/// a double one. Curly ‘‘ and ’’ stand for doubles the same way.
fn mark_at(text: &str, at: usize) -> Option<(Level, usize, Lean)> {
    let rest = text.get(at..)?;
    if rest.starts_with("``") {
        return Some((Level::Double, 2, Lean::Open));
    }
    if rest.starts_with("''") && !rest[2..].starts_with('\'') {
        return Some((Level::Double, 2, Lean::Either));
    }
    // The same in curly singles, as some CMSs turn '' into.
    if rest.starts_with("‘‘") {
        return Some((Level::Double, "‘‘".len(), Lean::Open));
    }
    if rest.starts_with("’’") {
        return Some((Level::Double, "’’".len(), Lean::Close));
    }
    let ch = rest.chars().next()?;
    let (level, lean) = match ch {
        '"' => (Level::Double, Lean::Either),
        '“' => (Level::Double, Lean::Open),
        '”' => (Level::Double, Lean::Close),
        '\'' => (Level::Single, Lean::Either),
        '‘' | '`' => (Level::Single, Lean::Open),
        '’' => (Level::Single, Lean::Close),
        _ => return None,
    };
    Some((level, ch.len_utf8(), lean))
}

/// Byte length of the mark at `at` (a position the scanner recorded).
fn mark_len(text: &str, at: usize) -> usize {
    mark_at(text, at).map_or(1, |(_, len, _)| len)
}

/// Curly or straight, for any quotation-mark character.
pub fn glyph_of(ch: char) -> Glyph {
    if matches!(ch, '"' | '\'' | '`') {
        Glyph::Straight
    } else {
        Glyph::Curly
    }
}

#[derive(Debug, Clone, Copy)]
struct Flanking {
    /// Text on the right, space or punctuation on the left: can open.
    left: bool,
    /// Text on the left, space or punctuation on the right: can close.
    right: bool,
}

/// CommonMark's flanking rules, applied to a quotation mark.
fn flanking(prev: Option<char>, next: Option<char>) -> Flanking {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(is_punctuation);
    Flanking {
        // Nothing opens right before a comma or a closing bracket
        // (“the Message ‘, the famous…” closes).
        left: !space(next)
            && !next.is_some_and(|c| matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}'))
            && (!punct(next) || space(prev) || punct(prev)),
        right: !space(prev) && (!punct(prev) || space(next) || punct(next)),
    }
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '“' | '”' | '‘' | '’' | '«' | '»' | '—' | '–' | '…' | '¿' | '¡' | '·' | '•'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&'static str]) -> Vec<Paragraph<'static>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph {
                text: t,
                continues_previous: i > 0,
            })
            .collect()
    }

    /// The roles of the marks of a one-paragraph text, as compact letters:
    /// o/c open/close double, O/C single, r reopen, x stray, a apostrophe, - other.
    fn roles(text: &'static str) -> String {
        let scan = scan(&paras(&[text]));
        role_letters(&scan.marks[0])
    }

    fn role_letters(marks: &[Mark]) -> String {
        marks
            .iter()
            .map(|m| match m.role {
                Role::Open(Level::Double) => 'o',
                Role::Close(Level::Double) => 'c',
                Role::Open(Level::Single) => 'O',
                Role::Close(Level::Single) => 'C',
                Role::Reopen(_) => 'r',
                Role::StrayClose => 'x',
                Role::Apostrophe => 'a',
                Role::Other => '-',
            })
            .collect()
    }

    fn quoted(texts: &[&'static str]) -> Vec<String> {
        let ps = paras(texts);
        let scan = scan(&ps);
        scan.quotations
            .iter()
            .filter(|q| q.close.is_some())
            .map(|q| q.content(&ps).into_owned())
            .collect()
    }

    #[test]
    fn curly_pairs_and_nesting() {
        assert_eq!(roles("“We will return,” she said."), "oc");
        assert_eq!(roles("“He told me ‘never again’ twice,” she said."), "oOCc");
        assert_eq!(
            quoted(&["“He told me ‘never again’ twice,” she said."]),
            ["He told me ‘never again’ twice,", "never again"]
        );
        let scan = scan(&paras(&["“A ‘b’ c”"]));
        assert_eq!(scan.quotations[0].depth, 0);
        assert_eq!(scan.quotations[1].depth, 1);
    }

    #[test]
    fn straight_double_direction_comes_from_context() {
        assert_eq!(roles(r#""We will return," she said."#), "oc");
        assert_eq!(roles(r#"She said:"We will return.""#), "oc");
        assert_eq!(roles(r#"He called it "dull"."#), "oc");
        assert_eq!(roles(r#"("Yes.") Then "no""#), "ococ");
        assert_eq!(roles(r#""'Hello,' he said," she recalled."#), "oOCc");
        assert_eq!(roles(r#"It said "no"to it"#), "oc");
        // A straight mark between spaces is a ditto mark, after a digit an
        // inch mark.
        assert_eq!(roles(r#"Widths: 12" and 14" " pipes"#), "---");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            roles("Japan’s capital, BTS’ “Dynamite” and the ’90s"),
            "aaoca"
        );
        assert_eq!(
            roles("rock ’n’ roll, rock 'n' roll and rock’n’roll"),
            "aaaaaa"
        );
        assert_eq!(roles("The players' union said 'em and 'tis"), "aaa");
        assert_eq!(roles("O'Brien's class of '04 and the '60s"), "aaaa");
        assert_eq!(roles("“The players’ union,” he said."), "oac");
        assert_eq!(roles("He is 6'2\" tall."), "--");
    }

    #[test]
    fn single_quotes_pair_when_they_can() {
        assert_eq!(roles("‘Drum Diplomacy’ wins"), "OC");
        assert_eq!(roles("'We won,' he said of the '90s."), "OCa");
        assert_eq!(quoted(&["'We won,' he said."]), ["We won,"]);
        // A closing-looking single mark with nothing open is an apostrophe,
        // never a stray mark.
        assert_eq!(roles("the Joneses’ house’"), "aa");
    }

    #[test]
    fn stray_closers_are_found() {
        let texts = ["Read the analysis for deeper insights.”"];
        let s = scan(&paras(&texts));
        let stray: Vec<_> = s.stray_closers().collect();
        assert_eq!(stray.len(), 1);
        assert_eq!(stray[0].1.at, texts[0].len() - '”'.len_utf8());
        assert_eq!(roles(r#"The end of it." he said"#), "x");
    }

    #[test]
    fn unclosed_openers_are_found() {
        let s = scan(&paras(&["“We will return, she said.", "Nothing more."]));
        let unclosed: Vec<_> = s.unclosed().collect();
        assert_eq!(unclosed.len(), 1);
        assert_eq!(unclosed[0].open, Pos { para: 0, at: 0 });

        // A second opener while one is open: the first was never closed.
        let s = scan(&paras(&[r#""We will return, she said, "soon," he added."#]));
        assert_eq!(role_letters(&s.marks[0]), "ooc");
        assert_eq!(s.unclosed().count(), 1);
        assert_eq!(s.unclosed().next().unwrap().open.at, 0);

        // A single inside a double that closes first.
        let s = scan(&paras(&["“He called it ‘dumb.” Then he left."]));
        let unclosed: Vec<_> = s.unclosed().collect();
        assert_eq!(unclosed.len(), 1);
        assert_eq!(unclosed[0].level, Level::Single);
    }

    #[test]
    fn quotations_run_over_paragraphs_ap_style() {
        let texts = [
            "“The first part of what she said,",
            "“and the second part, which closes.”",
            "She left.",
        ];
        let ps = paras(&texts);
        let s = scan(&ps);
        assert_eq!(s.unclosed().count(), 0);
        assert_eq!(s.quotations.len(), 1);
        let q = &s.quotations[0];
        assert_eq!(q.reopens, [Pos { para: 1, at: 0 }]);
        assert_eq!(
            q.close,
            Some(Pos {
                para: 1,
                at: texts[1].len() - 3
            })
        );
        assert_eq!(q.last_para(), 1);
        assert_eq!(
            q.content(&ps),
            "The first part of what she said, and the second part, which closes."
        );
        assert_eq!(role_letters(&s.marks[1]), "rc");

        // Straight marks, three paragraphs.
        let s = scan(&paras(&[r#""One."#, r#""Two."#, r#""Three," he said."#]));
        assert_eq!(s.quotations.len(), 1);
        assert_eq!(s.unclosed().count(), 0);

        // The next paragraph does not open with a mark: never closed.
        let s = scan(&paras(&["“One.", "Two.”"]));
        assert_eq!(s.unclosed().count(), 1);
        assert_eq!(s.stray_closers().count(), 1);
    }

    #[test]
    fn a_lost_paragraph_break_keeps_the_quotation_open() {
        // Copy that ran its paragraphs together: the quotation reopens after
        // a finished sentence instead of closing.
        let texts = [r#""We had our heads down. "So for us it is new," he said. Then "more.""#];
        let ps = paras(&texts);
        let s = scan(&ps);
        assert_eq!(role_letters(&s.marks[0]), "orcoc");
        assert_eq!(s.unclosed().count(), 0);
        assert_eq!(s.quotations[0].reopens.len(), 1);
        assert_eq!(
            s.quotations[0].content(&ps),
            "We had our heads down. So for us it is new,"
        );
        let end = texts[0].find(" he said").unwrap();
        assert_eq!(
            s.quotations[0].extents(&ps).collect::<Vec<_>>(),
            [(0, 0..end)]
        );
        // After a comma it is a second opener: the first was never closed.
        let s = scan(&paras(&["“One, “two,” he said."]));
        assert_eq!(role_letters(&s.marks[0]), "ooc");
        // Curly copy keeps its paragraphs: no reopening inside one.
        let s = scan(&paras(&["“One. “Two,” he said."]));
        assert_eq!(role_letters(&s.marks[0]), "ooc");
        assert_eq!(s.unclosed().count(), 1);
    }

    #[test]
    fn no_continuation_into_a_block_that_cannot_continue() {
        let ps = [
            Paragraph {
                text: "“Open",
                continues_previous: false,
            },
            Paragraph {
                text: "“Heading”",
                continues_previous: false,
            },
        ];
        let s = scan(&ps);
        assert_eq!(s.unclosed().count(), 1);
        assert_eq!(s.quotations.len(), 2);
    }

    #[test]
    fn wire_copy_doubles_pair() {
        assert_eq!(roles("``Most of them are up,'' Martin said."), "oc");
        assert_eq!(
            roles(r#""Today,'' he said. "It's a second life.''"#),
            "ocoac"
        );
        let s = scan(&paras(&[r#""He said, 'When do we go?''' McGovern said."#]));
        assert_eq!(role_letters(&s.marks[0]), "oOCc");
        assert_eq!(s.marks[0][3].len, 2);
        assert_eq!(s.unclosed().count(), 0);
        assert_eq!(roles("playing `who blinks first', we"), "OC");
    }

    #[test]
    fn marks_of_the_other_style_nest() {
        let s = scan(&paras(&[
            r#""He replied, “What for? You gave us the best day”. It's humbling," he said."#,
        ]));
        assert_eq!(role_letters(&s.marks[0]), "oocac");
        assert_eq!(s.unclosed().count(), 0);
        assert_eq!(s.quotations[1].depth, 1);
    }

    #[test]
    fn curly_single_pairs_stand_for_doubles() {
        let s = scan(&paras(&[
            "issued a warning that “voters are entitled to it.’’ Then",
        ]));
        assert_eq!(role_letters(&s.marks[0]), "oc");
        assert_eq!(s.marks[0][1].len, "’’".len());
        assert_eq!(s.unclosed().count(), 0);
    }

    #[test]
    fn a_mark_before_a_comma_closes() {
        // The second ‘ is a closer typed the wrong way (with a stray space).
        let s = scan(&paras(&[
            "the theme ‘The Medium is the Message ‘, the famous line",
        ]));
        assert_eq!(role_letters(&s.marks[0]), "OC");
        assert_eq!(s.unclosed().count(), 0);
    }

    #[test]
    fn a_single_opener_replaced_by_another_is_doubtful_not_unclosed() {
        let s = scan(&paras(&["the 'Ol Miss crowd sang 'Dixie' again"]));
        assert_eq!(role_letters(&s.marks[0]), "OOC");
        assert!(s.quotations[0].doubtful);
        assert_eq!(s.unclosed().count(), 0);
    }

    #[test]
    fn a_missing_space_after_a_closer_still_closes() {
        assert_eq!(roles(r#""I'm up for it."Earlier, he left."#), "oac");
    }

    #[test]
    fn wrong_way_round_marks_still_pair() {
        assert_eq!(roles("“Like this“ and ”like that” here"), "ococ");
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for text in [
            "",
            "\"",
            "'",
            "’",
            "“",
            "”",
            "‘",
            "\"\"\"\"",
            "'''",
            "é’é",
            "’n",
            "'9",
            "“‘’”‘",
            "\u{a0}“\u{a0}”",
            "a\"",
            "\"a",
            "''n''",
            "``",
            "`",
            "''",
            "'''''",
            "`é``é''",
        ] {
            let ps = paras(&[text, text]);
            let s = scan(&ps);
            for q in &s.quotations {
                let _ = q.content(&ps);
            }
        }
    }

    #[test]
    fn long_text_is_linear() {
        let text: &'static str = Box::leak("“a” 'b ’c ".repeat(200_000).into_boxed_str());
        let start = std::time::Instant::now();
        let s = scan(&paras(&[text]));
        assert!(s.marks[0].len() >= 800_000);
        assert!(start.elapsed().as_secs() < 5);
    }
}

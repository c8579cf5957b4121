//! What each body block is, as far as junk detection cares: the rule's lists
//! and patterns first, then the block's shape.
//!
//! Cheap tests come first and decide most blocks: one pass measures the
//! block ([`Outline`]); the lists are looked up only where a line begins
//! ([`Controls`]); patterns run only on blocks short enough to be a label, a
//! control or a footer line.

use regex::Regex;

use super::controls::{ControlLine, Controls, MAX_CONTROL_LINE};
use super::patterns::{PageHits, PagePatterns};
use super::runs::{Class, Line, story};
use super::shape::{Outline, Shape, ends_sentence};

/// The compiled lists, patterns and shape of a rule.
#[derive(Debug)]
pub struct Classifier {
    pub controls: Option<Controls>,
    pub label_patterns: Option<Regex>,
    /// `markers`, `comment_patterns` and `footer_patterns`.
    pub page_patterns: Option<PagePatterns>,
    pub shape: Shape,
}

/// Blocks of the story this far from its first or last one are read
/// without the page patterns (`markers`, `comment_patterns`,
/// `footer_patterns`) when they are longer than a headline: a promotion or
/// a footer there neither moves the story's ends nor joins a block of junk.
const STORY_EDGE: usize = 2;

/// One body block as the classifier reads it.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    /// Its plain text (URLs and e-mail addresses blanked).
    pub text: &'a str,
    /// The same block as written in the file.
    pub source: &'a str,
    /// Marked up as a heading (Markdown `##`): the author's own subhead
    /// when a paragraph follows it.
    pub heading: bool,
    /// The engine's shared phrase pass saw, in this block, a literal that
    /// some page pattern needs ([`PagePatterns::needs`]); true when the
    /// rule runs without the pass.
    pub page_literal: bool,
}

impl Classifier {
    /// The body blocks' classes, given the article's headline.
    ///
    /// Long blocks are first read without the page patterns (a regex
    /// search of the whole block each); those outside the story or
    /// at its edges are then read in full, and when one of them changes
    /// class the story may have moved, so all the rest are read in full too.
    pub fn lines(&self, pieces: &[Piece], headline: &str) -> Vec<Line> {
        // Measured once: a block read again in full keeps its outline.
        let outlines: Vec<Outline> = pieces.iter().map(|p| Outline::of(p.text)).collect();
        let line = |i: usize, full: bool| self.line(&pieces[i], &outlines[i], headline, full);
        let mut deferred = Vec::new();
        let mut lines: Vec<Line> = (0..pieces.len())
            .map(|i| {
                let (line, complete) = line(i, false);
                if !complete {
                    deferred.push(i);
                }
                line
            })
            .collect();
        if deferred.is_empty() {
            return lines;
        }
        let story = story(&lines).unwrap_or(0..0);
        let at_edge = |i: usize| i < story.start + STORY_EDGE || i + STORY_EDGE >= story.end;
        let mut changed = false;
        deferred.retain(|&i| {
            if !at_edge(i) {
                return true;
            }
            let (read, _) = line(i, true);
            changed |= read.class != lines[i].class;
            lines[i] = read;
            false
        });
        if changed {
            for i in deferred {
                lines[i] = line(i, true).0;
            }
        }
        lines
    }

    /// One body block with its outline, and whether it was read in full
    /// (`full`, or short enough that the page patterns were tried anyway).
    fn line(&self, piece: &Piece, outline: &Outline, headline: &str, full: bool) -> (Line, bool) {
        let complete = full || outline.words <= self.shape.max_words();
        // Scraped pages repeat the headline above the story: it is the
        // story's, and ends any block of junk before it.
        let copy_of_headline = !headline.is_empty()
            && outline.text.len() <= 2 * headline.len()
            && same_words(outline.text, headline);
        let class = if copy_of_headline {
            Class::Title
        } else if outline.multiline {
            self.classify_lines(outline, complete, piece.page_literal)
        } else {
            self.classify(outline, piece.source, complete, piece.page_literal)
        };
        // "Read more: Ferry Fares Rise Again" is a box of one link.
        let linked = class == Class::Label
            && !outline.multiline
            && self.controls.as_ref().and_then(|c| c.read(outline.text))
                == Some(ControlLine::LabelAndLink);
        // "Comments are moderated" says what follows is comments; a
        // "Comments" link may be a button in the story.
        let notice = class == Class::Comments
            && self
                .page_patterns
                .as_ref()
                .is_some_and(|p| p.read(outline.text, piece.page_literal).comment);
        let line = Line {
            class,
            words: outline.words,
            digits: outline.digits,
            leading_number: outline.text.starts_with(|c: char| c.is_ascii_digit()),
            sentence: ends_sentence(outline.text),
            heading: piece.heading,
            linked,
            notice,
        };
        (line, complete)
    }

    /// A block of several lines (a pasted article with blank lines between
    /// paragraphs keeps a share bar or a box of links together) is a widget
    /// when every line is a control or a label, or when a label heads
    /// headlines and controls; otherwise it is read whole. A paragraph
    /// wrapped over lines has a line that is neither.
    fn classify_lines(&self, block: &Outline, full: bool, page_literal: bool) -> Class {
        let mut lines = block
            .text
            .lines()
            .map(Outline::of)
            .filter(|l| !l.text.is_empty());
        let classify = |line: &Outline| self.classify(line, line.text, true, page_literal);
        let Some(first) = lines.next().map(|l| classify(&l)) else {
            return Class::Other;
        };
        let boxed = first == Class::Label;
        let mut flags = usize::from(first.is_flag());
        let mut headlines = 0;
        for line in lines {
            match classify(&line) {
                c if c.is_flag() => flags += 1,
                Class::Scrap => {}
                Class::Teaser | Class::Loose if boxed => headlines += 1,
                _ => return self.classify(block, block.text, full, page_literal),
            }
        }
        if flags >= 2 || (boxed && headlines >= 1) {
            Class::Widget
        } else {
            self.classify(block, block.text, full, page_literal)
        }
    }

    /// What one block is; `page`: whether to try the page patterns
    /// (`markers`, `comment_patterns`, `footer_patterns`) on it, those
    /// that need a literal only when `page_literal`.
    fn classify(&self, o: &Outline, source: &str, page: bool, page_literal: bool) -> Class {
        let text = o.text;
        let short = text.len() <= MAX_CONTROL_LINE && !o.multiline;
        let matches = |re: &Option<Regex>| re.as_ref().is_some_and(|r| r.is_match(text));
        let hits = match &self.page_patterns {
            Some(patterns) if page => patterns.read(text, page_literal),
            _ => PageHits::default(),
        };
        if hits.marker {
            return Class::Promo;
        }
        let control = self
            .controls
            .as_ref()
            .filter(|_| short)
            .and_then(|c| c.read(text));
        // A box label is no longer than a headline.
        let label_sized = short && o.words <= self.shape.max_words();
        if matches!(
            control,
            Some(ControlLine::Label | ControlLine::LabelAndLink)
        ) || (label_sized && matches(&self.label_patterns))
        {
            return Class::Label;
        }
        if control == Some(ControlLine::Toolbar) || self.shape.is_link_bar(o) {
            return Class::Widget;
        }
        // A trail of links ("Home » Sport » Football") often sits right
        // above the story's own headline: neutral, like a menu entry.
        if control == Some(ControlLine::Trail) {
            return Class::Scrap;
        }
        // A comment section's notice ("Comments are moderated") opens it as
        // its label does.
        if control == Some(ControlLine::Comments) || (short && hits.comment) {
            return Class::Comments;
        }
        if control == Some(ControlLine::Furniture) || (short && hits.footer) {
            return Class::Furniture;
        }
        if self.shape.is_bare_link(o, source) || is_arrow_link(o) {
            return Class::Link;
        }
        // "Is the Ferry Deal Good for Islanders?" asks as a headline does.
        if o.text.ends_with('?') && self.shape.is_title_case_headline(o) {
            Class::Teaser
        } else if self.shape.is_prose(o) {
            Class::Prose
        } else if self.shape.is_list_intro(o) {
            Class::Intro
        } else if self.shape.is_scrap(o) {
            Class::Scrap
        } else if self.shape.is_title_case_headline(o) {
            Class::Teaser
        } else if self.shape.is_loose_headline(o) {
            Class::Loose
        } else {
            Class::Other
        }
    }
}

/// A line opened by a link arrow ("» Ferry fares rise again", ">> News -
/// Docks close early"): a link of the page, unless it is a sentence.
fn is_arrow_link(o: &Outline) -> bool {
    let rest = o
        .text
        .strip_prefix(">>")
        .or_else(|| o.text.strip_prefix('»'))
        .or_else(|| o.text.strip_prefix('›'));
    rest.is_some_and(|rest| {
        rest.trim_start().starts_with(char::is_alphanumeric) && !ends_sentence(rest)
    })
}

/// The same words in the same order, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    fn words(s: &str) -> impl Iterator<Item = &str> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    }
    let (mut a, mut b) = (words(a), words(b));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y))
                if x.chars()
                    .flat_map(char::to_lowercase)
                    .eq(y.chars().flat_map(char::to_lowercase)) => {}
            _ => return false,
        }
    }
}

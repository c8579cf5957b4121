//! What each body block is, as far as junk detection cares: the rule's lists
//! and patterns first, then the block's shape.
//!
//! Cheap tests come first and decide most blocks: one pass measures the
//! block ([`Outline`]); the lists are looked up only where a line begins
//! ([`Controls`]); patterns run only on blocks short enough to be a label, a
//! control or a footer line.

use regex::Regex;

use super::controls::{Control, Controls, MAX_CONTROL_LINE};
use super::runs::{Class, Line};
use super::shape::{Outline, Shape};

/// The compiled lists, patterns and shape of a rule.
#[derive(Debug)]
pub struct Classifier {
    pub controls: Option<Controls>,
    pub label_patterns: Option<Regex>,
    pub markers: Option<Regex>,
    pub footer_patterns: Option<Regex>,
    pub shape: Shape,
}

impl Classifier {
    /// One body block, given the article's headline.
    pub fn line(&self, text: &str, headline: &str) -> Line {
        let outline = Outline::of(text);
        // Scraped pages repeat the headline above the story: it is the
        // story's, and ends any block of junk before it.
        let copy_of_headline = !headline.is_empty()
            && outline.text.len() <= 2 * headline.len()
            && same_words(outline.text, headline);
        let class = if copy_of_headline {
            Class::Other
        } else if outline.multiline {
            self.classify_lines(&outline)
        } else {
            self.classify(&outline)
        };
        Line {
            class,
            words: outline.words,
            digits: outline.digits,
        }
    }

    /// A block of several lines (a pasted article with blank lines between
    /// paragraphs keeps a share bar or a box of links together) is a widget
    /// when every line is a control or a label, or when a label heads
    /// headlines and controls; otherwise it is read whole. A paragraph
    /// wrapped over lines has a line that is neither.
    fn classify_lines(&self, block: &Outline) -> Class {
        let mut lines = block
            .text
            .lines()
            .map(Outline::of)
            .filter(|l| !l.text.is_empty());
        let Some(first) = lines.next().map(|l| self.classify(&l)) else {
            return Class::Other;
        };
        let boxed = first == Class::Label;
        let mut flags = usize::from(first.is_flag());
        let mut headlines = 0;
        for line in lines {
            match self.classify(&line) {
                c if c.is_flag() => flags += 1,
                Class::Scrap => {}
                Class::Teaser | Class::Loose if boxed => headlines += 1,
                _ => return self.classify(block),
            }
        }
        if flags >= 2 || (boxed && headlines >= 1) {
            Class::Widget
        } else {
            self.classify(block)
        }
    }

    fn classify(&self, o: &Outline) -> Class {
        let text = o.text;
        let short = text.len() <= MAX_CONTROL_LINE && !o.multiline;
        let matches = |re: &Option<Regex>| short && re.as_ref().is_some_and(|r| r.is_match(text));
        if self.markers.as_ref().is_some_and(|m| m.is_match(text)) {
            return Class::Promo;
        }
        let controls = self.controls.as_ref();
        if controls.is_some_and(|c| c.is_alone(text, Control::Label)) || matches(&self.label_patterns)
        {
            return Class::Label;
        }
        if controls.is_some_and(|c| c.is_toolbar(text)) || self.shape.is_link_bar(o) {
            return Class::Widget;
        }
        // A trail of links ("Home » Sport » Football") often sits right
        // above the story's own headline: neutral, like a menu entry.
        if controls.is_some_and(|c| c.is_trail(text)) {
            return Class::Scrap;
        }
        if controls.is_some_and(|c| c.is_alone(text, Control::Furniture))
            || matches(&self.footer_patterns)
        {
            return Class::Furniture;
        }
        if self.shape.is_prose(o) {
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

//! ## What it does
//! Finds blocks of page furniture pasted into an article and reports each
//! block once, as one finding that spans it:
//!
//! - after the story's last paragraph, a run of link labels ("More From
//!   Author"), promotional lines (a `markers` match, such as "read the full
//!   analysis in my latest blog") and teaser headlines of other stories:
//!   title-case lines with no final punctuation and no credit words. No
//!   label is needed: nothing of the story comes after its last paragraph.
//!   Once such a block starts, the rest of the page is its tail: later junk
//!   (a comment form, a footer with its copyright line) joins it with what
//!   lies between, until two real paragraphs in a row, or a line ending in
//!   a colon and the list it introduces, show the story's kind of text
//!   again. A last sentence or credit after the last junk stays out;
//! - above the story, a run of site controls and labels (a share bar and a
//!   "Text size" control), or a menu: `menu_run` short entries in a row,
//!   nearly none with a digit (a match's venue, date and kick-off time are
//!   the story's);
//! - anywhere in the body, a label followed by headline-like lines (a
//!   "Related" box), or `teaser_run` title-case lines in a row;
//! - anywhere, even alone, a widget: a bar of links ("Home | World |
//!   Sport"), several controls on one line ("Email to a friendPrinter
//!   friendly"), or a block whose every line is a control or a label with
//!   its links (an article with blank lines between paragraphs keeps a share
//!   bar together).
//!
//! The story is the stretch of blocks where prose outweighs everything else,
//! so a copyright line or a stray sentence among the junk after it does not
//! extend it. The headline, and a copy of it in the body, are never flagged;
//! nor is a headline followed by a paragraph (a subhead, wherever it is), a
//! list after a line ending in a colon, a numbered list, or a fixture list
//! ("A v B"). A lone promo line in the middle of the story ("ADVERTISEMENT")
//! and a lone copyright line are the phrase rules' job (`kind: existence`)
//! or nobody's; a block reported here stands for them, so the engine drops
//! same-family findings inside it.
//!
//! A paragraph is a block that ends a sentence and has at least
//! `shape.prose_min_words` words. A block is read whole (in a plain-text
//! article with one paragraph per line, each line), but for a widget split
//! over lines.
//!
//! ## Why
//! Articles reach the desk from CMS exports, wire feeds and scraped pages,
//! with the page's "More From Author" box, its menus, its comment form and
//! its footer still attached. Published, that is another site's furniture
//! in our story. Labels can be listed; teaser headlines and menus cannot, so
//! they are found by their shape and their place.
//!
//! ## Example
//! ```yaml
//! kind: promo-block
//! severity: error
//! message: "Block of pasted page furniture ({size}), starting '{first}'"
//! description: Teasers and link boxes pasted with the story.
//! labels: [More From Author, Related, Most read]   # box labels: headlines follow
//! label_patterns: ['^\W*(?:\w+\s+){0,3}news\W*$'] # box labels by shape ("SPORTS NEWS")
//! furniture: [Print, Share this, Advertisement]     # junk lines that head nothing
//! footer_patterns: ['\ball rights reserved\b']     # footer lines: junk that heads nothing
//! markers: ['\bin my latest blog\b']               # a line with one is promotional
//! min_lines: 2        # junk lines a block after the story needs (default 2)
//! min_share: 0.5      # share of its lines (scraps aside) that are junk (default 0.5)
//! teaser_run: 3       # title-case lines in a row that are a block anywhere (0: off)
//! menu_run: 4         # short entries in a row that are a menu above the story (0: off)
//! shape:              # headline and paragraph shape (numbers are the defaults)
//!   min_words: 4
//!   max_words: 20
//!   max_chars: 160
//!   max_commas: 1
//!   prose_min_words: 5
//!   link_bar_items: 3       # items of a bar of links (0: off)
//!   link_bar_item_words: 5  # most words in one of its items
//!   minor_words: [a, an, and, as, at, by, for, from, in, of, on, or, the, to, with]
//!   reporting_words: [according, reporting, editing, photo, credit]
//! examples:
//!   - bad: "The talks resume on Monday.\nMore From Author\nWhy Every Port Strike Ends the Same Way"
//!   - good: "Why the Talks Matter\nThe talks resume on Monday."
//! ```
//! `labels` and `furniture` are literal text alone on a line (symbols such
//! as "»" or ":" around it, or a count such as "(12)", are fine), or before
//! a colon and a headline ("Read more: ..."); `label_patterns`,
//! `footer_patterns` and `markers` are regular expressions. All follow
//! `ignorecase` (default true). A label heads a box of links; furniture
//! ("Print", "Share this", a copyright line) is junk but heads nothing; a
//! trail of links opened by either ("Home » Sport") is neutral. A scrap (a
//! menu entry, a name in capitals, a time stamp) is neutral: it neither
//! makes nor breaks a block, and goes with the block it touches. Reporting
//! words make a line a credit, never a headline; "says" is not one of them
//! ("Ferries halt after crash, regulator says" is a headline).
//!
//! The message can use `{size}` ("1 line", "4 lines"), `{lines}` (the
//! number) and `{first}` (the block's first line).
//!
//! ## Fix safety
//! Unsafe: the fix deletes the block's whole lines, with the line breaks
//! that separated it. A teaser list is junk, but a title-case line after the
//! last paragraph can be a real closing line the desk wants to keep, so a
//! person should look.

mod runs;
mod shape;

use std::ops::Range;

use regex::Regex;

use self::runs::{Class, Limits, Line, junk_runs};
use self::shape::{Shape, ShapeSpec, word_count};
use super::text::{PhraseSet, alone_on_line, combined_regex};
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::span::Span;
use crate::document::{Block, Document};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

rule_spec! {
    pub struct PromoBlockSpec {
        #[serde(default)]
        pub labels: Vec<String>,
        #[serde(default)]
        pub label_patterns: Vec<Spanned<String>>,
        #[serde(default)]
        pub furniture: Vec<String>,
        #[serde(default)]
        pub markers: Vec<Spanned<String>>,
        #[serde(default)]
        pub footer_patterns: Vec<Spanned<String>>,
        #[serde(default = "crate::rules::spec::yes")]
        pub ignorecase: bool,
        #[serde(default = "default_min_lines")]
        pub min_lines: usize,
        #[serde(default = "default_min_share")]
        pub min_share: f64,
        #[serde(default = "default_teaser_run")]
        pub teaser_run: usize,
        #[serde(default = "default_menu_run")]
        pub menu_run: usize,
        #[serde(default)]
        pub shape: ShapeSpec,
    }
}

fn default_min_lines() -> usize {
    2
}

fn default_min_share() -> f64 {
    0.5
}

fn default_teaser_run() -> usize {
    3
}

fn default_menu_run() -> usize {
    4
}

pub static KIND: Kind = Kind {
    name: "promo-block",
    placeholders: &["lines", "size", "first"],
    source: include_str!("promo_block.rs"),
    compile,
};

struct PromoBlock {
    meta: RuleMeta,
    labels: Option<PhraseSet>,
    label_patterns: Option<Regex>,
    furniture: Option<PhraseSet>,
    /// `labels` and `furniture` in one set, for a bar of several controls
    /// on one line.
    controls: Option<PhraseSet>,
    markers: Option<Regex>,
    footer_patterns: Option<Regex>,
    limits: Limits,
    shape: Shape,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    Ok(Box::new(build(file)?))
}

fn build(file: &RuleFile) -> Result<PromoBlock, RuleError> {
    let spec: PromoBlockSpec = file.parse()?;
    let phrase_set = |list: &[String], key: &str| -> Result<Option<PhraseSet>, RuleError> {
        if let Some(blank) = list.iter().find(|p| p.trim().is_empty()) {
            return Err(file.error(format!("empty entry {blank:?} in `{key}`")));
        }
        if list.is_empty() {
            return Ok(None);
        }
        PhraseSet::new(list, spec.ignorecase, true)
            .map(Some)
            .map_err(|e| file.error(e))
    };
    let labels = phrase_set(&spec.labels, "labels")?;
    let furniture = phrase_set(&spec.furniture, "furniture")?;
    let controls = phrase_set(
        &[spec.labels.clone(), spec.furniture.clone()].concat(),
        "labels",
    )?;
    if !(spec.min_share > 0.0 && spec.min_share <= 1.0) {
        return Err(file.error(format!(
            "`min_share` is a share of lines, above 0 and at most 1; got {}",
            spec.min_share
        )));
    }
    if spec.min_lines == 0 {
        return Err(file.error("`min_lines` must be at least 1"));
    }
    let regex = |list: &[Spanned<String>]| -> Result<Option<Regex>, RuleError> {
        let patterns: Vec<String> = list.iter().map(|m| m.value.clone()).collect();
        combined_regex(&patterns, spec.ignorecase).map_err(|(i, e)| file.error_at(&list[i], e))
    };
    let markers = regex(&spec.markers)?;
    let label_patterns = regex(&spec.label_patterns)?;
    let footer_patterns = regex(&spec.footer_patterns)?;
    let shape = Shape::new(&spec.shape).map_err(|e| file.error(e))?;
    let limits = Limits {
        min_lines: spec.min_lines,
        min_share: spec.min_share,
        teaser_run: spec.teaser_run,
        menu_run: spec.menu_run,
    };
    let meta = KIND.meta(file, spec.common())?;
    Ok(PromoBlock {
        meta,
        labels,
        label_patterns,
        furniture,
        controls,
        markers,
        footer_patterns,
        limits,
        shape,
    })
}

impl PromoBlock {
    fn line(&self, text: &str, headline: &str) -> Line {
        // Scraped pages repeat the headline above the story: it is the
        // story's, and ends any block of junk before it.
        let copy_of_headline =
            !headline.is_empty() && text.len() <= 2 * headline.len() && same_words(text, headline);
        let class = if copy_of_headline {
            Class::Other
        } else if text.trim().contains('\n') {
            self.classify_lines(text)
        } else {
            self.classify(text)
        };
        Line {
            class,
            words: word_count(text),
            digits: text.contains(|c: char| c.is_ascii_digit()),
        }
    }

    /// A block of several lines (a pasted article with blank lines between
    /// paragraphs keeps a share bar or a box of links together) is a widget
    /// when every line is a control or a label, or when a label heads
    /// headlines and controls; otherwise it is read whole. A paragraph
    /// wrapped over lines has a line that is neither.
    fn classify_lines(&self, text: &str) -> Class {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let Some(first) = lines.next().map(|l| self.classify(l)) else {
            return Class::Other;
        };
        let boxed = first == Class::Label;
        let mut flags = usize::from(first.is_flag());
        let mut headlines = 0;
        for line in lines {
            match self.classify(line) {
                c if c.is_flag() => flags += 1,
                Class::Scrap => {}
                Class::Teaser | Class::Loose if boxed => headlines += 1,
                _ => return self.classify(text),
            }
        }
        if flags >= 2 || (boxed && headlines >= 1) {
            Class::Widget
        } else {
            self.classify(text)
        }
    }

    fn classify(&self, text: &str) -> Class {
        if self.markers.as_ref().is_some_and(|m| m.is_match(text)) {
            return Class::Promo;
        }
        if is_label(self.labels.as_ref(), text)
            || self
                .label_patterns
                .as_ref()
                .is_some_and(|p| p.is_match(text.trim()))
        {
            return Class::Label;
        }
        if is_toolbar(self.controls.as_ref(), text) || self.shape.is_link_bar(text) {
            return Class::Widget;
        }
        // A trail of links ("Home » Sport » Football") often sits right
        // above the story's own headline: neutral, like a menu entry.
        if is_trail(self.controls.as_ref(), text) {
            return Class::Scrap;
        }
        if is_label(self.furniture.as_ref(), text)
            || self
                .footer_patterns
                .as_ref()
                .is_some_and(|p| p.is_match(text.trim()))
        {
            return Class::Furniture;
        }
        if self.shape.is_prose(text) {
            Class::Prose
        } else if self.shape.is_list_intro(text) {
            Class::Intro
        } else if self.shape.is_scrap(text) {
            Class::Scrap
        } else if self.shape.is_title_case_headline(text) {
            Class::Teaser
        } else if self.shape.is_loose_headline(text) {
            Class::Loose
        } else {
            Class::Other
        }
    }
}

/// Longest line read as a label ("Read more: " and a headline fit easily):
/// longer text is prose, and is not searched once per match.
const MAX_LABEL_LINE: usize = 400;

/// One of `labels` alone on a one-line block, or opening it before a colon
/// ("Read more: Ferry Fares Rise Again").
fn is_label(labels: Option<&PhraseSet>, text: &str) -> bool {
    labelled(labels, text, true, &[':'])
}

/// A trail of links opened by one of `labels` ("Home » Sport » Football").
fn is_trail(labels: Option<&PhraseSet>, text: &str) -> bool {
    labelled(labels, text, false, &['»', '›', '>'])
}

/// One of `labels` opening a one-line block before one of `before`, or
/// (when `alone`) all there is on it.
fn labelled(labels: Option<&PhraseSet>, text: &str, alone: bool, before: &[char]) -> bool {
    let Some(labels) = labels else {
        return false;
    };
    let text = text.trim();
    if text.len() > MAX_LABEL_LINE || text.contains('\n') {
        return false;
    }
    labels.find(text).into_iter().any(|(_, range)| {
        let opens = text[..range.start].chars().all(|c| !c.is_alphanumeric());
        let rest = text[range.end..].trim();
        (alone && (alone_on_line(text, &range) || (opens && is_count(rest))))
            || (opens && rest.starts_with(before))
    })
}

/// "(12)": the count a control shows ("Comments (12)").
fn is_count(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Two or more controls and labels and nothing else on one line: a toolbar
/// ("Print Email this Comment", "Have your say Read comments"). Scraped
/// pages often glue its buttons together ("Email to a friendPrinter
/// friendly"): a capital right after a small letter counts as a break.
fn is_toolbar(controls: Option<&PhraseSet>, text: &str) -> bool {
    let Some(controls) = controls else {
        return false;
    };
    let text = text.trim();
    if text.len() > MAX_LABEL_LINE || text.contains('\n') {
        return false;
    }
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut previous = ' ';
    for c in text.chars() {
        if previous.is_lowercase() && c.is_uppercase() {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = c;
    }
    let found = controls.find(&spaced);
    let mut covered = 0;
    let uncovered_word = found.iter().any(|(_, range)| {
        let gap = &spaced[covered..range.start];
        covered = range.end;
        gap.chars().any(char::is_alphanumeric)
    }) || spaced[covered..].chars().any(char::is_alphanumeric);
    // "See more photos:" introduces what follows.
    found.len() >= 2 && !uncovered_word && !text.ends_with(':')
}

impl Check for PromoBlock {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn subsumes_family(&self) -> bool {
        true
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let body: Vec<&Block> = doc.body().collect();
        let headline = doc.headline().map_or("", Block::text);
        let classes: Vec<Line> = body.iter().map(|b| self.line(b.text(), headline)).collect();
        for run in junk_runs(&classes, &self.limits) {
            out.push(self.diagnostic(doc, &body, run));
        }
    }
}

impl PromoBlock {
    fn diagnostic(&self, doc: &Document, body: &[&Block], run: Range<usize>) -> Diagnostic {
        let first = body[run.start];
        let last = body[run.end - 1];
        let span = Span::new(
            first.full_span().start as usize,
            last.full_span().end as usize,
        );
        let first_line = first.text().trim().lines().next().unwrap_or_default();
        let count = doc
            .slice(span)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        let size = match count {
            1 => "1 line".to_string(),
            n => format!("{n} lines"),
        };
        let title = match count {
            1 => "Delete the pasted line".to_string(),
            n => format!("Delete the {n} pasted lines"),
        };
        let fix = Fix::replace(title, deletion(doc, body, run), "", Applicability::Unsafe);
        self.meta.diagnostic_with(
            span,
            &[
                ("lines", &count.to_string()),
                ("size", &size),
                ("first", &shorten(first_line, 60)),
            ],
            Vec::new(),
            Some(fix),
        )
    }
}

/// What deleting blocks `run` removes: whole source lines, so no Markdown
/// marker or emphasis is left half-deleted. Before another block, its lines
/// and the breaks after them, so the breaks before it still separate what
/// came before from what follows (a headline stays apart from the story). At
/// the end of the file, from the end of the line before it (the blank lines
/// that separated it go too) to the end of its last line.
fn deletion(doc: &Document, body: &[&Block], run: Range<usize>) -> Span {
    let source = doc.source.as_str();
    let start = body[run.start].full_span().start as usize;
    let end = line_end(source, body[run.end - 1].full_span().end as usize);
    let next = body
        .get(run.end)
        .map(|b| line_start(source, b.full_span().start as usize))
        .filter(|&next| next > end);
    if let Some(next) = next {
        return Span::new(line_start(source, start), next);
    }
    let previous = match run.start.checked_sub(1) {
        Some(before) => Some(body[before]),
        None => doc.headline(),
    }
    .map(|b| b.full_span().end as usize)
    .filter(|&e| e <= start);
    match previous {
        Some(prev) => Span::new(line_end(source, prev).min(start), end),
        None => {
            let after = source[end..]
                .find(|c: char| !c.is_whitespace())
                .map_or(source.len(), |i| end + i);
            Span::new(line_start(source, start), after)
        }
    }
}

/// The same words in the same order, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &'_ str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// Offset of the start of the line that holds `at`.
fn line_start(source: &str, at: usize) -> usize {
    let at = at.min(source.len());
    source[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Offset of the line break at or after `at` (or the end of the text).
fn line_end(source: &str, at: usize) -> usize {
    let at = at.min(source.len());
    source[at..]
        .find(['\n', '\r'])
        .map_or(source.len(), |i| at + i)
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, ReadOptions};

    fn rule() -> Box<dyn Check> {
        let text = "kind: promo-block\nseverity: error\nmessage: \"{lines} {first}\"\ndescription: d\nlabels: [More From Author, Related]\nfurniture: [Print]\nmarkers: ['\\bmy latest blog\\b']\nexamples:\n  - bad: x\n  - good: y\n";
        let file = RuleFile::standalone("promo/test", "test.yaml", text);
        compile(&file).unwrap_or_else(|e| panic!("{e}"))
    }

    fn run(source: &str, format: Format) -> (Document, Vec<Diagnostic>) {
        let doc = Document::parse("t", source.to_string(), format, &ReadOptions::default());
        let mut out = Vec::new();
        rule().check(&Context::new(&doc), &mut out);
        (doc, out)
    }

    #[test]
    fn odd_input_never_panics_and_spans_stay_in_the_file() {
        let story = "The talks resume on Monday after a week of strikes at the port.";
        let inputs = [
            String::new(),
            "\n\n\r\r\n".to_string(),
            "\u{feff}Headline\r\n\r\nMore From Author\r\nRelated\r\n".to_string(),
            format!("Head\n\n{story}\n\nRelated\n\nÜber Alles Sagt Der Chef Dies\n\nPrint"),
            format!("Head\r{story}\rRelated\rFerry fares rise again\rPrint\r"),
            format!(
                "# Head\n\n{story}\n\n## Related\n\n- **Ferry fares rise again**\n- `x` Docks close early today\n"
            ),
            "é".repeat(10_000),
            format!("Head\n\n{}\n", "Related\n".repeat(2_000)),
        ];
        for source in &inputs {
            for format in [Format::Text, Format::Markdown, Format::Snippet] {
                let (doc, found) = run(source, format);
                for d in &found {
                    let fix = d.fix.as_ref().unwrap();
                    for span in std::iter::once(d.span).chain(fix.edits.iter().map(|e| e.span)) {
                        assert!(span.end as usize <= source.len(), "{source:?}");
                        assert!(source.is_char_boundary(span.start as usize));
                        assert!(source.is_char_boundary(span.end as usize));
                    }
                    assert!(!doc.slice(d.span).is_empty());
                }
            }
        }
    }

    #[test]
    fn a_block_of_controls_over_several_lines_is_a_widget() {
        let file = RuleFile::standalone(
            "promo/test",
            "test.yaml",
            "kind: promo-block\nseverity: error\nmessage: m\ndescription: d\nlabels: [Most read]\nfurniture: [Print, Share this article]\nexamples:\n  - bad: x\n  - good: y\n",
        );
        let rule = build(&file).unwrap_or_else(|e| panic!("{e}"));
        for widget in [
            "Share this article\nPrint",
            "Most read\nFerry fares rise again\nDock workers reject first offer",
        ] {
            assert_eq!(rule.line(widget, "").class, Class::Widget, "{widget}");
        }
        for text in [
            "Print\nThe council voted on Tuesday to approve the new ferry\nschedule, officials said.",
            "Most read\nThe council voted on Tuesday to approve the new ferry\nschedule, officials said.",
            "Ferry fares rise again\nDock workers reject first offer",
        ] {
            assert_ne!(rule.line(text, "").class, Class::Widget, "{text}");
        }
    }

    #[test]
    fn toolbars_and_trails() {
        let controls = PhraseSet::new(
            &[
                "Email to a friend",
                "Printer friendly",
                "Print",
                "Email",
                "Have your say",
                "Read comments",
                "See more",
                "Photos",
                "Home",
            ],
            true,
            true,
        )
        .unwrap();
        let controls = Some(&controls);
        for yes in [
            "Email to a friendPrinter friendly",
            "Print | Email",
            "Have your say Read comments",
        ] {
            assert!(is_toolbar(controls, yes), "{yes}");
        }
        for no in [
            "Print",
            "Email the mayor",
            "See more photos:",
            "Printer friendly version of the report",
            "",
        ] {
            assert!(!is_toolbar(controls, no), "{no}");
        }
        assert!(!is_toolbar(None, "Print | Email"));
        assert!(is_trail(controls, "Home » Sport » Football"));
        assert!(is_trail(controls, "Home > News"));
        assert!(!is_trail(controls, "Home"));
        assert!(!is_trail(controls, "Homeowners » Rates"));
        assert!(is_label(controls, "Print"));
        assert!(is_label(controls, "Read comments (12)"));
        assert!(!is_label(controls, "Read comments (twelve)"));
        assert!(!is_label(controls, "Home » Sport"));
    }

    #[test]
    fn a_box_in_markdown_is_deleted_with_its_markup() {
        let source = "# Head\n\nThe talks resume on Monday after a week of strikes at the port.\n\n## Related\n\n- [Ferry fares rise again](https://example.com/a)\n- [Docks close early on Friday](https://example.com/b)\n\nThe union will vote on Thursday, its president said at a rally.\n";
        let (doc, found) = run(source, Format::Markdown);
        assert_eq!(found.len(), 1);
        let (fixed, applied) = crate::fix::apply(&doc.source, &found, Applicability::Unsafe);
        assert_eq!(applied, 1);
        assert_eq!(
            fixed,
            "# Head\n\nThe talks resume on Monday after a week of strikes at the port.\n\nThe union will vote on Thursday, its president said at a rally.\n"
        );
    }
}

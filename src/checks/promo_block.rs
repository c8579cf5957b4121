//! ## What it does
//! Finds blocks of page furniture pasted into an article and reports each
//! block once, as one finding that spans it:
//!
//! - after the story's last paragraph, a run of link labels ("More From
//!   Author"), promotional lines (a `markers` match, such as "read the full
//!   analysis in my latest blog"), teaser headlines of other stories
//!   (title-case lines with no final punctuation and no credit words) and
//!   links alone on their lines ("twitter.com/harborledger", "» Ferry fares
//!   rise again"). No label is needed: nothing of the story comes after its
//!   last paragraph. Once such a block starts, the rest of the page is its
//!   tail: later junk (a comment form, a footer with its copyright line)
//!   joins it with what lies between, until two real paragraphs in a row,
//!   or a line ending in a colon and the list it introduces, show the
//!   story's kind of text again. A last sentence or credit after the last
//!   junk stays out; bare numbers that end the page (a pager) go;
//! - a comment section: from a `comment_labels` line after the story's
//!   start ("Reader comments (3)", "Leave a reply"), or a `comment_patterns`
//!   notice ("Comment entries are limited to 100 words"), to the end of the
//!   page, comments, form and footer, when other junk follows it and no
//!   three paragraphs in a row show the story going on (a "Have your say"
//!   box inside the story). After a label, a paragraph must be signed ("-
//!   Marco, Harbor City") to be a comment: a lone "Comments" link before the
//!   story's last paragraph opens nothing;
//! - above the story, a run of site controls and labels (a share bar and a
//!   "Text size" control, "Today's Paper" over its teasers), a menu:
//!   `menu_run` short entries in a row, nearly none with a digit (a match's
//!   venue, date and kick-off time are the story's), or a text ad: a
//!   headline, a line or two of copy and the advertiser's address. A copy
//!   of the headline, or a sentence that no link heads (a short paragraph
//!   between ad markers), splits what is above the story;
//! - anywhere in the body, a label followed by headline-like lines (a
//!   "Related" box, "Gallery | Night crossings on the harbor line",
//!   "Related coverage from Money:"); headlines closed by a label under them
//!   ("More in Politics"); three or more headlines after a piece of
//!   furniture ("Sign up now"), unless most open with a number (a recipe
//!   after "Print"); or `teaser_run` title-case lines in a row;
//! - inside the story, a sidebar: between paragraphs of some length, a
//!   stretch with links where junk of two kinds or more makes half the
//!   lines that count;
//! - anywhere, even alone, a widget: a bar of links ("Home | World |
//!   Sport"), several controls on one line ("Email to a friendPrinter
//!   friendly", "Comment | Read Comments (11)"), or a block whose every
//!   line is a control or a label with its links (an article with blank
//!   lines between paragraphs keeps a share bar together).
//!
//! The story is the stretch of blocks where prose outweighs everything else,
//! so a copyright line or a stray sentence among the junk after it does not
//! extend it. The headline, and a copy of it in the body, are never flagged
//! (but for a copy listed among a box's links); nor is a list after a line
//! ending in a colon, a numbered list, a fixture list ("A v B"), a byline,
//! or a subhead: a headline followed by a paragraph. In a story that uses
//! subheads (one between two paragraphs, or a Markdown heading) that holds
//! wherever the headline is; in a story without, a headline that ends a box
//! of links or a row of headlines before a paragraph is the box's last link,
//! unless it is in another case than all of them or follows a "Read more:
//! ..." line that carries its own link. A caption ending with its credit in
//! brackets ("(Image: Harbor Ledger)") is no headline. A lone promo line in
//! the middle of the story ("ADVERTISEMENT") and a lone copyright line are
//! the phrase rules' job (`kind: existence`) or nobody's; a block reported
//! here stands for them, so the engine drops same-family findings inside
//! it.
//!
//! A paragraph is a block that ends a sentence and has at least
//! `shape.prose_min_words` words. A block is read whole (in a plain-text
//! article with one paragraph per line, each line), but for a widget split
//! over lines.
//!
//! ## Why
//! Articles reach the desk from CMS exports, wire feeds and scraped pages,
//! with the page's "More From Author" box, its menus, its comment section
//! and its footer still attached. Published, that is another site's
//! furniture in our story. Labels can be listed; teaser headlines, menus and
//! comments cannot, so they are found by their shape and their place.
//!
//! ## Example
//! ```yaml
//! kind: promo-block
//! severity: error
//! message: "Block of pasted page furniture ({size}), starting '{first}'"
//! description: Teasers and link boxes pasted with the story.
//! labels_from: [promo/read-more]   # every `labels` entry of these rules heads a box
//! labels: [More From Author, Related, Most read]   # box labels: headlines follow
//! label_patterns: ['^\W*(?:\w+\s+){0,3}news\W*$'] # box labels by shape ("SPORTS NEWS")
//! furniture_from: [promo/page-tools]               # their `labels` are furniture
//! furniture: [Print, Share this, Advertisement]     # junk lines that head nothing
//! comment_labels: [Reader comments, Leave a reply]  # open the comment section
//! comment_patterns: ['\bcomments are moderated\b']  # so do its notices
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
//! `labels`, `furniture` and `comment_labels` are literal text alone on a
//! line (symbols such as "»" or ":" around it, or a count such as "(12)" or
//! "12 comments", are fine); a label also heads a headline on its own line
//! after a colon or one "|" ("Read more: ...", "Gallery | ..."). `*_from`
//! names rules whose `labels` list is read as well (`kind: existence`
//! rules: the phrase rule reports a lone label, this rule the box), so a
//! newsroom adds its furniture once; a phrase in several lists is a label
//! before it opens comments, and opens comments before it is furniture. A
//! label that names where its links come from, before a colon ("Related
//! coverage from Money:"), heads the lines under it. `label_patterns`,
//! `comment_patterns`, `footer_patterns` and `markers` are regular
//! expressions. All follow `ignorecase` (default true). A label heads a box
//! of links; furniture ("Print", "Share this", a `footer_patterns` line: a
//! copyright notice, a gallery's "1 - 5 of 36") is junk but heads nothing; a
//! trail of links opened by either ("Home » Sport") is neutral. A scrap (a menu entry, a name in capitals, a time stamp) is
//! neutral: it neither makes nor breaks a block, and goes with the block it
//! touches. Reporting words make a line a credit, never a headline; "says"
//! is not one of them ("Ferries halt after crash, regulator says" is a
//! headline).
//!
//! Labels and controls are looked for only where a line starts, label
//! patterns only on lines no longer than a headline, and `markers`,
//! `comment_patterns` and `footer_patterns` (one pattern set, one scan) on
//! every block but the long paragraphs well inside the story (more than
//! `shape.max_words` words, two or more blocks from its ends): a promotion
//! or footer there would not change the story's ends or join a block, and
//! scanning every paragraph with them costs more than the rest of the rule.
//! A pattern with a literal every match holds ("all rights reserved") is
//! tried only in blocks where the engine's shared phrase pass saw that
//! literal.
//! Comment notices and footer lines count only on lines of 400 bytes or
//! fewer.
//!
//! The message can use `{size}` ("1 line", "4 lines"), `{lines}` (the
//! number) and `{first}` (the block's first line).
//!
//! ## Fix safety
//! Unsafe: the fix deletes the block's whole lines, with the line breaks
//! that separated it. A teaser list is junk, but a title-case line after the
//! last paragraph can be a real closing line the desk wants to keep, and a
//! comment section's first lines can be the story's, so a person should
//! look.

mod classify;
mod controls;
mod patterns;
mod runs;
mod shape;

use std::ops::Range;

use serde::Deserialize;

use self::classify::{Classifier, Piece};
use self::controls::Controls;
use self::patterns::{List, PagePatterns};
use self::runs::{Limits, junk_runs};
use self::shape::{Shape, ShapeSpec};
use super::text::{PhraseSet, alternation, build_regex, combined_regex};
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::span::Span;
use crate::document::{Block, BlockKind, Document};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

rule_spec! {
    pub struct PromoBlockSpec {
        #[serde(default)]
        pub labels: Vec<String>,
        #[serde(default)]
        pub labels_from: Vec<Spanned<String>>,
        #[serde(default)]
        pub label_patterns: Vec<Spanned<String>>,
        #[serde(default)]
        pub furniture: Vec<String>,
        #[serde(default)]
        pub furniture_from: Vec<Spanned<String>>,
        #[serde(default)]
        pub comment_labels: Vec<String>,
        #[serde(default)]
        pub markers: Vec<Spanned<String>>,
        #[serde(default)]
        pub comment_patterns: Vec<Spanned<String>>,
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

/// The key read from a rule that `labels_from` or `furniture_from` names;
/// the rest of that file is its own business (and is checked when it is
/// compiled itself).
#[derive(Debug, Deserialize)]
struct SharedLabels {
    #[serde(default)]
    labels: Vec<String>,
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
    classifier: Classifier,
    limits: Limits,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    Ok(Box::new(build(file)?))
}

fn build(file: &RuleFile) -> Result<PromoBlock, RuleError> {
    let spec: PromoBlockSpec = file.parse()?;
    let labels = with_shared(file, &spec.labels, &spec.labels_from, "labels")?;
    let furniture = with_shared(file, &spec.furniture, &spec.furniture_from, "furniture")?;
    let comments = with_shared(file, &spec.comment_labels, &[], "comment_labels")?;
    let controls = Controls::new(&labels, &furniture, &comments, spec.ignorecase)
        .map_err(|e| file.error(e))?;
    if !(spec.min_share > 0.0 && spec.min_share <= 1.0) {
        return Err(file.error(format!(
            "`min_share` is a share of lines, above 0 and at most 1; got {}",
            spec.min_share
        )));
    }
    if spec.min_lines == 0 {
        return Err(file.error("`min_lines` must be at least 1"));
    }
    let regex = |list: &[Spanned<String>]| -> Result<Option<regex::Regex>, RuleError> {
        let patterns: Vec<String> = list.iter().map(|m| m.value.clone()).collect();
        combined_regex(&patterns, spec.ignorecase, || {
            build_regex(&alternation(&patterns), spec.ignorecase)
        })
        .map_err(|(i, e)| file.error_at(&list[i], e))
    };
    let values = |list: &[Spanned<String>]| list.iter().map(|m| m.value.clone()).collect();
    let (markers, comments, footers): (Vec<String>, Vec<String>, Vec<String>) = (
        values(&spec.markers),
        values(&spec.comment_patterns),
        values(&spec.footer_patterns),
    );
    let page_patterns = PagePatterns::new(&markers, &comments, &footers, spec.ignorecase).map_err(
        |(list, i, e)| {
            let list = match list {
                List::Markers => &spec.markers,
                List::Comments => &spec.comment_patterns,
                List::Footers => &spec.footer_patterns,
            };
            file.error_at(&list[i], e)
        },
    )?;
    let classifier = Classifier {
        controls,
        label_patterns: regex(&spec.label_patterns)?,
        page_patterns,
        shape: Shape::new(&spec.shape).map_err(|e| file.error(e))?,
    };
    let limits = Limits {
        min_lines: spec.min_lines,
        min_share: spec.min_share,
        teaser_run: spec.teaser_run,
        menu_run: spec.menu_run,
    };
    let meta = KIND.meta(file, spec.common())?;
    Ok(PromoBlock {
        meta,
        classifier,
        limits,
    })
}

/// The rule's own `key` list and the `labels` of every rule `from` names,
/// so a phrase rule's list is written once (`promo/read-more` reports a lone
/// "Most read"; here it heads a box).
fn with_shared(
    file: &RuleFile,
    own: &[String],
    from: &[Spanned<String>],
    key: &str,
) -> Result<Vec<String>, RuleError> {
    if let Some(blank) = own.iter().find(|p| p.trim().is_empty()) {
        return Err(file.error(format!("empty entry {blank:?} in `{key}`")));
    }
    let mut all = own.to_vec();
    for name in from {
        let id = name.value.trim();
        if id == file.id {
            return Err(file.error_at(name, format!("`{key}_from` names this rule itself")));
        }
        let Some(owner) = file.sibling(id) else {
            return Err(file.error_at(
                name,
                format!("`{key}_from` names `{id}`, which is not among the loaded rules"),
            ));
        };
        let shared: SharedLabels = owner.parse().map_err(|_| {
            file.error_at(
                name,
                format!("the labels of `{id}` do not load (its own error says why)"),
            )
        })?;
        all.extend(shared.labels.into_iter().filter(|l| !l.trim().is_empty()));
    }
    Ok(all)
}

impl Check for PromoBlock {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn subsumes_family(&self) -> bool {
        true
    }

    fn phrase_sets(&self) -> Vec<&PhraseSet> {
        self.page_literals().into_iter().collect()
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let body: Vec<&Block> = doc.body().collect();
        let headline = doc.headline().map_or("", Block::text);
        // The blocks in which the shared pass saw a page pattern's literal.
        let literal_blocks = self
            .page_literals()
            .and_then(|needs| cx.blocks_with_phrase(needs));
        // Each body block's index among all blocks, as the pass counts them.
        let body_indices = (doc.blocks.iter().enumerate())
            .filter(|(_, b)| b.kind.is_body())
            .map(|(index, _)| index);
        let pieces: Vec<Piece> = body
            .iter()
            .zip(body_indices)
            .map(|(b, index)| Piece {
                text: b.text(),
                source: doc.slice(b.full_span()),
                heading: b.kind == BlockKind::Heading,
                page_literal: literal_blocks
                    .as_ref()
                    .is_none_or(|blocks| blocks.binary_search(&index).is_ok()),
            })
            .collect();
        let classes = self.classifier.lines(&pieces, headline);
        for run in junk_runs(&classes, &self.limits) {
            out.push(self.diagnostic(doc, &body, run));
        }
    }
}

impl PromoBlock {
    /// The literals the page patterns need, which the shared phrase pass
    /// looks for on their behalf.
    fn page_literals(&self) -> Option<&PhraseSet> {
        self.classifier.page_patterns.as_ref()?.needs()
    }

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
    use super::runs::Class;
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

    fn piece(text: &str) -> Piece<'_> {
        Piece {
            text,
            source: text,
            heading: false,
            page_literal: true,
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
            assert_eq!(
                rule.classifier.lines(&[piece(widget)], "")[0].class,
                Class::Widget,
                "{widget}"
            );
        }
        for text in [
            "Print\nThe council voted on Tuesday to approve the new ferry\nschedule, officials said.",
            "Most read\nThe council voted on Tuesday to approve the new ferry\nschedule, officials said.",
            "Ferry fares rise again\nDock workers reject first offer",
        ] {
            assert_ne!(
                rule.classifier.lines(&[piece(text)], "")[0].class,
                Class::Widget,
                "{text}"
            );
        }
    }

    #[test]
    fn a_question_in_title_case_is_a_headline() {
        let rule = build(&RuleFile::standalone(
            "promo/test",
            "test.yaml",
            "kind: promo-block\nseverity: error\nmessage: m\ndescription: d\nlabels: [Related]\nexamples:\n  - bad: x\n  - good: y\n",
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let classes = rule.classifier.lines(
            &[
                piece("Is the Ferry Deal Good for Islanders?"),
                piece("Is the ferry deal good for the islanders who use it every day?"),
            ],
            "",
        );
        assert_eq!(classes[0].class, Class::Teaser);
        assert_eq!(classes[1].class, Class::Prose);
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

//! Source bytes → prose blocks, for plain text and for Markdown.
//!
//! Markdown goes through pulldown-cmark with source offsets: code blocks,
//! inline code, raw HTML, link targets and autolinks never reach the checks.
//! In both formats URLs and e-mail addresses inside prose are blanked out.

use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::offsets::MappedText;
use super::span::{Span, line_breaks};
use super::{Block, BlockKind};

/// Plain text: the first non-empty line is the headline. The body splits into
/// paragraphs on blank lines; a body with no blank line at all (one paragraph
/// per line, as many CMS exports and wire feeds write it) splits on every line.
pub fn text_blocks(source: &str, body_start: usize) -> Vec<Block> {
    let lines = lines_from(source, body_start);
    let mut blocks = Vec::new();
    let Some(first) = lines.iter().position(|l| !l.is_blank(source)) else {
        return blocks;
    };
    blocks.push(block_of_lines(
        source,
        &lines[first..=first],
        BlockKind::Headline,
    ));
    let body = &lines[first + 1..];
    let has_blank_separators = {
        let start = body.iter().position(|l| !l.is_blank(source));
        let end = body.iter().rposition(|l| !l.is_blank(source));
        match (start, end) {
            (Some(s), Some(e)) => body[s..=e].iter().any(|l| l.is_blank(source)),
            _ => false,
        }
    };
    if has_blank_separators {
        for group in body.split(|l| l.is_blank(source)) {
            if !group.is_empty() {
                blocks.push(block_of_lines(source, group, BlockKind::Paragraph));
            }
        }
    } else {
        for line in body.iter().filter(|l| !l.is_blank(source)) {
            blocks.push(block_of_lines(
                source,
                std::slice::from_ref(line),
                BlockKind::Paragraph,
            ));
        }
    }
    blocks
}

/// Every non-blank line is a body paragraph (rule examples).
pub fn snippet_blocks(source: &str, body_start: usize) -> Vec<Block> {
    lines_from(source, body_start)
        .iter()
        .filter(|l| !l.is_blank(source))
        .map(|l| block_of_lines(source, std::slice::from_ref(l), BlockKind::Paragraph))
        .collect()
}

/// A line's byte range, without its terminator.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

impl Line {
    fn is_blank(&self, source: &str) -> bool {
        source[self.start..self.end].trim().is_empty()
    }
}

fn lines_from(source: &str, from: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = from;
    for (end, next) in line_breaks(source, from) {
        lines.push(Line { start, end });
        start = next;
    }
    if start < source.len() {
        lines.push(Line {
            start,
            end: source.len(),
        });
    }
    lines
}

fn block_of_lines(source: &str, lines: &[Line], kind: BlockKind) -> Block {
    // The text is never longer than the lines it comes from.
    let span = match (lines.first(), lines.last()) {
        (Some(first), Some(last)) => last.end - first.start,
        _ => 0,
    };
    let mut mapped = MappedText::with_capacity(span);
    let mut prev_content_end = None;
    for line in lines {
        let raw = &source[line.start..line.end];
        let content_start = line.start + (raw.len() - raw.trim_start().len());
        let content = raw.trim();
        if let Some(prev_end) = prev_content_end {
            // Trailing space, the line break and leading space read as one `\n`.
            mapped.push("\n", prev_end, content_start);
        }
        mapped.push_exact(content, content_start);
        prev_content_end = Some(content_start + content.len());
    }
    finish(kind, mapped)
}

/// Markdown → blocks, plus the spans of HTML comments.
pub fn markdown_blocks(source: &str, body_start: usize) -> (Vec<Block>, Vec<Span>) {
    let body = &source[body_start..];
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut builder = MarkdownBuilder {
        base: body_start,
        blocks: Vec::new(),
        comments: Vec::new(),
        current: None,
        quote_depth: 0,
        item_depth: 0,
        code_depth: 0,
        skip_depth: 0,
        links: Vec::new(),
        html_block: None,
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        builder.event(body, event, range.start, range.end);
    }
    builder.flush();
    (builder.blocks, builder.comments)
}

struct MarkdownBuilder {
    base: usize,
    blocks: Vec<Block>,
    comments: Vec<Span>,
    current: Option<(BlockKind, MappedText)>,
    quote_depth: usize,
    item_depth: usize,
    code_depth: usize,
    /// Inside an autolink or image: the text there is not prose.
    skip_depth: usize,
    /// Open links, `true` for autolinks.
    links: Vec<bool>,
    html_block: Option<(usize, usize)>,
}

impl MarkdownBuilder {
    fn context_kind(&self) -> BlockKind {
        if self.item_depth > 0 {
            BlockKind::ListItem
        } else if self.quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn begin(&mut self, kind: BlockKind) {
        self.flush();
        self.current = Some((kind, MappedText::new()));
    }

    fn flush(&mut self) {
        if let Some((kind, mapped)) = self.current.take()
            && !mapped.text.trim().is_empty()
        {
            self.blocks.push(finish(kind, mapped));
        }
    }

    fn append(&mut self, text: &str, start: usize, end: usize) {
        if self.code_depth > 0 || self.skip_depth > 0 {
            return;
        }
        if self.current.is_none() {
            let kind = self.context_kind();
            self.current = Some((kind, MappedText::new()));
        }
        if let Some((_, mapped)) = self.current.as_mut() {
            mapped.push(text, self.base + start, self.base + end);
        }
    }

    fn event(&mut self, body: &str, event: Event<'_>, start: usize, end: usize) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    // A tight list item's text may already be open; a loose
                    // item's paragraphs each become a block.
                    let kind = self.context_kind();
                    self.begin(kind);
                }
                Tag::Heading { level, .. } => {
                    let headline = level == pulldown_cmark::HeadingLevel::H1
                        && self.blocks.is_empty()
                        && self.current.is_none();
                    self.begin(if headline {
                        BlockKind::Headline
                    } else {
                        BlockKind::Heading
                    });
                }
                Tag::Item => {
                    self.item_depth += 1;
                    self.begin(BlockKind::ListItem);
                }
                Tag::BlockQuote(_) => {
                    self.flush();
                    self.quote_depth += 1;
                }
                Tag::TableCell => self.begin(BlockKind::TableCell),
                Tag::CodeBlock(_) => {
                    self.flush();
                    self.code_depth += 1;
                }
                Tag::HtmlBlock => {
                    self.flush();
                    self.html_block = Some((start, end));
                }
                Tag::Link { link_type, .. } => {
                    let bare = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    self.links.push(bare);
                    if bare {
                        self.skip_depth += 1;
                    }
                }
                Tag::Image { .. } | Tag::MetadataBlock(_) => self.skip_depth += 1,
                Tag::List(_) => self.flush(),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.flush(),
                TagEnd::Item => {
                    self.flush();
                    self.item_depth = self.item_depth.saturating_sub(1);
                }
                TagEnd::BlockQuote(_) => {
                    self.flush();
                    self.quote_depth = self.quote_depth.saturating_sub(1);
                }
                TagEnd::CodeBlock => self.code_depth = self.code_depth.saturating_sub(1),
                TagEnd::HtmlBlock => {
                    if let Some((s, e)) = self.html_block.take() {
                        self.comments_in(body, s, e);
                    }
                }
                // A plain link's text is prose; an autolink's is a URL.
                TagEnd::Link if self.links.pop() == Some(true) => {
                    self.skip_depth = self.skip_depth.saturating_sub(1);
                }
                TagEnd::Image | TagEnd::MetadataBlock(_) => {
                    self.skip_depth = self.skip_depth.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(text) => self.append(&text, start, end),
            Event::Code(_) => {
                // Code is not prose; keep one space so words on either side
                // stay apart.
                self.append(" ", start, end);
            }
            Event::SoftBreak | Event::HardBreak => self.append("\n", start, end),
            Event::Html(_) => {
                if let Some((s, _)) = self.html_block {
                    self.html_block = Some((s, end));
                } else {
                    self.comments_in(body, start, end);
                }
            }
            Event::InlineHtml(_) => self.comments_in(body, start, end),
            _ => {}
        }
    }

    fn comments_in(&mut self, body: &str, start: usize, end: usize) {
        let chunk = &body[start..end];
        let mut from = 0;
        while let Some(open) = chunk[from..].find("<!--") {
            let open = from + open;
            let close = chunk[open + 4..]
                .find("-->")
                .map_or(chunk.len(), |c| open + 4 + c + 3);
            self.comments.push(Span::new(
                self.base + start + open,
                self.base + start + close,
            ));
            from = close;
        }
    }
}

/// Blank out URLs and e-mail addresses, then segment.
fn finish(kind: BlockKind, mut mapped: MappedText) -> Block {
    blank_unlintable(&mut mapped.text);
    Block::new(kind, mapped)
}

static UNLINTABLE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries: URLs and addresses are ASCII at their edges,
    // and Unicode `\b` would keep the regex off its fast DFA engines.
    Regex::new(
        r#"(?i)(?-u:\b)(?:https?://|ftp://|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]’”']|(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+"#,
    )
    .expect("static regex")
});

/// Replace each byte of every URL and e-mail address with a space: byte
/// lengths stay the same, so the offset map still holds.
fn blank_unlintable(text: &mut String) {
    // Most paragraphs have neither; one scan for the bytes every match
    // holds ("@", the ":" of "://", the "." of "www.") is far cheaper than
    // running the regex over every block.
    let bytes = text.as_bytes();
    let maybe = memchr::memchr3_iter(b'@', b':', b'.', bytes).any(|at| match bytes[at] {
        b'@' => true,
        b':' => bytes[at + 1..].starts_with(b"//"),
        _ => at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"),
    });
    if !maybe {
        return;
    }
    let ranges: Vec<_> = UNLINTABLE.find_iter(text).map(|m| m.range()).collect();
    if ranges.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for range in ranges {
        bytes[range].fill(b' ');
    }
    *text = String::from_utf8(bytes).expect("spaces replace whole chars");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_each_kind_of_line_break() {
        let source = "skip\na\r\nb\rc\n\r\nd";
        let lines: Vec<&str> = lines_from(source, 5)
            .iter()
            .map(|l| &source[l.start..l.end])
            .collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
        assert!(lines_from("x\n", 2).is_empty());
    }

    fn texts(blocks: &[Block]) -> Vec<(BlockKind, &str)> {
        blocks.iter().map(|b| (b.kind, b.text())).collect()
    }

    #[test]
    fn text_one_paragraph_per_line_when_no_blank_lines() {
        let src = "Headline Here\n\nFirst para.\nSecond para.\n";
        let blocks = text_blocks(src, 0);
        assert_eq!(
            texts(&blocks),
            [
                (BlockKind::Headline, "Headline Here"),
                (BlockKind::Paragraph, "First para."),
                (BlockKind::Paragraph, "Second para.")
            ]
        );
    }

    #[test]
    fn text_paragraphs_on_blank_lines_with_crlf() {
        let src = "Head\r\n\r\nOne line\r\nwraps here.\r\n\r\n  Two.\r\n";
        let blocks = text_blocks(src, 0);
        assert_eq!(blocks[1].text(), "One line\nwraps here.");
        assert_eq!(blocks[2].text(), "Two.");
        let wraps = blocks[1].text().find("wraps").unwrap();
        let span = blocks[1].span(wraps..wraps + 5);
        assert_eq!(&src[span.range()], "wraps");
        assert_eq!(&src[blocks[2].full_span().range()], "Two.");
    }

    #[test]
    fn markdown_skips_code_html_and_link_targets() {
        let src = "# Title\n\nSee [the report](https://example.com/x) and `code here`.\n\n```\nfenced code\n```\n\n<!-- copydesk-disable -->\n\n- item one\n- item *two*\n\n> quoted para\n\nMail a@b.org or visit <https://example.org>.\n";
        let (blocks, comments) = markdown_blocks(src, 0);
        let t = texts(&blocks);
        assert_eq!(t[0], (BlockKind::Headline, "Title"));
        assert_eq!(t[1], (BlockKind::Paragraph, "See the report and  ."));
        assert_eq!(t[2], (BlockKind::ListItem, "item one"));
        assert_eq!(t[3], (BlockKind::ListItem, "item two"));
        assert_eq!(t[4], (BlockKind::Quote, "quoted para"));
        assert!(
            t[5].1.starts_with("Mail ") && t[5].1.contains(" or visit"),
            "{}",
            t[5].1
        );
        assert!(!t[5].1.contains("a@b.org") && !t[5].1.contains("example.org"));
        assert_eq!(comments.len(), 1);
        assert_eq!(&src[comments[0].range()], "<!-- copydesk-disable -->");
        let two = blocks[3].text().find("two").unwrap();
        assert_eq!(&src[blocks[3].span(two..two + 3).range()], "two");
    }

    #[test]
    fn markdown_entities_map_to_their_source() {
        let src = "Tom &amp; Jerry said so.\n";
        let (blocks, _) = markdown_blocks(src, 0);
        assert_eq!(blocks[0].text(), "Tom & Jerry said so.");
        let j = blocks[0].text().find("Jerry").unwrap();
        assert_eq!(&src[blocks[0].span(j..j + 5).range()], "Jerry");
        assert_eq!(&src[blocks[0].span(4..5).range()], "&amp;");
    }

    #[test]
    fn urls_are_blanked_in_plain_text() {
        let blocks = text_blocks("H\n\nRead https://x.example/2026/01/13/a.html today.\n", 0);
        assert!(!blocks[1].text().contains("2026"));
        assert!(blocks[1].text().ends_with("today."));
        for (text, address) in [
            ("Visit WWW.Example.com/2026 now.", "Example"),
            ("Or www.example.org/news today.", "example"),
            ("Mail desk@example.org today.", "desk"),
        ] {
            let blocks = text_blocks(&format!("H\n\n{text}\n"), 0);
            assert!(!blocks[1].text().contains(address), "{text}");
        }
        let plain = "The 6 p.m. vote: 12 to 3. A www-style tag.";
        let blocks = text_blocks(&format!("H\n\n{plain}\n"), 0);
        assert_eq!(blocks[1].text(), plain);
    }
}

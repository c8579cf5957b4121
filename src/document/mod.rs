//! An article as the checks see it: the original source, its front matter and
//! its prose blocks, each with plain text mapped back to source bytes.

pub mod frontmatter;
pub mod markup;
pub mod offsets;
pub mod segment;
pub mod span;
pub mod suppress;

use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::Date;

use self::frontmatter::FrontMatter;
use self::offsets::MappedText;
use self::span::{LineIndex, Span};

/// How a file's bytes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: first line is the headline, then paragraphs.
    Text,
    /// CommonMark with YAML front matter.
    Markdown,
    /// Every line a body paragraph, no headline: how rule examples are read.
    Snippet,
}

impl Format {
    /// Markdown for `.md`/`.markdown` (and `.mdx`), plain text otherwise.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's headline: a plain-text file's first line, or a Markdown
    /// file's leading level-1 heading.
    Headline,
    /// A subhead inside the body.
    Heading,
    Paragraph,
    ListItem,
    /// A paragraph inside a Markdown block quote.
    Quote,
    TableCell,
}

impl BlockKind {
    pub fn is_body(self) -> bool {
        !matches!(self, BlockKind::Headline)
    }
}

/// One unit of prose: plain text, its sentences, and the way back to source.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    mapped: MappedText,
    /// Sentence ranges into [`Block::text`].
    pub sentences: Vec<Range<usize>>,
}

impl Block {
    pub fn new(kind: BlockKind, mapped: MappedText) -> Block {
        let sentences = segment::sentences(&mapped.text);
        Block {
            kind,
            mapped,
            sentences,
        }
    }

    /// The plain text. URLs, e-mail addresses and code are blanked out with
    /// spaces of the same length, so no check ever reads them.
    pub fn text(&self) -> &str {
        &self.mapped.text
    }

    /// Source span of a byte range of [`Block::text`].
    pub fn span(&self, range: Range<usize>) -> Span {
        self.mapped.span(range.start, range.end)
    }

    /// Source span of the whole block.
    pub fn full_span(&self) -> Span {
        self.mapped.full_span()
    }

    /// Index of the sentence containing text offset `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        // Sentences are sorted and disjoint: binary search keeps long
        // one-line "paragraphs" linear overall.
        let i = self.sentences.partition_point(|r| r.end <= offset);
        self.sentences
            .get(i)
            .filter(|r| r.start <= offset && offset < r.end.max(r.start + 1))
            .map(|_| i)
    }
}

/// Something wrong with the article's own structure (not a style finding),
/// such as front matter that does not parse.
#[derive(Debug, Clone)]
pub struct Problem {
    pub span: Span,
    pub message: String,
}

/// The quotation marks a house writes (config `quote_style`, rule `prefer`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStyle {
    Curly,
    Straight,
    /// Either, but one per article.
    #[default]
    Consistent,
}

/// Options that change how a document is read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Front-matter keys that hold the publication date, first found wins.
    pub date_keys: Vec<String>,
    /// Publication date to use when the front matter has none (`--date`).
    pub fallback_date: Option<Date>,
    /// The house quote style from the config file, if it sets one.
    pub quote_style: Option<QuoteStyle>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            date_keys: ["date", "publish_date", "published"]
                .map(String::from)
                .to_vec(),
            fallback_date: None,
            quote_style: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user should see it.
    pub path: String,
    pub source: String,
    pub lines: LineIndex,
    pub format: Format,
    pub front_matter: FrontMatter,
    /// From the front matter, else the `--date` fallback.
    pub publication_date: Option<Date>,
    /// The house quote style set by the config file, if any.
    pub quote_style: Option<QuoteStyle>,
    pub blocks: Vec<Block>,
    /// Spans of HTML comments (`<!-- … -->`), where suppressions live.
    pub comments: Vec<Span>,
    pub problems: Vec<Problem>,
    prose: OnceLock<Prose>,
}

/// Every block's text in one string, blocks separated by a blank line.
///
/// Why: most articles have dozens of one-line blocks, and a regex search has
/// a fixed cost per call; searching each block separately made rules many
/// times slower than one search over the whole article. A hit is mapped
/// back to its block with [`Prose::locate`]; hits that run from one block
/// into the next are not findings.
#[derive(Debug, Clone)]
pub struct Prose {
    pub text: String,
    /// Start and end of each block's text in [`Prose::text`], by block index.
    bounds: Vec<(usize, usize)>,
}

/// What stands between two blocks in [`Prose::text`]: a blank line, so
/// `^`/`$` (multi-line) and `\n`-excluding classes stop at block edges.
pub const PROSE_SEPARATOR: &str = "\n\n";

impl Prose {
    fn build(blocks: &[Block]) -> Prose {
        let capacity = blocks
            .iter()
            .map(|b| b.text().len() + PROSE_SEPARATOR.len())
            .sum();
        let mut text = String::with_capacity(capacity);
        let mut bounds = Vec::with_capacity(blocks.len());
        for (i, block) in blocks.iter().enumerate() {
            if i > 0 {
                text.push_str(PROSE_SEPARATOR);
            }
            let start = text.len();
            text.push_str(block.text());
            bounds.push((start, text.len()));
        }
        Prose { text, bounds }
    }

    /// The block holding `range` and the range within that block's text;
    /// `None` when the range crosses a block edge or lies between blocks.
    pub fn locate(&self, range: Range<usize>) -> Option<(usize, Range<usize>)> {
        let index = self
            .bounds
            .partition_point(|&(start, _)| start <= range.start)
            .checked_sub(1)?;
        let (start, end) = self.bounds[index];
        (range.end <= end).then(|| (index, range.start - start..range.end - start))
    }

    /// Where block `index`'s text lies in [`Prose::text`].
    pub fn block_range(&self, index: usize) -> Range<usize> {
        let (start, end) = self.bounds[index];
        start..end
    }

    /// Where the search should resume after a hit starting at `offset`
    /// crossed a block edge: the start of the next block.
    pub fn next_block_start(&self, offset: usize) -> usize {
        let index = self.bounds.partition_point(|&(start, _)| start <= offset);
        self.bounds
            .get(index)
            .map_or(self.text.len() + 1, |&(start, _)| start)
    }
}

impl Document {
    /// Read an article. `source` must already be valid UTF-8; this never fails:
    /// what cannot be understood becomes a [`Problem`].
    pub fn parse(path: &str, source: String, format: Format, options: &ReadOptions) -> Document {
        let lines = LineIndex::new(&source);
        let mut problems = Vec::new();
        let front_matter = FrontMatter::split(&source, path, &options.date_keys, &mut problems);
        let body_start = front_matter.body_start;
        let (blocks, comments) = match format {
            Format::Markdown => markup::markdown_blocks(&source, body_start),
            Format::Text => (markup::text_blocks(&source, body_start), Vec::new()),
            Format::Snippet => (markup::snippet_blocks(&source, body_start), Vec::new()),
        };
        let publication_date = front_matter.date.or(options.fallback_date);
        Document {
            path: path.to_string(),
            source,
            lines,
            format,
            front_matter,
            publication_date,
            quote_style: options.quote_style,
            blocks,
            comments,
            problems,
            prose: OnceLock::new(),
        }
    }

    /// All blocks' text joined, built on first use and shared by the rules.
    pub fn prose(&self) -> &Prose {
        self.prose.get_or_init(|| Prose::build(&self.blocks))
    }

    /// The headline block, if the article has one.
    pub fn headline(&self) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == BlockKind::Headline)
    }

    /// Blocks other than the headline.
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_body())
    }

    /// Source text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.source.get(span.range()).unwrap_or("")
    }
}

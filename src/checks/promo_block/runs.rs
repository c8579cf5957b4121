//! Which runs of body blocks are junk, from what each block looks like. Pure:
//! it sees classes and word counts, not text, so every decision here can be
//! tested by hand.
//!
//! 1. The story is the stretch of blocks where prose outweighs everything
//!    else (a maximum-sum segment: a paragraph gains its word count, every
//!    other block costs a little). Subheads and short asides inside it cost
//!    less than the paragraphs around them gain; a copyright line or a
//!    stray sentence among the junk after it gains less than the junk
//!    around it costs.
//! 2. A comment section: from what opens it, after the story's start, to
//!    the end of the page, unless the story goes on after it. The story
//!    ends there.
//! 3. After the story: in each stretch between sentences of some length,
//!    from the first junk block to the last, when enough of them are junk.
//!    Teaser headlines and bare links need no label there. Bare numbers
//!    that end the page are its pager.
//! 4. Above the story, in each part between copies of the headline and
//!    sentences no link heads: from its first label or control to its last,
//!    when enough of the blocks there are such; and text ads.
//! 5. Anywhere: a box label followed by headlines and scraps (a "Related"
//!    box). In a story that uses subheads, a headline right before the
//!    story resumes is one and stays out; in a story without, it is the
//!    box's last link. Headlines closed by a label under them, and three or
//!    more after a piece of furniture, are boxes too.
//! 6. Inside the story: a sidebar, a stretch between paragraphs of some
//!    length with links and junk of more than one kind.
//! 7. Anywhere: `teaser_run` title-case headlines in a row. Page numbers
//!    next to any block go with it.

use std::ops::Range;

/// What one body block is, as far as junk detection cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A paragraph of the story.
    Prose,
    /// A line ending in a colon: what follows is the story's own list.
    Intro,
    /// A label over a box of links: "More From Author", "Related:".
    Label,
    /// A site control or widget: "Share this", "Print", "Advertisement".
    Furniture,
    /// What opens the page's comment section ("Reader comments", "Leave a
    /// reply"): furniture, and after the story's start, the rest of the
    /// page is comments.
    Comments,
    /// A widget of the page whole in one block, junk wherever it is, even
    /// alone: a bar of links or controls on one line ("Print | Email |
    /// Share", "Home | World | Sport"), a block whose every line is a
    /// control, a label with its links.
    Widget,
    /// A line with a promotional marker ("in my latest blog"), even when it
    /// reads as a sentence.
    Promo,
    /// A title-case headline: a teaser, or a subhead inside the story.
    Teaser,
    /// A sentence-case headline: counts only in a labelled block.
    Loose,
    /// A headline followed by a paragraph: the story's subhead, never junk.
    Subhead,
    /// A menu entry, a time stamp, a name in capitals: neutral.
    Scrap,
    /// A link alone on its line: junk after the story or in a box, neutral
    /// above it (a source's address under the byline).
    Link,
    /// Anything else: bylines, credits, list items, long fragments.
    Other,
    /// A copy of the article's headline (scraped pages repeat it above the
    /// story): the story's own, it ends any block of junk.
    Title,
}

impl Class {
    pub fn is_flag(self) -> bool {
        matches!(
            self,
            Class::Label | Class::Furniture | Class::Comments | Class::Widget | Class::Promo
        )
    }

    fn is_headline(self) -> bool {
        matches!(self, Class::Teaser | Class::Loose)
    }

    /// What a block adds to the story's score besides its words.
    fn cost(self) -> i64 {
        match self {
            Class::Prose => 0,
            Class::Intro => -2,
            Class::Label | Class::Furniture | Class::Comments | Class::Widget | Class::Promo => 15,
            Class::Teaser | Class::Loose | Class::Subhead | Class::Other | Class::Title => 6,
            Class::Scrap => 3,
            Class::Link => 6,
        }
    }
}

/// One body block as the run finder sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub class: Class,
    pub words: usize,
    /// Holds a digit: a date, a time, a score. A site menu has few.
    pub digits: bool,
    /// Opens with a number: a recipe's quantity, a ranking's place.
    pub leading_number: bool,
    /// Ends with a full stop, a question or an exclamation mark.
    pub sentence: bool,
    /// Marked up as a heading (Markdown `##`).
    pub heading: bool,
    /// A label with its own link on the line ("Read more: Ferry Fares Rise
    /// Again"): a box of one.
    pub linked: bool,
    /// A comment section's notice ("Comments are moderated"), not just its
    /// label.
    pub notice: bool,
}

/// The thresholds of a rule.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Junk blocks a run after the story needs.
    pub min_lines: usize,
    /// Share of that run's blocks (scraps aside) that must be junk.
    pub min_share: f64,
    /// Title-case headlines in a row that are a run anywhere (0: off).
    pub teaser_run: usize,
    /// Scraps in a row that are a menu above the story (0: off).
    pub menu_run: usize,
}

/// A sentence among the junk outside the story ("Triumphant return ends in
/// tragedy.") is still part of a labelled block up to this many words.
const STRAY_SENTENCE_WORDS: usize = 12;

/// Runs of junk blocks (index ranges into `lines`), sorted, merged where
/// they overlap or touch.
pub fn junk_runs(lines: &[Line], limits: &Limits) -> Vec<Range<usize>> {
    let (lines, uses_subheads) = subheads(&lists_after_intros(lines));
    let bars = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.class == Class::Widget)
        .map(|(i, _)| i..i + 1);
    let Some(mut story) = story(&lines) else {
        // No paragraph at all: nothing is "after the story", but a labelled
        // box is still one, and so is a bar of controls.
        let mut runs = labelled_blocks(&lines, &(0..0), uses_subheads);
        runs.extend(bars);
        return merge(runs);
    };
    let mut runs: Vec<Range<usize>> = bars.collect();
    if let Some(comments) = comment_section(&lines, &story) {
        story.end = story.end.min(comments.start);
        runs.push(comments);
    }
    runs.extend(after_story(&lines, story.end, limits));
    runs.extend(page_numbers(&lines[story.end..]).map(|r| r.start + story.end..r.end + story.end));
    // A copy of the headline above the story is the story's, and so is a
    // sentence that no link heads (a short paragraph between two ad
    // markers): junk on either side of one is two blocks.
    let above = &lines[..story.start];
    let splits = (0..above.len()).filter(|&i| {
        above[i].class == Class::Title
            || (above[i].class == Class::Prose
                && !(i > 0
                    && matches!(
                        above[i - 1].class,
                        Class::Teaser | Class::Loose | Class::Subhead | Class::Scrap | Class::Link
                    )))
    });
    let mut from = 0;
    for split in splits.chain(std::iter::once(above.len())) {
        let part = &above[from..split];
        runs.extend(before_story(part, limits).map(|r| r.start + from..r.end + from));
        from = split + 1;
    }
    if limits.menu_run > 0 {
        runs.extend(menus(&lines[..story.start], limits.menu_run));
    }
    runs.extend(labelled_blocks(&lines, &story, uses_subheads));
    runs.extend(boxes_closed_by_a_label(&lines));
    runs.extend(text_ads(&lines[..story.end]));
    runs.extend(rows_after_furniture(&lines, uses_subheads));
    runs.extend(
        islands(&lines[story.clone()])
            .into_iter()
            .map(|r| r.start + story.start..r.end + story.start),
    );
    if limits.teaser_run > 0 {
        runs.extend(teaser_rows(&lines, limits.teaser_run));
    }
    merge(
        runs.into_iter()
            .map(|r| with_page_numbers(&lines, r))
            .collect(),
    )
}

/// A number alone on its line ("1", "2") right next to junk is the pages
/// of a pager ("1 / 2 / next") or a counter: it goes with the block.
fn with_page_numbers(lines: &[Line], mut run: Range<usize>) -> Range<usize> {
    let number = |l: &Line| l.class == Class::Scrap && l.words == 1 && l.leading_number;
    while run.start > 0 && number(&lines[run.start - 1]) {
        run.start -= 1;
    }
    while lines.get(run.end).is_some_and(number) {
        run.end += 1;
    }
    run
}

/// After "Key features:" the headline-like lines are the list it announces,
/// until the story's prose or a label comes back.
fn lists_after_intros(lines: &[Line]) -> Vec<Line> {
    let mut in_list = false;
    lines
        .iter()
        .map(|line| {
            let mut line = *line;
            match line.class {
                Class::Intro => in_list = true,
                Class::Prose
                | Class::Label
                | Class::Furniture
                | Class::Comments
                | Class::Widget
                | Class::Promo => in_list = false,
                Class::Teaser | Class::Loose | Class::Link if in_list => line.class = Class::Other,
                _ => {}
            }
            line
        })
        .collect()
}

/// How far above a headline to look for the label or headline of a box it
/// may end.
const BOX_LOOKBACK: usize = 4;

/// A headline followed by a paragraph (not a one-line blurb) heads that
/// paragraph: it is the story's subhead. When the story has none between
/// two of its paragraphs, it uses no subheads, and a headline that ends a
/// box of links or a row of headlines before a paragraph is the box's last
/// link instead (the second result is then false).
fn subheads(lines: &[Line]) -> (Vec<Line>, bool) {
    let heads = |i: usize| {
        lines[i].class.is_headline()
            && lines
                .get(i + 1)
                .is_some_and(|n| n.class == Class::Prose && n.words > STRAY_SENTENCE_WORDS)
    };
    // A headline marked up as a heading (Markdown `##`) is the author's.
    let uses_subheads = (0..lines.len())
        .any(|i| heads(i) && (lines[i].heading || i > 0 && lines[i - 1].class == Class::Prose));
    let mut out = lines.to_vec();
    for i in 0..out.len() {
        if !heads(i) {
            continue;
        }
        // Above it, past a few scraps and unsure lines, a label that heads
        // a box, or other headlines?
        let ends_box = lines[..i]
            .iter()
            .rev()
            .take(BOX_LOOKBACK)
            .find(|l| !matches!(l.class, Class::Scrap | Class::Other))
            .is_some_and(|l| {
                (l.class.is_headline() && !other_case(lines, i))
                    || (l.class == Class::Label && !l.linked)
            });
        if uses_subheads || !ends_box {
            out[i].class = Class::Subhead;
        }
    }
    (out, uses_subheads)
}

/// Is the headline at `i` in another case than every headline of the box
/// above it (back to its label or the story's text)? A box's links share
/// one style, so a title-case subhead after a box of sentence-case links is
/// the story's.
fn other_case(lines: &[Line], i: usize) -> bool {
    lines[..i]
        .iter()
        .rev()
        .take_while(|l| {
            matches!(
                l.class,
                Class::Teaser | Class::Loose | Class::Scrap | Class::Other
            )
        })
        .filter(|l| l.class.is_headline())
        .all(|l| l.class != lines[i].class)
}

/// The maximum-sum stretch of blocks: a paragraph scores its word count,
/// anything else its cost. `None` when there is no paragraph at all.
pub fn story(lines: &[Line]) -> Option<Range<usize>> {
    let mut best: Option<(i64, Range<usize>)> = None;
    let mut sum: i64 = 0;
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += match line.class {
            Class::Prose => i64::try_from(line.words).unwrap_or(i64::MAX / 4),
            other => -other.cost(),
        };
        if sum > 0 && best.as_ref().is_none_or(|(b, _)| sum > *b) {
            best = Some((sum, start..i + 1));
        }
    }
    best.map(|(_, range)| range)
}

/// After the story, in each stretch between real sentences (a recipe or a
/// letter after the story is not junk because a share bar follows it): from
/// the first junk block to the last, when at least `min_lines` are junk and
/// they are `min_share` of the blocks that count. Labels, promotions and
/// title-case headlines are junk: nothing of the story comes after its last
/// paragraph, so a headline there is another story's. Sentence-case
/// headlines and scraps count neither way; a labelled block takes them.
///
/// Once such a block starts, the rest of the page is its tail: every later
/// junk block joins it, with whatever lies between (teaser blurbs, comment
/// forms, a stray credit), until the story's kind of text comes back
/// ([`resumes_story`]).
fn after_story(lines: &[Line], story_end: usize, limits: &Limits) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for run in stretch_runs(lines, story_end, limits) {
        if out.last().is_some_and(|last| run.start < last.end) {
            continue;
        }
        let mut end = run.end;
        while let Some(next) = (end..lines.len()).find(|&i| is_junk(&lines[i])) {
            if resumes_story(&lines[end..next]) {
                break;
            }
            end = next + 1;
        }
        // What follows it to the end of the page goes with it, unless the
        // story's kind of text comes back there; but not a last sentence or
        // credit (a line of the story's, or a reader's).
        if !resumes_story(&lines[end..]) {
            end += lines[end..]
                .iter()
                .rposition(|l| !matches!(l.class, Class::Prose | Class::Other | Class::Title))
                .map_or(0, |i| i + 1);
        }
        out.push(run.start..end);
    }
    out
}

/// Lines that hold a number alone at the end of the page, after the story:
/// the pages of a story split over several ("1", "2"), a count of votes or
/// comments. The story never ends on a bare number.
fn page_numbers(tail: &[Line]) -> Option<Range<usize>> {
    let numbers = tail
        .iter()
        .rev()
        .take_while(|l| l.class == Class::Scrap && l.words == 1 && l.leading_number)
        .count();
    (numbers > 0).then(|| tail.len() - numbers..tail.len())
}

fn is_junk(line: &Line) -> bool {
    line.class.is_flag() || matches!(line.class, Class::Teaser | Class::Link)
}

/// Between two blocks of junk after the story, the story's kind of text:
/// two real paragraphs in a row (a recipe's method, an author's note), or a
/// line that introduces a list followed by the list ("Tour dates:" and the
/// dates). Teaser blurbs and the fields of a comment form ("Name:",
/// "Email:") come one at a time between the junk.
///
/// One pass that stops at the first sign, so scanning the rest of a long
/// page once per block stays linear in all.
fn resumes_story(gap: &[Line]) -> bool {
    let paragraph = |l: &Line| l.class == Class::Prose && l.words > STRAY_SENTENCE_WORDS;
    let entry = |l: &Line| !is_junk(l) && l.class != Class::Intro;
    (0..gap.len()).any(|i| {
        let next = |k: usize| gap.get(i + k);
        (paragraph(&gap[i]) && next(1).is_some_and(paragraph))
            || (gap[i].class == Class::Intro
                && next(1).is_some_and(entry)
                && next(2).is_some_and(entry))
    })
}

/// Paragraphs in a row that show the story going on after what opened a
/// comment section (a "Have your say" box inside the story).
const STORY_GOES_ON: usize = 3;

/// From what opens the page's comment section (after the story's start) to
/// the end of the page: comments, the comment form, the page's footer.
/// Comments read as prose, so the story's own kind of text coming back is
/// `STORY_GOES_ON` paragraphs in a row; and some other junk must follow
/// (a form, a "Report abuse" link, a footer). After a label, a paragraph
/// right after it must be a comment, signed on the line after ("- Marco,
/// Harbor City"): a lone "Comments" link before the story's last paragraph
/// opens nothing. A notice ("The following are comments from our readers")
/// says what follows.
fn comment_section(lines: &[Line], story: &Range<usize>) -> Option<Range<usize>> {
    let paragraph = |l: &Line| l.class == Class::Prose && l.words > STRAY_SENTENCE_WORDS;
    // Walking back from the end: does the story go on after `i`, is there
    // junk after `i`?
    let mut goes_on = vec![false; lines.len() + 1];
    let mut junk = vec![false; lines.len() + 1];
    let mut in_a_row = 0;
    for i in (0..lines.len()).rev() {
        in_a_row = if paragraph(&lines[i]) {
            in_a_row + 1
        } else {
            0
        };
        goes_on[i] = goes_on[i + 1] || in_a_row >= STORY_GOES_ON;
        junk[i] = junk[i + 1] || lines[i].class.is_flag();
    }
    let signature =
        |l: &Line| matches!(l.class, Class::Scrap | Class::Other) && l.words <= 6 && !l.sentence;
    let start = (story.start + 1..lines.len()).find(|&i| {
        lines[i].class == Class::Comments
            && (lines[i].notice
                || !lines.get(i + 1).is_some_and(paragraph)
                || lines.get(i + 2).is_some_and(signature))
            && !goes_on[i + 1]
            && junk[i + 1]
    })?;
    Some(start..lines.len())
}

/// The runs of [`after_story`] before the tail joins them, one per stretch
/// between sentences of some length.
fn stretch_runs(lines: &[Line], story_end: usize, limits: &Limits) -> Vec<Range<usize>> {
    let neutral = |l: &Line| matches!(l.class, Class::Loose | Class::Scrap | Class::Subhead);
    let mut out = Vec::new();
    let mut start = story_end;
    while start < lines.len() {
        let end = lines[start..]
            .iter()
            .position(|l| {
                l.class == Class::Intro
                    || (l.class == Class::Prose && l.words > STRAY_SENTENCE_WORDS)
            })
            .map_or(lines.len(), |i| start + i);
        let stretch = &lines[start..end];
        if let (Some(first), Some(last)) = (
            stretch.iter().position(is_junk),
            stretch.iter().rposition(is_junk),
        ) {
            let run = &stretch[first..=last];
            let count = run.iter().filter(|l| is_junk(l)).count();
            let counted = run.iter().filter(|l| !neutral(l)).count();
            let share = count as f64 / counted.max(1) as f64;
            if count >= limits.min_lines && share >= limits.min_share {
                // Scraps above it go with it (a section name); a
                // sentence-case line may be a recipe's list or the story's
                // credit, so it stays out.
                let mut first = first;
                while first > 0 && stretch[first - 1].class == Class::Scrap {
                    first -= 1;
                }
                out.push(start + first..start + last + 1);
            }
        }
        start = end + 1;
    }
    out
}

/// Above the story: from the first label, furniture or promotion to the
/// last, when there are `min_lines` of them and they are `min_share` of the
/// blocks that count (a share bar and a "Text size" control are one block).
/// Headlines, scraps and credits above the story may be its deck, byline
/// and dateline: they never count as junk here, nor join the block at its
/// edges. After a box label, or among three or more pieces of junk (the
/// site's boxes of links), headlines count neither way: they are as likely
/// the boxes' links as a deck. Between a share bar and a "Print" link they
/// are the deck.
fn before_story(lines: &[Line], limits: &Limits) -> Option<Range<usize>> {
    let first = lines.iter().position(|l| l.class.is_flag())?;
    let last = lines.iter().rposition(|l| l.class.is_flag())?;
    let run = &lines[first..=last];
    let count = run.iter().filter(|l| l.class.is_flag()).count();
    let boxes = count >= 3 || lines[first].class == Class::Label;
    let neutral = |l: &Line| match l.class {
        Class::Scrap | Class::Link => true,
        Class::Teaser | Class::Loose => boxes,
        _ => false,
    };
    let counted = run.iter().filter(|l| !neutral(l)).count();
    let share = count as f64 / counted.max(1) as f64;
    (count >= limits.min_lines && share >= limits.min_share).then_some(first..last + 1)
}

/// Lines of an ad's copy above its address.
const AD_COPY: usize = 2;

/// Text ads above the story or inside it: a headline, a line or two of
/// copy, and the advertiser's address alone on its line
/// ("www.example.com"), with the ad marker above them if there is one. A
/// source's address under the byline has a byline above it, not a headline
/// and copy; an address after the story's last paragraph is where to read
/// more.
fn text_ads(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.class != Class::Link {
            continue;
        }
        // A second address under the first: the same ad's.
        if let Some(last) = out.last_mut().filter(|r| r.end == i) {
            last.end = i + 1;
            continue;
        }
        let copy = lines[..i]
            .iter()
            .rev()
            .take_while(|l| matches!(l.class, Class::Prose | Class::Other | Class::Loose))
            .take(AD_COPY)
            .count();
        let Some(head) = (i - copy).checked_sub(1) else {
            continue;
        };
        if copy == 0
            || !matches!(
                lines[head].class,
                Class::Teaser | Class::Loose | Class::Subhead | Class::Scrap
            )
        {
            continue;
        }
        let start = if head > 0 && lines[head - 1].class.is_flag() {
            head - 1
        } else {
            head
        };
        out.push(start..i + 1);
    }
    out
}

/// A box label followed by headlines, scraps and furniture, anywhere.
/// Outside the story a short sentence does not end it. Inside the story, the
/// headline just before a paragraph may be that paragraph's subhead: the
/// block stops before it. A label with nothing after it is the phrase rules'
/// business.
fn labelled_blocks(lines: &[Line], story: &Range<usize>, uses_subheads: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].class != Class::Label {
            i += 1;
            continue;
        }
        let outside = !story.contains(&i);
        // Has the box shown a link yet? A short sentence right under a
        // label or a control is the story's (a short paragraph between ad
        // markers), under a link it is the link's blurb.
        let mut linked = false;
        let mut continues = |at: usize| {
            let l = &lines[at];
            linked |= matches!(
                l.class,
                Class::Teaser | Class::Loose | Class::Scrap | Class::Link
            );
            match l.class {
                Class::Teaser
                | Class::Loose
                | Class::Scrap
                | Class::Link
                | Class::Label
                | Class::Furniture
                | Class::Comments
                | Class::Widget
                | Class::Promo => true,
                Class::Prose => outside && linked && l.words <= STRAY_SENTENCE_WORDS,
                // A headline with many commas ("Federer, Djokovic and Safin
                // advance"), not a short sentence of the story; a box does
                // not end on one (a credit after it). Outside the story a
                // short one ("Take a charity hike!") is a teaser too.
                Class::Other => {
                    (l.words <= 20 && !l.sentence)
                        || (outside && linked && l.words <= STRAY_SENTENCE_WORDS)
                }
                // The article's own headline among the links of a list of
                // the site's stories ("Most read"); after a label, or before
                // a deck or a byline, it heads the story.
                Class::Title => {
                    lines[at - 1].class.is_headline()
                        && lines
                            .get(at + 1)
                            .is_some_and(|n| n.class.is_headline() || n.class == Class::Label)
                }
                Class::Intro | Class::Subhead => false,
            }
        };
        let mut end = i + 1;
        while end < lines.len() && continues(end) {
            end += 1;
        }
        let mut last = end - 1;
        // A subhead heads one paragraph: only the last headline can be one.
        if !outside
            && uses_subheads
            && lines.get(end).is_some_and(|l| l.class == Class::Prose)
            && last > i
            && lines[last].class.is_headline()
        {
            last -= 1;
        }
        while last > i && matches!(lines[last].class, Class::Prose | Class::Other) {
            last -= 1;
        }
        if last > i {
            out.push(i..last + 1);
        }
        i = end;
    }
    out
}

/// Headlines in a row with a label right under the last ("More in
/// Politics", "See all"): a box whose label closes it. Two at least, so a
/// subhead over a stray label is no box; and nothing between the last and
/// the label (a headline, its deck and its date are the story's, over a
/// "Videos" box).
fn boxes_closed_by_a_label(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut headlines = 0;
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        match line.class {
            Class::Teaser | Class::Loose => {
                if headlines == 0 {
                    start = i;
                }
                headlines += 1;
            }
            Class::Scrap if headlines > 0 => {}
            Class::Label if headlines >= 2 && !line.linked && lines[i - 1].class.is_headline() => {
                out.push(start..i + 1);
                headlines = 0;
            }
            _ => headlines = 0,
        }
    }
    out
}

/// Furniture or a widget followed by `TEASER_LIST` or more headlines in a
/// row, in either case ("Sign up now" and the site's latest headlines): a
/// box without its label. Not when most of them open with a number: a
/// "Print" button over a recipe's ingredients or a ranking. In a story that uses
/// subheads, the last headline before a paragraph heads it.
fn rows_after_furniture(lines: &[Line], uses_subheads: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.class.is_flag() || line.class == Class::Label {
            continue;
        }
        let mut end = i + 1;
        let (mut headlines, mut numbered) = (0, 0);
        while let Some(next) = lines.get(end) {
            match next.class {
                Class::Teaser | Class::Loose => {
                    headlines += 1;
                    numbered += usize::from(next.leading_number);
                }
                Class::Scrap => {}
                _ => break,
            }
            end += 1;
        }
        if uses_subheads
            && headlines > 0
            && lines[end - 1].class.is_headline()
            && lines.get(end).is_some_and(|l| l.class == Class::Prose)
        {
            headlines -= 1;
            numbered -= usize::from(lines[end - 1].leading_number);
            end -= 1;
        }
        if headlines >= TEASER_LIST && 2 * numbered <= headlines {
            out.push(i..end);
        }
    }
    out
}

/// Words of a paragraph that no sidebar holds.
const ISLAND_PARAGRAPH: usize = 20;

/// Pieces of junk a sidebar holds at least.
const ISLAND_JUNK: usize = 4;

/// Inside the story, a sidebar: between two paragraphs of some length, a
/// stretch with links (headlines, addresses) where junk of more than one
/// kind (labels, furniture, teasers) makes half the lines that count. Ad
/// markers and print buttons between short paragraphs link nowhere: the
/// phrase rules report them.
fn islands(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let long = |l: &Line| l.class == Class::Prose && l.words > ISLAND_PARAGRAPH;
    let mut start = 0;
    while start < lines.len() {
        let end = lines[start..]
            .iter()
            .position(long)
            .map_or(lines.len(), |i| start + i);
        let stretch = &lines[start..end];
        let (mut junk, mut counted, mut kinds, mut links) = (0, 0, 0u32, false);
        for line in stretch {
            if is_junk(line) {
                junk += 1;
                kinds |= 1 << (line.class as u32);
            }
            links |= matches!(line.class, Class::Teaser | Class::Loose | Class::Link);
            counted += usize::from(!matches!(
                line.class,
                Class::Loose | Class::Scrap | Class::Subhead
            ));
        }
        if junk >= ISLAND_JUNK
            && links
            && kinds.count_ones() >= 2
            && 2 * junk >= counted
            && let (Some(first), Some(last)) = (
                stretch.iter().position(is_junk),
                stretch.iter().rposition(is_junk),
            )
        {
            out.push(start + first..start + last + 1);
        }
        start = end + 1;
    }
    out
}

/// Headlines in a row that make a list of links with nothing to say what
/// they are.
const TEASER_LIST: usize = 3;

/// `min` or more title-case headlines in a row: a list of links. A subhead
/// is followed by its paragraph, never by another subhead.
fn teaser_rows(lines: &[Line], min: usize) -> Vec<Range<usize>> {
    rows_of(lines, Class::Teaser, min)
}

/// `min` or more scraps in a row, nearly all without digits: a site menu
/// ("World", "Sport", "Live scores", "Weather"). Above the story a byline,
/// a date, a time and a venue make four, but most of those hold digits.
fn menus(lines: &[Line], min: usize) -> Vec<Range<usize>> {
    rows_of(lines, Class::Scrap, min)
        .into_iter()
        .filter(|run| lines[run.clone()].iter().filter(|l| l.digits).count() <= 1)
        .collect()
}

/// Every run of `min` or more blocks of `class` in a row.
fn rows_of(lines: &[Line], class: Class, min: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].class != class {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].class == class {
            i += 1;
        }
        if i - start >= min {
            out.push(start..i);
        }
    }
    out
}

fn merge(mut runs: Vec<Range<usize>>) -> Vec<Range<usize>> {
    runs.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for run in runs {
        match out.last_mut() {
            Some(last) if run.start <= last.end => last.end = last.end.max(run.end),
            _ => out.push(run),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Class::*;
    use super::*;

    const LIMITS: Limits = Limits {
        min_lines: 2,
        min_share: 0.5,
        teaser_run: 3,
        menu_run: 4,
    };

    /// Paragraphs of 30 words, everything else of 6.
    fn runs(classes: &[Class]) -> Vec<(usize, usize)> {
        let lines: Vec<Line> = classes
            .iter()
            .map(|&class| Line {
                class,
                words: if class == Prose { 30 } else { 6 },
                digits: false,
                leading_number: false,
                sentence: false,
                heading: false,
                linked: false,
                notice: false,
            })
            .collect();
        pairs(junk_runs(&lines, &LIMITS))
    }

    fn l(class: Class, words: usize) -> Line {
        Line {
            class,
            words,
            digits: false,
            leading_number: false,
            sentence: false,
            heading: false,
            linked: false,
            notice: false,
        }
    }

    /// A line with a digit in it: a date, a time, a score.
    fn d(class: Class, words: usize) -> Line {
        Line {
            class,
            words,
            digits: true,
            leading_number: false,
            sentence: false,
            heading: false,
            linked: false,
            notice: false,
        }
    }

    /// A number alone on its line.
    fn n() -> Line {
        Line {
            leading_number: true,
            ..d(Scrap, 1)
        }
    }

    fn pairs(runs: Vec<Range<usize>>) -> Vec<(usize, usize)> {
        runs.into_iter().map(|r| (r.start, r.end)).collect()
    }

    #[test]
    fn trailing_junk_needs_no_label() {
        let c = [Prose, Teaser, Prose, Prose, Promo, Label, Teaser, Teaser];
        assert_eq!(runs(&c), [(4, 8)]);
        assert_eq!(runs(&[Prose, Prose, Teaser, Teaser]), [(2, 4)]);
    }

    #[test]
    fn subheads_inside_the_story_are_never_a_run() {
        let c = [Teaser, Prose, Prose, Teaser, Prose, Teaser, Prose];
        assert!(runs(&c).is_empty());
        // Not even right after a stray label, in a story with subheads.
        let c = [Prose, Teaser, Prose, Label, Teaser, Prose, Prose];
        assert!(runs(&c).is_empty());
    }

    #[test]
    fn in_a_story_without_subheads_a_box_takes_its_last_headline() {
        assert_eq!(runs(&[Prose, Label, Teaser, Prose, Prose]), [(1, 3)]);
        let c = [Prose, Label, Loose, Loose, Prose, Prose];
        assert_eq!(runs(&c), [(1, 4)]);
        // A short paragraph after it changes nothing.
        let lines = [
            l(Prose, 30),
            l(Label, 2),
            l(Loose, 6),
            l(Loose, 6),
            l(Prose, 10),
            l(Prose, 30),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(1, 4)]);
        // Nor does a row of teasers keep its last out.
        let c = [Prose, Teaser, Teaser, Teaser, Teaser, Prose];
        assert_eq!(runs(&c), [(1, 5)]);
    }

    #[test]
    fn a_subhead_in_another_case_than_the_box_above_it_is_the_storys() {
        let linked = Line {
            linked: true,
            ..l(Label, 6)
        };
        // "Related", two sentence-case links, then a title-case subhead
        // over a paragraph; "Read more: ..." carries its own link, then a
        // subhead and a paragraph.
        let lines = [
            l(Prose, 30),
            l(Prose, 30),
            l(Label, 1),
            l(Loose, 6),
            l(Loose, 6),
            l(Teaser, 5),
            l(Prose, 20),
            linked,
            l(Teaser, 4),
            l(Prose, 20),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 5)]);
        // A box that mixes both cases takes its last link.
        let mixed = [
            l(Prose, 30),
            l(Prose, 30),
            l(Label, 1),
            l(Teaser, 6),
            l(Loose, 6),
            l(Teaser, 5),
            l(Prose, 20),
            l(Prose, 30),
        ];
        assert_eq!(pairs(junk_runs(&mixed, &LIMITS)), [(2, 6)]);
    }

    #[test]
    fn a_headline_over_a_paragraph_after_junk_is_a_subhead() {
        let lines = [
            l(Prose, 40),
            l(Teaser, 5),
            l(Prose, 40),
            l(Label, 8),
            l(Teaser, 4),
            l(Prose, 15),
        ];
        assert!(junk_runs(&lines, &LIMITS).is_empty());
    }

    #[test]
    fn one_trailing_headline_or_a_mostly_other_tail_is_not_enough() {
        assert!(runs(&[Prose, Teaser]).is_empty());
        assert!(runs(&[Prose, Teaser, Other, Other, Other, Teaser]).is_empty());
        assert_eq!(
            runs(&[Prose, Teaser, Other, Teaser, Other, Other]),
            [(1, 4)]
        );
        // Scraps are neutral.
        assert_eq!(
            runs(&[Prose, Teaser, Scrap, Scrap, Scrap, Teaser]),
            [(1, 6)]
        );
    }

    #[test]
    fn sentences_after_the_story_split_it() {
        let lines = [
            l(Prose, 40),
            l(Teaser, 5),
            l(Prose, 20),
            l(Label, 2),
            l(Teaser, 6),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(3, 5)]);
    }

    #[test]
    fn controls_above_the_story_are_one_block_without_its_deck() {
        let c = [Furniture, Scrap, Furniture, Loose, Prose, Prose];
        assert_eq!(runs(&c), [(0, 3)]);
        assert!(runs(&[Furniture, Teaser, Prose, Prose]).is_empty());
        assert!(runs(&[Furniture, Loose, Loose, Other, Furniture, Prose]).is_empty());
    }

    #[test]
    fn loose_headlines_count_after_a_label() {
        assert!(runs(&[Prose, Loose, Loose]).is_empty());
        assert_eq!(runs(&[Prose, Label, Loose, Loose]), [(1, 4)]);
    }

    #[test]
    fn a_labelled_box_inside_the_story_stops_before_subheads() {
        let c = [Prose, Label, Loose, Scrap, Loose, Other, Prose, Prose];
        assert_eq!(runs(&c), [(1, 5)]);
        // In a story with subheads, the last headline heads the paragraph
        // after it.
        let c = [Prose, Teaser, Prose, Label, Loose, Teaser, Prose, Prose];
        assert_eq!(runs(&c), [(3, 5)]);
        let c = [Prose, Teaser, Prose, Label, Teaser, Prose, Prose];
        assert!(runs(&c).is_empty());
        // A bare label is the phrase rules' business.
        assert!(runs(&[Prose, Label, Prose, Prose]).is_empty());
    }

    #[test]
    fn a_box_after_the_story_takes_short_sentences_and_a_copy_of_the_headline() {
        let exclaim = Line {
            sentence: true,
            ..l(Other, 4)
        };
        let lines = [
            l(Prose, 40),
            l(Prose, 40),
            l(Label, 2),
            l(Loose, 6),
            exclaim,
            l(Loose, 6),
            l(Title, 6),
            l(Loose, 6),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 8)]);
        // After the label, the copy of the headline heads the story.
        let lines = [
            l(Label, 2),
            l(Loose, 6),
            l(Label, 2),
            l(Title, 6),
            l(Teaser, 4),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(0, 3)]);
    }

    #[test]
    fn above_the_story_teasers_between_junk_count_neither_way() {
        let lines = [
            l(Furniture, 2),
            l(Promo, 8),
            l(Scrap, 2),
            l(Loose, 8),
            l(Prose, 13),
            l(Label, 1),
            l(Loose, 6),
            l(Loose, 7),
            l(Label, 3),
            l(Title, 5),
            l(Other, 3),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(0, 9)]);
        // Two labels around their box.
        let lines = [
            l(Label, 5),
            l(Other, 25),
            l(Teaser, 6),
            l(Other, 18),
            l(Teaser, 5),
            l(Label, 5),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(0, 6)]);
        // The copy of the headline splits what is above the story: a
        // comment link under it is alone.
        let lines = [
            l(Furniture, 2),
            l(Furniture, 1),
            l(Title, 5),
            l(Other, 3),
            l(Comments, 3),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(0, 2)]);
    }

    #[test]
    fn a_label_under_a_row_of_headlines_closes_their_box() {
        let c = [
            Prose, Prose, Loose, Loose, Scrap, Loose, Label, Prose, Prose,
        ];
        assert_eq!(runs(&c), [(2, 7)]);
        // One headline over a label is a subhead over a stray label; a
        // date between the headlines and the label is the story's.
        assert!(runs(&[Prose, Prose, Loose, Label, Prose, Prose]).is_empty());
        let c = [Scrap, Teaser, Teaser, Scrap, Label, Label, Prose, Prose];
        assert_eq!(runs(&c), [(4, 6)]);
    }

    #[test]
    fn headlines_in_a_row_after_furniture_are_a_box() {
        let c = [Furniture, Loose, Loose, Scrap, Loose, Prose, Prose];
        assert_eq!(runs(&c), [(0, 5)]);
        assert!(runs(&[Prose, Furniture, Loose, Loose, Prose, Prose]).is_empty());
        // A "Print" button over a recipe's ingredients.
        let quantity = |words| Line {
            leading_number: true,
            ..d(Loose, words)
        };
        let lines = [
            l(Prose, 40),
            l(Prose, 40),
            l(Furniture, 1),
            quantity(5),
            quantity(6),
            l(Loose, 4),
            l(Prose, 30),
        ];
        assert!(junk_runs(&lines, &LIMITS).is_empty());
        // Numbers inside teasers are fine.
        let lines = [
            l(Prose, 40),
            l(Prose, 40),
            l(Furniture, 1),
            d(Loose, 5),
            d(Loose, 6),
            l(Loose, 4),
            l(Prose, 30),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 6)]);
    }

    #[test]
    fn text_ads_above_the_story() {
        let lines = [
            l(Furniture, 2),
            l(Teaser, 4),
            l(Other, 7),
            l(Prose, 6),
            l(Link, 1),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(0, 5)]);
        // A byline over a source's address is no ad.
        let c = [Other, Link, Prose, Prose];
        assert!(runs(&c).is_empty());
    }

    #[test]
    fn a_sidebar_of_mixed_junk_inside_the_story() {
        let lines = [
            l(Prose, 40),
            l(Prose, 40),
            l(Label, 2),
            l(Prose, 8),
            l(Furniture, 2),
            l(Intro, 2),
            l(Promo, 10),
            l(Teaser, 5),
            l(Label, 3),
            l(Prose, 11),
            l(Furniture, 3),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 11)]);
        // Ad markers between short paragraphs are one kind of junk: the
        // phrase rules' business.
        let lines = [
            l(Prose, 40),
            l(Prose, 15),
            l(Furniture, 1),
            l(Prose, 18),
            l(Furniture, 1),
            l(Prose, 12),
            l(Furniture, 1),
            l(Furniture, 1),
            l(Prose, 40),
        ];
        assert!(junk_runs(&lines, &LIMITS).is_empty());
    }

    #[test]
    fn short_paragraphs_between_ad_markers_are_the_storys() {
        let quantity = || Line {
            leading_number: true,
            ..d(Loose, 5)
        };
        let lines = [
            l(Prose, 15),
            l(Label, 1),
            l(Prose, 9),
            l(Furniture, 1),
            l(Prose, 10),
            l(Label, 1),
            l(Prose, 11),
            l(Furniture, 1),
            l(Scrap, 1),
            quantity(),
            quantity(),
            quantity(),
            quantity(),
            l(Scrap, 1),
            l(Prose, 30),
            l(Prose, 12),
            l(Prose, 25),
        ];
        assert!(junk_runs(&lines, &LIMITS).is_empty());
        // Under a link, a short sentence is its blurb.
        let lines = [
            l(Prose, 40),
            l(Prose, 40),
            l(Label, 2),
            l(Loose, 6),
            l(Prose, 8),
            l(Loose, 6),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 6)]);
    }

    #[test]
    fn before_the_story_a_short_sentence_does_not_end_a_box() {
        let lines = [
            l(Label, 2),
            l(Loose, 6),
            l(Prose, 7),
            l(Loose, 6),
            l(Prose, 40),
            l(Prose, 40),
        ];
        // The last headline is the story's: it heads its first paragraph.
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(0, 2)]);
    }

    #[test]
    fn lists_after_an_intro_belong_to_the_story() {
        assert!(runs(&[Prose, Intro, Teaser, Teaser, Teaser]).is_empty());
        assert_eq!(runs(&[Prose, Intro, Teaser, Label, Teaser]), [(3, 5)]);
    }

    #[test]
    fn rows_of_teasers_inside_the_story() {
        // In a story with subheads, the last of the row heads the
        // paragraph after it.
        let c = [Prose, Teaser, Prose, Teaser, Teaser, Teaser, Teaser, Prose];
        assert_eq!(runs(&c), [(3, 6)]);
        assert!(runs(&[Prose, Teaser, Teaser, Prose]).is_empty());
    }

    #[test]
    fn the_story_is_where_prose_outweighs_the_rest() {
        let lines = [
            l(Scrap, 1),
            l(Prose, 30),
            l(Teaser, 6),
            l(Prose, 30),
            l(Label, 2),
            l(Teaser, 6),
            l(Prose, 8),
        ];
        assert_eq!(story(&lines), Some(1..4));
    }

    #[test]
    fn without_a_story_only_labelled_boxes() {
        assert!(runs(&[Teaser, Teaser, Teaser]).is_empty());
        assert!(runs(&[]).is_empty());
        assert_eq!(runs(&[Label, Loose, Loose]), [(0, 3)]);
    }

    #[test]
    fn the_page_tail_takes_later_junk_and_what_lies_between() {
        let lines = [
            l(Prose, 40),
            l(Prose, 40),
            l(Label, 2),
            l(Teaser, 6),
            l(Prose, 8),
            l(Scrap, 1),
            l(Loose, 6),
            l(Furniture, 1),
            l(Scrap, 1),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 9)]);
        // Nor does one longer blurb, with its headline.
        let lines = [
            l(Prose, 80),
            l(Label, 2),
            l(Teaser, 6),
            l(Teaser, 6),
            l(Prose, 20),
            l(Furniture, 1),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(1, 6)]);
    }

    #[test]
    fn the_page_tail_stops_where_the_story_resumes() {
        let lines = [
            l(Prose, 80),
            l(Label, 2),
            l(Furniture, 1),
            l(Teaser, 6),
            l(Prose, 20),
            l(Prose, 20),
            l(Loose, 6),
            l(Furniture, 1),
            l(Furniture, 1),
        ];
        // The last headline heads the paragraph after it.
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(1, 3), (7, 9)]);
    }

    #[test]
    fn a_last_sentence_or_credit_after_the_tail_stays_out() {
        for last in [l(Prose, 8), l(Other, 6)] {
            let lines = [l(Prose, 80), l(Label, 2), l(Teaser, 6), l(Teaser, 6), last];
            assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(1, 4)]);
        }
        // Unless more junk follows it.
        let lines = [
            l(Prose, 80),
            l(Label, 2),
            l(Teaser, 6),
            l(Teaser, 6),
            l(Other, 6),
            l(Furniture, 1),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(1, 6)]);
    }

    #[test]
    fn page_numbers_at_the_end_of_the_page() {
        let lines = [l(Prose, 40), l(Prose, 40), n(), n()];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 4)]);
        // Not a year in the story's list, nor a section name.
        let lines = [l(Prose, 40), n(), l(Prose, 40), l(Scrap, 1)];
        assert!(junk_runs(&lines, &LIMITS).is_empty());
        // A pager above the story goes with its controls.
        let lines = [
            n(),
            n(),
            l(Furniture, 1),
            l(Furniture, 2),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(0, 4)]);
    }

    #[test]
    fn a_menu_above_the_story() {
        let c = [Scrap, Scrap, Scrap, Scrap, Prose, Prose];
        assert_eq!(runs(&c), [(0, 4)]);
        assert!(runs(&[Scrap, Scrap, Scrap, Prose, Prose]).is_empty());
        // A match's venue, date, kick-off time and referee are the story's.
        let lines = [
            l(Scrap, 2),
            d(Scrap, 3),
            d(Scrap, 2),
            l(Scrap, 3),
            l(Prose, 40),
            l(Prose, 40),
        ];
        assert!(junk_runs(&lines, &LIMITS).is_empty());
        // Scraps inside the story are a table, not a menu.
        let c = [Prose, Prose, Scrap, Scrap, Scrap, Scrap, Prose, Prose];
        assert!(runs(&c).is_empty());
    }

    #[test]
    fn a_widget_is_junk_even_alone() {
        assert_eq!(runs(&[Prose, Widget, Prose, Prose]), [(1, 2)]);
        assert_eq!(runs(&[Widget]), [(0, 1)]);
    }

    #[test]
    fn a_labelled_box_inside_the_story_keeps_only_its_last_headline_out() {
        let lines = [
            l(Prose, 30),
            l(Teaser, 5),
            l(Prose, 30),
            l(Label, 2),
            l(Loose, 6),
            l(Loose, 6),
            l(Prose, 10),
            l(Prose, 30),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(3, 5)]);
    }

    #[test]
    fn the_comment_section_runs_to_the_end_of_the_page() {
        // Comments read as prose: a reply form and a report link come with
        // them.
        let c = [
            Prose, Prose, Comments, Furniture, Prose, Scrap, Prose, Furniture,
        ];
        assert_eq!(runs(&c), [(2, 8)]);
        // A "Have your say" box inside the story: three paragraphs in a row
        // show the story going on.
        let c = [
            Prose, Prose, Comments, Loose, Scrap, Loose, Prose, Prose, Prose, Furniture, Furniture,
        ];
        assert_eq!(runs(&c), [(9, 11)]);
        // A "Comments" link before the story's last paragraph opens nothing;
        // the next one does.
        let c = [Prose, Prose, Comments, Prose, Comments, Scrap, Furniture];
        assert_eq!(runs(&c), [(4, 7)]);
        // Unless the paragraph is signed: a comment.
        let c = [
            Prose, Prose, Comments, Prose, Scrap, Prose, Other, Furniture,
        ];
        assert_eq!(runs(&c), [(2, 8)]);
        // A notice opens it before an unsigned paragraph.
        let notice = Line {
            notice: true,
            ..l(Comments, 8)
        };
        let lines = [
            l(Prose, 30),
            l(Prose, 30),
            notice,
            l(Prose, 30),
            l(Furniture, 2),
        ];
        assert_eq!(pairs(junk_runs(&lines, &LIMITS)), [(2, 5)]);
        // Above the story it is a link of the page's toolbar.
        assert!(runs(&[Comments, Prose, Prose, Prose]).is_empty());
        // With no junk after it, it is the phrase rules' business.
        assert!(runs(&[Prose, Prose, Comments, Prose]).is_empty());
    }

    #[test]
    fn a_long_page_of_small_blocks_stays_linear() {
        let mut lines = vec![l(Prose, 80), l(Prose, 80)];
        for _ in 0..40_000 {
            lines.extend([
                l(Label, 2),
                l(Furniture, 1),
                l(Intro, 3),
                l(Other, 6),
                l(Other, 6),
            ]);
        }
        let started = std::time::Instant::now();
        let runs = junk_runs(&lines, &LIMITS);
        assert_eq!(runs.len(), 40_000);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}

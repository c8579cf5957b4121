//! ## What it does
//! Reports a direct quotation with no speaker: a quotation of a sentence or
//! a clause (`min_words` words or more) with no attribution. A quotation is
//! attributed by a sentence within `window` sentences of it in its
//! paragraph that holds a speech or writing verb from `verbs` ("said",
//! "told", "wrote", not in the passive: "was described as" names nobody)
//! with a speaker (a word from `speakers` such as "she", "officials", "a
//! spokesperson", a noun phrase next to the verb: "said the airline", or,
//! with `names: true`, a name), or by a phrase from `sources` that
//! attributes on its own ("according to"). Words inside quotations never
//! count. Also attributed: a colon introduction with a speaker or a verb
//! ("Lee said:", "Lee:", at the end of the paragraph before too), a
//! signature (`“…” — Lee`), a speaker label opening the paragraph ("Coach
//! Ana Ruiz “We…”"), and a quotation up to one sentence after an
//! attributed one in the same paragraph (the same speaker going on).
//!
//! The search follows the copy's structure, each step an option:
//! - a quotation that opens its paragraph may lean on the paragraph before
//!   when that one holds an attributed quotation or ends with a sentence
//!   that attributes speech ("Lee said the talks went well."); a desk that
//!   wants every quoted paragraph attributed sets `each_paragraph: true`;
//! - after a paragraph that ends with a question, it is the interview's
//!   answer (`interview_answers`);
//! - a quotation that opens a sentence right after one whose subject is a
//!   person ("Kerr applauded the move. “It was a brilliant goal.”") is that
//!   person's (`implied_speaker`).
//!
//! Quotation marks are paired by the scanner `quote_balance` uses, so a
//! quotation may run over several paragraphs (AP style) and is checked as
//! one; quotations nested in another belong to its speaker. Quotations
//! that are not speech are exempt, each by an option: shorter than
//! `min_words` (scare quotes, coined terms: “shuttle diplomacy”), partial
//! quotations woven into a sentence (starting in lower case) shorter than
//! `fragment_min_words`, quotations right after a word in `title_cues`
//! (“the song”, “her novel”, “titled”, “known as”, “the”) or before one in
//! `title_cues_after` (“…” ad campaign), titles in title case (`title_case`), and quotations in
//! headlines and subheads (`headlines: false`).
//!
//! ## Why
//! An unattributed quotation is a standards violation at every serious
//! newsroom: readers must know who said it. It often appears when a
//! paragraph with the attribution is cut, or when copy is assembled from
//! notes.
//!
//! ## Example
//! ```yaml
//! kind: quote-attribution
//! severity: warning
//! message: "Quotation '{quote}' has no speaker: no attribution {looked}"
//! description: Every direct quotation needs a speaker.
//! verbs: [said, says, told, added, wrote]
//! speakers: [he, she, they, officials, spokesperson]
//! sources: [according to]
//! names: true              # default true: a name is a speaker
//! min_words: 4             # default 4: shorter quotations are terms, not speech
//! fragment_min_words: 8    # default 8: for quotations starting in lower case
//! window: 1                # default 1 sentence either side, same paragraph
//! title_cues: [song, novel, titled, known as, the]
//! title_cues_after: [campaign, slogan]
//! title_case: true         # default true: “Cry Me a River” is a title
//! headlines: false         # default false: headlines and subheads are not checked
//! each_paragraph: false    # default false: a quoted paragraph may lean on the one before
//! interview_answers: true  # default true
//! implied_speaker: true    # default true
//! examples:
//!   - bad: "The ferry will run at night. “We will rebuild every pier before the summer.”"
//!   - good: "“We will rebuild every pier before the summer,” Lee said."
//! ```
//!
//! ## Fix safety
//! No fix: the speaker is a fact only the reporter has.

mod prose;
mod words;

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use super::phrase_pass::{Candidates, MergedSets};
use super::quotes::scanner::Quotation;
use super::quotes::{ArticleQuotes, shorten};
use super::text::{PhraseSet, is_alphanumeric};
use super::word_list::Bits;
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Diagnostic, Label};
use crate::document::BlockKind;
use crate::document::span::Span;
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

use self::prose::{Prose, last_sentence, sentence_index, sentences_in, window_around};
use self::words::{
    is_passive, is_title_case, looks_like_heading, next_to_determiner_phrase, signed_with_dash,
    subject_clauses,
};

rule_spec! {
    pub struct QuoteAttributionSpec {
        pub verbs: Spanned<Vec<String>>,
        #[serde(default)]
        pub speakers: Vec<String>,
        #[serde(default)]
        pub sources: Vec<String>,
        #[serde(default = "crate::rules::spec::yes")]
        pub names: bool,
        #[serde(default = "default_min_words")]
        pub min_words: usize,
        #[serde(default = "default_fragment_min_words")]
        pub fragment_min_words: usize,
        #[serde(default = "default_window")]
        pub window: usize,
        #[serde(default)]
        pub title_cues: Vec<String>,
        #[serde(default)]
        pub title_cues_after: Vec<String>,
        #[serde(default = "crate::rules::spec::yes")]
        pub title_case: bool,
        #[serde(default)]
        pub headlines: bool,
        #[serde(default)]
        pub each_paragraph: bool,
        #[serde(default = "crate::rules::spec::yes")]
        pub interview_answers: bool,
        #[serde(default = "crate::rules::spec::yes")]
        pub implied_speaker: bool,
    }
}

fn default_min_words() -> usize {
    4
}

fn default_fragment_min_words() -> usize {
    8
}

fn default_window() -> usize {
    1
}

pub static KIND: Kind = Kind {
    name: "quote-attribution",
    placeholders: &["quote", "looked"],
    source: include_str!("quote_attribution.rs"),
    compile,
};

/// The rule's word lists, compiled.
struct Lexicon {
    verbs: PhraseSet,
    speakers: Option<PhraseSet>,
    sources: Option<PhraseSet>,
    names: bool,
    /// The three lists in one automaton: a sentence is scanned once for
    /// all of them.
    merged: MergedSets,
}

/// What the lists find in one text.
struct Found {
    verbs: Vec<Range<usize>>,
    speaker: bool,
    source: bool,
}

impl Lexicon {
    fn new(
        verbs: PhraseSet,
        speakers: Option<PhraseSet>,
        sources: Option<PhraseSet>,
        names: bool,
    ) -> Lexicon {
        let merged = MergedSets::new(std::iter::once(&verbs).chain(&speakers).chain(&sources));
        Lexicon {
            verbs,
            speakers,
            sources,
            names,
            merged,
        }
    }

    fn find(&self, text: &str) -> Found {
        // The lists are asked about a few sentences of every quotation:
        // one buffer per thread for their candidates, not a few
        // allocations per sentence.
        thread_local! {
            static CANDIDATES: RefCell<Vec<Candidates>> = const { RefCell::new(Vec::new()) };
        }
        CANDIDATES.with_borrow_mut(|by_list| {
            if !self.merged.scan_into(text, by_list) {
                return Found {
                    verbs: self.verbs.find(text).into_iter().map(|(_, r)| r).collect(),
                    speaker: self
                        .speakers
                        .as_ref()
                        .is_some_and(|s| !s.find(text).is_empty()),
                    source: self
                        .sources
                        .as_ref()
                        .is_some_and(|s| !s.find(text).is_empty()),
                };
            }
            // One scan's candidates, by list, for the lists there are.
            // Speakers and sources only need to be there: any candidate the
            // list accepts will do, with no choosing among overlapping ones.
            let (verbs, others) = by_list.split_first_mut().expect("the verbs' list");
            let mut others = others.iter();
            let mut any = |list: &Option<PhraseSet>| {
                list.as_ref().is_some_and(|list| {
                    list.any_accepted(text, others.next().map_or(&[], Vec::as_slice))
                })
            };
            Found {
                speaker: any(&self.speakers),
                source: any(&self.sources),
                verbs: self
                    .verbs
                    .select(text, verbs)
                    .into_iter()
                    .map(|(_, r)| r)
                    .collect(),
            }
        })
    }

    /// A sentence (quotations blanked) that attributes: a source phrase, or
    /// a speech verb in the active voice with a speaker.
    fn attributes(&self, sentence: &str, prose: &Prose<'_>) -> bool {
        let found = self.find(sentence);
        if found.source {
            return true;
        }
        let mut active = found
            .verbs
            .iter()
            .filter(|r| !is_passive(sentence, r))
            .peekable();
        active.peek().is_some()
            && (found.speaker
                || (self.names && prose.names().any_in(sentence))
                || active.any(|r| next_to_determiner_phrase(sentence, r)))
    }

    /// A speaker word ("she", "officials") or a name.
    fn has_speaker(&self, text: &str, prose: &Prose<'_>) -> bool {
        self.speakers
            .as_ref()
            .is_some_and(|s| !s.find(text).is_empty())
            || (self.names && prose.names().any_in(text))
    }

    /// A speaker, or a speech verb in the active voice: enough to introduce
    /// a quotation with a colon ("The world champion said:").
    fn speaks(&self, text: &str, prose: &Prose<'_>) -> bool {
        let found = self.find(text);
        found.speaker
            || (self.names && prose.names().any_in(text))
            || found.verbs.iter().any(|r| !is_passive(text, r))
    }
}

struct QuoteAttribution {
    meta: RuleMeta,
    lexicon: Lexicon,
    min_words: usize,
    fragment_min_words: usize,
    window: usize,
    /// Lower-cased.
    title_cues: Vec<String>,
    /// Lower-cased, sorted (each nonempty).
    title_cues_after: Vec<String>,
    /// The last letters of `title_cues`.
    title_cue_ends: EdgeLetters,
    /// The first letters of `title_cues_after`.
    title_cue_after_starts: EdgeLetters,
    title_case: bool,
    headlines: bool,
    each_paragraph: bool,
    interview_answers: bool,
    implied_speaker: bool,
    looked: String,
}

fn phrase_set(file: &RuleFile, key: &str, list: &[String]) -> Result<Option<PhraseSet>, RuleError> {
    if let Some(blank) = list.iter().find(|p| p.trim().is_empty()) {
        return Err(file.error(format!("empty entry {blank:?} in `{key}`")));
    }
    if list.is_empty() {
        return Ok(None);
    }
    PhraseSet::new(list, true, true)
        .map(Some)
        .map_err(|e| file.error(e))
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: QuoteAttributionSpec = file.parse()?;
    let verbs = phrase_set(file, "verbs", &spec.verbs.value)?
        .ok_or_else(|| file.error_at(&spec.verbs, "`verbs` needs at least one speech verb"))?;
    if spec.min_words == 0 {
        return Err(file.error("`min_words` must be at least 1"));
    }
    for (key, cues) in [
        ("title_cues", &spec.title_cues),
        ("title_cues_after", &spec.title_cues_after),
    ] {
        if cues.iter().any(|c| c.trim().is_empty()) {
            return Err(file.error(format!("empty entry in `{key}`")));
        }
    }
    let lower =
        |cues: &[String]| -> Vec<String> { cues.iter().map(|c| c.trim().to_lowercase()).collect() };
    let title_cues = lower(&spec.title_cues);
    let mut title_cues_after = lower(&spec.title_cues_after);
    title_cues_after.sort_unstable();
    let looked = match spec.window {
        0 => "in its own sentence".to_string(),
        1 => "in its sentence or the one before or after it".to_string(),
        n => format!("within {n} sentences of it"),
    };
    Ok(Box::new(QuoteAttribution {
        lexicon: Lexicon::new(
            verbs,
            phrase_set(file, "speakers", &spec.speakers)?,
            phrase_set(file, "sources", &spec.sources)?,
            spec.names,
        ),
        min_words: spec.min_words,
        fragment_min_words: spec.fragment_min_words.max(spec.min_words),
        window: spec.window,
        title_cue_ends: EdgeLetters::new(title_cues.iter().filter_map(|c| c.chars().next_back())),
        title_cue_after_starts: EdgeLetters::new(
            title_cues_after.iter().filter_map(|c| c.chars().next()),
        ),
        title_cues,
        title_cues_after,
        title_case: spec.title_case,
        headlines: spec.headlines,
        each_paragraph: spec.each_paragraph,
        interview_answers: spec.interview_answers,
        implied_speaker: spec.implied_speaker,
        looked,
        meta: KIND.meta(file, spec.common())?,
    }))
}

/// The ASCII letters that open (or close) a list of lower-case cues: a
/// cheap test that text cannot hold any of them there.
struct EdgeLetters(Bits<2>);

impl EdgeLetters {
    fn new(letters: impl Iterator<Item = char>) -> EdgeLetters {
        let mut bits = Bits::new();
        for c in letters.filter(char::is_ascii) {
            bits.insert(c as usize);
        }
        EdgeLetters(bits)
    }

    /// Whether a cue could have `c` (as written, any case) at this edge. A
    /// character outside ASCII always could: its lower case may be ASCII
    /// (the Kelvin sign is a "k").
    fn may_hold(&self, c: Option<char>) -> bool {
        match c {
            None => false,
            Some(c) if c.is_ascii() => self.0.contains(c.to_ascii_lowercase() as usize),
            Some(_) => true,
        }
    }
}

/// What the quotations checked so far tell about the next ones.
struct Chain {
    /// Paragraphs holding an attributed quotation.
    attributed_paragraphs: Vec<bool>,
    /// Where the last attributed quotation closed: (paragraph, sentence).
    last_attributed: Option<(usize, usize)>,
}

impl QuoteAttribution {
    /// Whether the quotation is not speech: a term, a title, a nickname, or
    /// in a headline.
    fn is_exempt(&self, quotes: &ArticleQuotes, q: &Quotation, content: &str) -> bool {
        let block = quotes.blocks[q.open.para];
        if !self.headlines
            && (matches!(block.kind, BlockKind::Headline | BlockKind::Heading)
                || looks_like_heading(block.text()))
        {
            return true;
        }
        // Counted only as far as the thresholds need.
        let words = content
            .split_whitespace()
            .filter(|w| w.chars().any(is_alphanumeric))
            .take(self.fragment_min_words)
            .count();
        if words < self.min_words {
            return true;
        }
        // A partial quotation woven into the sentence ("handled on a “case
        // by case basis”") is a phrase before it is a clause.
        let fragment = content
            .chars()
            .find(|&c| is_alphanumeric(c))
            .is_some_and(char::is_lowercase);
        if fragment && words < self.fragment_min_words {
            return true;
        }
        if self.title_case && is_title_case(content) {
            return true;
        }
        let before = &block.text()[..q.open.at];
        let after = q.close.map_or("", |close| {
            let text = quotes.paragraphs[close.para].text;
            &text[close.at..]
        });
        self.after_title_cue(before) || self.before_title_cue(after)
    }

    /// The text before the opening mark ends with a cue such as "the song"
    /// or "known as" (a comma or colon between them is allowed).
    fn after_title_cue(&self, before: &str) -> bool {
        let mut from = before.len().saturating_sub(80);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let tail = before[from..]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '('));
        // A cue must end in the tail's last letter: most quotations are
        // turned away on that alone, before any lower-casing.
        if !self.title_cue_ends.may_hold(tail.chars().next_back()) {
            return false;
        }
        // Cues are lower case; ASCII text is compared without lower-casing
        // a copy of it.
        let tail: Cow<'_, str> = if tail.is_ascii() {
            Cow::Borrowed(tail)
        } else {
            Cow::Owned(tail.to_lowercase())
        };
        self.title_cues.iter().any(|cue| {
            let Some(at) = tail.len().checked_sub(cue.len()) else {
                return false;
            };
            tail.is_char_boundary(at)
                && tail.as_bytes()[at..].eq_ignore_ascii_case(cue.as_bytes())
                && !tail[..at].chars().next_back().is_some_and(is_alphanumeric)
        })
    }

    /// The text after the closing mark starts with a cue from
    /// `title_cues_after`, or with one word and a cue: “Meth. We’re on it.”
    /// (awareness) campaign.
    fn before_title_cue(&self, after_close: &str) -> bool {
        let after = after_close.trim_start_matches(|c: char| !is_alphanumeric(c));
        // A cue must start the first or the second word: most quotations
        // are turned away on those two letters alone.
        let second_start = after
            .split_once(char::is_whitespace)
            .and_then(|(_, rest)| rest.trim_start().chars().next());
        if !self.title_cue_after_starts.may_hold(after.chars().next())
            && !self.title_cue_after_starts.may_hold(second_start)
        {
            return false;
        }
        // The first 60 characters; when they are ASCII, compared with the
        // lower-case cues without lower-casing a copy.
        let head = &after.as_bytes()[..after.len().min(60)];
        let after: Cow<'_, str> = if head.is_ascii() {
            Cow::Borrowed(&after[..head.len()])
        } else {
            Cow::Owned(after.chars().take(60).collect::<String>().to_lowercase())
        };
        let second = after
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest.trim_start());
        [after.as_ref(), second].iter().any(|text| {
            self.cues_after_opening(text).iter().any(|cue| {
                text.len() >= cue.len()
                    && text.is_char_boundary(cue.len())
                    && text.as_bytes()[..cue.len()].eq_ignore_ascii_case(cue.as_bytes())
                    && !text[cue.len()..]
                        .chars()
                        .next()
                        .is_some_and(is_alphanumeric)
            })
        })
    }

    /// The `title_cues_after` whose first byte is `text`'s, ASCII case
    /// aside: the only ones that can open it. Every quotation followed by
    /// "she said" asks, and a comparison with each cue cost more than the
    /// rest of the test.
    fn cues_after_opening(&self, text: &str) -> &[String] {
        let Some(first) = text.as_bytes().first().map(u8::to_ascii_lowercase) else {
            return &[];
        };
        let cues = &self.title_cues_after;
        let from = cues.partition_point(|cue| cue.as_bytes()[0] < first);
        let count = cues[from..].partition_point(|cue| cue.as_bytes()[0] == first);
        &cues[from..from + count]
    }

    /// Verb and speaker within `window` sentences of the quotation in its
    /// paragraph (in the first and the last paragraph of a quotation that
    /// runs over several). Returns the source span searched.
    fn in_window(&self, quotes: &ArticleQuotes, prose: &Prose, q: &Quotation) -> (bool, Span) {
        let mut extents = q.extents(&quotes.paragraphs);
        let (first_para, first) = extents
            .next()
            .expect("a quotation has the stretch its opening mark starts");
        let (last_para, last) = extents.last().unwrap_or((first_para, first.clone()));
        let ends = if first_para == last_para {
            [Some((first_para, first.start, last.end)), None]
        } else {
            [
                Some((first_para, first.start, first.start)),
                Some((last_para, last.end, last.end)),
            ]
        };
        let mut searched: Option<Span> = None;
        let mut found = false;
        for (para, start, end) in ends.into_iter().flatten() {
            let block = quotes.blocks[para];
            let window = window_around(block, start, end, self.window);
            let span = block.span(window.clone());
            searched = Some(searched.map_or(span, |s| s.cover(span)));
            // Attributed at its first paragraph: the last one's window
            // only widens the span shown.
            if found {
                continue;
            }
            let text = prose.text(para);
            found = sentences_in(block, window).any(|s| self.lexicon.attributes(&text[s], prose));
        }
        (found, searched.unwrap_or_default())
    }

    /// "George Diller, NASA “We've been…”": the paragraph opens with a few
    /// words naming the speaker, then the quotation, as transcripts and
    /// match reports do.
    fn speaker_label(&self, prose: &Prose, q: &Quotation) -> bool {
        // A label is a few words: never read further back than that.
        if q.open.at > 120 {
            return false;
        }
        let text = prose.text(q.open.para);
        let label = &text[..q.open.at];
        let words = label.split_whitespace().count();
        (1..=6).contains(&words)
            && !label.contains(['.', '!', '?', ',', ';'])
            && self.lexicon.has_speaker(label, prose)
    }

    /// "Lee said: “…”" in the quotation's own sentence.
    fn colon_in_sentence(&self, quotes: &ArticleQuotes, prose: &Prose, q: &Quotation) -> bool {
        let block = quotes.blocks[q.open.para];
        let text = prose.text(q.open.para);
        let before = text[..q.open.at].trim_end();
        if !before.ends_with(':') {
            return false;
        }
        let sentence = sentence_index(&block.sentences, before.len().saturating_sub(1));
        let mut from = block
            .sentences
            .get(sentence)
            .map_or(0, |s| s.start.min(before.len()))
            .max(before.len().saturating_sub(prose::REACH));
        while !before.is_char_boundary(from) {
            from += 1;
        }
        self.lexicon.speaks(&before[from..], prose)
    }

    /// What the paragraph before tells about a quotation that opens its
    /// paragraph: a colon introduction ("Lee told members:"), an
    /// interview question, or (unless `each_paragraph`) a speaker going on.
    fn leans_on_previous_paragraph(
        &self,
        quotes: &ArticleQuotes,
        prose: &Prose,
        q: &Quotation,
        chain: &Chain,
    ) -> bool {
        let para = q.open.para;
        if !opens_paragraph(quotes, q) || !quotes.paragraphs[para].continues_previous {
            return false;
        }
        let prev = para - 1;
        let block = quotes.blocks[prev];
        let original = quotes.paragraphs[prev].text.trim_end();
        if original.ends_with(':') {
            let window = window_around(block, original.len() - 1, original.len(), self.window);
            let text = prose.text(prev);
            if sentences_in(block, window).any(|s| self.lexicon.speaks(&text[s], prose)) {
                return true;
            }
        }
        if self.interview_answers && original.ends_with('?') {
            return true;
        }
        if self.each_paragraph {
            return false;
        }
        if chain.attributed_paragraphs[prev] {
            return true;
        }
        let Some(sentence) = last_sentence(block) else {
            return false;
        };
        let text = prose.text(prev);
        self.lexicon.attributes(&text[sentence], prose)
    }

    /// "Kerr applauded the move. “It was a brilliant goal.”": a quotation
    /// that opens a sentence right after one whose subject is a person.
    fn implied(&self, quotes: &ArticleQuotes, prose: &Prose, q: &Quotation) -> bool {
        let para = q.open.para;
        let block = quotes.blocks[para];
        let index = sentence_index(&block.sentences, q.open.at);
        let sentence_start = block.sentences.get(index).map_or(0, |s| s.start);
        let lead_in = &block.text()[sentence_start.min(q.open.at)..q.open.at];
        if lead_in.chars().any(is_alphanumeric) {
            return false;
        }
        let (prev_para, previous) = if index > 0 && sentence_start <= q.open.at {
            (para, block.sentences.get(index - 1).cloned())
        } else if quotes.paragraphs[para].continues_previous && !self.each_paragraph {
            (para - 1, last_sentence(quotes.blocks[para - 1]))
        } else {
            return false;
        };
        let Some(previous) = previous else {
            return false;
        };
        // The subject opens the sentence, or follows an opening adverbial
        // ("After three wins, McIlroy is brimming with confidence.").
        let (first, second) = subject_clauses(&prose.text(prev_para)[previous], 5);
        self.lexicon.has_speaker(first, prose) || self.lexicon.has_speaker(second, prose)
    }

    fn attributed(
        &self,
        quotes: &ArticleQuotes,
        prose: &Prose,
        q: &Quotation,
        chain: &Chain,
        in_window: bool,
    ) -> bool {
        in_window
            || q.close.is_some_and(|close| {
                signed_with_dash(&quotes.paragraphs[close.para].text[close.at..])
            })
            || chain.last_attributed.is_some_and(|(para, sentence)| {
                para == q.open.para
                    && sentence_index(&quotes.blocks[para].sentences, q.open.at) <= sentence + 1
            })
            || self.speaker_label(prose, q)
            || self.colon_in_sentence(quotes, prose, q)
            || self.leans_on_previous_paragraph(quotes, prose, q, chain)
            || (self.implied_speaker && self.implied(quotes, prose, q))
    }
}

/// Whether the quotation's opening mark is the first thing in its paragraph
/// (punctuation left over from the paragraph before aside).
fn opens_paragraph(quotes: &ArticleQuotes, q: &Quotation) -> bool {
    quotes.paragraphs[q.open.para].text[..q.open.at]
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '—' | '–'))
}

impl Check for QuoteAttribution {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let quotes = cx.quotes();
        let prose = Prose::new(quotes);
        let mut chain = Chain {
            attributed_paragraphs: vec![false; quotes.paragraphs.len()],
            last_attributed: None,
        };
        for q in &quotes.scan.quotations {
            let Some(close) = q.close else { continue };
            if q.depth > 0 || q.doubtful {
                continue;
            }
            let content = q.content(&quotes.paragraphs);
            let exempt = self.is_exempt(quotes, q, &content);
            let (in_window, searched) = self.in_window(quotes, &prose, q);
            let attributed = self.attributed(quotes, &prose, q, &chain, in_window);
            if attributed {
                if !exempt {
                    for para in q.open.para..=q.last_para() {
                        chain.attributed_paragraphs[para] = true;
                    }
                }
                let sentences = &quotes.blocks[close.para].sentences;
                chain.last_attributed = Some((close.para, sentence_index(sentences, close.at)));
            }
            if attributed || exempt {
                continue;
            }
            let block = quotes.blocks[q.open.para];
            let (_, extent) = q
                .extents(&quotes.paragraphs)
                .next()
                .expect("a quotation has the stretch its opening mark starts");
            let shown = shorten(&content, 50, false);
            let span = block.span(extent);
            // Where it looked, when that is more than the quotation itself.
            let labels = if searched.start < span.start || searched.end > span.end {
                vec![Label {
                    span: searched,
                    message: "no speech verb with a speaker here".to_string(),
                }]
            } else {
                Vec::new()
            };
            out.push(self.meta.diagnostic_with(
                span,
                &[("quote", &shown), ("looked", &self.looked)],
                labels,
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Context, EdgeLetters, compile};
    use crate::document::{Document, Format, ReadOptions};
    use crate::rules::RuleFile;

    /// A cue after the closing mark, as its first or second word and in
    /// any case, makes the quotation a title; other words do not.
    #[test]
    fn cues_after_a_quotation_make_it_a_title() {
        let yaml = "kind: quote-attribution\nseverity: warning\nmessage: m\ndescription: d\nverbs: [said]\ntitle_cues_after: [slogan, campaign, sign]\nexamples:\n  - bad: x\n  - good: y\n";
        let check = compile(&RuleFile::standalone("quotes/test", "test.yaml", yaml))
            .unwrap_or_else(|e| panic!("{e}"));
        let flagged = |after: &str| {
            let text =
                format!("The town chose “Keep the harbour lights burning all night” {after}");
            let doc = Document::parse("t", text, Format::Snippet, &ReadOptions::default());
            let mut out = Vec::new();
            check.check(&Context::new(&doc), &mut out);
            !out.is_empty()
        };
        assert!(!flagged("campaign for the winter."));
        assert!(!flagged("ad Slogan for the pier."));
        assert!(!flagged("SIGN on the pier."));
        assert!(flagged("signs on the pier."), "a cue is a whole word");
        assert!(flagged("for the winter."));
        assert!(
            flagged("as the campaign's theme."),
            "only the first two words"
        );
    }

    #[test]
    fn edge_letters_turn_away_only_what_no_cue_can_hold() {
        let edges = EdgeLetters::new(
            ["song", "kelvin", "émission"]
                .iter()
                .filter_map(|c| c.chars().next()),
        );
        assert!(edges.may_hold(Some('s')) && edges.may_hold(Some('S')));
        assert!(edges.may_hold(Some('K')) && edges.may_hold(Some('\u{212A}')));
        assert!(
            edges.may_hold(Some('É')),
            "outside ASCII is never turned away"
        );
        assert!(!edges.may_hold(Some('t')) && !edges.may_hold(Some('E')));
        assert!(!edges.may_hold(None));
    }
}

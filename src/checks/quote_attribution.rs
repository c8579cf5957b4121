//! ## What it does
//! Reports a direct quotation with no speaker: a quotation of `min_words`
//! words or more (a sentence or a clause, not a coined term) with no
//! attribution near it. A quotation is attributed when a sentence within
//! `window` sentences of it in the same paragraph holds a speech or writing
//! verb from `verbs` ("said", "told", "wrote") together with a speaker (a
//! word from `speakers` such as "he", "officials", "a spokesperson", or, with
//! `names: true`, a capitalised name), or a phrase from `sources` that
//! attributes on its own ("according to"). Words inside quotations never
//! count. A quotation that opens its paragraph is also attributed by a
//! colon introduction ending the paragraph before ("Lee said:").
//!
//! Quotation marks are paired by the scanner `quote_balance` uses, so a
//! quotation may run over several paragraphs (AP style) and is checked as
//! one. Quotations that are not speech are exempt, each by an option:
//! shorter than `min_words` (scare quotes, coined terms: “shuttle
//! diplomacy”) or, starting in lower case, than `fragment_min_words`, right after a word in `title_cues` (“the song”, “her novel”,
//! “titled”, “known as”), written in title case (`title_case`), or in a
//! headline or subhead (`headlines: false`). Quotations nested in another
//! quotation belong to its speaker.
//!
//! A quotation that opens its paragraph may lean on the paragraph before:
//! when that one holds an attributed quotation or ends with a sentence that
//! attributes speech ("Lee said the talks went well."), the same speaker
//! goes on. A desk that wants every quoted paragraph attributed sets
//! `each_paragraph: true`. With `interview_answers: true` (the default), a
//! quotation opening the paragraph after a question is the answer.
//! Partial quotations woven into a sentence (they start in lower case) are
//! speech only from `fragment_min_words` words.
//!
//! ## Why
//! An unattributed quotation is a standards violation at every serious
//! newsroom: readers must know who said it. It often appears when a
//! paragraph with the attribution is cut, or when copy is assembled from
//! notes.
//!
//! ## Example
//! ```yaml
//! kind: quote_attribution
//! severity: warning
//! message: "Quotation '{quote}' has no speaker: nobody says it {looked}"
//! description: Every direct quotation needs a speaker.
//! verbs: [said, says, told, added, wrote]
//! speakers: [he, she, they, officials, spokesperson]
//! sources: [according to]
//! names: true              # default true: a capitalised name is a speaker
//! min_words: 4             # default 4: shorter quotations are terms, not speech
//! window: 1                # default 1 sentence either side, same paragraph
//! title_cues: [song, novel, titled, known as]
//! title_case: true         # default true: “Cry Me a River” is a title
//! headlines: false         # default false: headlines and subheads are not checked
//! fragment_min_words: 8    # default 8: for quotations starting in lower case
//! each_paragraph: false    # default false: a quoted paragraph may lean on the one before
//! interview_answers: true  # default true
//! examples:
//!   - bad: "“We will rebuild every pier before the summer.”"
//!   - good: "“We will rebuild every pier before the summer,” Lee said."
//! ```
//!
//! ## Fix safety
//! No fix: the speaker is a fact only the reporter has.

use std::borrow::Cow;
use std::ops::Range;

use super::quotes::scanner::{Paragraph, Quotation};
use super::quotes::{ArticleQuotes, shorten};
use super::text::PhraseSet;
use super::{Check, Kind, RuleMeta};
use crate::diagnostic::{Diagnostic, Label};
use crate::document::span::Span;
use crate::document::{Block, BlockKind, Document};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};

rule_spec! {
    pub struct QuoteAttributionSpec {
        pub verbs: Vec<String>,
        #[serde(default)]
        pub speakers: Vec<String>,
        #[serde(default)]
        pub sources: Vec<String>,
        #[serde(default = "crate::rules::spec::yes")]
        pub names: bool,
        #[serde(default = "default_min_words")]
        pub min_words: usize,
        #[serde(default = "default_window")]
        pub window: usize,
        #[serde(default)]
        pub title_cues: Vec<String>,
        #[serde(default = "crate::rules::spec::yes")]
        pub title_case: bool,
        #[serde(default)]
        pub headlines: bool,
        #[serde(default)]
        pub each_paragraph: bool,
        #[serde(default = "crate::rules::spec::yes")]
        pub interview_answers: bool,
        #[serde(default = "default_fragment_min_words")]
        pub fragment_min_words: usize,
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
    name: "quote_attribution",
    placeholders: &["quote", "looked"],
    source: include_str!("quote_attribution.rs"),
    compile,
};

struct QuoteAttribution {
    meta: RuleMeta,
    verbs: PhraseSet,
    speakers: Option<PhraseSet>,
    sources: Option<PhraseSet>,
    names: bool,
    min_words: usize,
    window: usize,
    /// Lower-cased, longest first.
    title_cues: Vec<String>,
    title_case: bool,
    headlines: bool,
    each_paragraph: bool,
    interview_answers: bool,
    fragment_min_words: usize,
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
    let verbs = phrase_set(file, "verbs", &spec.verbs)?
        .ok_or_else(|| file.error("`verbs` needs at least one speech verb"))?;
    if spec.min_words == 0 {
        return Err(file.error("`min_words` must be at least 1"));
    }
    if spec.title_cues.iter().any(|c| c.trim().is_empty()) {
        return Err(file.error("empty entry in `title_cues`"));
    }
    let mut title_cues: Vec<String> = spec
        .title_cues
        .iter()
        .map(|c| c.trim().to_lowercase())
        .collect();
    title_cues.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let looked = match spec.window {
        0 => "in its own sentence".to_string(),
        1 => "in its sentence or the one before or after it".to_string(),
        n => format!("within {n} sentences of it"),
    };
    Ok(Box::new(QuoteAttribution {
        speakers: phrase_set(file, "speakers", &spec.speakers)?,
        sources: phrase_set(file, "sources", &spec.sources)?,
        verbs,
        names: spec.names,
        min_words: spec.min_words,
        window: spec.window,
        title_cues,
        title_case: spec.title_case,
        headlines: spec.headlines,
        each_paragraph: spec.each_paragraph,
        interview_answers: spec.interview_answers,
        fragment_min_words: spec.fragment_min_words.max(spec.min_words),
        looked,
        meta: KIND.meta(file, spec.common())?,
    }))
}

/// How far (bytes) from a quotation the search for its attribution reaches,
/// whatever the sentences: keeps a paragraph with no sentence breaks from
/// making every quotation read all of it.
const REACH: usize = 600;

/// Capitalised words that open sentences or name times, not speakers.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "But", "And", "Or", "So", "Yet", "Nor", "In", "On", "At", "For", "Of", "To",
    "By", "With", "From", "As", "If", "When", "While", "After", "Before", "Then", "This", "That",
    "These", "Those", "There", "Here", "Its", "Such", "Some", "Many", "Most", "All", "Both",
    "Each", "Even", "Still", "Also", "However", "Meanwhile", "Now", "Last", "Next", "Earlier",
    "Later", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "What", "Why", "How", "Where", "Who", "Which", "Is", "Was",
    "It",
];

/// Words a title in title case leaves in lower case.
#[rustfmt::skip]
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "into", "up", "is", "my", "me",
];

/// The paragraphs' text with every quotation blanked out, computed once per
/// paragraph that needs it.
struct Unquoted<'a> {
    paragraphs: &'a [Paragraph<'a>],
    /// Ranges (marks included) of the outermost closed quotations.
    quoted: Vec<Vec<Range<usize>>>,
    cache: Vec<Option<String>>,
}

impl<'a> Unquoted<'a> {
    fn new(quotes: &'a ArticleQuotes) -> Unquoted<'a> {
        let mut quoted = vec![Vec::new(); quotes.paragraphs.len()];
        for q in quotes.scan.quotations.iter() {
            if q.depth == 0 && q.close.is_some() {
                for (para, range) in q.extents(&quotes.paragraphs) {
                    quoted[para].push(range);
                }
            }
        }
        Unquoted {
            paragraphs: &quotes.paragraphs,
            cache: vec![None; quoted.len()],
            quoted,
        }
    }

    fn text(&mut self, para: usize) -> Cow<'_, str> {
        let original = self.paragraphs[para].text;
        if self.quoted[para].is_empty() {
            return Cow::Borrowed(original);
        }
        let quoted = &self.quoted[para];
        let blanked = self.cache[para].get_or_insert_with(|| {
            let mut bytes = original.as_bytes().to_vec();
            for range in quoted {
                bytes[range.clone()].fill(b' ');
            }
            // Whole characters were replaced (ranges run from mark to mark).
            String::from_utf8(bytes).unwrap_or_else(|_| original.to_string())
        });
        Cow::Borrowed(blanked.as_str())
    }
}

impl QuoteAttribution {
    fn is_exempt(&self, quotes: &ArticleQuotes, q: &Quotation, content: &str) -> bool {
        let block = quotes.blocks[q.open.para];
        if !self.headlines
            && (matches!(block.kind, BlockKind::Headline | BlockKind::Heading)
                || looks_like_heading(block.text()))
        {
            return true;
        }
        let words = content
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words < self.min_words {
            return true;
        }
        // A partial quotation woven into the sentence ("the deal was “on a
        // case by case basis”") is a phrase before it is a clause.
        let fragment = content
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase);
        if fragment && words < self.fragment_min_words {
            return true;
        }
        if self.title_case && is_title_case(content) {
            return true;
        }
        if self.after_title_cue(&block.text()[..q.open.at]) {
            return true;
        }
        // “Meth. We’re on it.” ad campaign: the cue follows.
        q.close.is_some_and(|close| {
            let text = quotes.paragraphs[close.para].text;
            let after = text[close.at..]
                .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
                .trim_start_matches('(');
            let head: String = after.chars().take(40).collect::<String>().to_lowercase();
            self.title_cues.iter().any(|cue| {
                head.starts_with(cue.as_str())
                    && !head[cue.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            })
        })
    }

    /// The text before the opening mark ends with a cue such as "the song"
    /// or "known as" (a comma or colon between them is allowed).
    fn after_title_cue(&self, before: &str) -> bool {
        let mut from = before.len().saturating_sub(80);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let tail = before[from..]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '('))
            .to_lowercase();
        self.title_cues.iter().any(|cue| {
            tail.ends_with(cue.as_str())
                && !tail[..tail.len() - cue.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    }

    /// A sentence (quotations blanked) that attributes: a source phrase, or
    /// a speech verb, not in the passive ("was described as"), with a
    /// speaker.
    fn attributes(&self, sentence: &str) -> bool {
        if self
            .sources
            .as_ref()
            .is_some_and(|s| !s.find(sentence).is_empty())
        {
            return true;
        }
        let verbs: Vec<Range<usize>> = self
            .verbs
            .find(sentence)
            .into_iter()
            .map(|(_, r)| r)
            .filter(|r| !is_passive(sentence, r))
            .collect();
        if verbs.is_empty() {
            return false;
        }
        self.has_speaker(sentence) || verbs.iter().any(|r| next_to_determiner_phrase(sentence, r))
    }

    /// A speaker word ("she", "officials") or a name.
    fn has_speaker(&self, text: &str) -> bool {
        self.speakers
            .as_ref()
            .is_some_and(|s| !s.find(text).is_empty())
            || (self.names && has_name(text))
    }

    /// "Lee said:", "The ministry's reply:", or a transcript's "Lee:" right
    /// before the opening mark, in its paragraph: a colon introduction with
    /// a speaker in its sentence.
    fn colon_in_paragraph(
        &self,
        quotes: &ArticleQuotes,
        unquoted: &mut Unquoted,
        q: &Quotation,
    ) -> bool {
        let block = quotes.blocks[q.open.para];
        let text = unquoted.text(q.open.para);
        let before = text[..q.open.at].trim_end();
        if !before.ends_with(':') {
            return false;
        }
        let sentence = sentence_index(&block.sentences, before.len().saturating_sub(1));
        let from = block
            .sentences
            .get(sentence)
            .map_or(0, |s| s.start.min(before.len()))
            .max(before.len().saturating_sub(REACH));
        let mut from = from;
        while !before.is_char_boundary(from) {
            from += 1;
        }
        self.speaks(&before[from..])
    }

    /// "George Diller, NASA “We've been…”", "- Newcastle boss Graeme Souness
    /// “We deserved…”": the paragraph opens with a few words naming the
    /// speaker, then the quotation, as transcripts and match reports do.
    fn speaker_label(&self, unquoted: &mut Unquoted, q: &Quotation) -> bool {
        let text = unquoted.text(q.open.para);
        let label = &text[..q.open.at];
        let words = label.split_whitespace().count();
        (1..=6).contains(&words)
            && !label.contains(['.', '!', '?', ',', ';'])
            && self.has_speaker(label)
    }

    /// A speaker, or a speech verb in the active voice: enough to introduce
    /// a quotation with a colon ("The world champion said:").
    fn speaks(&self, text: &str) -> bool {
        self.has_speaker(text)
            || self
                .verbs
                .find(text)
                .iter()
                .any(|(_, r)| !is_passive(text, r))
    }

    /// Look for the attribution of `q` around it. Returns whether it was
    /// found and the source span searched.
    fn find_attribution(
        &self,
        quotes: &ArticleQuotes,
        unquoted: &mut Unquoted,
        q: &Quotation,
    ) -> (bool, Span) {
        let extents = q.extents(&quotes.paragraphs);
        let (first_para, first_range) = extents[0].clone();
        let (last_para, last_range) = extents[extents.len() - 1].clone();
        let mut searched: Option<Span> = None;
        let mut found = false;
        // Sentences before the quotation's start and after its end; within a
        // one-paragraph quotation both ends are in the same paragraph.
        let ends = if first_para == last_para {
            vec![(first_para, first_range.start, last_range.end)]
        } else {
            vec![
                (first_para, first_range.start, first_range.start),
                (last_para, last_range.end, last_range.end),
            ]
        };
        for (para, start, end) in ends {
            let block = quotes.blocks[para];
            let window = self.window_around(block, start, end);
            let span = block.span(window.clone());
            searched = Some(searched.map_or(span, |s| s.cover(span)));
            let text = unquoted.text(para);
            for sentence in sentences_in(block, &window) {
                if self.attributes(&text[sentence]) {
                    found = true;
                }
            }
        }
        (found, searched.unwrap_or_default())
    }

    /// Text range of the sentences from `window` before the one holding
    /// `start` to `window` after the one holding `end`, cut to `REACH`
    /// bytes either side.
    fn window_around(&self, block: &Block, start: usize, end: usize) -> Range<usize> {
        let sentences = &block.sentences;
        let text = block.text();
        let first = sentence_index(sentences, start).saturating_sub(self.window);
        let last = (sentence_index(sentences, end.saturating_sub(1).max(start)) + self.window)
            .min(sentences.len().saturating_sub(1));
        let (from, to) = match (sentences.get(first), sentences.get(last)) {
            (Some(f), Some(l)) => (f.start.min(start), l.end.max(end)),
            _ => (0, text.len()),
        };
        let mut from = from.max(start.saturating_sub(REACH));
        let mut to = to.min(end + REACH).min(text.len());
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        while !text.is_char_boundary(to) {
            to += 1;
        }
        from..to
    }

    /// "Lee said:" closing the paragraph before one that opens with the
    /// quotation.
    fn colon_introduction(
        &self,
        quotes: &ArticleQuotes,
        unquoted: &mut Unquoted,
        q: &Quotation,
    ) -> bool {
        let para = q.open.para;
        if !opens_paragraph(quotes, q) || !quotes.paragraphs[para].continues_previous {
            return false;
        }
        let prev = para - 1;
        let text = unquoted.text(prev);
        let trimmed = text.trim_end();
        if !trimmed.ends_with(':') {
            return false;
        }
        let block = quotes.blocks[prev];
        let window = self.window_around(block, trimmed.len() - 1, trimmed.len());
        sentences_in(block, &window).any(|s| self.speaks(&text[s]))
    }
}

impl QuoteAttribution {
    /// A paragraph that opens with a quotation may lean on the paragraph
    /// before it: unless `each_paragraph` is set, when that paragraph holds
    /// an attributed quotation or ends with a sentence that attributes
    /// speech ("Lee said the talks went well."), the same speaker goes on;
    /// with `interview_answers`, when it ends with a question, this is the
    /// answer.
    fn from_previous_paragraph(
        &self,
        quotes: &ArticleQuotes,
        unquoted: &mut Unquoted,
        q: &Quotation,
        attributed_paragraphs: &[bool],
    ) -> bool {
        let para = q.open.para;
        if !opens_paragraph(quotes, q) || !quotes.paragraphs[para].continues_previous {
            return false;
        }
        let prev = para - 1;
        if self.interview_answers && quotes.paragraphs[prev].text.trim_end().ends_with('?') {
            return true;
        }
        if self.each_paragraph {
            return false;
        }
        if attributed_paragraphs[prev] {
            return true;
        }
        let block = quotes.blocks[prev];
        let Some(last) = block.sentences.last() else {
            return false;
        };
        let from = last.start.max(last.end.saturating_sub(REACH));
        let text = unquoted.text(prev);
        text.get(from..last.end)
            .is_some_and(|sentence| self.attributes(sentence))
    }
}

/// A plain-text subhead: a short paragraph that does not end a sentence
/// ("3. “Not some irregular channel”").
fn looks_like_heading(text: &str) -> bool {
    let trimmed = text
        .trim()
        .trim_end_matches(|c: char| matches!(c, '"' | '”' | '\'' | '’' | '`'));
    trimmed.split_whitespace().count() <= 10
        && !trimmed.ends_with(|c: char| matches!(c, '.' | '!' | '?' | ':' | ',' | ';' | '…'))
}

/// “…” — Neil Gaiman: a quotation signed like an epigraph.
fn signed_with_dash(quotes: &ArticleQuotes, q: &Quotation) -> bool {
    let Some(close) = q.close else {
        return false;
    };
    let text = quotes.paragraphs[close.para].text;
    let after = text[close.at..].trim_start_matches(|c: char| {
        matches!(c, '"' | '”' | '\'' | '’' | ',' | '.') || c.is_whitespace()
    });
    let Some(rest) = after
        .strip_prefix('—')
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix("--"))
        .or_else(|| after.strip_prefix('-'))
    else {
        return false;
    };
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Words that make the verb after them passive: "was described as".
#[rustfmt::skip]
const PASSIVE_AUXILIARIES: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "get", "gets", "got",
];

/// Words that open a noun phrase: "said the airline", "the judges wrote".
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "another", "this", "that",
];

fn ends_clause(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '—' | '–')
}

/// The words of the clause that ends at `at`, nearest first: stops at
/// punctuation, so "the paper beams, adding" gives only "adding"'s clause.
fn clause_words_before(text: &str, at: usize) -> impl Iterator<Item = &str> {
    let head = &text[..at];
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_clause(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[from..].split_whitespace().rev()
}

/// The words of the clause that starts at `at`, in order.
fn clause_words_after(text: &str, at: usize) -> impl Iterator<Item = &str> {
    let tail = &text[at..];
    let to = tail.find(ends_clause).unwrap_or(tail.len());
    tail[..to].split_whitespace()
}

fn lower_in(word: &str, list: &[&str]) -> bool {
    list.contains(&word.to_lowercase().as_str())
}

/// "was described", "were widely called": the verb has no speaker of its
/// own. Only the word right before counts (or the one before an adverb):
/// in "she was videotaped telling", "telling" is active.
fn is_passive(sentence: &str, verb: &Range<usize>) -> bool {
    let mut before = clause_words_before(sentence, verb.start);
    match before.next() {
        Some(w) if w.ends_with("ly") => before
            .next()
            .is_some_and(|w| lower_in(w, PASSIVE_AUXILIARIES)),
        Some(w) => lower_in(w, PASSIVE_AUXILIARIES),
        None => false,
    }
}

/// "said the airline", "the world indoor champion said": the verb has a
/// noun phrase for a subject even when no speaker word or name is listed.
fn next_to_determiner_phrase(sentence: &str, verb: &Range<usize>) -> bool {
    clause_words_after(sentence, verb.end)
        .next()
        .is_some_and(|w| lower_in(w, DETERMINERS))
        || clause_words_before(sentence, verb.start)
            .skip(1)
            .take(4)
            .any(|w| lower_in(w, DETERMINERS))
}

/// Whether the quotation's opening mark is the first thing in its paragraph
/// (punctuation left over from the paragraph before aside).
fn opens_paragraph(quotes: &ArticleQuotes, q: &Quotation) -> bool {
    quotes.paragraphs[q.open.para].text[..q.open.at]
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '—' | '–'))
}

/// Index of the sentence holding text offset `at` (or the last one that
/// starts before it): binary search, sentences are in order.
fn sentence_index(sentences: &[Range<usize>], at: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= at)
        .saturating_sub(1)
}

/// The block's sentences inside `window`, clipped to it.
fn sentences_in<'b>(
    block: &'b Block,
    window: &'b Range<usize>,
) -> impl Iterator<Item = Range<usize>> + 'b {
    let from = sentence_index(&block.sentences, window.start);
    let parts: Box<dyn Iterator<Item = Range<usize>>> = if block.sentences.is_empty() {
        Box::new(std::iter::once(window.clone()))
    } else {
        Box::new(
            block.sentences[from..]
                .iter()
                .take_while(move |s| s.start < window.end)
                .map(move |s| s.start.max(window.start)..s.end.min(window.end))
                .filter(|s| s.start < s.end),
        )
    };
    parts
}

/// A capitalised word that is not a sentence opener, a weekday or a month.
fn has_name(sentence: &str) -> bool {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() > 1
                && !NOT_NAMES.contains(&w)
        })
}

/// Every word capitalised except small words, and no sentence ends inside:
/// “Cry Me a River”, “The Lord of the Rings”.
fn is_title_case(content: &str) -> bool {
    let body =
        content.trim_end_matches(|c: char| matches!(c, ',' | '.' | '!' | '?') || c.is_whitespace());
    if body.contains(['.', '!', '?', ';']) {
        return false;
    }
    let (mut capitals, mut lower) = (0, 0);
    for word in body.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_uppercase() || first.is_numeric() {
            capitals += 1;
        } else if !TITLE_SMALL_WORDS.contains(&word.to_lowercase().as_str()) {
            lower += 1;
        }
    }
    // Titles keep the odd verb in lower case (“There Will be Blood”).
    capitals >= 2 && (lower == 0 || (lower == 1 && capitals >= 3))
}

impl Check for QuoteAttribution {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let quotes = ArticleQuotes::of(doc);
        let mut unquoted = Unquoted::new(&quotes);
        // Paragraphs holding an attributed quotation: the next paragraph may
        // carry it on.
        let mut attributed_paragraphs = vec![false; quotes.paragraphs.len()];
        // Where the last attributed quotation closed (paragraph, sentence):
        // a quotation up to one sentence after it in the same paragraph is
        // the same speaker going on ("…,” he said. He paused. “…”).
        let mut last_attributed: Option<(usize, usize)> = None;
        for q in &quotes.scan.quotations {
            if q.depth > 0 || q.close.is_none() {
                continue;
            }
            let content = q.content(&quotes.paragraphs);
            let exempt = self.is_exempt(&quotes, q, &content);
            let (found, searched) = self.find_attribution(&quotes, &mut unquoted, q);
            let attributed = found
                || signed_with_dash(&quotes, q)
                || last_attributed.is_some_and(|(para, sentence)| {
                    para == q.open.para
                        && sentence_index(&quotes.blocks[para].sentences, q.open.at) <= sentence + 1
                })
                || self.speaker_label(&mut unquoted, q)
                || self.colon_in_paragraph(&quotes, &mut unquoted, q)
                || self.colon_introduction(&quotes, &mut unquoted, q)
                || self.from_previous_paragraph(&quotes, &mut unquoted, q, &attributed_paragraphs);
            if attributed {
                if !exempt {
                    for para in q.open.para..=q.last_para() {
                        attributed_paragraphs[para] = true;
                    }
                }
                if let Some(close) = q.close {
                    let sentences = &quotes.blocks[close.para].sentences;
                    last_attributed = Some((close.para, sentence_index(sentences, close.at)));
                }
            }
            if attributed || exempt {
                continue;
            }
            let block = quotes.blocks[q.open.para];
            let (_, extent) = q.extents(&quotes.paragraphs)[0].clone();
            let shown = shorten(&content, 50, false);
            out.push(self.meta.diagnostic_with(
                block.span(extent),
                &[("quote", &shown), ("looked", &self.looked)],
                vec![Label {
                    span: searched,
                    message: "no speech verb with a speaker here".to_string(),
                }],
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_is_recognised() {
        assert!(is_title_case("Cry Me a River"));
        assert!(is_title_case("The Lord of the Rings,"));
        assert!(is_title_case("There Will be Blood"));
        assert!(!is_title_case("We will rebuild the Harbour"));
        assert!(!is_title_case("We will Rebuild the harbour"));
        assert!(!is_title_case("Stop. Now Go Home"));
        assert!(!is_title_case("Dynamite"));
    }

    #[test]
    fn names_are_capitalised_words_that_do_not_open_sentences() {
        assert!(has_name("Lee said"));
        assert!(has_name("said Ms Okafor"));
        assert!(!has_name("The deal was described as"));
        assert!(!has_name("On Tuesday it was called"));
    }

    #[test]
    fn sentence_index_finds_the_holder() {
        let s = [0..10, 11..20, 22..30];
        assert_eq!(sentence_index(&s, 0), 0);
        assert_eq!(sentence_index(&s, 10), 0);
        assert_eq!(sentence_index(&s, 21), 1);
        assert_eq!(sentence_index(&s, 29), 2);
        assert_eq!(sentence_index(&[], 5), 0);
    }
}

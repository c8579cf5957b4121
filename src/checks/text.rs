//! Matching helpers the generic kinds share: literal phrase sets compiled into
//! one Aho-Corasick automaton, combined regexes, word boundaries and block
//! scopes.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::hir::Hir;
use serde::Deserialize;

use super::byte_masks;
use super::pattern_rewrite;
use crate::document::BlockKind;

/// Which blocks a rule reads. Rule files write a list of names; absent means
/// every block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockScope {
    Headline,
    Heading,
    Paragraph,
    ListItem,
    Quote,
    TableCell,
}

impl BlockScope {
    fn matches(self, kind: BlockKind) -> bool {
        matches!(
            (self, kind),
            (BlockScope::Headline, BlockKind::Headline)
                | (BlockScope::Heading, BlockKind::Heading)
                | (BlockScope::Paragraph, BlockKind::Paragraph)
                | (BlockScope::ListItem, BlockKind::ListItem)
                | (BlockScope::Quote, BlockKind::Quote)
                | (BlockScope::TableCell, BlockKind::TableCell)
        )
    }
}

/// Does a rule with `scope` read blocks of `kind`? (An empty scope reads all.)
pub fn in_scope(scope: &[BlockScope], kind: BlockKind) -> bool {
    scope.is_empty() || scope.iter().any(|s| s.matches(kind))
}

/// True when the character before `start` and after `end` are not letters or
/// digits, on each side where the match itself starts/ends with one.
pub fn on_word_boundaries(text: &str, range: &Range<usize>) -> bool {
    let matched = &text[range.clone()];
    let word = is_alphanumeric;
    let left_ok = !matched.chars().next().is_some_and(word)
        || !text[..range.start].chars().next_back().is_some_and(word);
    let right_ok = !matched.chars().next_back().is_some_and(word)
        || !text[range.end..].chars().next().is_some_and(word);
    left_ok && right_ok
}

/// `char::is_alphanumeric`, answering for the punctuation news copy is full
/// of (curly quotes, dashes, the ellipsis: the General Punctuation block,
/// which holds no letter or digit) without searching Unicode's tables.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// The phrase begins with a letter or digit, so it can only match whole at
/// the start of a word.
pub fn starts_word(phrase: &str) -> bool {
    phrase.chars().next().is_some_and(is_alphanumeric)
}

/// Byte offsets where a word (a run of letters and digits) starts, in
/// order.
pub fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    WordStarts {
        text,
        at: 0,
        after_word: false,
        found: 0,
        found_base: 0,
    }
}

/// [`word_starts`]: sixteen bytes at a time ([`byte_masks`]); the word
/// starts among those before the first byte outside ASCII are one mask
/// (a letter or digit after a byte that is neither), handed out a bit at
/// a time, and a character outside ASCII is judged whole.
struct WordStarts<'t> {
    text: &'t str,
    /// The next byte to read.
    at: usize,
    /// The byte before `at` is part of a word.
    after_word: bool,
    /// Word starts of the bytes from `found_base` not yet handed out.
    found: u32,
    found_base: usize,
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        loop {
            if self.found != 0 {
                let start = self.found_base + self.found.trailing_zeros() as usize;
                self.found &= self.found - 1;
                return Some(start);
            }
            if self.at >= bytes.len() {
                return None;
            }
            // Past the end the sixteen are padded with zeros: ASCII, and
            // neither letters nor digits.
            let classes = byte_masks::classes(&byte_masks::sixteen(bytes, self.at));
            let ascii = classes.not_ascii.trailing_zeros();
            if ascii > 0 {
                let word = u32::from(classes.alphanumeric) & ((1 << ascii) - 1);
                self.found = word & !((word << 1) | u32::from(self.after_word));
                self.found_base = self.at;
                self.after_word = word >> (ascii - 1) & 1 != 0;
                self.at += ascii as usize;
                continue;
            }
            let at = self.at;
            let c = self.text[at..].chars().next()?;
            let word = is_alphanumeric(c);
            self.at += c.len_utf8();
            let starts = word && !self.after_word;
            self.after_word = word;
            if starts {
                return Some(at);
            }
        }
    }
}

/// True when no letter or digit shares the line of `range` outside it. Each
/// scan stops at the first letter, digit or line break, so many hits on one
/// long line stay linear.
pub fn alone_on_line(text: &str, range: &Range<usize>) -> bool {
    let stop = |c: &char| *c == '\n' || is_alphanumeric(*c);
    let before = text[..range.start].chars().rev().find(stop);
    let after = text[range.end..].chars().find(stop);
    before.is_none_or(|c| c == '\n') && after.is_none_or(|c| c == '\n')
}

/// Many literal phrases, one automaton, one pass over the text.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    /// Leftmost-longest search: fast, with prefilters.
    leftmost: OnceLock<Option<AhoCorasick>>,
    /// Every match, for the rare place where the longest phrase fails its
    /// word-boundary test and a shorter one at the same start may pass.
    overlapping: OnceLock<Option<AhoCorasick>>,
    longest: usize,
    whole_words: bool,
    ignore_case: bool,
    phrases: Vec<String>,
}

/// Most bytes of phrases one set may hold. Far above any real list, and
/// far below what the automata can number: checked when the set is made,
/// so that building them later cannot fail.
const MAX_PHRASE_BYTES: usize = 64 << 20;

impl PhraseSet {
    /// `ignore_case` folds ASCII letters only (folding other scripts would
    /// change byte lengths and break spans); list accented forms explicitly.
    ///
    /// The set's own automata are built on first use: in a normal run the
    /// engine's shared pass finds every set's phrases, and building them
    /// for every rule at load time made a tenth of start-up.
    pub fn new<S: AsRef<str>>(
        phrases: &[S],
        ignore_case: bool,
        whole_words: bool,
    ) -> Result<PhraseSet, String> {
        let bytes: usize = phrases.iter().map(|p| p.as_ref().len()).sum();
        if bytes > MAX_PHRASE_BYTES {
            return Err(format!(
                "cannot compile phrase list: {bytes} bytes of phrases, over the {MAX_PHRASE_BYTES} a list may hold"
            ));
        }
        Ok(PhraseSet {
            leftmost: OnceLock::new(),
            overlapping: OnceLock::new(),
            longest: phrases.iter().map(|p| p.as_ref().len()).max().unwrap_or(0),
            whole_words,
            ignore_case,
            phrases: phrases.iter().map(|p| p.as_ref().to_string()).collect(),
        })
    }

    fn leftmost(&self) -> Option<&AhoCorasick> {
        self.automaton(&self.leftmost, MatchKind::LeftmostLongest)
    }

    fn overlapping(&self) -> Option<&AhoCorasick> {
        self.automaton(&self.overlapping, MatchKind::Standard)
    }

    /// The automaton of `kind` kept in `cell`, built on first use. `None`
    /// only when the automaton library refuses the phrases, which it does
    /// only past limits (billions of states) that [`MAX_PHRASE_BYTES`]
    /// keeps far off.
    fn automaton<'s>(
        &'s self,
        cell: &'s OnceLock<Option<AhoCorasick>>,
        kind: MatchKind,
    ) -> Option<&'s AhoCorasick> {
        cell.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(self.ignore_case)
                .match_kind(kind)
                .build(&self.phrases)
                .ok()
        })
        .as_ref()
    }

    /// The phrases, in the order given.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// Whether phrases match whole words only.
    pub fn whole_words(&self) -> bool {
        self.whole_words
    }

    /// Whether ASCII case is ignored.
    pub fn ignores_case(&self) -> bool {
        self.ignore_case
    }

    /// What [`PhraseSet::find`] returns, chosen from `candidates`: every
    /// place in `text` where one of the phrases matches, ignoring ASCII case
    /// whatever this set's setting (`(phrase index, byte range)`, any order,
    /// overlaps allowed). The engine's one pass over an article for all
    /// rules hands each set its candidates this way.
    pub fn select(
        &self,
        text: &str,
        candidates: &mut [(usize, Range<usize>)],
    ) -> Vec<(usize, Range<usize>)> {
        // The phrase listed first wins a tie, as in `find`; the candidates
        // come in no particular order.
        candidates.sort_unstable_by_key(|(p, r)| (r.start, std::cmp::Reverse(r.end), *p));
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        let mut at = 0;
        for (pattern, range) in candidates.iter().cloned() {
            // Sorted by start, longest first: the first accepted candidate at
            // or after `at` is the leftmost-longest one.
            if range.start < at || !self.accepts(text, pattern, &range) {
                continue;
            }
            at = range.end.max(range.start + 1);
            out.push((pattern, range));
        }
        out
    }

    /// Whether [`PhraseSet::select`] would keep any of `candidates`: the
    /// leftmost accepted one always is, so any accepted one will do.
    pub fn any_accepted(&self, text: &str, candidates: &[(usize, Range<usize>)]) -> bool {
        self.accepted(text, candidates).next().is_some()
    }

    /// The ranges of the candidates this set takes, every one of them
    /// (overlapping ones too), in the candidates' order.
    pub fn accepted<'a>(
        &'a self,
        text: &'a str,
        candidates: &'a [(usize, Range<usize>)],
    ) -> impl Iterator<Item = &'a Range<usize>> + 'a {
        candidates
            .iter()
            .filter(|(pattern, range)| self.accepts(text, *pattern, range))
            .map(|(_, range)| range)
    }

    /// A candidate from a case-blind scan that this set takes: whole
    /// characters, the exact case when the set wants it, word boundaries
    /// when it wants them.
    fn accepts(&self, text: &str, pattern: usize, r: &Range<usize>) -> bool {
        text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
            && (self.ignore_case
                || text.as_bytes().get(r.clone()) == Some(self.phrases[pattern].as_bytes()))
            && (!self.whole_words || on_word_boundaries(text, r))
    }

    /// Leftmost-longest, non-overlapping matches that respect word
    /// boundaries: `(phrase index, byte range)`. A longer phrase that fails
    /// the boundary test does not hide a shorter one that passes.
    pub fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let accepts = |r: &Range<usize>| {
            text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
                && (!self.whole_words || on_word_boundaries(text, r))
        };
        let mut out = Vec::new();
        let Some(leftmost) = self.leftmost() else {
            return out;
        };
        let mut at = 0;
        while at < text.len() {
            let Some(m) = leftmost.find(Input::new(text).range(at..)) else {
                break;
            };
            let start = m.start();
            let found = if accepts(&m.range()) {
                Some((m.pattern().as_usize(), m.range()))
            } else {
                // The longest phrase here fails; the longest that passes.
                let window = start..(start + self.longest).min(text.len());
                self.overlapping().and_then(|overlapping| {
                    overlapping
                        .find_overlapping_iter(Input::new(text).range(window))
                        .filter(|c| c.start() == start && accepts(&c.range()))
                        .max_by_key(|c| c.end())
                        .map(|c| (c.pattern().as_usize(), c.range()))
                })
            };
            match found {
                Some((pattern, range)) => {
                    at = range.end.max(start + 1);
                    out.push((pattern, range));
                }
                None => at = start + text[start..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }
}

/// Largest compiled regex a rule may build (per rule), so a hostile rule
/// file cannot eat the machine's memory.
pub const REGEX_SIZE_LIMIT: usize = 8 * 1024 * 1024;

/// `patterns` compiled together by `compile` (as one alternation, read as
/// [`build_regex`] reads a pattern). Returns the index of the first bad
/// pattern with the error when they do not compile.
pub fn combined_regex<T>(
    patterns: &[String],
    ignore_case: bool,
    compile: impl FnOnce() -> Result<T, String>,
) -> Result<Option<T>, (usize, String)> {
    if patterns.is_empty() {
        return Ok(None);
    }
    match compile() {
        Ok(regex) => Ok(Some(regex)),
        // Only now compile them one by one, to name the culprit (or, when
        // each compiles alone, blame their sum for the size).
        Err(e) => {
            for (i, p) in patterns.iter().enumerate() {
                build_regex(p, ignore_case).map_err(|e| (i, e))?;
            }
            Err((0, e))
        }
    }
}

/// One pattern matching what any of `patterns` matches, in the order
/// given (leftmost-first).
pub fn alternation(patterns: &[String]) -> String {
    match patterns {
        [one] => one.clone(),
        _ => patterns
            .iter()
            .map(|p| format!("(?:{p})"))
            .collect::<Vec<_>>()
            .join("|"),
    }
}

/// Check that `pattern` parses as [`build_regex`] reads it, without
/// compiling it (compiling is most of start-up, and a rule's patterns are
/// then compiled together once). The parse is kept for what else is read
/// from it (its `match` group, its required literals).
pub fn parse_regex(pattern: &str, ignore_case: bool) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(ignore_case)
        .multi_line(true)
        .nest_limit(64)
        .build()
        .parse(&pattern_rewrite::for_speed(pattern))
        .map_err(|e| syntax_error(&e.to_string()))
}

/// Whether a parsed pattern has a group named `match`.
pub fn has_match_group(hir: &Hir) -> bool {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Capture(c) => c.name.as_deref() == Some("match") || has_match_group(&c.sub),
        HirKind::Repetition(r) => has_match_group(&r.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(has_match_group),
        _ => false,
    }
}

/// The reason in a regex syntax error. The crate's message repeats the
/// pattern with a caret; the rule-file snippet already shows where.
fn syntax_error(text: &str) -> String {
    let reason = text
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or(text.trim());
    format!("invalid regex: {reason}")
}

pub fn build_regex(pattern: &str, ignore_case: bool) -> Result<Regex, String> {
    let pattern = &pattern_rewrite::for_speed(pattern);
    RegexBuilder::new(pattern)
        .case_insensitive(ignore_case)
        .multi_line(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(64)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => too_large(limit),
            regex::Error::Syntax(text) => syntax_error(&text),
            other => format!("invalid regex: {other}"),
        })
}

/// `hir` (from [`parse_regex`]) compiled as [`build_regex`] compiles its
/// pattern, without parsing the pattern again; with its capture groups
/// when `groups`, with only the whole match's otherwise.
pub fn build_from_hir(hir: &Hir, groups: bool) -> Result<meta::Regex, String> {
    let captures = if groups {
        WhichCaptures::All
    } else {
        WhichCaptures::Implicit
    };
    meta::Builder::new()
        .configure(meta_config().which_captures(captures))
        .build_from_hir(hir)
        .map_err(|e| build_error(e.size_limit(), &e))
}

/// `hirs` (from [`parse_regex`]) compiled together as `regex::RegexSet`
/// compiles patterns: a search reports which of them match, each to its
/// end, with no groups.
pub fn build_set_from_hirs(hirs: &[Hir]) -> Result<meta::Regex, String> {
    meta::Builder::new()
        .configure(
            meta_config()
                .match_kind(regex_automata::MatchKind::All)
                .which_captures(WhichCaptures::None),
        )
        .build_many_from_hir(hirs)
        .map_err(|e| build_error(e.size_limit(), &e))
}

/// The engine's settings for a rule's regexes: [`REGEX_SIZE_LIMIT`] for
/// the automaton and for the lazy DFA's cache.
fn meta_config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
        .hybrid_cache_capacity(REGEX_SIZE_LIMIT)
}

/// The message for an already parsed pattern that does not compile: over
/// the size limit (`limit`), or refused for another reason.
pub fn build_error(limit: Option<usize>, error: &dyn std::fmt::Display) -> String {
    match limit {
        Some(limit) => too_large(limit),
        None => format!("invalid regex: {error}"),
    }
}

/// The message for a regex whose compiled form is over `limit` bytes.
fn too_large(limit: usize) -> String {
    format!("regex is too large (compiled size over {limit} bytes); split it or simplify it")
}

/// Keep the case shape of `found` when writing `replacement`: "E-mail" →
/// "Email", "E-MAIL" → "EMAIL", "e-mail" → "email".
pub fn match_case(found: &str, replacement: &str) -> String {
    let letters: Vec<char> = found.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    let found_capital = found.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if found_capital && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => replacement.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Eight bytes at a time, the word starts a character at a time
        /// finds.
        #[test]
        fn word_starts_are_letters_or_digits_after_neither(
            text in "([A-Za-z0-9]{1,11}|[ .,'’-]{1,3}|é|ж|“|\u{2009}|١){0,30}"
        ) {
            let mut expected = Vec::new();
            let mut after_word = false;
            for (at, c) in text.char_indices() {
                let word = is_alphanumeric(c);
                if word && !after_word {
                    expected.push(at);
                }
                after_word = word;
            }
            proptest::prop_assert_eq!(word_starts(&text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn the_punctuation_shortcut_agrees_with_unicode() {
        for c in ('\0'..='\u{3000}').chain(['’', '“', '—', '…', 'é', '٣', 'ж', '日']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn phrase_set_respects_word_boundaries_and_prefers_longest() {
        let set = PhraseSet::new(&["read more", "read more:", "ad"], true, true).unwrap();
        let text = "Read More: the ad man's adverts";
        let found = set.find(text);
        let got: Vec<&str> = found.iter().map(|(_, r)| &text[r.clone()]).collect();
        assert_eq!(got, ["Read More:", "ad"]);
    }

    #[test]
    fn a_list_too_large_for_its_automata_is_refused_when_made() {
        let huge = "x".repeat(MAX_PHRASE_BYTES / 2 + 1);
        let err = PhraseSet::new(&[huge.as_str(), huge.as_str()], true, true).err();
        assert!(err.is_some_and(|e| e.contains("over the")));
        assert!(PhraseSet::new(&[huge.as_str()], true, true).is_ok());
    }

    fn alone(text: &str, needle: &str) -> bool {
        let start = text.find(needle).unwrap();
        alone_on_line(text, &(start..start + needle.len()))
    }

    #[test]
    fn alone_on_line_allows_symbols_only() {
        assert!(alone("Print", "Print"));
        assert!(alone("  » Print |", "Print"));
        assert!(alone("[ View All ]", "View All"));
        assert!(alone(
            "First line.\nAdvertisement\nNext line.",
            "Advertisement"
        ));
        assert!(!alone("Print editions", "Print"));
        assert!(!alone("The Print", "Print"));
        assert!(!alone("Sent by Email 2", "Email"));
    }

    #[test]
    fn a_shorter_phrase_passes_where_the_longest_fails_its_boundary() {
        let set = PhraseSet::new(&["share", "share this", "this"], true, true).unwrap();
        let text = "Share thisfor you. Share this. share";
        let got: Vec<&str> = set
            .find(text)
            .iter()
            .map(|(_, r)| &text[r.clone()])
            .collect();
        assert_eq!(got, ["Share", "Share this", "share"]);
    }

    #[test]
    fn case_shapes_are_kept() {
        assert_eq!(match_case("E-mail", "email"), "Email");
        assert_eq!(match_case("E-MAIL", "email"), "EMAIL");
        assert_eq!(match_case("e-mail", "email"), "email");
    }

    #[test]
    fn ascii_patterns_get_ascii_word_boundaries() {
        let re = build_regex(r"\bclick here\b", true).unwrap();
        assert!(re.is_match("“Click here,” it said"));
        assert!(!re.is_match("clickhere"));
    }

    #[test]
    fn oversized_regex_is_refused() {
        let err = build_regex("(?:a{1000}){1000}", false).unwrap_err();
        assert!(err.contains("too large"), "{err}");
    }
}

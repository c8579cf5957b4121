//! ## What it does
//! Reports every occurrence of a listed phrase (`phrases`, literal text) or
//! pattern (`patterns`, regular expressions) in the article's prose, and
//! every `labels` entry that stands alone on its line.
//!
//! ## Why
//! Some words must never reach readers: editors' placeholders ("TKTK"),
//! pasted site furniture ("ADVERTISEMENT"), banned terms. A list is the
//! simplest rule a desk can write, and a newsroom's list can be long: all
//! phrases of a rule are compiled into one automaton, so a thousand phrases
//! cost about what one does.
//!
//! ## Example
//! ```yaml
//! kind: existence
//! severity: error
//! message: "Editor's placeholder '{match}' left in copy"
//! description: Placeholders mark facts still to come and must be filled.
//! phrases: [TKTK, lorem ipsum]
//! patterns: ['\bTK\b']
//! ignorecase: false       # default true (ASCII letters)
//! nonword: false          # default false: phrases match whole words only
//! scope: [paragraph, headline]   # default: every block
//! labels: [Advertisement]  # literal text that counts only alone on its line
//! unquoted: false         # default false; true: skip matches inside "quotes"
//! examples:
//!   - bad: "The council will vote on TKTK."
//!   - good: "The council will vote on Tuesday."
//! ```
//!
//! A pattern with a group named `match` reports only that group; the rest of
//! the pattern is context that must be there but is not flagged (Rust regexes
//! have no look-behind): `'(?:^|[.!?] )(?P<match>Click here)\b'` flags
//! "Click here" only where it opens a line or a sentence, not inside a
//! quotation.
//!
//! `unquoted: true` is for words that are junk when the page says them but
//! news when someone is quoted saying them ("“Follow me on Instagram,” she
//! joked"). Double quotation marks count, straight or curly; a quotation
//! still open at the end of the block runs to its end.
//!
//! `labels` are for site furniture that is an ordinary word inside a
//! sentence but junk when it is all there is on its line: "Print", "Email",
//! "Related", "Advertisement". Symbols around it ("» More", "Share:",
//! "[ View All ]") still leave it alone on its line. Like `phrases`, labels
//! follow `ignorecase` and `nonword`.
//!
//! ## Fix safety
//! No fix: what replaces the phrase is the editor's call.

use std::ops::Range;

use regex_syntax::hir::Hir;

use super::line_regex::LineRegex;
use super::regex_literals::required_literals;
use super::text::{
    BlockScope, PhraseSet, alone_on_line, combined_regex, has_match_group, in_scope, parse_regex,
};
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::Diagnostic;
use crate::document::Prose;
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

rule_spec! {
    pub struct ExistenceSpec {
        #[serde(default)]
        pub phrases: Vec<String>,
        #[serde(default)]
        pub patterns: Vec<Spanned<String>>,
        #[serde(default = "crate::rules::spec::yes")]
        pub ignorecase: bool,
        #[serde(default)]
        pub nonword: bool,
        #[serde(default)]
        pub scope: Vec<BlockScope>,
        #[serde(default)]
        pub labels: Vec<String>,
        #[serde(default)]
        pub unquoted: bool,
    }
}

pub static KIND: Kind = Kind {
    name: "existence",
    placeholders: &["match"],
    source: include_str!("existence.rs"),
    compile,
};

struct Existence {
    meta: RuleMeta,
    phrases: Option<PhraseSet>,
    regex: Option<Prefiltered>,
    /// Patterns with a `match` group, each compiled alone (group names
    /// cannot repeat in one alternation).
    grouped: Vec<Prefiltered>,
    labels: Option<PhraseSet>,
    scope: Vec<BlockScope>,
    unquoted: bool,
}

/// A regex and, when it has them, literals one of which every match
/// contains: an article without any of them is not searched, and the
/// rule's plain patterns (no `match` group) are searched only in the
/// blocks that hold one.
struct Prefiltered {
    regex: LineRegex,
    needs: Option<PhraseSet>,
}

impl Prefiltered {
    fn new(regex: LineRegex, patterns: &[&Hir]) -> Prefiltered {
        let mut literals = Vec::new();
        for pattern in patterns {
            match required_literals(pattern) {
                Some(needed) => literals.extend(needed),
                None => return Prefiltered { regex, needs: None },
            }
        }
        let needs = PhraseSet::new(&literals, true, false).ok();
        Prefiltered { regex, needs }
    }

    /// Worth searching: some needed literal occurs in the prose.
    fn may_match(&self, cx: &Context<'_>) -> bool {
        self.needs.as_ref().is_none_or(|set| cx.any_phrase(set))
    }
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: ExistenceSpec = file.parse()?;
    if spec.phrases.is_empty() && spec.patterns.is_empty() && spec.labels.is_empty() {
        return Err(
            file.error("an `existence` rule needs `phrases`, `patterns` or `labels` (or several)")
        );
    }
    let phrase_set = |list: &[String], key: &str| -> Result<Option<PhraseSet>, RuleError> {
        if let Some(blank) = list.iter().find(|p| p.trim().is_empty()) {
            return Err(file.error(format!("empty phrase {blank:?} in `{key}`")));
        }
        if list.is_empty() {
            return Ok(None);
        }
        PhraseSet::new(list, spec.ignorecase, !spec.nonword)
            .map(Some)
            .map_err(|e| file.error(e))
    };
    let phrases = phrase_set(&spec.phrases, "phrases")?;
    let labels = phrase_set(&spec.labels, "labels")?;
    let mut plain: Vec<(&Spanned<String>, Hir)> = Vec::new();
    let mut grouped: Vec<Prefiltered> = Vec::new();
    for pattern in &spec.patterns {
        let parsed =
            parse_regex(&pattern.value, spec.ignorecase).map_err(|e| file.error_at(pattern, e))?;
        if has_match_group(&parsed) {
            let regex = LineRegex::new(&parsed).map_err(|e| file.error_at(pattern, e))?;
            grouped.push(Prefiltered::new(regex, &[&parsed]));
        } else {
            plain.push((pattern, parsed));
        }
    }
    let sources: Vec<String> = plain.iter().map(|(p, _)| p.value.clone()).collect();
    let parsed: Vec<&Hir> = plain.iter().map(|(_, hir)| hir).collect();
    let every = Hir::alternation(parsed.iter().map(|&hir| hir.clone()).collect());
    // Compiled from the patterns' parsed forms, joined; their text is only
    // for naming a culprit when that fails.
    let regex = combined_regex(&sources, spec.ignorecase, || LineRegex::new(&every))
        .map_err(|(i, e)| file.error_at(plain[i].0, e))?
        .map(|regex| Prefiltered::new(regex, &parsed));
    let meta = KIND.meta(file, spec.common())?;
    Ok(Box::new(Existence {
        meta,
        phrases,
        regex,
        grouped,
        labels,
        scope: spec.scope,
        unquoted: spec.unquoted,
    }))
}

impl Check for Existence {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn literals(&self) -> Vec<String> {
        let lists = [&self.phrases, &self.labels];
        lists
            .into_iter()
            .flatten()
            .flat_map(|set| set.phrases().iter().cloned())
            .collect()
    }

    fn phrase_sets(&self) -> Vec<&PhraseSet> {
        let regexes = self.regex.iter().chain(&self.grouped);
        [&self.phrases, &self.labels]
            .into_iter()
            .flatten()
            .chain(regexes.filter_map(|r| r.needs.as_ref()))
            .collect()
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // One search over the whole article, then each hit is mapped to its
        // block (see `Prose` for why).
        let prose = doc.prose();
        let text = prose.text.as_str();
        let mut hits: Vec<Range<usize>> = Vec::new();
        if let Some(phrases) = &self.phrases {
            hits.extend(cx.phrases(phrases).into_iter().map(|(_, r)| r));
        }
        if let Some(labels) = &self.labels {
            hits.extend(
                cx.phrases(labels)
                    .into_iter()
                    .map(|(_, r)| r)
                    .filter(|r| alone_on_line(text, r)),
            );
        }
        if let Some(plain) = &self.regex {
            let find = |at| plain.regex.find_at(text, at);
            // Every hit of the plain patterns lies in one block and holds a
            // needed literal, so only blocks that hold one are searched.
            match plain
                .needs
                .as_ref()
                .and_then(|set| cx.blocks_with_phrase(set))
            {
                Some(blocks) => {
                    let may_hold = |block| plain.regex.may_match_within(text, block);
                    search_blocks(prose, &blocks, may_hold, find, &mut hits);
                }
                None if plain.may_match(cx) => search(prose, find, &mut hits),
                None => {}
            }
        }
        // A `match` group's pattern may find its literal outside the part
        // it flags, in another block: searched whole.
        for Prefiltered { regex, .. } in self.grouped.iter().filter(|r| r.may_match(cx)) {
            search(prose, |at| regex.find_at(text, at), &mut hits);
        }
        let mut located: Vec<(usize, Range<usize>)> = hits
            .into_iter()
            .filter_map(|r| prose.locate(r))
            .filter(|(block, _)| in_scope(&self.scope, doc.blocks[*block].kind))
            .collect();
        if self.unquoted && !located.is_empty() {
            let mut quoted: Vec<Option<Vec<Range<usize>>>> = vec![None; doc.blocks.len()];
            located.retain(|(block, r)| {
                let ranges =
                    quoted[*block].get_or_insert_with(|| quoted_ranges(doc.blocks[*block].text()));
                !inside(ranges, r.start)
            });
        }
        located.sort_by_key(|(block, r)| (*block, r.start, std::cmp::Reverse(r.end)));
        let mut last: Option<(usize, usize)> = None;
        for (index, range) in located {
            if last.is_some_and(|(b, end)| b == index && range.start < end) {
                continue;
            }
            last = Some((index, range.end));
            let block = &doc.blocks[index];
            let found = block.text()[range.clone()].trim();
            out.push(
                self.meta
                    .diagnostic(block.span(range.clone()), &[("match", found)]),
            );
        }
    }
}

/// Run a regex search over the joined prose: `find(at)` returns the next
/// match from `at` as (whole match, part to flag). A match that runs from
/// one block into the next is no finding, and the search resumes at the
/// next block so it cannot hide one that lies wholly inside it.
fn search(
    prose: &Prose,
    mut find: impl FnMut(usize) -> Option<(Range<usize>, Range<usize>)>,
    hits: &mut Vec<Range<usize>>,
) {
    let text = &prose.text;
    let mut at = 0;
    while at <= text.len() {
        let Some((whole, flagged)) = find(at) else {
            break;
        };
        if whole.is_empty() {
            at = whole.end + text[whole.end..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if flagged.is_empty() || prose.locate(flagged.clone()).is_none() {
            at = prose.next_block_start(whole.start).max(whole.start + 1);
            continue;
        }
        hits.push(flagged);
        at = whole.end;
    }
}

/// [`search`] within the blocks `indices` (in order) alone, each from its
/// start: the same hits in those blocks as a search of the whole prose
/// finds. That search, too, goes on from a block's start after a match
/// that crosses into it, and a match that runs on past its block is no
/// hit.
///
/// Before each search from a place in a block, `may_hold` is asked whether
/// a match may lie wholly inside the rest of the block. When none does,
/// the block holds no more hits, and a search from there would read on to
/// the next match, which in a long export may lie megabytes past the
/// blocks asked about.
fn search_blocks(
    prose: &Prose,
    indices: &[usize],
    may_hold: impl Fn(Range<usize>) -> bool,
    mut find: impl FnMut(usize) -> Option<(Range<usize>, Range<usize>)>,
    hits: &mut Vec<Range<usize>>,
) {
    let text = &prose.text;
    for &index in indices {
        let block = prose.block_range(index);
        let mut at = block.start;
        while at <= block.end && may_hold(at..block.end) {
            // No match starts from here on: none in any later block.
            let Some((whole, flagged)) = find(at) else {
                return;
            };
            if whole.start > block.end {
                break;
            }
            if whole.is_empty() {
                at = whole.end + text[whole.end..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if flagged.is_empty() || prose.locate(flagged.clone()).is_none() {
                break;
            }
            hits.push(flagged);
            at = whole.end;
        }
    }
}

/// Byte ranges of `text` inside double quotation marks, in order. A closing
/// mark with no opening one is ignored; an unclosed quotation runs to the end.
fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', None) | ('"', None) => open = Some(i),
            ('”', Some(start)) | ('"', Some(start)) => {
                ranges.push(start..i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        ranges.push(start..text.len());
    }
    ranges
}

fn inside(ranges: &[std::ops::Range<usize>], offset: usize) -> bool {
    let after = ranges.partition_point(|r| r.start <= offset);
    after > 0 && ranges[after - 1].contains(&offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::with_and_without_pass;
    use crate::document::{Document, Format, ReadOptions};
    use crate::rules::RuleFile;

    #[test]
    fn quotations_are_found_straight_and_curly() {
        let text = "He said “follow me” and \"go\" then ” stray “open";
        let quoted: Vec<&str> = quoted_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(quoted, ["“follow me”", "\"go\"", "“open"]);
        let ranges = quoted_ranges(text);
        assert!(inside(&ranges, text.find("follow").unwrap()));
        assert!(!inside(&ranges, text.find("and").unwrap()));
        assert!(!inside(&ranges, text.find("stray").unwrap()));
    }

    #[test]
    fn labels_count_only_alone_on_their_line() {
        let yaml = "kind: existence\nseverity: warning\nmessage: \"{match}\"\ndescription: d\nlabels: [Print, Related]\nexamples:\n  - bad: Print\n  - good: x\n";
        let file = RuleFile::standalone("promo/test", "test.yaml", yaml);
        let check = compile(&file).unwrap_or_else(|e| panic!("{e}"));
        let source = "Print\nThe print run sold out.\n» Related:\nRelated talks went on.\n";
        let doc = Document::parse("t", source.into(), Format::Snippet, &ReadOptions::default());
        let mut out = Vec::new();
        check.check(&Context::new(&doc), &mut out);
        let found: Vec<&str> = out.iter().map(|d| doc.slice(d.span)).collect();
        assert_eq!(found, ["Print", "Related"]);
    }

    /// The rule's plain patterns compile as one: when that fails, the
    /// error points at the pattern to blame, or at the first when only
    /// their sum is too large.
    #[test]
    fn a_pattern_that_does_not_compile_is_named() {
        let compiled = |patterns: &str| {
            let yaml = format!(
                "kind: existence\nseverity: warning\nmessage: m\ndescription: d\npatterns:\n{patterns}examples:\n  - bad: x\n  - good: y\n"
            );
            compile(&RuleFile::standalone("style/test", "test.yaml", &yaml)).map(|_| ())
        };
        let error_line = |patterns: &str| {
            let err = compiled(patterns).expect_err("a load error");
            assert!(err.message.contains("too large"), "{}", err.message);
            err.line
        };
        // Alone too large: the second pattern, on line 7.
        assert_eq!(error_line("  - 'TK'\n  - '\\w{200}'\n"), 7);
        // Each fits, together they do not: the first, on line 6.
        let half = "  - '\\w{100}'\n";
        compiled(half).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(error_line(&half.repeat(2)), 6);
    }

    proptest::proptest! {
        /// Searching only the blocks that hold a needed literal (the
        /// engine's way, with the shared phrase pass) finds what a search
        /// of all the prose finds (a rule checked on its own), matches
        /// that run from one block into the next included.
        #[test]
        fn blocks_with_a_needed_literal_hold_every_hit(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "read more", "Read on", "sign up", " now", "more", "up", " ", "\n",
                    "\n\n", ".", "x", "é",
                ]),
                0..30,
            ),
        ) {
            // Searched through the text; tried at line starts by a lazy
            // DFA; tried there by the whole engine (Unicode boundaries).
            let pattern_lists = [
                r"['read (?:more|on)[^.]*', 'sign up\s+now', '(?m)^more\b']",
                r"['(?m)^read (?:more|on)[^.]*', '(?m)^ ?sign up\s+now', '(?m)^more\b']",
                r"['(?m)^read (?:more|on)[^.]*', '(?m)^é?more\b']",
            ];
            for patterns in pattern_lists {
                let yaml = format!("kind: existence\nseverity: warning\nmessage: \"{{match}}\"\ndescription: d\npatterns: {patterns}\nexamples:\n  - bad: read more\n  - good: x\n");
                let (engine, alone) = with_and_without_pass(compile, &yaml, pieces.concat(), |check, cx| {
                    let mut out = Vec::new();
                    check.check(cx, &mut out);
                    out.into_iter().map(|d| d.span).collect::<Vec<_>>()
                });
                proptest::prop_assert_eq!(engine, alone, "{}", patterns);
            }
        }
    }

    #[test]
    fn a_match_group_flags_only_itself() {
        let yaml = "kind: existence\nseverity: warning\nmessage: \"{match}\"\ndescription: d\nignorecase: false\npatterns: ['(?:^|[.!?] )(?P<match>Click here)', 'TK']\nexamples:\n  - bad: Click here\n  - good: x\n";
        let file = RuleFile::standalone("promo/test", "test.yaml", yaml);
        let check = compile(&file).unwrap_or_else(|e| panic!("{e}"));
        let source = "Click here now.\nIt said \"Click here\" twice. Click here to go. TK\n";
        let doc = Document::parse("t", source.into(), Format::Snippet, &ReadOptions::default());
        let mut out = Vec::new();
        check.check(&Context::new(&doc), &mut out);
        let found: Vec<(usize, &str)> = out
            .iter()
            .map(|d| (d.span.start as usize, doc.slice(d.span)))
            .collect();
        assert_eq!(found, [(0, "Click here"), (44, "Click here"), (62, "TK")]);
    }
}

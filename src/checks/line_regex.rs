//! A regex tried only where its matches can start, when every match of it
//! starts a line.
//!
//! Line-shaped patterns (`(?m)^…$`: a pager line "3 of 12", a "Read more"
//! line) cannot match inside a paragraph, yet an unanchored search reads
//! every byte of every article to learn that, and with no literal to look
//! for first (a pager line starts with any digit) it does so in the regex
//! engine, byte by byte. Tried anchored at each line start instead, the
//! engine gives up a few bytes into each line: an article has tens of
//! lines and thousands of bytes. A line whose first byte no match can
//! start with is not tried at all: most lines open with a letter, and a
//! regex call costs more than the few bytes it reads.

use std::ops::Range;

use memchr::memchr_iter;
use regex_automata::nfa::thompson::NFA;
use regex_automata::nfa::thompson::pikevm::{Cache, PikeVM};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, PatternID, meta};
use regex_syntax::hir::{Hir, Look};

use super::anchored_dfa::{AnchoredDfa, CacheMaker, compile_nfa};
use super::match_start::MatchStart;
use super::text::{build_from_hir, has_match_group};

pub struct LineRegex {
    search: Search,
    /// Index of the group named `match`, when there is one.
    match_group: Option<usize>,
}

enum Search {
    /// Every match starts a line: tried at each line start whose first
    /// byte `starts` holds.
    AtLineStarts {
        starts: Box<MatchStart>,
        engine: Engine,
    },
    /// Searched for through the text.
    Anywhere(meta::Regex),
}

/// What tries a line pattern at a line start.
enum Engine {
    /// Its own lazy DFA; the `match` group, when there is one, read by the
    /// PikeVM once a try matched.
    Lazy {
        dfa: Box<AnchoredDfa>,
        groups: Option<Box<Groups>>,
    },
    /// The regex engine as a whole, for a pattern with Unicode word
    /// boundaries (a lazy DFA cannot follow them outside ASCII).
    Whole(meta::Regex),
}

impl std::fmt::Debug for LineRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let search = match &self.search {
            Search::AtLineStarts { .. } => "at line starts",
            Search::Anywhere(_) => "anywhere",
        };
        f.debug_struct("LineRegex")
            .field("search", &search)
            .field("match_group", &self.match_group)
            .finish()
    }
}

impl LineRegex {
    /// The pattern parsed as `hir` ([`parse_regex`]), compiled once: for
    /// tries at line starts when every match of it starts a line.
    ///
    /// [`parse_regex`]: super::text::parse_regex
    pub fn new(hir: &Hir) -> Result<LineRegex, String> {
        let groups = has_match_group(hir);
        let whole = || -> Result<(meta::Regex, Option<usize>), String> {
            let regex = build_from_hir(hir, groups)?;
            let match_group = group_index(regex.group_info());
            Ok((regex, match_group))
        };
        if !starts_lines(hir) {
            let (regex, match_group) = whole()?;
            return Ok(LineRegex {
                search: Search::Anywhere(regex),
                match_group,
            });
        }
        let lazy = || -> Result<(Engine, Option<usize>), String> {
            let nfa = compile_nfa(hir, groups)?;
            let match_group = group_index(nfa.group_info());
            let groups = match match_group {
                Some(_) => Some(Box::new(Groups::new(nfa.clone())?)),
                None => None,
            };
            let dfa = Box::new(AnchoredDfa::new(nfa)?);
            Ok((Engine::Lazy { dfa, groups }, match_group))
        };
        // What a lazy DFA refuses (Unicode word boundaries, an automaton
        // too large for its cache), the whole engine runs another way; a
        // pattern too large for both is refused by both.
        let lazy = if hir.properties().look_set().contains_word_unicode() {
            None
        } else {
            lazy().ok()
        };
        let (engine, match_group) = match lazy {
            Some(lazy) => lazy,
            None => {
                let (regex, match_group) = whole()?;
                (Engine::Whole(regex), match_group)
            }
        };
        Ok(LineRegex {
            search: Search::AtLineStarts {
                starts: Box::new(MatchStart::of(hir)),
                engine,
            },
            match_group,
        })
    }

    /// False only when no match lies wholly inside `range` of `text` (its
    /// look-arounds still see the text around it); true when one may.
    ///
    /// A search from `range`'s start reads on until the next match, which
    /// in a long export may be megabytes further; asked first, this keeps
    /// a stretch with no match in it from being searched past its end.
    pub fn may_match_within(&self, text: &str, range: Range<usize>) -> bool {
        let (starts, engine) = match &self.search {
            Search::AtLineStarts { starts, engine } => (starts, engine),
            Search::Anywhere(regex) => return regex.is_match(Input::new(text).span(range)),
        };
        let mut line_starts =
            line_starts(starts, text, range.start).take_while(|&s| s <= range.end);
        match engine {
            // A match from a line start in the range, wherever it ends:
            // perhaps one of its shorter alternatives ends inside.
            Engine::Lazy { dfa, .. } => {
                let mut tries = dfa.tries();
                line_starts.any(|start| tries.end_at(text, start).is_some())
            }
            Engine::Whole(regex) => line_starts.any(|start| {
                regex.is_match(
                    Input::new(text)
                        .span(start..range.end)
                        .anchored(Anchored::Yes),
                )
            }),
        }
    }

    /// The leftmost match starting at `at` or later, as (whole match, part
    /// to report): the `match` group when the pattern has one.
    pub fn find_at(&self, text: &str, at: usize) -> Option<(Range<usize>, Range<usize>)> {
        let (starts, engine) = match &self.search {
            Search::AtLineStarts { starts, engine } => (starts, engine),
            Search::Anywhere(regex) => {
                return search(regex, self.match_group, Input::new(text).range(at..));
            }
        };
        let mut line_starts = line_starts(starts, text, at);
        match engine {
            Engine::Lazy { dfa, groups } => {
                let mut tries = dfa.tries();
                line_starts.find_map(|start| {
                    let end = tries.end_at(text, start)?;
                    let part = match (groups, self.match_group) {
                        (Some(groups), Some(group)) => groups.read(text, start..end, group),
                        _ => start..end,
                    };
                    Some((start..end, part))
                })
            }
            Engine::Whole(regex) => line_starts.find_map(|start| {
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                search(regex, self.match_group, input)
            }),
        }
    }
}

/// The line starts at or after `at` in `text` whose first byte a match can
/// start with. A line starts at offset 0 and after each line feed, as
/// `(?m)^` has it; each try there sees the text before its line, as a
/// search of the whole text would.
fn line_starts<'t>(
    starts: &'t MatchStart,
    text: &'t str,
    at: usize,
) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    let here = (at == 0 || bytes.get(at - 1) == Some(&b'\n')).then_some(at);
    let after_feeds =
        memchr_iter(b'\n', bytes.get(at..).unwrap_or_default()).map(move |i| at + i + 1);
    here.into_iter().chain(after_feeds).filter(move |at| {
        starts.empty
            || bytes
                .get(*at)
                .is_some_and(|&b| starts.bytes[usize::from(b)])
    })
}

/// A search by the whole engine, as (whole match, `group` or whole match).
fn search(
    regex: &meta::Regex,
    group: Option<usize>,
    input: Input<'_>,
) -> Option<(Range<usize>, Range<usize>)> {
    let Some(group) = group else {
        return regex.search(&input).map(|m| (m.range(), m.range()));
    };
    let mut captures = regex.create_captures();
    regex.search_captures(&input, &mut captures);
    let whole = captures.get_match()?.range();
    let part = captures
        .get_group(group)
        .map_or(whole.clone(), |s| s.range());
    Some((whole, part))
}

/// Index of the group named `match`.
fn group_index(info: &regex_automata::util::captures::GroupInfo) -> Option<usize> {
    info.to_index(PatternID::ZERO, "match")
}

/// The engine that reads a line pattern's groups once its lazy DFA found
/// a match: matches are few, so the slower engine runs on them alone.
struct Groups {
    vm: PikeVM,
    /// Its working memory, sized to the automaton: made once per thread,
    /// not once per match.
    caches: Pool<Cache, CacheMaker<Cache>>,
}

impl Groups {
    fn new(nfa: NFA) -> Result<Groups, String> {
        let vm = PikeVM::new_from_nfa(nfa).map_err(|e| format!("invalid regex: {e}"))?;
        let maker = vm.clone();
        Ok(Groups {
            vm,
            caches: Pool::new(Box::new(move || maker.create_cache())),
        })
    }

    /// Group `group` of the match the lazy DFA found at `whole`, searched
    /// over `whole` only: the leftmost-first match from its start ends
    /// where the DFA said, so cutting the text there leaves it the first
    /// choice (and look-arounds still see past the cut).
    fn read(&self, text: &str, whole: Range<usize>, group: usize) -> Range<usize> {
        let mut captures = self.vm.create_captures();
        let input = Input::new(text).span(whole.clone()).anchored(Anchored::Yes);
        self.vm
            .search(&mut self.caches.get(), &input, &mut captures);
        debug_assert_eq!(captures.get_match().map(|m| m.range()), Some(whole.clone()));
        captures.get_group(group).map_or(whole, |s| s.range())
    }
}

/// True when every match of `hir` starts where `(?m)^` holds, and the
/// pattern can be tried on the text from a line on: `\A` (the text's start)
/// would hold at the start of every such try, so a pattern using it is not.
fn starts_lines(hir: &Hir) -> bool {
    let properties = hir.properties();
    properties.look_set_prefix().contains(Look::StartLF)
        && !properties.look_set().contains(Look::Start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::text::{build_regex, parse_regex};

    fn line_regex(pattern: &str) -> LineRegex {
        let hir = parse_regex(pattern, true).unwrap();
        LineRegex::new(&hir).unwrap()
    }

    /// What a match of `pattern` can start with, when it is tried at line
    /// starts.
    fn starts(pattern: &str) -> Option<MatchStart> {
        match line_regex(pattern).search {
            Search::AtLineStarts { starts, .. } => Some(*starts),
            Search::Anywhere(_) => None,
        }
    }

    fn all(regex: &LineRegex, text: &str) -> Vec<(Range<usize>, Range<usize>)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((whole, part)) = regex.find_at(text, at) {
            at = whole.end.max(whole.start + 1);
            out.push((whole, part));
            if at > text.len() {
                break;
            }
        }
        out
    }

    /// What `regex::Regex` finds from `at`, as (whole match, `match` group
    /// or whole match).
    fn searched(pattern: &str, text: &str, at: usize) -> Option<(Range<usize>, Range<usize>)> {
        let regex = build_regex(pattern, true).unwrap();
        let captures = regex.captures_at(text, at)?;
        let whole = captures.get(0)?.range();
        let part = captures.name("match").map_or(whole.clone(), |m| m.range());
        Some((whole, part))
    }

    /// Every pattern below, tried at every offset of `text`, finds what a
    /// search of the whole text with `regex::Regex` finds.
    fn agrees_with_a_search(text: &str) {
        for pattern in PATTERNS {
            let regex = line_regex(pattern);
            // Every line start tried, whatever its first byte.
            let ungated = match line_regex(pattern) {
                LineRegex {
                    search: Search::AtLineStarts { engine, .. },
                    match_group,
                } => LineRegex {
                    search: Search::AtLineStarts {
                        starts: Box::new(MatchStart {
                            empty: true,
                            ..MatchStart::NOTHING
                        }),
                        engine,
                    },
                    match_group,
                },
                searched => searched,
            };
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let expected = searched(pattern, text, at);
                assert_eq!(
                    regex.find_at(text, at),
                    expected,
                    "{pattern} from {at} in {text:?}"
                );
                assert_eq!(
                    ungated.find_at(text, at),
                    expected,
                    "{pattern} from {at} (ungated)"
                );
            }
        }
    }

    const PATTERNS: &[&str] = &[
        r"(?m)^[^\w\n]*(?P<match>\d+ (?:of|/) \d+)[^\w\n]*$",
        r"^\d+",
        r"^",
        r"^$",
        r"^\b\d",
        r"^(?:Page|x)",
        r"^\s*(?:“|-)\s*\d",
        r"^[^\w\n]*(?:é|\d)",
        r"^(?:\d|)",
        r"(?m)^(?P<match>(?-i:More|MORE) (?i:from|on)\b[^.!?\n]{0,20})$",
        r"^[^\w\n]*(?P<match>Read (?:more|next))\b(?:\s*:)?",
        // Unicode word boundaries: the whole engine, tried at line starts.
        r"^(?P<match>café)\b",
        // Not line patterns: searched.
        r"(?:^|[.!?] )(?P<match>Click here)\b",
        r"\bof\b",
    ];

    /// `may_match_within` never says no about a range with a match wholly
    /// inside it, and about a pattern searched the ordinary way it says
    /// exactly whether there is one.
    #[test]
    fn a_range_with_a_match_inside_is_never_passed_over() {
        let text =
            "3 of 12\nmore from us\n\n Read more: x\ncafé 1\n“ -2\nPage 4\nSo click here now";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for pattern in PATTERNS {
            let regex = line_regex(pattern);
            let hir = parse_regex(pattern, true).unwrap();
            let whole = meta::Builder::new().build_from_hir(&hir).unwrap();
            for (k, &start) in bounds.iter().enumerate() {
                for &end in &bounds[k..] {
                    let inside = whole.is_match(Input::new(text).span(start..end));
                    let said = regex.may_match_within(text, start..end);
                    assert!(said || !inside, "{pattern} in {start}..{end}");
                    if matches!(regex.search, Search::Anywhere(_)) {
                        assert_eq!(said, inside, "{pattern} in {start}..{end}");
                    }
                }
            }
        }
    }

    #[test]
    fn only_patterns_that_start_every_match_at_a_line_start_are_anchored() {
        let anchored = |pattern: &str| starts(pattern).is_some();
        assert!(anchored(r"(?m)^\W*(?P<match>\d+ of \d+)\W*$"));
        assert!(anchored(r"^(?:Read more|Related)"));
        assert!(!anchored(r"(?:^|[.!?] )(?P<match>Click here)"));
        assert!(!anchored(r"\bTK\b"));
        assert!(!anchored(r"\AFirst line"), "only the text's start");
        assert!(!anchored(r"^(?:\A|x)y"));
    }

    #[test]
    fn line_patterns_run_on_their_own_lazy_dfa_unless_it_cannot_follow_them() {
        let lazy = |pattern: &str| {
            matches!(
                line_regex(pattern).search,
                Search::AtLineStarts {
                    engine: Engine::Lazy { .. },
                    ..
                }
            )
        };
        assert!(lazy(r"^(?P<match>Read more)\b"));
        assert!(lazy(r"(?m)^\d+ of \d+$"));
        assert!(!lazy(r"^(?P<match>café)\b"), "a Unicode word boundary");
        assert!(!lazy(r"\bRead more\b"), "not a line pattern");
    }

    #[test]
    fn lines_are_tried_only_where_a_match_can_start() {
        let pager = starts(r"(?m)^[^\w\n]*(?P<match>\d+ (?:of|/) \d+)[^\w\n]*$").unwrap();
        let tried = |b: u8| pager.bytes[usize::from(b)];
        assert!(!pager.empty);
        assert!(
            tried(b'3') && tried(b'-') && tried(b' ') && tried(0xE2),
            "digits, marks, “"
        );
        assert!(!tried(b'P') && !tried(b'p') && !tried(b'_') && !tried(b'\n'));
        let read_more = starts(r"^(?:Read more|Related)").unwrap();
        let tried = |b: u8| read_more.bytes[usize::from(b)];
        assert!(tried(b'R') && tried(b'r'), "case is ignored");
        assert!(!tried(b'T') && !tried(b'-'));
        assert!(starts(r"^\d*").unwrap().empty);
    }

    #[test]
    fn tries_at_line_starts_find_what_a_search_of_the_whole_text_finds() {
        agrees_with_a_search(
            "Page 3 of 12\n3 of 12\n\n  4 / 9 \nx\n“ 5 of 6\né 7\n- 8\nMore from Sports\n\
             read next: the port\nCafé\ncafé au lait\nSo. Click here, of course",
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn tries_agree_with_a_search_on_any_lines(
            text in r"((Page |- |“ |  )?([0-9]{1,2}( of | / )[0-9]{1,2}|More (from|on) [A-Za-z ]{0,8}|Read (more|next)[: ]?|[Cc]afé ?|x|[.!?] Click here|é)[ .]{0,2}\n?){0,6}",
        ) {
            agrees_with_a_search(&text);
        }
    }

    #[test]
    fn a_pattern_too_large_to_compile_says_so() {
        for pattern in [r"^(?:a{1000}){1000}", r"(?:a{1000}){1000}"] {
            let hir = parse_regex(pattern, false).unwrap();
            let err = LineRegex::new(&hir).err().unwrap_or_default();
            assert!(err.starts_with("regex is too large"), "{pattern}: {err}");
        }
    }

    #[test]
    fn the_match_group_is_the_part_reported() {
        let regex = line_regex(r"(?m)^[^\w\n]*(?P<match>\d+ of \d+)[^\w\n]*$");
        let text = "Intro line\n- 3 of 12 -\n";
        assert_eq!(all(&regex, text), [(11..22, 13..20)]);
    }
}

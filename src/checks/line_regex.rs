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
use regex::{CaptureLocations, Regex};
use regex_syntax::hir::{Hir, Look};

use super::match_start::MatchStart;
use super::text::build_regex;

pub struct LineRegex {
    /// The pattern; as `\A(?:pattern)` when it is tried at line starts.
    regex: Regex,
    /// What a match can start with, when every match of the pattern starts
    /// a line and `regex` is tried anchored at line starts instead of
    /// searched for.
    line_start: Option<MatchStart>,
    /// Index of the group named `match`, when there is one.
    match_group: Option<usize>,
}

impl LineRegex {
    /// `pattern`, which parses to `hir` (with [`parse_regex`]), compiled
    /// once: anchored when every match of it starts a line.
    ///
    /// [`parse_regex`]: super::text::parse_regex
    pub fn new(pattern: &str, hir: &Hir, ignore_case: bool) -> Result<LineRegex, String> {
        let line_start = starts_lines(hir).then(|| MatchStart::of(hir));
        let regex = match line_start {
            Some(_) => build_regex(&format!(r"\A(?:{pattern})"), ignore_case)?,
            None => build_regex(pattern, ignore_case)?,
        };
        let match_group = regex.capture_names().position(|n| n == Some("match"));
        Ok(LineRegex {
            regex,
            line_start,
            match_group,
        })
    }

    /// Where a search for this regex keeps its state between calls.
    pub fn locations(&self) -> CaptureLocations {
        self.regex.capture_locations()
    }

    /// The leftmost match starting at `at` or later, as (whole match, part
    /// to report): the `match` group when the pattern has one.
    pub fn find_at(
        &self,
        text: &str,
        at: usize,
        locations: &mut CaptureLocations,
    ) -> Option<(Range<usize>, Range<usize>)> {
        let Some(line_start) = &self.line_start else {
            return self.read(text, at, locations);
        };
        // A line starts at offset 0 and after each line feed, as `(?m)^`
        // has it. Each try sees the text from its line on: the look-behind
        // it loses is the line feed, which `^` and `\b` read as a line
        // start and a non-word character does, the same as the text start.
        let bytes = text.as_bytes();
        let here = (at == 0 || bytes.get(at - 1) == Some(&b'\n')).then_some(at);
        let after_feeds = memchr_iter(b'\n', bytes.get(at..)?).map(|i| at + i + 1);
        let may_start = |at: &usize| {
            line_start.empty
                || bytes
                    .get(*at)
                    .is_some_and(|&b| line_start.bytes[usize::from(b)])
        };
        let line_starts = here.into_iter().chain(after_feeds);
        line_starts.filter(may_start).find_map(|start| {
            let (whole, part) = self.read(&text[start..], 0, locations)?;
            let shift = |r: Range<usize>| r.start + start..r.end + start;
            Some((shift(whole), shift(part)))
        })
    }

    fn read(
        &self,
        text: &str,
        at: usize,
        locations: &mut CaptureLocations,
    ) -> Option<(Range<usize>, Range<usize>)> {
        let Some(group) = self.match_group else {
            return self.regex.find_at(text, at).map(|m| (m.range(), m.range()));
        };
        let whole = self.regex.captures_read_at(locations, text, at)?.range();
        let part = locations.get(group).map_or(whole.clone(), |(s, e)| s..e);
        Some((whole, part))
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
    use crate::checks::text::parse_regex;

    fn line_regex(pattern: &str) -> LineRegex {
        let hir = parse_regex(pattern, true).unwrap();
        LineRegex::new(pattern, &hir, true).unwrap()
    }

    fn all(regex: &LineRegex, text: &str) -> Vec<(Range<usize>, Range<usize>)> {
        let mut locations = regex.locations();
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((whole, part)) = regex.find_at(text, at, &mut locations) {
            at = whole.end.max(whole.start + 1);
            out.push((whole, part));
            if at > text.len() {
                break;
            }
        }
        out
    }

    #[test]
    fn only_patterns_that_start_every_match_at_a_line_start_are_anchored() {
        let anchored = |pattern: &str| line_regex(pattern).line_start.is_some();
        assert!(anchored(r"(?m)^\W*(?P<match>\d+ of \d+)\W*$"));
        assert!(anchored(r"^(?:Read more|Related)"));
        assert!(!anchored(r"(?:^|[.!?] )(?P<match>Click here)"));
        assert!(!anchored(r"\bTK\b"));
        assert!(!anchored(r"\AFirst line"), "only the text's start");
        assert!(!anchored(r"^(?:\A|x)y"));
    }

    #[test]
    fn lines_are_tried_only_where_a_match_can_start() {
        let pager = line_regex(r"(?m)^[^\w\n]*(?P<match>\d+ (?:of|/) \d+)[^\w\n]*$");
        let pager = pager.line_start.unwrap();
        let tried = |b: u8| pager.bytes[usize::from(b)];
        assert!(!pager.empty);
        assert!(
            tried(b'3') && tried(b'-') && tried(b' ') && tried(0xE2),
            "digits, marks, “"
        );
        assert!(!tried(b'P') && !tried(b'p') && !tried(b'_') && !tried(b'\n'));
        let read_more = line_regex(r"^(?:Read more|Related)");
        let read_more = read_more.line_start.unwrap();
        let tried = |b: u8| read_more.bytes[usize::from(b)];
        assert!(tried(b'R') && tried(b'r'), "case is ignored");
        assert!(!tried(b'T') && !tried(b'-'));
        assert!(line_regex(r"^\d*").line_start.unwrap().empty);
    }

    #[test]
    fn anchored_tries_find_what_a_search_of_the_whole_text_finds() {
        let text = "Page 3 of 12\n3 of 12\n\n  4 / 9 \nx\n“ 5 of 6\né 7\n- 8";
        for pattern in [
            r"(?m)^[^\w\n]*(?P<match>\d+ (?:of|/) \d+)[^\w\n]*$",
            r"^\d+",
            r"^",
            r"^$",
            r"^\b\d",
            r"^(?:Page|x)",
            r"^\s*(?:“|-)\s*\d",
            r"^[^\w\n]*(?:é|\d)",
            r"^(?:\d|)",
        ] {
            let regex = line_regex(pattern);
            assert!(regex.line_start.is_some(), "{pattern}");
            let plain = LineRegex {
                regex: build_regex(pattern, true).unwrap(),
                line_start: None,
                ..line_regex(pattern)
            };
            let ungated = LineRegex {
                line_start: Some(MatchStart {
                    empty: true,
                    ..MatchStart::NOTHING
                }),
                ..line_regex(pattern)
            };
            assert_eq!(all(&ungated, text), all(&plain, text), "{pattern}");
            assert_eq!(all(&regex, text), all(&plain, text), "{pattern}");
            for at in 0..=text.len() {
                let mut locations = regex.locations();
                assert_eq!(
                    regex.find_at(text, at, &mut locations),
                    plain.find_at(text, at, &mut locations),
                    "{pattern} from {at}"
                );
            }
        }
    }

    #[test]
    fn the_match_group_is_the_part_reported() {
        let regex = line_regex(r"(?m)^[^\w\n]*(?P<match>\d+ of \d+)[^\w\n]*$");
        let text = "Intro line\n- 3 of 12 -\n";
        assert_eq!(all(&regex, text), [(11..22, 13..20)]);
    }
}

//! The rule's line patterns (`markers`, `comment_patterns`,
//! `footer_patterns`) in one set: most blocks match none of them, so one
//! scan of a block answers for all three, and the rule compiles one
//! automaton instead of four.
//!
//! Nearly every pattern promises a literal that each of its matches holds
//! ("comments", "all rights reserved"). Those patterns are searched only in
//! the blocks where the engine's shared phrase pass saw one of their
//! literals. The few that promise none (a pager line "3 of 12", a line of
//! spaces) are tried in every block, but only where a line starts when they
//! are written to match only there (`^`).

use regex_automata::{Input, PatternSet, meta};
use regex_syntax::hir::Hir;

use super::super::line_regex::LineRegex;
use super::super::regex_literals::required_literals;
use super::super::text::{PhraseSet, build_regex, build_set_from_hirs, parse_regex};

/// What a block matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageHits {
    /// A promotional marker ("in my latest blog").
    pub marker: bool,
    /// A comment section's notice ("Comments are moderated").
    pub comment: bool,
    /// A furniture line found by its shape (a copyright notice).
    pub footer: bool,
}

impl PageHits {
    fn has(&self, list: List) -> bool {
        match list {
            List::Markers => self.marker,
            List::Comments => self.comment,
            List::Footers => self.footer,
        }
    }

    fn add(&mut self, list: List) {
        match list {
            List::Markers => self.marker = true,
            List::Comments => self.comment = true,
            List::Footers => self.footer = true,
        }
    }
}

/// Which list a pattern that fails to compile came from, and its place
/// there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Markers,
    Comments,
    Footers,
}

#[derive(Debug)]
pub struct PagePatterns {
    /// The patterns that promise a literal of `needs`, in one set.
    gated: Option<GatedSet>,
    needs: Option<PhraseSet>,
    /// The patterns that promise none, joined by list.
    ungated: Vec<(List, LineRegex)>,
}

/// Patterns compiled together, each with the list it came from.
#[derive(Debug)]
struct GatedSet {
    set: meta::Regex,
    lists: Vec<List>,
}

impl PagePatterns {
    /// `None` when all three lists are empty. On error, the list and index
    /// of the culprit (the first list's first pattern when only their sum
    /// is too large).
    pub fn new(
        markers: &[String],
        comments: &[String],
        footers: &[String],
        ignore_case: bool,
    ) -> Result<Option<PagePatterns>, (List, usize, String)> {
        let lists = [
            (List::Markers, markers),
            (List::Comments, comments),
            (List::Footers, footers),
        ];
        let mut gated = Vec::new();
        let mut needs = Vec::new();
        let mut ungated: Vec<(List, Vec<Hir>)> = Vec::new();
        for (list, patterns) in lists {
            let mut list_ungated = Vec::new();
            for (i, pattern) in patterns.iter().enumerate() {
                let hir = parse_regex(pattern, ignore_case).map_err(|e| (list, i, e))?;
                match required_literals(&hir) {
                    Some(literals) => {
                        needs.extend(literals);
                        gated.push((hir, list));
                    }
                    None => list_ungated.push(hir),
                }
            }
            if !list_ungated.is_empty() {
                ungated.push((list, list_ungated));
            }
        }
        if gated.is_empty() && ungated.is_empty() {
            return Ok(None);
        }
        let built = GatedSet::new(gated).and_then(|gated| {
            let ungated = ungated
                .into_iter()
                .map(|(list, hirs)| Ok((list, LineRegex::new(&Hir::alternation(hirs))?)))
                .collect::<Result<Vec<_>, String>>()?;
            Ok((gated, ungated))
        });
        let (gated, ungated) = match built {
            Ok(built) => built,
            // Only now compile them one by one, to name the culprit.
            Err(e) => {
                for (list, patterns) in lists {
                    for (i, p) in patterns.iter().enumerate() {
                        build_regex(p, ignore_case).map_err(|e| (list, i, e))?;
                    }
                }
                let first = lists
                    .iter()
                    .find(|(_, patterns)| !patterns.is_empty())
                    .map_or(List::Markers, |(list, _)| *list);
                return Err((
                    first,
                    0,
                    format!("the patterns are too large together: {e}"),
                ));
            }
        };
        // Should the phrase pass refuse the literals, the gated patterns
        // are searched in every block.
        let needs = gated
            .as_ref()
            .and_then(|_| PhraseSet::new(&needs, true, false).ok());
        Ok(Some(PagePatterns {
            gated,
            needs,
            ungated,
        }))
    }

    /// The literals the shared phrase pass looks for on behalf of these
    /// patterns.
    pub fn needs(&self) -> Option<&PhraseSet> {
        self.needs.as_ref()
    }

    /// Which lists match `text`; `literal_seen`: whether the block holding
    /// `text` may hold a literal of [`PagePatterns::needs`] (true when the
    /// shared pass did not say).
    pub fn read(&self, text: &str, literal_seen: bool) -> PageHits {
        let mut hits = PageHits::default();
        if let Some(gated) = &self.gated
            && (literal_seen || self.needs.is_none())
        {
            gated.add_hits(text, &mut hits);
        }
        for (list, regex) in &self.ungated {
            if !hits.has(*list) && regex.find_at(text, 0).is_some() {
                hits.add(*list);
            }
        }
        hits
    }
}

impl GatedSet {
    /// `None` for no patterns.
    fn new(patterns: Vec<(Hir, List)>) -> Result<Option<GatedSet>, String> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let (hirs, lists): (Vec<Hir>, Vec<List>) = patterns.into_iter().unzip();
        let set = build_set_from_hirs(&hirs)?;
        Ok(Some(GatedSet { set, lists }))
    }

    fn add_hits(&self, text: &str, hits: &mut PageHits) {
        // Most lines match none: saying so takes one search that stops at
        // the first match, not one that follows every pattern to its end.
        if !self.set.is_match(text) {
            return;
        }
        let mut matched = PatternSet::new(self.set.pattern_len());
        self.set
            .which_overlapping_matches(&Input::new(text), &mut matched);
        for pattern in matched.iter() {
            hits.add(self.lists[pattern.as_usize()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::strings;

    #[test]
    fn each_list_answers_for_itself() {
        let patterns = PagePatterns::new(
            &strings(&[r"\bmy latest blog\b"]),
            &strings(&[r"^comments are moderated\b"]),
            &strings(&[r"\ball rights reserved\b"]),
            true,
        )
        .unwrap()
        .unwrap();
        let hits = patterns.read("Read more in my latest blog. All rights reserved.", true);
        assert_eq!(
            hits,
            PageHits {
                marker: true,
                comment: false,
                footer: true
            }
        );
        assert!(patterns.read("Comments are moderated.", true).comment);
        assert_eq!(
            patterns.read("The talks resume.", true),
            PageHits::default()
        );
    }

    /// A pattern that promises a literal is searched only where the shared
    /// pass saw one; a pattern that promises none, everywhere.
    #[test]
    fn only_patterns_with_a_literal_wait_for_it() {
        let patterns = PagePatterns::new(
            &[],
            &[],
            &strings(&[r"^\W*\d+\W*$", r"\ball rights reserved\b"]),
            true,
        )
        .unwrap()
        .unwrap();
        let needs = patterns.needs().unwrap().phrases();
        assert!(needs.contains(&"all rights reserved".to_string()));
        assert!(patterns.read("[ 12 ]", false).footer);
        assert!(patterns.read("[ 12 ]", true).footer);
        assert!(!patterns.read("All rights reserved.", false).footer);
        assert!(patterns.read("All rights reserved.", true).footer);
        assert!(!patterns.read("12 rights reserved", true).footer);
    }

    #[test]
    fn errors_name_their_list() {
        assert!(PagePatterns::new(&[], &[], &[], true).unwrap().is_none());
        let err =
            PagePatterns::new(&strings(&["ok"]), &strings(&["(unclosed"]), &[], true).unwrap_err();
        assert_eq!((err.0, err.1), (List::Comments, 0));
    }
}

//! The rule's line patterns (`markers`, `comment_patterns`,
//! `footer_patterns`) in one set: most blocks match none of them, so one
//! scan of a block answers for all three, and the rule compiles one
//! automaton instead of four.

use std::ops::Range;

use regex::{RegexSet, RegexSetBuilder};

use super::super::pattern_rewrite;
use super::super::text::{REGEX_SIZE_LIMIT, build_regex};

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
    set: RegexSet,
    markers: Range<usize>,
    comments: Range<usize>,
    footers: Range<usize>,
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
        let all: Vec<String> = [markers, comments, footers]
            .iter()
            .flat_map(|list| list.iter().map(|p| pattern_rewrite::for_speed(p)))
            .collect();
        if all.is_empty() {
            return Ok(None);
        }
        let built = RegexSetBuilder::new(&all)
            .case_insensitive(ignore_case)
            .multi_line(true)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .nest_limit(64)
            .build();
        let set = match built {
            Ok(set) => set,
            // Only now compile them one by one, to name the culprit.
            Err(e) => {
                for (list, patterns) in [
                    (List::Markers, markers),
                    (List::Comments, comments),
                    (List::Footers, footers),
                ] {
                    for (i, p) in patterns.iter().enumerate() {
                        build_regex(p, ignore_case).map_err(|e| (list, i, e))?;
                    }
                }
                let first = if markers.is_empty() {
                    if comments.is_empty() {
                        List::Footers
                    } else {
                        List::Comments
                    }
                } else {
                    List::Markers
                };
                return Err((
                    first,
                    0,
                    format!("the patterns are too large together: {e}"),
                ));
            }
        };
        let comments_start = markers.len();
        let footers_start = comments_start + comments.len();
        Ok(Some(PagePatterns {
            set,
            markers: 0..comments_start,
            comments: comments_start..footers_start,
            footers: footers_start..all.len(),
        }))
    }

    /// Which lists match `text`.
    pub fn read(&self, text: &str) -> PageHits {
        // Most lines match none: saying so takes one search that stops at
        // the first match, not one that follows every pattern to its end.
        if !self.set.is_match(text) {
            return PageHits::default();
        }
        let matched = self.set.matches(text);
        let any = |range: &Range<usize>| range.clone().any(|i| matched.matched(i));
        PageHits {
            marker: any(&self.markers),
            comment: any(&self.comments),
            footer: any(&self.footers),
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
        let hits = patterns.read("Read more in my latest blog. All rights reserved.");
        assert_eq!(
            hits,
            PageHits {
                marker: true,
                comment: false,
                footer: true
            }
        );
        assert!(patterns.read("Comments are moderated.").comment);
        assert_eq!(patterns.read("The talks resume."), PageHits::default());
    }

    #[test]
    fn errors_name_their_list() {
        assert!(PagePatterns::new(&[], &[], &[], true).unwrap().is_none());
        let err =
            PagePatterns::new(&strings(&["ok"]), &strings(&["(unclosed"]), &[], true).unwrap_err();
        assert_eq!((err.0, err.1), (List::Comments, 0));
    }
}

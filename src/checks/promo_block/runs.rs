//! Which runs of body blocks are junk, from what each block looks like. Pure:
//! it sees classes, not text, so every decision here is testable by hand.

use std::ops::Range;

/// What one body block is, as far as junk detection cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A paragraph of the story.
    Prose,
    /// A link-box label on its own: "More From Author", "Related:".
    Label,
    /// A line with a promotional marker ("in my latest blog"), even when it
    /// reads as a sentence.
    Promo,
    /// A title-case headline: a teaser, or a subhead inside the story.
    Teaser,
    /// A sentence-case headline: counts only in a labelled box.
    Loose,
    /// Anything else: bylines, credits, dates, list items, fragments.
    Other,
}

impl Class {
    fn is_junk(self) -> bool {
        matches!(self, Class::Label | Class::Promo | Class::Teaser)
    }

    fn is_flag(self) -> bool {
        matches!(self, Class::Label | Class::Promo)
    }
}

/// The thresholds of a rule.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Junk blocks a trailing run needs.
    pub min_lines: usize,
    /// Share of a trailing run's blocks that must be junk.
    pub min_share: f64,
    /// Title-case headlines in a row that are a run anywhere (0: off).
    pub teaser_run: usize,
}

/// Runs of junk blocks (index ranges into `classes`), sorted, merged where
/// they touch.
pub fn junk_runs(classes: &[Class], limits: &Limits) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    if let Some(run) = trailing_run(classes, limits) {
        runs.push(run);
    }
    runs.extend(labelled_boxes(classes));
    if limits.teaser_run > 0 {
        runs.extend(teaser_rows(classes, limits.teaser_run));
    }
    merge(runs)
}

/// After the story's last paragraph: from the first junk block to the last,
/// if enough of them are junk. Teasers need no label here: nothing of the
/// story comes after its last paragraph, so a headline there is another
/// story's. With a label or promotion in the run, sentence-case headlines
/// count as teasers too.
fn trailing_run(classes: &[Class], limits: &Limits) -> Option<Range<usize>> {
    let story_end = classes.iter().rposition(|c| *c == Class::Prose)?;
    let tail = &classes[story_end + 1..];
    let labelled = tail.iter().any(|c| c.is_flag());
    let junk = |c: &Class| c.is_junk() || (labelled && *c == Class::Loose);
    let first = tail.iter().position(junk)?;
    let last = tail.iter().rposition(junk)?;
    let run = &tail[first..=last];
    let count = run.iter().filter(|c| junk(c)).count();
    let share = count as f64 / run.len() as f64;
    (count >= limits.min_lines && share >= limits.min_share)
        .then(|| story_end + 1 + first..story_end + 2 + last)
}

/// A label (or promotion) followed by headlines, anywhere: a "Related" box
/// in the middle of the story. A label with nothing headline-like after it
/// is left to the phrase rules.
fn labelled_boxes(classes: &[Class]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        if !classes[i].is_flag() {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut last_headline = None;
        while end < classes.len() && classes[end] != Class::Prose && classes[end] != Class::Other {
            if matches!(classes[end], Class::Teaser | Class::Loose) {
                last_headline = Some(end);
            }
            end += 1;
        }
        if let Some(last) = last_headline {
            out.push(i..last + 1);
        }
        i = end.max(i + 1);
    }
    out
}

/// `min` or more title-case headlines in a row: a list of links. A subhead
/// is followed by its paragraph, never by another subhead.
fn teaser_rows(classes: &[Class], min: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        if classes[i] != Class::Teaser {
            i += 1;
            continue;
        }
        let start = i;
        while i < classes.len() && classes[i] == Class::Teaser {
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
    };

    #[test]
    fn trailing_teasers_need_no_label() {
        let c = [Prose, Teaser, Prose, Prose, Promo, Label, Teaser, Teaser];
        assert_eq!(junk_runs(&c, &LIMITS), [4..8]);
        let c = [Prose, Prose, Teaser, Teaser];
        assert_eq!(junk_runs(&c, &LIMITS), [2..4]);
    }

    #[test]
    fn subheads_inside_the_story_are_never_a_run() {
        let c = [Teaser, Prose, Prose, Teaser, Prose, Teaser, Prose];
        assert!(junk_runs(&c, &LIMITS).is_empty());
    }

    #[test]
    fn one_trailing_headline_or_a_mostly_other_tail_is_not_enough() {
        assert!(junk_runs(&[Prose, Teaser], &LIMITS).is_empty());
        let c = [Prose, Teaser, Other, Other, Other, Teaser];
        assert!(junk_runs(&c, &LIMITS).is_empty());
        let c = [Prose, Teaser, Other, Teaser, Other, Other];
        assert_eq!(junk_runs(&c, &LIMITS), [1..4]);
    }

    #[test]
    fn loose_headlines_count_after_a_label() {
        assert!(junk_runs(&[Prose, Loose, Loose], &LIMITS).is_empty());
        assert_eq!(junk_runs(&[Prose, Label, Loose, Loose], &LIMITS), [1..4]);
    }

    #[test]
    fn a_labelled_box_inside_the_story() {
        let c = [Prose, Label, Loose, Teaser, Prose, Prose];
        assert_eq!(junk_runs(&c, &LIMITS), [1..4]);
        // A bare label is the phrase rules' business.
        let c = [Prose, Label, Prose, Prose];
        assert!(junk_runs(&c, &LIMITS).is_empty());
    }

    #[test]
    fn rows_of_teasers_inside_the_story() {
        let c = [Prose, Teaser, Teaser, Teaser, Prose];
        assert_eq!(junk_runs(&c, &LIMITS), [1..4]);
        let c = [Prose, Teaser, Teaser, Prose];
        assert!(junk_runs(&c, &LIMITS).is_empty());
    }

    #[test]
    fn no_story_no_trailing_run() {
        assert!(junk_runs(&[Teaser, Teaser], &LIMITS).is_empty());
        assert!(junk_runs(&[], &LIMITS).is_empty());
    }
}

//! Runs every compiled check over a document and puts the findings in their
//! final order: one finding per place per family, sorted by position.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::checks::Context;
use crate::checks::phrase_pass::PhrasePass;
use crate::config::Policy;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, Format, ReadOptions, suppress};
use crate::rules::load::{RuleSet, selects};

/// Rule id for problems with the article file itself (front matter).
pub const INPUT_RULE: &str = "copydesk/input";

pub struct Engine {
    /// Private: the phrase pass is built from these checks, so they must not
    /// change under it.
    rules: RuleSet,
    pub read: ReadOptions,
    /// Severity changes and per-path selection from the config file.
    pub policy: Policy,
    /// Rules whose findings stand for everything of their family inside them.
    subsuming: HashSet<Arc<str>>,
    /// Every rule's literal phrases, merged for one scan per article.
    phrase_pass: PhrasePass,
}

impl Engine {
    pub fn new(rules: RuleSet, read: ReadOptions) -> Engine {
        let subsuming = rules
            .checks
            .iter()
            .filter(|c| c.subsumes_family())
            .map(|c| c.meta().id.clone())
            .collect();
        let phrase_pass = PhrasePass::build(&rules.checks);
        Engine {
            rules,
            read,
            policy: Policy::default(),
            subsuming,
            phrase_pass,
        }
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The same engine, applying a config file's severity changes and
    /// per-path selection to every file's findings.
    pub fn with_policy(self, policy: Policy) -> Engine {
        Engine { policy, ..self }
    }

    pub fn parse(&self, path: &str, source: String, format: Format) -> Document {
        Document::parse(path, source, format, &self.read)
    }

    /// All findings for `doc`, ordered by (start, end, rule).
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let input_rule: Arc<str> = Arc::from(INPUT_RULE);
        for problem in &doc.problems {
            out.push(Diagnostic {
                rule: input_rule.clone(),
                severity: Severity::Warning,
                message: problem.message.clone(),
                span: problem.span,
                labels: Vec::new(),
                fix: None,
            });
        }
        let cx = Context::with_pass(doc, &self.phrase_pass).among(&self.rules.checks);
        for check in &self.rules.checks {
            check.check(&cx, &mut out);
        }
        let found = self
            .policy
            .apply(std::path::Path::new(&doc.path), self.finish(out));
        suppress::apply(doc, found, |pattern| {
            self.rules
                .checks
                .iter()
                .any(|c| selects(pattern, &c.meta().id))
        })
    }

    /// Sort, drop findings made stale by a same-family safe fix, drop
    /// duplicates of one family at one span, and drop findings inside a
    /// same-family finding from a subsuming rule.
    fn finish(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut diagnostics = drop_stale(diagnostics);
        // One finding per family at one span; a safe fix is the one to keep.
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.family(), !has_safe_fix(a))
                .cmp(&(b.span.start, b.span.end, b.family(), !has_safe_fix(b)))
                .then_with(|| by_position(a, b))
        });
        diagnostics.dedup_by(|later, earlier| {
            later.span == earlier.span && later.family() == earlier.family()
        });
        diagnostics.sort_by(by_position);
        if self.subsuming.is_empty() {
            return diagnostics;
        }
        let dropped = subsumed(&self.subsuming, &diagnostics);
        diagnostics
            .into_iter()
            .zip(dropped)
            .filter(|(_, dropped)| !dropped)
            .map(|(d, _)| d)
            .collect()
    }
}

/// Which of `diagnostics` (sorted by start) lie inside another finding of
/// their family from a `subsuming` rule. For each family, the covers seen so
/// far in start order keep the two that reach furthest, so one binary search
/// answers each finding: a file with a hundred thousand junk blocks costs
/// `n log n`, not `n` times the number of blocks.
fn subsumed(subsuming: &HashSet<Arc<str>>, diagnostics: &[Diagnostic]) -> Vec<bool> {
    // family → (start, reach of the furthest cover so far, runner-up).
    type Reach = (u32, (u32, usize), (u32, usize));
    let mut covers: HashMap<&str, Vec<Reach>> = HashMap::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if !subsuming.contains(&d.rule) {
            continue;
        }
        let list = covers.entry(d.family()).or_default();
        let (mut best, mut second) = list
            .last()
            .map_or(((0, usize::MAX), (0, usize::MAX)), |&(_, b, s)| (b, s));
        if d.span.end >= best.0 || best.1 == usize::MAX {
            second = best;
            best = (d.span.end, i);
        } else if d.span.end >= second.0 || second.1 == usize::MAX {
            second = (d.span.end, i);
        }
        list.push((d.span.start, best, second));
    }
    diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let Some(list) = covers.get(d.family()) else {
                return false;
            };
            let seen = list.partition_point(|(start, _, _)| *start <= d.span.start);
            let Some(&(_, best, second)) = seen.checked_sub(1).and_then(|k| list.get(k)) else {
                return false;
            };
            let (reach, by) = if best.1 == i { second } else { best };
            by != usize::MAX && reach >= d.span.end
        })
        .collect()
}

/// The order findings are reported in: by position, then rule, then message.
fn by_position(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
        b.span.start,
        b.span.end,
        &b.rule,
        &b.message,
    ))
}

fn has_safe_fix(d: &Diagnostic) -> bool {
    d.fix
        .as_ref()
        .is_some_and(|f| f.applicability == Applicability::Safe)
}

/// A finding without a safe fix is stale when a same-family safe fix from
/// another rule rewrites its text, or the text its labels point at: once
/// `copydesk fix` runs, it no longer says anything true. (A house-list fix
/// turns "Lee Jae-myung" into "Lee Jae Myung"; a consistency finding that
/// calls "Lee Jae Myung" odd because "Lee Jae-myung" came first must not
/// be shown beside it, nor its unsafe fix applied against it.)
fn drop_stale(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let is_safe = has_safe_fix;
    let rewrites: Vec<&Diagnostic> = diagnostics.iter().filter(|d| is_safe(d)).collect();
    if rewrites.is_empty() {
        return diagnostics;
    }
    let stale: Vec<bool> = diagnostics
        .iter()
        .map(|d| {
            !is_safe(d)
                && rewrites.iter().any(|r| {
                    r.rule != d.rule
                        && r.family() == d.family()
                        && r.fix.iter().flat_map(|f| &f.edits).any(|e| {
                            e.span.overlaps(d.span)
                                || d.labels.iter().any(|l| e.span.overlaps(l.span))
                        })
                })
        })
        .collect();
    diagnostics
        .into_iter()
        .zip(stale)
        .filter(|(_, stale)| !stale)
        .map(|(d, _)| d)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Label};
    use crate::document::span::Span;

    fn finding(rule: &str, start: usize, end: usize) -> Diagnostic {
        fixed(rule, (start, end), None)
    }

    fn fixed(rule: &str, span: (usize, usize), fix: Option<Applicability>) -> Diagnostic {
        let span = Span::new(span.0, span.1);
        Diagnostic {
            rule: Arc::from(rule),
            severity: Severity::Error,
            message: String::new(),
            span,
            labels: Vec::new(),
            fix: fix.map(|a| Fix::replace("x", span, "y", a)),
        }
    }

    #[test]
    fn findings_inside_a_subsuming_one_of_their_family_are_dropped() {
        let subsuming: HashSet<Arc<str>> = [Arc::from("promo/block")].into_iter().collect();
        let found = [
            finding("promo/block", 10, 50),
            finding("promo/label", 12, 20),
            finding("names/x", 14, 18),
            finding("promo/block", 20, 30),
            finding("promo/label", 45, 60),
            finding("promo/block", 70, 80),
            finding("promo/label", 72, 75),
        ];
        assert_eq!(
            subsumed(&subsuming, &found),
            [false, true, false, true, false, false, true]
        );
    }

    #[test]
    fn two_covers_on_one_span_keep_the_wider() {
        let subsuming: HashSet<Arc<str>> = [Arc::from("promo/a"), Arc::from("promo/b")]
            .into_iter()
            .collect();
        let found = [finding("promo/b", 10, 30), finding("promo/a", 10, 50)];
        assert_eq!(subsumed(&subsuming, &found), [true, false]);
    }

    #[test]
    fn safe_fixes_make_same_family_findings_on_their_text_stale() {
        let house = fixed("names/house", (10, 20), Some(Applicability::Safe));
        let inside = fixed("names/consistency", (14, 20), Some(Applicability::Unsafe));
        let mut pointing = fixed("names/consistency", (40, 50), Some(Applicability::Unsafe));
        pointing.labels.push(Label {
            span: Span::new(10, 20),
            message: String::new(),
        });
        let other_family = fixed("dates/x", (12, 18), None);
        let elsewhere = fixed("names/consistency", (60, 70), None);
        let kept = drop_stale(vec![house, inside, pointing, other_family, elsewhere]);
        let rules: Vec<(&str, u32)> = kept.iter().map(|d| (&*d.rule, d.span.start)).collect();
        assert_eq!(
            rules,
            [
                ("names/house", 10),
                ("dates/x", 12),
                ("names/consistency", 60)
            ]
        );
    }
}

//! Runs every compiled check over a document and puts the findings in their
//! final order: one finding per place per family, sorted by position.

use std::collections::HashSet;
use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, Format, ReadOptions};
use crate::rules::load::RuleSet;

/// Rule id for problems with the article file itself (front matter).
pub const INPUT_RULE: &str = "copydesk/input";

pub struct Engine {
    pub rules: RuleSet,
    pub read: ReadOptions,
    /// Rules whose findings stand for everything of their family inside them.
    subsuming: HashSet<Arc<str>>,
}

impl Engine {
    pub fn new(rules: RuleSet, read: ReadOptions) -> Engine {
        let subsuming = rules
            .checks
            .iter()
            .filter(|c| c.subsumes_family())
            .map(|c| c.meta().id.clone())
            .collect();
        Engine {
            rules,
            read,
            subsuming,
        }
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
        for check in &self.rules.checks {
            check.check(doc, &mut out);
        }
        self.finish(out)
    }

    /// Sort, drop findings made stale by a same-family safe fix, drop
    /// duplicates of one family at one span, and drop findings inside a
    /// same-family finding from a subsuming rule.
    fn finish(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut diagnostics = drop_stale(diagnostics);
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
                b.span.start,
                b.span.end,
                &b.rule,
                &b.message,
            ))
        });
        // At one span, a finding with a safe fix is the one to keep.
        diagnostics.sort_by_key(|d| {
            (
                d.span.start,
                d.span.end,
                d.fix
                    .as_ref()
                    .is_none_or(|f| f.applicability != Applicability::Safe),
            )
        });
        diagnostics.dedup_by(|later, earlier| {
            later.span == earlier.span && later.family() == earlier.family()
        });
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
                b.span.start,
                b.span.end,
                &b.rule,
                &b.message,
            ))
        });
        if self.subsuming.is_empty() {
            return diagnostics;
        }
        let covers: Vec<(usize, &Diagnostic)> = diagnostics
            .iter()
            .enumerate()
            .filter(|(_, d)| self.subsuming.contains(&d.rule))
            .collect();
        let dropped: HashSet<usize> = diagnostics
            .iter()
            .enumerate()
            .filter(|(i, d)| {
                covers
                    .iter()
                    .any(|(j, c)| j != i && c.family() == d.family() && c.span.contains(d.span))
            })
            .map(|(i, _)| i)
            .collect();
        diagnostics
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !dropped.contains(i))
            .map(|(_, d)| d)
            .collect()
    }
}

/// A finding without a safe fix is stale when a same-family safe fix from
/// another rule rewrites its text, or the text its labels point at: once
/// `copydesk fix` runs, it no longer says anything true. (A house-list fix
/// turns "Lee Jae-myung" into "Lee Jae Myung"; a consistency finding that
/// calls "Lee Jae Myung" odd because "Lee Jae-myung" came first must not
/// be shown beside it, nor its unsafe fix applied against it.)
fn drop_stale(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let is_safe = |d: &Diagnostic| {
        d.fix
            .as_ref()
            .is_some_and(|f| f.applicability == Applicability::Safe)
    };
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

    fn finding(rule: &str, span: (usize, usize), fix: Option<Applicability>) -> Diagnostic {
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
    fn safe_fixes_make_same_family_findings_on_their_text_stale() {
        let house = finding("names/house", (10, 20), Some(Applicability::Safe));
        let inside = finding("names/consistency", (14, 20), Some(Applicability::Unsafe));
        let mut pointing = finding("names/consistency", (40, 50), Some(Applicability::Unsafe));
        pointing.labels.push(Label {
            span: Span::new(10, 20),
            message: String::new(),
        });
        let other_family = finding("dates/x", (12, 18), None);
        let elsewhere = finding("names/consistency", (60, 70), None);
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

//! Runs every compiled check over a document and puts the findings in their
//! final order: one finding per place per family, sorted by position.

use std::collections::HashSet;
use std::sync::Arc;

use crate::config::Policy;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format, ReadOptions, suppress};
use crate::rules::load::{RuleSet, selects};

/// Rule id for problems with the article file itself (front matter).
pub const INPUT_RULE: &str = "copydesk/input";

pub struct Engine {
    pub rules: RuleSet,
    pub read: ReadOptions,
    /// Severity changes and per-path selection from the config file.
    pub policy: Policy,
    /// Rules whose findings stand for everything of their family inside them.
    subsuming: HashSet<Arc<str>>,
}

impl Engine {
    pub fn new(rules: RuleSet, read: ReadOptions, policy: Policy) -> Engine {
        let subsuming = rules
            .checks
            .iter()
            .filter(|c| c.subsumes_family())
            .map(|c| c.meta().id.clone())
            .collect();
        Engine {
            rules,
            read,
            policy,
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

    /// Sort, drop duplicates of one family at one span, and drop findings
    /// inside a same-family finding from a subsuming rule.
    fn finish(&self, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
                b.span.start,
                b.span.end,
                &b.rule,
                &b.message,
            ))
        });
        diagnostics.dedup_by(|later, earlier| {
            later.span == earlier.span && later.family() == earlier.family()
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

//! Runs each rule's own `examples`: `bad` texts must be reported (exactly the
//! `flags`, and fixing must give `fixed`), `good` texts must stay silent.

use crate::checks::Check;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::{Document, Format, ReadOptions};
use crate::fix;
use crate::rules::spec::{Example, ExampleFormat};

/// One example that did not behave.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    pub rule: String,
    /// 1-based position in the rule's `examples` list.
    pub number: usize,
    pub problem: String,
}

/// Check one example text with one rule.
pub fn check_text(check: &dyn Check, example: &Example, text: &str) -> (Document, Vec<Diagnostic>) {
    let format = match example.format {
        ExampleFormat::Snippet => Format::Snippet,
        ExampleFormat::Text => Format::Text,
        ExampleFormat::Markdown => Format::Markdown,
    };
    let read = ReadOptions {
        fallback_date: example.date.as_deref().and_then(|d| d.parse().ok()),
        ..ReadOptions::default()
    };
    let doc = Document::parse("<example>", text.to_string(), format, &read);
    let mut out = Vec::new();
    check.check(&crate::checks::Context::new(&doc), &mut out);
    out.sort_by_key(|d| (d.span.start, d.span.end));
    (doc, out)
}

/// Run all of `check`'s examples; empty when every one behaves.
pub fn run(check: &dyn Check) -> Vec<ExampleFailure> {
    let meta = check.meta();
    let mut failures = Vec::new();
    for (i, example) in meta.examples.iter().enumerate() {
        let fail = |problem: String| ExampleFailure {
            rule: meta.id.to_string(),
            number: i + 1,
            problem,
        };
        let (doc, found) = check_text(check, example, example.text());
        let shown: Vec<String> = found
            .iter()
            .map(|d| format!("{:?} ({})", doc.slice(d.span), d.message))
            .collect();
        if let Some(good) = &example.good {
            if !found.is_empty() {
                failures.push(fail(format!(
                    "good example {good:?} was reported: {}",
                    shown.join("; ")
                )));
            }
            continue;
        }
        let bad = example.text();
        if found.is_empty() {
            failures.push(fail(format!("bad example {bad:?} was not reported")));
            continue;
        }
        if let Some(flags) = &example.flags {
            let got: Vec<&str> = found.iter().map(|d| doc.slice(d.span)).collect();
            if got != flags.iter().map(String::as_str).collect::<Vec<_>>() {
                failures.push(fail(format!(
                    "bad example {bad:?} should flag {flags:?} but flagged {got:?}"
                )));
            }
        }
        if let Some(expected) = &example.fixed {
            let fixed = fix::until_stable(bad, Applicability::Unsafe, |text| {
                check_text(check, example, text).1
            });
            if &fixed.text != expected {
                failures.push(fail(format!(
                    "fixing bad example {bad:?} gave {:?}, expected {expected:?}",
                    fixed.text
                )));
            }
        }
    }
    failures
}

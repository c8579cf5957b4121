//! Inline suppressions: an editor's way to say "this is right, leave it".
//!
//! Markdown (HTML comments, invisible when published):
//! - `<!-- copydesk-disable [rules] -->` … `<!-- copydesk-enable [rules] -->`
//! - `<!-- copydesk-disable-next-line [rules] -->`
//! - `<!-- copydesk-disable-file [rules] -->`
//!
//! Plain text: `copydesk: ignore [rules]` at the end of a line suppresses
//! findings on that line.
//!
//! `[rules]` is a list of rule ids or families separated by spaces or commas;
//! none means every rule. A suppression that silences nothing is reported
//! (`copydesk/unused-suppression`, info) so stale ones get cleaned up.

use std::sync::LazyLock;

use regex::Regex;

use super::span::Span;
use super::{Document, Format};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::load::selects;

pub const UNUSED_RULE: &str = "copydesk/unused-suppression";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    Disable,
    Enable,
    DisableNextLine,
    DisableFile,
    IgnoreLine,
}

/// One suppression as written, and the bytes it covers.
#[derive(Debug, Clone)]
struct Suppression {
    /// The comment or marker itself.
    at: Span,
    rules: Vec<String>,
    covers: Span,
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^<!--\s*copydesk-(disable-file|disable-next-line|disable|enable)\b([^>]*?)\s*-->$")
        .expect("static regex")
});

static LINE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)[ \t]*\bcopydesk:[ \t]*ignore\b([^\r\n]*?)[ \t]*\r?$").expect("static regex")
});

fn rule_list(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn covers(rules: &[String], rule: &str) -> bool {
    rules.is_empty() || rules.iter().any(|p| selects(p, rule))
}

/// The suppressions written in `doc`.
fn suppressions(doc: &Document) -> Vec<Suppression> {
    let end_of_file = doc.source.len();
    let mut found = Vec::new();
    let mut open: Vec<Suppression> = Vec::new();
    let mut directives: Vec<(Directive, Span, Vec<String>)> = Vec::new();
    for &comment in &doc.comments {
        let text = doc.slice(comment).trim();
        if let Some(caps) = COMMENT.captures(text) {
            let directive = match &caps[1] {
                "disable-file" => Directive::DisableFile,
                "disable-next-line" => Directive::DisableNextLine,
                "disable" => Directive::Disable,
                _ => Directive::Enable,
            };
            directives.push((directive, comment, rule_list(&caps[2])));
        }
    }
    if doc.format == Format::Text {
        for caps in LINE_MARKER.captures_iter(&doc.source) {
            let whole = caps.get(0).expect("match");
            directives.push((
                Directive::IgnoreLine,
                Span::new(whole.start(), whole.end()),
                rule_list(&caps[1]),
            ));
        }
    }
    for (directive, at, rules) in directives {
        let line = doc.lines.line_of(at.start as usize);
        match directive {
            Directive::DisableFile => found.push(Suppression {
                at,
                rules,
                covers: Span::new(0, end_of_file),
            }),
            Directive::IgnoreLine => {
                let start = doc.lines.line_start(line);
                found.push(Suppression {
                    at,
                    rules,
                    covers: Span::new(start, at.end as usize),
                });
            }
            Directive::DisableNextLine => {
                let next = doc.lines.line_of(at.end.saturating_sub(1) as usize) + 1;
                if next < doc.lines.line_count() {
                    let start = doc.lines.line_start(next);
                    let end = start + doc.lines.line_text(&doc.source, next).len();
                    found.push(Suppression {
                        at,
                        rules,
                        covers: Span::new(start, end),
                    });
                }
            }
            Directive::Disable => open.push(Suppression {
                at,
                rules,
                covers: Span::new(at.end as usize, end_of_file),
            }),
            Directive::Enable => {
                // `enable` alone closes everything open; `enable X` closes
                // the regions that name X.
                let (closed, still_open): (Vec<_>, Vec<_>) = open
                    .into_iter()
                    .partition(|s| rules.is_empty() || s.rules.iter().any(|r| rules.contains(r)));
                open = still_open;
                for mut s in closed {
                    s.covers.end = at.start;
                    found.push(s);
                }
            }
        }
    }
    found.extend(open);
    found
}

/// Remove suppressed findings and report unused suppressions. `active`
/// tells whether a rule pattern names any rule that ran, so a suppression
/// for a rule switched off by `--select` is not called unused.
pub fn apply(
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    active: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let suppressions = suppressions(doc);
    if suppressions.is_empty() {
        return diagnostics;
    }
    let mut used = vec![false; suppressions.len()];
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let mut silenced = false;
            for (i, s) in suppressions.iter().enumerate() {
                if s.covers.start <= d.span.start
                    && d.span.start <= s.covers.end
                    && covers(&s.rules, &d.rule)
                {
                    used[i] = true;
                    silenced = true;
                }
            }
            !silenced
        })
        .collect();
    let unused_rule: std::sync::Arc<str> = std::sync::Arc::from(UNUSED_RULE);
    for (s, used) in suppressions.iter().zip(used) {
        let all_active = s.rules.iter().all(|r| active(r));
        if !used && all_active {
            let what = if s.rules.is_empty() {
                "any rule".to_string()
            } else {
                s.rules.join(", ")
            };
            kept.push(Diagnostic {
                rule: unused_rule.clone(),
                severity: Severity::Info,
                message: format!("this suppression ({what}) silences no finding; remove it"),
                span: s.at,
                labels: Vec::new(),
                fix: None,
            });
        }
    }
    kept.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReadOptions;

    fn diag(doc: &Document, needle: &str, rule: &str) -> Diagnostic {
        let start = doc.source.find(needle).unwrap();
        Diagnostic {
            rule: rule.into(),
            severity: Severity::Error,
            message: "m".into(),
            span: Span::new(start, start + needle.len()),
            labels: vec![],
            fix: None,
        }
    }

    fn parse(src: &str, format: Format) -> Document {
        Document::parse("a", src.to_string(), format, &ReadOptions::default())
    }

    #[test]
    fn markdown_regions_next_line_and_unused() {
        let src = "# T\n\n<!-- copydesk-disable names -->\nAlpha one.\n<!-- copydesk-enable -->\n\nBeta two.\n\n<!-- copydesk-disable-next-line dates/weekday-mismatch -->\nGamma three.\n\n<!-- copydesk-disable-next-line promo -->\nDelta four.\n";
        let doc = parse(src, Format::Markdown);
        let ds = vec![
            diag(&doc, "Alpha", "names/consistency"),
            diag(&doc, "one", "dates/impossible-date"),
            diag(&doc, "Beta", "names/consistency"),
            diag(&doc, "Gamma", "dates/weekday-mismatch"),
        ];
        let kept = apply(&doc, ds, |_| true);
        let rules: Vec<&str> = kept.iter().map(|d| d.rule.as_ref()).collect();
        assert_eq!(
            rules,
            ["dates/impossible-date", "names/consistency", UNUSED_RULE]
        );
        assert_eq!(
            doc.slice(kept[2].span),
            "<!-- copydesk-disable-next-line promo -->"
        );
        // Not "unused" when the rule did not run at all.
        let kept = apply(&doc, vec![], |r| r != "promo");
        assert!(
            kept.iter()
                .all(|d| doc.slice(d.span) != "<!-- copydesk-disable-next-line promo -->")
        );
    }

    #[test]
    fn file_level_and_plain_text_markers() {
        let doc = parse(
            "# T\n\n<!-- copydesk-disable-file -->\n\nAnything.\n",
            Format::Markdown,
        );
        assert!(apply(&doc, vec![diag(&doc, "Anything", "x/y")], |_| true).is_empty());
        let doc = parse(
            "Head\n\nKowalcyzk spoke. copydesk: ignore names\nKowalcyzk again.\n",
            Format::Text,
        );
        let ds = vec![
            diag(&doc, "Kowalcyzk spoke", "names/consistency"),
            diag(&doc, "Kowalcyzk again", "names/consistency"),
        ];
        let kept = apply(&doc, ds, |_| true);
        assert_eq!(kept.len(), 1);
        assert_eq!(doc.slice(kept[0].span), "Kowalcyzk again");
    }
}

//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code
//! scanning, GitLab, Azure DevOps). One run; rules metadata from the rule
//! set; regions with both line/column (Unicode code points) and bytes;
//! labels as related locations; fixes as artifact changes.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::catalog::RuleCatalog;
use super::{FileResult, Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::span::Span;

pub struct Sarif {
    catalog: RuleCatalog,
    /// Rule ids in the order of the `rules` array (a result's `ruleIndex`).
    rule_ids: Vec<String>,
    results: Vec<Value>,
}

impl Sarif {
    pub fn new(catalog: RuleCatalog) -> Sarif {
        Sarif {
            catalog,
            rule_ids: Vec::new(),
            results: Vec::new(),
        }
    }

    fn rule_index(&mut self, id: &str) -> usize {
        match self.rule_ids.iter().position(|r| r == id) {
            Some(i) => i,
            None => {
                self.rule_ids.push(id.to_string());
                self.rule_ids.len() - 1
            }
        }
    }

    fn rule_descriptor(&self, id: &str) -> Value {
        match self.catalog.get(id) {
            Some(info) => {
                let short = info.description.lines().next().unwrap_or(id);
                json!({
                    "id": id,
                    "shortDescription": {"text": short},
                    "fullDescription": {"text": info.description},
                    "help": {"text": format!("{}\n\nRun `copydesk explain {id}` for examples.", info.description)},
                    "defaultConfiguration": {"level": level(info.severity)},
                    "properties": {"kind": info.kind},
                })
            }
            None => json!({"id": id, "shortDescription": {"text": id}}),
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative or absolute path as a URI reference: `/` separators, and
/// everything outside the unreserved set percent-encoded.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn region(file: &FileResult, span: Span) -> Value {
    let (start, end) = file.range(span);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "byteOffset": span.start,
        "byteLength": span.len(),
    })
}

fn location(file: &FileResult, span: Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": path_uri(&file.path)},
            "region": region(file, span),
        }
    })
}

fn result(file: &FileResult, d: &Diagnostic, rule_index: usize) -> Value {
    let mut result = json!({
        "ruleId": d.rule.as_ref(),
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [location(file, d.span)],
    });
    if !d.labels.is_empty() {
        result["relatedLocations"] = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let mut loc = location(file, label.span);
                loc["id"] = json!(i + 1);
                loc["message"] = json!({"text": label.message});
                loc
            })
            .collect();
    }
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": {"text": format!("{} ({} fix)", fix.title, fix.applicability.as_str())},
            "artifactChanges": [{
                "artifactLocation": {"uri": path_uri(&file.path)},
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": {"byteOffset": e.span.start, "byteLength": e.span.len()},
                    "insertedContent": {"text": e.replacement},
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    result
}

impl Reporter for Sarif {
    fn file(&mut self, _out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for d in &file.diagnostics {
            let index = self.rule_index(&d.rule);
            self.results.push(result(file, d, index));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rule_ids
            .iter()
            .map(|id| self.rule_descriptor(id))
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": std::mem::take(&mut self.results),
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
        writeln!(out)?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("news/a b.md"), "news/a%20b.md");
        assert_eq!(path_uri("/srv/x.md"), "file:///srv/x.md");
        assert_eq!(path_uri("über.md"), "%C3%BCber.md");
    }
}

//! Output formats. A reporter receives each file's findings in input order
//! and a summary at the end; it never decides what is a finding.

pub mod catalog;
pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod safe_text;
pub mod sarif;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::span::{LineCol, LineIndex, Span};

/// One checked file as reporters see it.
pub struct FileResult {
    pub path: String,
    pub source: String,
    pub lines: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    pub fn position(&self, offset: u32) -> LineCol {
        self.lines.line_col(&self.source, offset as usize)
    }

    /// Start and (exclusive) end positions of a span.
    pub fn range(&self, span: Span) -> (LineCol, LineCol) {
        (self.position(span.start), self.position(span.end))
    }
}

/// Totals for the closing line and the exit code.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings with a fix `copydesk fix` would apply (safe).
    pub fixable: usize,
}

impl Summary {
    pub fn add(&mut self, file: &FileResult) {
        self.files += 1;
        for d in &file.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            if d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Safe)
            {
                self.fixable += 1;
            }
        }
    }

    /// Findings at or above `level`.
    pub fn at_least(&self, level: Severity) -> usize {
        match level {
            Severity::Error => self.errors,
            Severity::Warning => self.errors + self.warnings,
            Severity::Info => self.errors + self.warnings + self.infos,
        }
    }
}

pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
    /// Whether what was written should reach the reader while the run goes
    /// on (the caller flushes after each batch of files), not only at the
    /// end.
    fn streams(&self) -> bool {
        false
    }
}

/// The formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Annotated source snippets for people.
    Human,
    /// One JSON array of findings (the documented contract).
    Json,
    /// The same objects, one per line, written as they are found.
    Jsonl,
    /// `path:line:col: severity[rule] message`, one per line.
    Concise,
    /// SARIF 2.1.0 for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// JUnit XML, one test case per file.
    Junit,
}

pub fn reporter(
    format: OutputFormat,
    color: bool,
    catalog: catalog::RuleCatalog,
) -> Box<dyn Reporter> {
    match format {
        OutputFormat::Human => Box::new(human::Human::new(color)),
        OutputFormat::Json => Box::new(json::Json::array()),
        OutputFormat::Jsonl => Box::new(json::Json::lines()),
        OutputFormat::Concise => Box::new(concise::Concise),
        OutputFormat::Sarif => Box::new(sarif::Sarif::new(catalog)),
        OutputFormat::Github => Box::new(github::Github),
        OutputFormat::Junit => Box::new(junit::Junit::new()),
    }
}

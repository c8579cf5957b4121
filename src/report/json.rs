//! `--format json` (one array) and `--format jsonl` (one object per line),
//! both following the contract in DESIGN.md field for field.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::Diagnostic;

#[derive(Serialize)]
struct JsonEdit<'a> {
    byte_start: u32,
    byte_end: u32,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: &'static str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    byte_start: u32,
    byte_end: u32,
    fix: Option<JsonFix<'a>>,
}

fn object<'a>(file: &'a FileResult, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let (start, end) = file.range(d.span);
    JsonDiagnostic {
        path: &file.path,
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_start: d.span.start,
        byte_end: d.span.end,
        fix: d.fix.as_ref().map(|f| JsonFix {
            title: &f.title,
            applicability: f.applicability.as_str(),
            edits: f
                .edits
                .iter()
                .map(|e| JsonEdit {
                    byte_start: e.span.start,
                    byte_end: e.span.end,
                    replacement: &e.replacement,
                })
                .collect(),
        }),
    }
}

pub struct Json {
    lines: bool,
    written: usize,
}

impl Json {
    pub fn array() -> Json {
        Json {
            lines: false,
            written: 0,
        }
    }

    pub fn lines() -> Json {
        Json {
            lines: true,
            written: 0,
        }
    }
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for d in &file.diagnostics {
            let json = serde_json::to_string(&object(file, d)).map_err(io::Error::other)?;
            if self.lines {
                writeln!(out, "{json}")?;
            } else {
                let lead = if self.written == 0 { "[\n  " } else { ",\n  " };
                write!(out, "{lead}{json}")?;
            }
            self.written += 1;
        }
        Ok(())
    }

    fn streams(&self) -> bool {
        self.lines
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        if !self.lines {
            if self.written == 0 {
                writeln!(out, "[]")?;
            } else {
                writeln!(out, "\n]")?;
            }
        }
        out.flush()
    }
}

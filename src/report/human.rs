//! `--format human`: each finding as an annotated source snippet (rule id,
//! severity, message, the lines with the span underlined, labels for the
//! other places involved, the fix as help), then one summary line.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

use super::safe_text::for_terminal;
use super::{FileResult, Reporter, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};

pub struct Human {
    renderer: Renderer,
}

impl Human {
    pub fn new(color: bool) -> Human {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        Human { renderer }
    }

    /// Render one finding, without a trailing newline.
    pub fn render(&self, file: &FileResult, d: &Diagnostic) -> String {
        // Show only the lines the finding touches, not the whole file.
        let mut covered = d.span;
        for label in &d.labels {
            covered = covered.cover(label.span);
        }
        let first_line = file.lines.line_of(covered.start as usize);
        let last_line = file
            .lines
            .line_of(covered.end.saturating_sub(1).max(covered.start) as usize);
        let from = file.lines.line_start(first_line);
        let to = if last_line + 1 < file.lines.line_count() {
            file.lines.line_start(last_line + 1)
        } else {
            file.source.len()
        };
        let window = for_terminal(&file.source[from..to]);
        let local = |start: u32, end: u32| (start as usize - from)..(end as usize - from);
        let path = for_terminal(&file.path);
        let message = for_terminal(&d.message);

        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let mut snippet = Snippet::source(window.as_ref())
            .line_start(first_line + 1)
            .path(path.as_ref())
            .fold(true)
            .annotation(AnnotationKind::Primary.span(local(d.span.start, d.span.end)));
        let label_texts: Vec<String> = d
            .labels
            .iter()
            .map(|l| for_terminal(&l.message).into_owned())
            .collect();
        for (label, text) in d.labels.iter().zip(&label_texts) {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(local(label.span.start, label.span.end))
                    .label(text.as_str()),
            );
        }
        let mut report: Vec<Group> = vec![
            level
                .primary_title(message.as_ref())
                .id(d.rule.as_ref())
                .element(snippet),
        ];

        let fix_title;
        let replacements: Vec<String>;
        if let Some(fix) = &d.fix {
            let kind = match fix.applicability {
                Applicability::Safe => "",
                Applicability::Unsafe => " (unsafe fix: `--unsafe-fixes`)",
                Applicability::DisplayOnly => " (suggestion)",
            };
            fix_title = format!("{}{kind}", for_terminal(&fix.title));
            replacements = fix
                .edits
                .iter()
                .map(|e| for_terminal(&e.replacement).into_owned())
                .collect();
            let inside = fix
                .edits
                .iter()
                .all(|e| e.span.start as usize >= from && e.span.end as usize <= to);
            let help = Level::HELP.secondary_title(fix_title.as_str());
            if inside && !fix.edits.is_empty() {
                let mut patched = Snippet::source(window.as_ref())
                    .line_start(first_line + 1)
                    .path(path.as_ref());
                for (edit, text) in fix.edits.iter().zip(&replacements) {
                    patched = patched.patch(Patch::new(
                        local(edit.span.start, edit.span.end),
                        text.as_str(),
                    ));
                }
                report.push(help.element(patched));
            } else {
                report.push(Group::with_title(help));
            }
        }
        self.renderer.render(&report)
    }
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for d in &file.diagnostics {
            writeln!(out, "{}\n", self.render(file, d))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary_line(summary))?;
        out.flush()
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "2 errors, 1 warning in 3 files (1 fixable with `copydesk fix`)".
pub fn summary_line(s: &Summary) -> String {
    let mut line = format!(
        "{}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    );
    if s.infos > 0 {
        line.push_str(&format!(", {}", plural(s.infos, "note")));
    }
    line.push_str(&format!(" in {}", plural(s.files, "file")));
    if s.fixable > 0 {
        line.push_str(&format!(" ({} fixable with `copydesk fix`)", s.fixable));
    }
    line
}

//! `--format human`: each finding as an annotated source snippet (rule id,
//! severity, message, the lines with the span underlined, labels for the
//! other places involved, the fix as help), then one summary line.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Patch, Renderer, Snippet};

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
        let mut from = file.lines.line_start(first_line);
        let mut to = if last_line + 1 < file.lines.line_count() {
            file.lines.line_start(last_line + 1)
        } else {
            file.source.len()
        };
        // A whole article on one line (bad exports do that) would make every
        // finding cost the full line: cut the window around the finding and
        // state the position in the header ourselves.
        let cut = to - from > MAX_WINDOW;
        if cut {
            let (start, end) = (d.span.start as usize, d.span.end as usize);
            from = floor_boundary(&file.source, start.saturating_sub(CONTEXT).max(from));
            to = ceil_boundary(&file.source, (end + CONTEXT).min(to).max(start));
        }
        let window = for_terminal(&file.source[from..to]);
        let inside = |start: u32, end: u32| start as usize >= from && end as usize <= to;
        let local = |start: u32, end: u32| (start as usize - from)..(end as usize - from);
        let path = for_terminal(&file.path);
        let message = for_terminal(&d.message);
        let at = file.position(d.span.start);

        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let snippet_line = file.lines.line_of(from) + 1;
        let mut snippet = Snippet::source(window.as_ref())
            .line_start(snippet_line)
            .fold(true)
            .annotation(AnnotationKind::Primary.span(local(d.span.start, d.span.end)));
        if !cut {
            snippet = snippet.path(path.as_ref());
        }
        let label_texts: Vec<String> = d
            .labels
            .iter()
            .map(|l| for_terminal(&l.message).into_owned())
            .collect();
        for (label, text) in d.labels.iter().zip(&label_texts) {
            if !inside(label.span.start, label.span.end) {
                continue;
            }
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(local(label.span.start, label.span.end))
                    .label(text.as_str()),
            );
        }
        let mut title =
            Group::with_title(level.primary_title(message.as_ref()).id(d.rule.as_ref()));
        if cut {
            title = title.element(
                Origin::path(path.as_ref())
                    .line(at.line as usize)
                    .char_column(at.column as usize),
            );
        }
        let mut report: Vec<Group> = vec![title.element(snippet)];

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
            let fix_inside = fix.edits.iter().all(|e| inside(e.span.start, e.span.end));
            let help = Level::HELP.secondary_title(fix_title.as_str());
            if fix_inside && !fix.edits.is_empty() && !cut {
                let mut patched = Snippet::source(window.as_ref())
                    .line_start(snippet_line)
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

/// Longest source window shown whole; longer lines are cut around the span
/// (rendering is linear in the window, so whole multi-megabyte lines would
/// make the report quadratic).
const MAX_WINDOW: usize = 64 * 1024;
/// Bytes of context kept on each side of a span in a cut window.
const CONTEXT: usize = 120;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
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

//! Applying fixes: non-overlapping edits in one pass, re-check, repeat until
//! nothing changes (bounded), and write the result atomically.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// How many check-and-fix rounds a file gets before we give up converging.
pub const MAX_ROUNDS: usize = 10;

/// Apply the fixes of `diagnostics` at or above `min` to `source`. A fix
/// whose edits overlap an earlier-applied fix (or fall outside the text or
/// off a character boundary) is skipped; the next round picks it up if it
/// still applies. Returns the new text and how many fixes were applied.
pub fn apply(source: &str, diagnostics: &[Diagnostic], min: Applicability) -> (String, usize) {
    let (text, _, applied) = apply_edits(source, diagnostics, min);
    (text, applied)
}

/// [`apply`], also returning the edits that were made, in source order.
pub fn apply_edits(
    source: &str,
    diagnostics: &[Diagnostic],
    min: Applicability,
) -> (String, Vec<Edit>, usize) {
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability >= min && f.applicability != Applicability::DisplayOnly)
        .collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.span.start).min().unwrap_or(0));
    let mut chosen: Vec<Edit> = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let mut edits: Vec<&Edit> = fix.edits.iter().collect();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        let in_bounds = edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end as usize <= source.len()
                && source.is_char_boundary(e.span.start as usize)
                && source.is_char_boundary(e.span.end as usize)
        });
        // Two edits touching the same place (even two insertions at one
        // offset) have no well-defined order: treat them as a clash.
        let touches = |a: &Edit, b: &Edit| a.span.overlaps(b.span) || a.span.start == b.span.start;
        let self_clash = edits
            .windows(2)
            .any(|w| touches(w[0], w[1]) || w[0].span.end > w[1].span.start);
        let clash = edits.iter().any(|e| chosen.iter().any(|c| touches(c, e)));
        if in_bounds && !self_clash && !clash && !edits.is_empty() {
            chosen.extend(edits.into_iter().cloned());
            applied += 1;
        }
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for edit in &chosen {
        out.push_str(&source[at..edit.span.start as usize]);
        out.push_str(&edit.replacement);
        at = edit.span.end as usize;
    }
    out.push_str(&source[at..]);
    (out, chosen, applied)
}

/// Result of fixing one text until it is stable.
#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    pub applied: usize,
    /// False when fixes kept changing the text for [`MAX_ROUNDS`] rounds.
    pub converged: bool,
}

/// Fix `source` repeatedly: `check` re-reads the text and returns its
/// findings; stop when no fix applies.
pub fn until_stable(
    source: &str,
    min: Applicability,
    mut check: impl FnMut(&str) -> Vec<Diagnostic>,
) -> Fixed {
    let mut text = source.to_string();
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let diagnostics = check(&text);
        let (next, count) = apply(&text, &diagnostics, min);
        if count == 0 || next == text {
            return Fixed {
                text,
                applied,
                converged: true,
            };
        }
        applied += count;
        text = next;
    }
    let converged = apply(&text, &check(&text), min).1 == 0;
    Fixed {
        text,
        applied,
        converged,
    }
}

/// Replace `path`'s contents with `bytes` atomically: write a temporary file
/// in the same directory, copy the original permissions, rename over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let permissions = fs::metadata(path)?.permissions();
    if permissions.readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "file is read-only",
        ));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".copydesk-")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    fs::set_permissions(temp.path(), permissions)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::document::span::Span;

    fn diag(start: usize, end: usize, with: &str, applicability: Applicability) -> Diagnostic {
        Diagnostic {
            rule: "t/t".into(),
            severity: crate::diagnostic::Severity::Error,
            message: String::new(),
            span: Span::new(start, end),
            labels: vec![],
            fix: Some(Fix::replace(
                "x",
                Span::new(start, end),
                with,
                applicability,
            )),
        }
    }

    #[test]
    fn overlapping_fixes_are_not_both_applied() {
        let src = "abcdef";
        let d = [
            diag(0, 3, "X", Applicability::Safe),
            diag(2, 4, "Y", Applicability::Safe),
            diag(4, 6, "Z", Applicability::Safe),
        ];
        assert_eq!(apply(src, &d, Applicability::Safe), ("XdZ".to_string(), 2));
    }

    #[test]
    fn unsafe_fixes_need_opt_in() {
        let d = [diag(0, 1, "X", Applicability::Unsafe)];
        assert_eq!(apply("ab", &d, Applicability::Safe).1, 0);
        assert_eq!(apply("ab", &d, Applicability::Unsafe).0, "Xb");
    }

    #[test]
    fn atomic_write_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}

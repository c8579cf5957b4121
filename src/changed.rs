//! `--changed-since REV`: keep only the files git says changed since a
//! revision (committed, staged or not, plus new untracked files), so a CI
//! job on a large archive checks what a push touched.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        return Err(format!("git {} failed: {}", args.join(" "), err.trim()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Absolute paths of files changed since `rev` in the repository around
/// the current directory.
pub fn changed_files(rev: &str) -> Result<HashSet<PathBuf>, String> {
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim());
    let mut files = HashSet::new();
    let diff = git(&[
        "diff",
        "--name-only",
        "-z",
        "--diff-filter=ACMRT",
        rev,
        "--",
    ])?;
    let untracked = git(&[
        "ls-files",
        "--others",
        "--exclude-standard",
        "-z",
        "--full-name",
        ":/",
    ])?;
    for name in diff
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|n| !n.is_empty())
    {
        files.insert(normalise(&top.join(name)));
    }
    Ok(files)
}

/// A path made absolute and free of symlinked directories where possible,
/// so walked paths and git's paths compare equal.
pub fn normalise(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

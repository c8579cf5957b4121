//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The copydesk binary, run from the crate root with colour off.
pub fn copydesk() -> Command {
    let mut cmd = Command::cargo_bin("copydesk").expect("binary builds");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// `../shared/<rel>` when it exists (CI and the team have it; a fresh clone
/// does not). Prints one line and returns `None` when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = root().join("..").join("shared").join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: ../shared/{rel} is not here (it is not part of the repository)");
        None
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Compare `actual` with the file at `expected`; with `COPYDESK_BLESS=1`
/// write it instead. Returns a readable diff on mismatch.
pub fn compare_or_bless(expected: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("COPYDESK_BLESS").is_some() {
        std::fs::write(expected, actual).map_err(|e| format!("{}: {e}", expected.display()))?;
        return Ok(());
    }
    let want = std::fs::read_to_string(expected).unwrap_or_default();
    if want == actual {
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(&want, actual)
        .unified_diff()
        .header("expected", "actual")
        .to_string();
    Err(format!(
        "{} differs (run with COPYDESK_BLESS=1 to accept):\n{diff}",
        expected.display()
    ))
}

/// All files under `dir` (recursively) whose extension is one of `exts`, sorted.
pub fn files_with(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The embedded rule pack, or a panic that shows every broken rule file.
pub fn embedded_rules() -> copydesk::rules::load::RuleSet {
    copydesk::rules::load::RuleSet::load(true, &[]).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n\n")
        )
    })
}

/// Write `text` to `path`, creating its folder.
pub fn write(path: &Path, text: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// `copydesk check --format json ARGS` run in `dir`: the findings (none
/// when nothing was printed, as on a config error), the exit code and
/// stderr. A panic or output that is not JSON fails the test.
pub fn json_in(dir: &Path, args: &[&str]) -> (Vec<serde_json::Value>, Option<i32>, String) {
    let out = copydesk()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "copydesk panicked:\n{err}");
    let printed = stdout(&out);
    let items = if printed.trim().is_empty() {
        Vec::new()
    } else {
        let value: serde_json::Value =
            serde_json::from_str(&printed).unwrap_or_else(|e| panic!("bad JSON ({e}): {err}"));
        value.as_array().cloned().unwrap_or_default()
    };
    (items, out.status.code(), err)
}

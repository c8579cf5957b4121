//! Broken rule files are refused with exit 2, naming file, line and column
//! and showing the offending YAML. Each folder under `fixtures/invalid-rules/`
//! is a `--rules` directory; `<folder>.expected` beside it holds what the user
//! sees.

use crate::support::{compare_or_bless, copydesk, root, stderr};

#[test]
fn invalid_rule_directories_are_rejected_with_positions() {
    let base = root().join("fixtures/invalid-rules");
    let mut dirs: Vec<_> = std::fs::read_dir(&base)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    let mut failures = Vec::new();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let rel = format!("fixtures/invalid-rules/{name}");
        let output = copydesk()
            .args(["check", "--rules", &rel, "fixtures/demo"])
            .output()
            .unwrap();
        let code = output.status.code();
        if code != Some(2) {
            failures.push(format!("{rel}: exit {code:?}, expected 2"));
        }
        if !output.stdout.is_empty() {
            failures.push(format!("{rel}: printed to stdout"));
        }
        let shown = format!(
            "$ copydesk check --rules {rel} fixtures/demo\n{}",
            stderr(&output)
        );
        if let Err(diff) = compare_or_bless(&base.join(format!("{name}.expected")), &shown) {
            failures.push(diff);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! The `.pre-commit-hooks.yaml` at the repository root, exercised with the
//! real `pre-commit` tool: a commit with a bad article is blocked, a clean
//! one goes through. Skipped (with a line saying so) where `pre-commit` is
//! not installed; `.ci/run` installs it.

use std::path::Path;
use std::process::Command;

use crate::support::root;

fn run(dir: &Path, program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        // Build the hook quickly and share the build between runs.
        .env("CARGO_TARGET_DIR", root().join("target/pre-commit-hook"))
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("PRE_COMMIT_HOME", root().join("target/pre-commit-home"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn ok(output: &std::process::Output) -> bool {
    output.status.success()
}

#[test]
fn pre_commit_blocks_a_bad_article_and_passes_a_clean_one() {
    if Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: the pre-commit tool is not installed (pip install pre-commit)");
        return;
    }
    let head = run(&root(), "git", &["rev-parse", "HEAD"]);
    if !ok(&head) {
        eprintln!("skipped: the project is not a git checkout");
        return;
    }
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_string();
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "user.email", "desk@example.org"],
        &["config", "user.name", "Desk"],
    ] {
        assert!(ok(&run(dir, "git", args)));
    }
    std::fs::write(
        dir.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: copydesk\n",
            root().display()
        ),
    )
    .unwrap();
    assert!(ok(&run(dir, "git", &["add", ".pre-commit-config.yaml"])));
    let install = run(dir, "pre-commit", &["install"]);
    assert!(ok(&install), "{}", String::from_utf8_lossy(&install.stderr));

    std::fs::write(
        dir.join("story.md"),
        "# Council Vote\n\nThe council votes on TKTK.\n",
    )
    .unwrap();
    assert!(ok(&run(dir, "git", &["add", "story.md"])));
    let blocked = run(dir, "git", &["commit", "-q", "-m", "bad story"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&blocked.stdout),
        String::from_utf8_lossy(&blocked.stderr)
    );
    assert!(!ok(&blocked), "the commit should be blocked:\n{said}");
    assert!(said.contains("style/placeholders"), "{said}");

    std::fs::write(
        dir.join("story.md"),
        "# Council Vote\n\nThe council votes on Tuesday.\n",
    )
    .unwrap();
    assert!(ok(&run(dir, "git", &["add", "story.md"])));
    let passed = run(dir, "git", &["commit", "-q", "-m", "clean story"]);
    assert!(
        ok(&passed),
        "{}{}",
        String::from_utf8_lossy(&passed.stdout),
        String::from_utf8_lossy(&passed.stderr)
    );
}

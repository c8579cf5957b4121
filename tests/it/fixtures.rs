//! Every article under `fixtures/` is checked with the embedded rule pack, as
//! a user would run it, and the output compared with `<article>.expected`
//! beside it: the human report exactly as an editor sees it, the exit code,
//! and the diff that `--unsafe-fixes` would apply.
//!
//! An optional `<article>.args` holds extra command-line arguments (one line,
//! e.g. `--date 2026-01-14`). Update expectations with `COPYDESK_BLESS=1`.

use crate::support::{compare_or_bless, copydesk, files_with, root, stderr, stdout};

fn run_fixture(article: &std::path::Path) -> String {
    let rel = article
        .strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let args_file = article.with_file_name(format!(
        "{}.args",
        article.file_name().unwrap().to_string_lossy()
    ));
    let extra: Vec<String> = std::fs::read_to_string(&args_file)
        .map(|s| s.split_whitespace().map(String::from).collect())
        .unwrap_or_default();

    let check = copydesk()
        .arg("check")
        .args(&extra)
        .arg(&rel)
        .output()
        .unwrap();
    let diff = copydesk()
        .args(["check", "--diff", "--unsafe-fixes"])
        .args(&extra)
        .arg(&rel)
        .output()
        .unwrap();
    let mut out = format!(
        "$ copydesk check {}{rel}\n",
        extra.iter().map(|a| format!("{a} ")).collect::<String>()
    );
    out.push_str(&stdout(&check));
    let err = stderr(&check);
    if !err.is_empty() {
        out.push_str("--- stderr\n");
        out.push_str(&err);
    }
    out.push_str(&format!("--- exit {}\n", check.status.code().unwrap_or(-1)));
    let diff_text = stdout(&diff);
    if !diff_text.is_empty() {
        out.push_str("--- fixes (--unsafe-fixes)\n");
        out.push_str(&diff_text);
    }
    out
}

#[test]
fn fixtures_match_their_expected_reports() {
    let articles = files_with(&root().join("fixtures"), &["txt", "md", "markdown"]);
    assert!(articles.len() >= 2, "fixtures/ should hold articles");
    let failures: Vec<String> = articles
        .iter()
        .filter_map(|article| {
            let expected = article.with_file_name(format!(
                "{}.expected",
                article.file_name().unwrap().to_string_lossy()
            ));
            compare_or_bless(&expected, &run_fixture(article)).err()
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_expected_file_has_its_article() {
    for expected in files_with(&root().join("fixtures"), &["expected", "args"]) {
        let article = expected.with_extension("");
        assert!(
            article.exists(),
            "{} has no article beside it",
            expected.display()
        );
    }
}

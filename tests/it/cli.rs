//! The command line as users and CI run it: formats, exit codes, stdin,
//! unreadable inputs, pipes, fixes.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use serde_json::Value;

use crate::support::{copydesk, stderr, stdout};

fn json_of(args: &[&str]) -> (Vec<Value>, i32) {
    let out = copydesk().args(args).output().unwrap();
    let text = stdout(&out);
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    (
        value.as_array().expect("a JSON array").clone(),
        out.status.code().unwrap(),
    )
}

/// Every object follows the contract in DESIGN.md, and its line/column agree
/// with its byte offsets in the file.
fn assert_contract(items: &[Value]) {
    let keys = [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "fix",
    ];
    for item in items {
        let obj = item.as_object().unwrap();
        let mut got: Vec<&str> = obj.keys().map(String::as_str).collect();
        got.sort();
        let mut want = keys.to_vec();
        want.sort();
        assert_eq!(got, want, "{item}");
        let source =
            std::fs::read_to_string(crate::support::root().join(obj["path"].as_str().unwrap()))
                .unwrap();
        let start = obj["byte_start"].as_u64().unwrap() as usize;
        let end = obj["byte_end"].as_u64().unwrap() as usize;
        assert!(
            start <= end
                && end <= source.len()
                && source.is_char_boundary(start)
                && source.is_char_boundary(end)
        );
        let line = source[..start].matches('\n').count() + 1;
        let line_start = source[..start].rfind('\n').map_or(0, |p| p + 1);
        let column = source[line_start..start]
            .trim_start_matches('\u{feff}')
            .chars()
            .count()
            + 1;
        assert_eq!(obj["line"].as_u64().unwrap() as usize, line, "{item}");
        assert_eq!(obj["column"].as_u64().unwrap() as usize, column, "{item}");
        assert!(["error", "warning", "info"].contains(&obj["severity"].as_str().unwrap()));
        assert!(obj["rule"].as_str().unwrap().contains('/'));
        if let Some(fix) = obj["fix"].as_object() {
            assert!(
                ["safe", "unsafe", "display-only"]
                    .contains(&fix["applicability"].as_str().unwrap())
            );
            assert!(!fix["edits"].as_array().unwrap().is_empty());
        }
    }
}

#[test]
fn json_output_follows_the_contract_and_is_sorted() {
    let (items, code) = json_of(&["check", "--format", "json", "fixtures/demo"]);
    assert!(!items.is_empty(), "the demo articles have defects");
    assert_eq!(code, 1);
    assert_contract(&items);
    let keys: Vec<(String, u64)> = items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["byte_start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn jsonl_prints_the_same_objects_one_per_line() {
    let (items, _) = json_of(&["check", "--format", "json", "fixtures/demo"]);
    let out = copydesk()
        .args(["check", "--format", "jsonl", "fixtures/demo"])
        .output()
        .unwrap();
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, items);
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = copydesk()
        .args(["check", "--format", "json", "--threads", "1", "fixtures"])
        .output()
        .unwrap();
    let two = copydesk()
        .args(["check", "--format", "json", "--threads", "4", "fixtures"])
        .output()
        .unwrap();
    assert_eq!(stdout(&one), stdout(&two));
}

#[test]
fn clean_input_exits_zero_and_findings_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.txt");
    std::fs::write(
        &clean,
        "Harbor Ferry Deal Approved\n\nThe council approved the ferry contract.\n",
    )
    .unwrap();
    let out = copydesk().arg("check").arg(&clean).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("0 errors, 0 warnings in 1 file"));

    let warn = dir.path().join("warn.txt");
    std::fs::write(&warn, "Harbor Ferry Deal\n\nThe goverment approved it.\n").unwrap();
    let out = copydesk().arg("check").arg(&warn).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings alone do not fail by default"
    );
    let out = copydesk()
        .args(["check", "--fail-on", "warning"])
        .arg(&warn)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unreadable_inputs_exit_two_but_the_rest_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Headline\n\nCaf\xe9 owner said TKTK.\n").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Headline\n\nThe vote is on TKTK.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let out = copydesk()
        .args(["check", "--format", "json"])
        .arg(&bad)
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("latin1.txt: not valid UTF-8 at line 3, column 4"),
        "{err}"
    );
    assert!(
        err.contains("missing.txt: no such file or directory"),
        "{err}"
    );
    let items: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        items.as_array().unwrap().len(),
        1,
        "good.txt was still checked"
    );
}

#[test]
fn stdin_is_checked_under_its_given_name() {
    let out = copydesk()
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "desk/story.md",
            "-",
        ])
        .write_stdin("# Headline\n\nThe vote is on TKTK.\n")
        .output()
        .unwrap();
    let items: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(items[0]["path"], "desk/story.md");
    assert_eq!(items[0]["line"], 3);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        std::fs::write(
            dir.path().join(format!("a{i:03}.txt")),
            "Head\n\nTKTK and TKTK and TKTK.\n",
        )
        .unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("copydesk"))
        .args(["check", "--format", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: the pipe closes like `| head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(first.contains("style/placeholders"));
    let err = stderr(&out);
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
}

/// JSONL reaches the reader while the run goes on: the findings of the
/// first few hundred files arrive while a later input still blocks (a FIFO
/// nobody has written to yet).
#[cfg(unix)]
#[test]
fn jsonl_streams_while_later_files_are_still_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    std::fs::create_dir(&stories).unwrap();
    // One finding only, far less than an output buffer holds: it arrives
    // early only if it is flushed.
    for i in 0..300 {
        let text = if i == 0 {
            "Head\n\nTKTK remains.\n"
        } else {
            "Head\n\nAll done.\n"
        };
        std::fs::write(stories.join(format!("a{i:03}.txt")), text).unwrap();
    }
    let fifo = dir.path().join("late.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("copydesk"))
        .args(["check", "--no-config", "--format", "jsonl"])
        .arg(&stories)
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, first_line) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok);
        sender.send(first).unwrap();
        lines.count()
    });
    let first = first_line.recv_timeout(std::time::Duration::from_secs(60));
    // Unblock the run whatever happened, so it never outlives the test.
    std::fs::write(&fifo, "Late\n\nTKTK too.\n").unwrap();
    let first = first.expect("nothing was written while the last input was still blocked");
    assert!(first.is_some_and(|l| l.contains("style/placeholders")));
    let rest = reader.join().unwrap();
    assert_eq!(rest, 1, "the late file's finding arrived too");
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn fix_rewrites_safely_and_converges() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(
        &path,
        "Headline\r\n\r\nThe goverment could not accomodate them.\r\n",
    )
    .unwrap();
    let out = copydesk().arg("fix").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Headline\r\n\r\nThe government could not accommodate them.\r\n",
        "fixed, CRLF kept"
    );
    let again = copydesk()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(stdout(&again).trim(), "[]");
}

#[test]
fn check_diff_shows_fixes_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    let text = "Headline\n\nThe goverment met.\n";
    std::fs::write(&path, text).unwrap();
    let out = copydesk()
        .args(["check", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("-The goverment met.\n+The government met."),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn rules_lists_and_tests_the_pack() {
    let out = copydesk().arg("rules").output().unwrap();
    assert!(stdout(&out).contains("style/placeholders"));
    let out = copydesk().args(["rules", "--test"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("0 failed"));
}

#[test]
fn explain_prints_the_rule_and_its_kind() {
    let out = copydesk()
        .args(["explain", "style/misspellings"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("substitution rule"), "{text}");
    assert!(text.contains("## Fix safety"), "{text}");
    let out = copydesk()
        .args(["explain", "no/such-rule"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_two() {
    let out = copydesk()
        .args(["check", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = copydesk()
        .args(["check", "--date", "2026-02-30", "fixtures/demo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

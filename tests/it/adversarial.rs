//! Hostile and broken input: copydesk must report it clearly, keep checking
//! the other files, and never panic, hang or pass control characters through.
//! The largest cases are `#[ignore]`d, to keep `cargo test` quick, and run
//! by `.ci/run` (`cargo test --test it -- --ignored`). Their timeouts only
//! catch a hang: a debug build, whose dependencies are optimised, needs at
//! most 30 seconds for any of them here.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::support::{copydesk, stderr, stdout, write};

/// `check --no-config --format json FILES` in `dir`.
fn check_json(dir: &Path, files: &[&str]) -> (Vec<Value>, Option<i32>, String) {
    let args: Vec<&str> = std::iter::once("--no-config")
        .chain(files.iter().copied())
        .collect();
    crate::support::json_in(dir, &args)
}

const BAD: &str = "Headline\n\nThe vote is on TKTK.\n";

#[test]
fn broken_encodings_and_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("bom.txt"), format!("\u{feff}{BAD}"));
    write(&d.join("crlf.txt"), BAD.replace('\n', "\r\n"));
    write(&d.join("cr.txt"), BAD.replace('\n', "\r"));
    write(&d.join("empty.txt"), "");
    write(&d.join("blank.md"), "\n\n   \n");
    write(&d.join("latin1.txt"), b"Headline\n\nCaf\xe9 TKTK\n");
    write(&d.join("binary.txt"), b"\x7fELF\x02\x01\x00\x00TKTK");
    let (items, code, err) = check_json(
        d,
        &[
            "bom.txt",
            "crlf.txt",
            "cr.txt",
            "empty.txt",
            "blank.md",
            "latin1.txt",
            "binary.txt",
        ],
    );
    assert_eq!(code, Some(2), "invalid UTF-8 is an error");
    assert!(
        err.contains("latin1.txt: not valid UTF-8 at line 3, column 4 (byte 13)"),
        "{err}"
    );
    assert!(err.contains("binary.txt: binary file"), "{err}");
    let at: Vec<(String, u64, u64)> = items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["line"].as_u64().unwrap(),
                i["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            ("bom.txt".into(), 3, 16),
            ("crlf.txt".into(), 3, 16),
            ("cr.txt".into(), 3, 16)
        ],
        "same position whatever the line endings; the BOM takes no column"
    );
    // The BOM counts in bytes.
    assert_eq!(
        items[0]["byte_start"].as_u64(),
        Some(BAD.find("TKTK").unwrap() as u64 + 3)
    );
}

#[test]
fn front_matter_problems_are_warnings_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        &d.join("open.md"),
        "---\ntitle: Never closed\n\n# Head\n\nThe council met on Monday.\n",
    );
    write(
        &d.join("date.md"),
        "---\ndate: 2026-13-45\n---\n# Head\n\nThe council met on Monday.\n",
    );
    write(
        &d.join("yaml.md"),
        "---\ntitle: [unclosed\n---\n# Head\n\nThe council met on Monday.\n",
    );
    let (items, code, _) = check_json(d, &["open.md", "date.md", "yaml.md"]);
    assert_eq!(code, Some(0), "warnings only");
    let messages: Vec<&str> = items
        .iter()
        .map(|i| i["message"].as_str().unwrap())
        .collect();
    assert_eq!(items.len(), 3, "{messages:?}");
    assert!(messages[0].contains("never closed"), "{messages:?}");
    assert!(messages[1].contains("not a date"), "{messages:?}");
    assert!(
        messages[2].contains("not valid YAML (line 2"),
        "{messages:?}"
    );
    assert!(
        items
            .iter()
            .all(|i| i["rule"] == "copydesk/input" && i["severity"] == "warning")
    );
}

#[test]
fn deeply_nested_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let quotes = format!("# Head\n\n{} TKTK\n", ">".repeat(5_000));
    let mut lists = String::from("# Head\n\n");
    for depth in 0..2_000 {
        lists.push_str(&format!("{}- item TKTK\n", "  ".repeat(depth)));
    }
    write(&d.join("quotes.md"), quotes);
    write(&d.join("lists.md"), lists);
    let (items, code, _) = check_json(d, &["quotes.md", "lists.md"]);
    assert_eq!(code, Some(1));
    assert!(items.iter().any(|i| i["path"] == "quotes.md"));
    assert!(items.iter().any(|i| i["path"] == "lists.md"));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        &d.join("esc.txt"),
        "Head\n\nThe vote \u{1b}[2J\u{1b}]0;pwned\u{7} is on TKTK \u{202e}reversed\u{202c}.\n",
    );
    for format in ["human", "concise", "github"] {
        let out = copydesk()
            .current_dir(d)
            .args(["check", "--no-config", "--format", format, "esc.txt"])
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(text.contains("TKTK"), "{format}: {text}");
        assert!(
            !text
                .chars()
                .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}'),
            "{format} passed a control character through: {text:?}"
        );
    }
    // JSON escapes them instead.
    let (items, _, _) = check_json(d, &["esc.txt"]);
    assert_eq!(items.len(), 1);
}

/// A folder `news/` holding `a.txt`, an article with one finding.
fn news_with_one_bad_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    write(&dir.path().join("news/a.txt"), BAD);
    dir
}

#[test]
fn symlink_loops_and_missing_files_are_reported() {
    let dir = news_with_one_bad_article();
    let d = dir.path();
    std::os::unix::fs::symlink("..", d.join("news/loop")).unwrap();
    let (items, code, err) = check_json(d, &["news", "gone.txt"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("gone.txt: no such file or directory"), "{err}");
    assert!(err.to_lowercase().contains("loop"), "{err}");
    assert_eq!(items.len(), 1, "news/a.txt is still checked once");
}

#[test]
fn a_file_reached_by_several_paths_is_checked_once() {
    let dir = news_with_one_bad_article();
    let d = dir.path();
    std::os::unix::fs::symlink("news", d.join("mirror")).unwrap();
    std::os::unix::fs::symlink("news/a.txt", d.join("same.txt")).unwrap();
    let (items, code, _) = check_json(d, &["news", "mirror", "same.txt", "news/a.txt"]);
    assert_eq!(code, Some(1));
    assert_eq!(items.len(), 1, "{items:?}");
}

#[test]
fn symlinks_inside_one_walked_directory_do_not_repeat_a_file() {
    let dir = news_with_one_bad_article();
    let d = dir.path();
    std::os::unix::fs::symlink("a.txt", d.join("news/same.txt")).unwrap();
    let (items, code, _) = check_json(d, &["news"]);
    assert_eq!(code, Some(1));
    assert_eq!(items.len(), 1, "{items:?}");
}

#[test]
fn a_file_that_disappears_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soon-gone.txt");
    write(&path, BAD);
    let input = copydesk::walk::Input::File(path.clone());
    std::fs::remove_file(&path).unwrap();
    match copydesk::input::read(&input) {
        Err(copydesk::input::Unreadable::Error(message)) => {
            assert_eq!(message, "no such file or directory")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    write(&path, BAD);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running as root, permissions do not stop reads");
        return;
    }
    let (_, code, err) = check_json(dir.path(), &["locked.txt"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("locked.txt: permission denied"), "{err}");
}

#[test]
fn a_read_only_file_is_reported_by_fix_not_crashed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.txt");
    write(&path, "Head\n\nThe goverment met.\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = copydesk()
        .args(["fix", "--no-config"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ro.txt: cannot write fixes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Head\n\nThe goverment met.\n"
    );
}

/// `copydesk check` of one large file in `dir` with the rules `select`,
/// killed after `seconds` (a hang guard, not a timing).
fn check_large_file(dir: &Path, file: &str, select: &str, seconds: u64) -> Output {
    copydesk()
        .current_dir(dir)
        .args([
            "check",
            "--no-config",
            "--format",
            "jsonl",
            "--select",
            select,
            file,
        ])
        .timeout(std::time::Duration::from_secs(seconds))
        .output()
        .unwrap()
}

#[test]
#[ignore = "large input: .ci/run runs it with --ignored"]
fn a_100_mb_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Headline\n\n");
    let sentence = "The council met on Tuesday and the vote is on TKTK, officials said. ";
    while text.len() < 100 * 1024 * 1024 {
        text.push_str(sentence);
    }
    write(&dir.path().join("huge.txt"), &text);
    let started = std::time::Instant::now();
    let out = check_large_file(dir.path(), "huge.txt", "style", 300);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), text.matches("TKTK").count());
    eprintln!("100 MB single line: {:?}", started.elapsed());
}

#[test]
#[ignore = "large input: .ci/run runs it with --ignored"]
fn an_export_with_a_needed_literal_in_every_paragraph_stays_linear() {
    // `existence` searches its patterns only in the blocks where one of
    // their literals occurs ("follow us" here, with no platform after it,
    // so nothing matches). A search from each such block to the next
    // match, or to the end of the prose, would read the export once per
    // paragraph: hours. Read once, it takes about a second.
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "Readers who follow us closely know the ferry runs late.\n\n";
    let text = format!(
        "Headline\n\n{}",
        paragraph.repeat(40 * 1024 * 1024 / paragraph.len())
    );
    write(&dir.path().join("export.txt"), &text);
    let out = check_large_file(dir.path(), "export.txt", "promo/social-app", 120);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
#[ignore = "large input: .ci/run runs it with --ignored"]
fn an_export_quoting_thousands_of_people_stays_linear() {
    // Each quotation is attributed only by a name that the article writes
    // mid-sentence elsewhere: every one makes the check ask about a new name.
    // Searching the whole export for each would take tens of minutes here;
    // reading it once takes seconds.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Headline\n\n");
    let mut n = 0usize;
    while text.len() < 40 * 1024 * 1024 {
        let mut name = String::from("Okafor");
        let mut k = n;
        loop {
            name.push(char::from(b'a' + (k % 26) as u8));
            k /= 26;
            if k == 0 {
                break;
            }
        }
        text.push_str(&format!(
            "\u{201c}We will keep the ferry running all winter,\u{201d} {name} said. \
             The plan was backed by {name} and others.\n\n"
        ));
        n += 1;
    }
    write(&dir.path().join("export.txt"), &text);
    let started = std::time::Instant::now();
    let out = check_large_file(dir.path(), "export.txt", "quotes/unattributed", 120);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    eprintln!("{n} quoted people in 40 MB: {:?}", started.elapsed());
}

#[test]
#[ignore = "large input: .ci/run runs it with --ignored"]
fn a_million_short_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Headline\n\n");
    for i in 0..1_000_000 {
        text.push_str(if i % 100_000 == 0 {
            "Vote on TKTK.\n"
        } else {
            "Short line.\n"
        });
    }
    write(&dir.path().join("lines.txt"), &text);
    let out = copydesk()
        .current_dir(dir.path())
        .args(["check", "--no-config", "--format", "jsonl", "lines.txt"])
        .timeout(std::time::Duration::from_secs(300))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 10);
}

#[test]
#[ignore = "large input: .ci/run runs it with --ignored"]
fn human_report_on_a_multi_megabyte_line_stays_linear() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "Headline\n\n{}\n",
        "The vote is on TKTK, officials said. ".repeat(150_000)
    );
    write(&dir.path().join("line.txt"), &text);
    let out = copydesk()
        .current_dir(dir.path())
        .args(["check", "--no-config", "--select", "style", "line.txt"])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let report = stdout(&out);
    assert!(
        report.contains("150000 errors"),
        "{}",
        &report[report.len().saturating_sub(300)..]
    );
    // The header still gives the true column, far along the line.
    assert!(
        report.contains(&format!(
            "line.txt:3:{}",
            text.rfind("TKTK").unwrap() - 10 + 1
        )),
        "header with the real column"
    );
}

/// Run `check` with one extra rule directory holding `files`; return exit
/// code and stderr, and how long it took.
fn with_rules(files: &[(&str, String)]) -> (Option<i32>, String, std::time::Duration) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        write(&dir.path().join(name), text);
    }
    let article = dir.path().join("story.txt");
    write(&article, BAD);
    let started = std::time::Instant::now();
    let out = copydesk()
        .args(["check", "--no-config", "--format", "json", "--rules"])
        .arg(dir.path())
        .arg(&article)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code(), err, started.elapsed())
}

const RULE_TAIL: &str = "examples:\n  - bad: \"A very unique day.\"\n  - good: \"A unique day.\"\n";

#[test]
fn hostile_rule_files_fail_cleanly() {
    // An alias bomb: a billion "lol"s if expanded.
    let mut bomb = String::from(
        "kind: existence\nseverity: error\nmessage: m\ndescription: d\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..9 {
        let prev = format!("*a{}", i - 1);
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    bomb.push_str("phrases: *a8\n");
    let (code, err, took) = with_rules(&[("style/bomb.yaml", bomb)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("style/bomb.yaml:"), "{err}");
    assert!(
        took.as_secs() < 60,
        "an alias bomb must fail fast, took {took:?}"
    );

    // Deeply nested YAML.
    let nested = format!(
        "kind: existence\nseverity: error\nmessage: m\ndescription: d\nphrases: {}x{}\n{RULE_TAIL}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let (code, err, _) = with_rules(&[("style/nested.yaml", nested)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("style/nested.yaml:5:"), "{err}");

    // YAML syntax error, tab indentation, an empty file, a non-map document.
    for (name, text) in [
        (
            "style/syntax.yaml",
            "kind: existence\nseverity: [error\n".to_string(),
        ),
        ("style/empty.yaml", String::new()),
        ("style/list.yaml", "- kind: existence\n".to_string()),
    ] {
        let (code, err, _) = with_rules(&[(name, text)]);
        assert_eq!(code, Some(2), "{name}: {err}");
        assert!(err.contains(name), "{name}: {err}");
    }

    // A huge regex is refused with a clear message.
    let huge = format!(
        "kind: existence\nseverity: error\nmessage: m\ndescription: d\npatterns: ['(?:\\w{{100}}){{200}}']\n{RULE_TAIL}"
    );
    let (code, err, _) = with_rules(&[("style/huge.yaml", huge)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("regex is too large"), "{err}");
}

#[test]
fn duplicate_rule_ids_in_one_directory_are_refused() {
    let rule = format!(
        "kind: existence\nseverity: error\nmessage: m\ndescription: d\nphrases: [very unique]\n{RULE_TAIL}"
    );
    let (code, err, _) = with_rules(&[
        ("style/twice.yaml", rule.clone()),
        ("style/twice.yml", rule),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("duplicate rule id `style/twice`"), "{err}");
}

#[test]
#[ignore = "large input: .ci/run runs it with --ignored"]
fn a_100000_entry_name_list_loads_and_checks() {
    let mut list = String::from(
        "kind: names\nseverity: error\nmessage: \"House spelling is '{canonical}', not '{found}'\"\ndescription: A very long house list.\nentries:\n",
    );
    for n in 0..100_000 {
        list.push_str(&format!(
            "  - canonical: Given{n} Family{n}x\n    variants: [Given{n}-Family{n}x]\n"
        ));
    }
    list.push_str(
        "examples:\n  - bad: \"Given7-Family7x spoke.\"\n  - good: \"Given7 Family7x spoke.\"\n",
    );
    let (code, err, took) = with_rules(&[("names/huge-list.yaml", list)]);
    assert_eq!(
        code,
        Some(1),
        "loads, and the article's TKTK is still found: {err}"
    );
    eprintln!("100,000-entry list: {took:?}");
}

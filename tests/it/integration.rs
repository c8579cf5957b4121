//! Newsroom integration through the CLI: config files, suppressions, the CI
//! formats (SARIF validated against the official schema), --changed-since.

use std::process::Command;

use serde_json::Value;

use crate::support::{copydesk, json_in, shared, stderr, stdout, write};

const PLACEHOLDER: &str = "# Vote\n\nThe council votes on TKTK and the goverment agrees.\n";

#[test]
fn nearest_config_selects_ignores_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        &d.join("copydesk.yaml"),
        "ignore: [style/misspellings]\nseverity: {style/placeholders: warning}\noverrides:\n  - files: \"wire/**\"\n    ignore: [style]\n",
    );
    write(&d.join("local/story.md"), PLACEHOLDER);
    write(&d.join("wire/story.md"), PLACEHOLDER);
    write(
        &d.join("desk/copydesk.yaml"),
        "select: [style/misspellings]\n",
    );
    write(&d.join("desk/story.md"), PLACEHOLDER);

    let (items, code, err) = json_in(d, &["."]);
    assert_eq!(code, Some(0), "{err}");
    let found: Vec<(String, String, String)> = items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["rule"].as_str().unwrap().to_string(),
                i["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "./desk/story.md".into(),
                "style/misspellings".into(),
                "warning".into()
            ),
            (
                "./local/story.md".into(),
                "style/placeholders".into(),
                "warning".into()
            ),
        ],
        "desk/ uses its own config; wire/ ignores style; local/ has placeholders downgraded"
    );
    // --no-config and --config override discovery.
    let (items, code, _) = json_in(d, &["--no-config", "wire/story.md"]);
    assert_eq!((items.len(), code), (2, Some(1)));
    let (items, _, _) = json_in(d, &["--config", "desk/copydesk.yaml", "local/story.md"]);
    assert_eq!(items.len(), 1);
}

#[test]
fn config_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("copydesk.yaml"),
        "select: [names]\nseverity: {promo: loud}\n",
    );
    write(&dir.path().join("a.md"), PLACEHOLDER);
    let out = copydesk()
        .current_dir(dir.path())
        .args(["check", "a.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("copydesk.yaml:2:19: unknown variant `loud`"),
        "{}",
        stderr(&out)
    );
}

/// The rules of the config the first argument would use are loaded while
/// the inputs are walked. When no input uses that config, its broken rule
/// files must not be reported, and the configs the inputs do use must be.
#[test]
fn rules_loaded_for_the_first_argument_count_only_when_used() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("copydesk.yaml"), "rules: [house]\n");
    write(&d.join("house/house/bad.yaml"), "kind: nonsense\n");
    write(
        &d.join("desk/copydesk.yaml"),
        "select: [style/placeholders]\n",
    );
    write(&d.join("desk/story.md"), PLACEHOLDER);

    // Every input of `.` lives under desk/, whose config is sound.
    let (items, code, err) = json_in(d, &["."]);
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("nonsense"), "{err}");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["rule"], "style/placeholders");

    // An input under the broken config is reported, whatever comes first.
    write(&d.join("top.md"), PLACEHOLDER);
    for args in [&["desk", "top.md"][..], &["top.md", "desk"][..]] {
        let (_, code, err) = json_in(d, args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains("unknown rule kind `nonsense`"), "{err}");
    }
}

#[test]
fn config_rule_directories_and_excludes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        &d.join("copydesk.yaml"),
        "rules: [house]\nexclude: [\"archive/**\"]\nselect: [house]\n",
    );
    write(
        &d.join("house/house/banned.yaml"),
        "kind: existence\nseverity: error\nmessage: \"Avoid '{match}'\"\ndescription: House ban.\nphrases: [very unique]\nexamples:\n  - bad: \"A very unique day.\"\n  - good: \"A unique day.\"\n",
    );
    write(&d.join("news/a.md"), "# T\n\nIt was a very unique day.\n");
    write(
        &d.join("archive/b.md"),
        "# T\n\nIt was a very unique day.\n",
    );
    let (items, code, err) = json_in(d, &["."]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["rule"], "house/banned");
    assert_eq!(items[0]["path"], "./news/a.md");
}

#[test]
fn markdown_and_plain_text_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        &d.join("a.md"),
        "# Vote\n\n<!-- copydesk-disable-next-line style/placeholders -->\nThe council votes on TKTK.\n\n<!-- copydesk-disable style -->\nThe goverment agrees on TKTK.\n<!-- copydesk-enable -->\n\n<!-- copydesk-disable-next-line style/placeholders -->\nNothing to silence here.\n\nThe goverment meets again.\n",
    );
    write(
        &d.join("b.txt"),
        "Vote\n\nThe council votes on TKTK. copydesk: ignore style/placeholders\nThe council votes on TKTK.\n",
    );
    let (items, _, _) = json_in(d, &["--no-config", "a.md", "b.txt"]);
    let found: Vec<(String, u64, String)> = items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().into(),
                i["line"].as_u64().unwrap(),
                i["rule"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("a.md".into(), 10, "copydesk/unused-suppression".into()),
            ("a.md".into(), 13, "style/misspellings".into()),
            ("b.txt".into(), 4, "style/placeholders".into()),
        ]
    );
}

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let Some(schema) = shared("schemas/sarif-schema-2.1.0.json") else {
        return;
    };
    let has_validator = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_validator {
        eprintln!("skipped: Python's jsonschema package is not installed (pip install jsonschema)");
        return;
    }
    let out = copydesk()
        .args(["check", "--format", "sarif", "fixtures"])
        .output()
        .unwrap();
    let sarif = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(sarif.path(), &out.stdout).unwrap();
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    let check = Command::new("python3")
        .args([
            "-c",
            "import json,sys,jsonschema; jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2]))); print('valid')",
        ])
        .arg(schema)
        .arg(sarif.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn github_junit_and_concise_formats() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("a, b.md"),
        "# Vote\n\nThe council votes on TKTK.\n",
    );
    write(
        &dir.path().join("clean.md"),
        "# Vote\n\nThe council votes on Tuesday.\n",
    );
    let run = |format: &str| {
        let out = copydesk()
            .current_dir(dir.path())
            .args([
                "check",
                "--no-config",
                "--format",
                format,
                "a, b.md",
                "clean.md",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        stdout(&out)
    };
    assert_eq!(
        run("github"),
        "::error file=a%2C b.md,line=3,col=22,endLine=3,endColumn=26,title=style/placeholders::Editor's placeholder 'TKTK' left in the copy\n"
    );
    assert_eq!(
        run("concise"),
        "a, b.md:3:22: error[style/placeholders] Editor's placeholder 'TKTK' left in the copy\n"
    );
    let junit = run("junit");
    assert!(
        junit.contains("<testsuites name=\"copydesk\" tests=\"2\" failures=\"1\">"),
        "{junit}"
    );
    assert!(
        junit.contains("<testcase classname=\"copydesk\" name=\"clean.md\"/>"),
        "{junit}"
    );
    assert!(junit.contains("Editor&apos;s placeholder"), "{junit}");
}

#[test]
fn changed_since_checks_only_what_git_says_changed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(d)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["config", "user.email", "desk@example.org"]);
    git(&["config", "user.name", "Desk"]);
    write(&d.join("old.md"), PLACEHOLDER);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "old"]);
    write(&d.join("new.md"), PLACEHOLDER);
    let (items, _, err) = json_in(d, &["--no-config", "--changed-since", "HEAD", "."]);
    let paths: Vec<&str> = items.iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert!(
        paths.iter().all(|p| *p == "./new.md") && !paths.is_empty(),
        "{paths:?} {err}"
    );
    let (_, code, err) = json_in(d, &["--changed-since", "no-such-rev", "."]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--changed-since no-such-rev"), "{err}");
}

#[test]
fn config_quote_style_turns_on_the_house_style() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let story = "# Vote\n\n“We will vote,” she said. \"We agree,\" he said.\n";
    write(&d.join("curly/story.md"), story);
    write(&d.join("curly/copydesk.yaml"), "quote_style: curly\n");
    write(&d.join("straight/story.md"), story);
    write(&d.join("straight/copydesk.yaml"), "quote_style: straight\n");
    write(&d.join("none/story.md"), story);
    let (items, _, err) = json_in(d, &["."]);
    let style: Vec<(String, String)> = items
        .iter()
        .filter(|i| i["rule"] == "quotes/style")
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        style
            .iter()
            .any(|(p, m)| p == "./curly/story.md" && m.contains("curly")),
        "{style:?} {err}"
    );
    assert!(
        style
            .iter()
            .any(|(p, m)| p == "./straight/story.md" && m.contains("straight")),
        "{style:?}"
    );
    assert!(
        !style.iter().any(|(p, _)| p == "./none/story.md"),
        "off without a config"
    );
}

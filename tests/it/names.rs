//! The `names/` family from the outside: `copydesk fix` on a names
//! fixture, a generated house list of 5,000 entries, rule-file errors, and
//! the false-alarm rate on the real corpus in `../shared`.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::{copydesk, root, shared, stderr, stdout};

fn findings(args: &[&str], path: &std::path::Path) -> Vec<Value> {
    let out = copydesk()
        .args(["check", "--format", "json"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    serde_json::from_str::<Value>(&stdout(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn is_names_safe_fix(item: &Value) -> bool {
    item["rule"].as_str().unwrap().starts_with("names/")
        && item["fix"]["applicability"].as_str() == Some("safe")
}

#[test]
fn fix_applies_house_spellings_in_place_and_a_second_check_has_none_left() {
    let original = std::fs::read_to_string(root().join("fixtures/names/house-list.txt")).unwrap();
    // CRLF line endings and read-only-for-others permissions must survive.
    let crlf = original.replace('\n', "\r\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("house-list.txt");
    std::fs::write(&path, &crlf).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let before = findings(&["--select", "names"], &path);
    assert!(before.iter().filter(|i| is_names_safe_fix(i)).count() >= 5);

    let out = copydesk().arg("fix").arg(&path).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("President Lee Jae Myung and Prime Minister Sanae Takaichi agreed"));
    assert!(
        fixed.contains("Sanae Takaichi's office said"),
        "possessive kept"
    );
    assert!(fixed.contains("while Lee Jae Myung told reporters"));
    assert!(fixed.contains("Luiz Inácio Lula da Silva, sent"));
    assert!(fixed.contains("as did Keir Starmer, who"));
    assert_eq!(fixed.matches("\r\n").count(), crlf.matches("\r\n").count());
    assert!(!fixed.replace("\r\n", "").contains('\n'), "no bare LF");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    let after = findings(&["--select", "names"], &path);
    assert!(
        !after.iter().any(is_names_safe_fix),
        "nothing left to fix: {after:#?}"
    );
    assert!(
        after.is_empty(),
        "the fixed article is consistent: {after:#?}"
    );
}

/// A synthetic name that is nobody: syllables picked by a counter. The
/// four-syllable family names are distinct for every `n` below 12^4.
fn made_up_name(n: usize) -> (String, String) {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "tu", "sa", "vo", "del", "ni", "ra", "bek", "zu",
    ];
    let part = |seed: usize, len: usize| {
        let mut s = String::new();
        let mut x = seed;
        for _ in 0..len {
            s.push_str(SYLLABLES[x % SYLLABLES.len()]);
            x /= SYLLABLES.len();
        }
        let mut chars = s.chars();
        let first = chars.next().unwrap().to_uppercase().collect::<String>();
        first + chars.as_str()
    };
    (part(n * 5 + 1, 2), part(n, 4))
}

#[test]
fn a_five_thousand_entry_list_loads_and_finds_its_names() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(rules.join("names")).unwrap();
    let mut yaml = String::from(
        "kind: names\nseverity: error\nmessage: \"House spelling is '{canonical}', not '{found}'\"\ndescription: Generated.\nentries:\n",
    );
    for n in 0..5_000 {
        let (given, family) = made_up_name(n);
        writeln!(
            yaml,
            "  - canonical: {given} {family}\n    family: {family}\n    variants: [{given} {family}e]"
        )
        .unwrap();
    }
    let (given, family) = made_up_name(4_321);
    writeln!(
        yaml,
        "examples:\n  - bad: \"{family} {given} spoke.\"\n  - good: \"{given} {family} spoke.\""
    )
    .unwrap();
    std::fs::write(rules.join("names/big-list.yaml"), yaml).unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(
        &article,
        format!(
            "Headline\n\nCouncillor {family} {given} and {given} {family}e met {given} {family}.\n\n\
             The council met on Tuesday; nobody on the list spoke.\n\n\
             Zoë Ward thanked {family} {given}.\n"
        ),
    )
    .unwrap();
    let rules_arg = rules.to_str().unwrap();
    let items = findings(
        &["--rules", rules_arg, "--select", "names/big-list"],
        &article,
    );
    let found: Vec<&str> = items
        .iter()
        .map(|i| i["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        found,
        [
            format!("House spelling is '{given} {family}', not '{family} {given}'"),
            format!("House spelling is '{given} {family}', not '{given} {family}e'"),
            // A paragraph with a letter outside ASCII is read whole.
            format!("House spelling is '{given} {family}', not '{family} {given}'"),
        ]
    );
    let out = copydesk()
        .args([
            "rules",
            "--test",
            "--no-default-rules",
            "--rules",
            rules_arg,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_family_name_that_is_not_part_of_the_name_is_a_load_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("names")).unwrap();
    std::fs::write(
        dir.path().join("names/list.yaml"),
        "kind: names\nseverity: error\nmessage: \"'{canonical}'\"\ndescription: x\nentries:\n  - canonical: Sanae Takaichi\n    family: Takeichi\nexamples:\n  - bad: \"Takaichi Sanae\"\n  - good: \"Sanae Takaichi\"\n",
    )
    .unwrap();
    let out = copydesk()
        .args(["rules", "--no-default-rules", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("list.yaml:7:13"), "{err}");
    assert!(
        err.contains("`family` must be the first or last word"),
        "{err}"
    );
}

#[test]
fn seed_articles_have_no_name_findings() {
    let Some(seeds) = shared("seeds") else { return };
    let items = findings(&["--select", "names"], &seeds);
    assert!(items.is_empty(), "{items:#?}");
}

/// The clean corpus is professionally edited copy: every `names/` finding
/// there is a candidate false alarm (some are real slips in the original).
/// This keeps the rate where it was measured: 65 of 2,042 articles when the
/// family was written, most of them real inconsistencies in the original
/// copy (see README).
#[test]
fn clean_corpus_name_findings_stay_rare() {
    let Some(clean) = shared("corpus/clean") else {
        return;
    };
    let items = findings(&["--select", "names"], &clean);
    let mut articles: Vec<&str> = items.iter().map(|i| i["path"].as_str().unwrap()).collect();
    articles.dedup();
    eprintln!(
        "names/: {} findings in {} articles of the clean corpus",
        items.len(),
        articles.len()
    );
    assert!(
        articles.len() <= 70,
        "{} articles with a names/ finding",
        articles.len()
    );
    let first_reference = items
        .iter()
        .filter(|i| i["rule"] == "names/first-reference")
        .count();
    assert!(
        first_reference <= 12,
        "{first_reference} first-reference findings"
    );
}

/// The house list settles a name for every rule: when the article writes
/// the house spelling once in full and a plainer spelling twice on its
/// own, `names/consistency` calls the plain ones odd, never the house one.
/// Before, it "corrected" the house spelling, the house list put it back,
/// and `fix --unsafe-fixes` never settled.
#[test]
fn consistency_takes_the_house_spelling_as_the_usual_one() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    crate::support::write(
        &rules.join("names/chefs.yaml"),
        "kind: names\nseverity: error\nmessage: \"House spelling is '{canonical}', not '{found}'\"\ndescription: Chefs.\nentries:\n  - canonical: Tomás Ibáñez\nexamples:\n  - bad: \"Chef Tomas Ibanez cooked.\"\n  - good: \"Chef Tomás Ibáñez cooked.\"\n",
    );
    let article = dir.path().join("story.txt");
    let text = "Chef Tomás Ibáñez opened a field kitchen at the harbour on Monday.\n\n\
        Ibanez said the town had been generous. Volunteers cheered when Ibanez \
        arrived with the first vans.\n";
    std::fs::write(&article, text).unwrap();
    let rules_arg = rules.to_str().unwrap();
    let items = findings(&["--rules", rules_arg, "--select", "names"], &article);
    let found: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i["rule"].as_str().unwrap(), i["message"].as_str().unwrap()))
        .collect();
    let odd = (
        "names/consistency",
        "'Ibanez' is spelled 'Ibáñez' elsewhere in this article",
    );
    assert_eq!(found, [odd, odd]);

    let out = copydesk()
        .args(["fix", "--unsafe-fixes", "--rules", rules_arg])
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&article).unwrap(),
        text.replace("Ibanez", "Ibáñez")
    );
}

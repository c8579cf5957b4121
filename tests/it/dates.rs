//! The `dates/` family against real copy: the 559 weekday+date sentences of
//! `../shared/corpus/dates/weekday_date_sentences.tsv` (all consistent) must
//! pass silently, and each must be reported once only its weekday changes.
//! Run with `--nocapture` to see the figures.

use std::path::Path;

use copydesk::diagnostic::Diagnostic;
use copydesk::document::{Document, Format, ReadOptions};
use copydesk::rules::load::RuleSet;
use jiff::ToSpan;
use jiff::civil::Date;
use regex::Regex;

use crate::support::{copydesk, shared, stdout};

fn dates_rules() -> RuleSet {
    let mut set = crate::support::embedded_rules();
    set.retain(&["dates".to_string()], &[]);
    assert!(set.find("dates/weekday-mismatch").is_some());
    assert!(set.find("dates/impossible-date").is_some());
    set
}

fn check(rules: &RuleSet, text: &str, format: Format, date: Option<Date>) -> Vec<Diagnostic> {
    let read = ReadOptions {
        fallback_date: date,
        ..ReadOptions::default()
    };
    let doc = Document::parse("<test>", text.to_string(), format, &read);
    let mut out = Vec::new();
    for check in &rules.checks {
        check.check(&copydesk::checks::Context::new(&doc), &mut out);
    }
    out
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The weekday a match starts with: (0 = Monday, its byte length).
fn leading_weekday(text: &str) -> Option<(usize, usize)> {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let index = WEEKDAYS
        .iter()
        .position(|w| w.len() >= word.len() && word.len() >= 3 && w.starts_with(&word))?;
    Some((index, word.len()))
}

/// The same weekday word moved on by one day, in the same style (full name
/// or three-letter abbreviation).
fn next_weekday(word: &str, index: usize) -> String {
    let next = WEEKDAYS[(index + 1) % 7];
    if word.len() == WEEKDAYS[index].len() {
        next.to_string()
    } else {
        next[..3].to_string()
    }
}

/// Month and day of a match, read independently of copydesk's tables.
fn month_day(text: &str) -> Option<(i8, i8)> {
    let month = Regex::new(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)").unwrap();
    let day = Regex::new(r"\b([0-9]{1,2})(?:st|nd|rd|th)?\b").unwrap();
    let names = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = month.captures(text)?;
    let month = names.iter().position(|n| *n == &m[1])? as i8 + 1;
    let day: i8 = day.captures(text)?[1].parse().ok()?;
    Some((month, day))
}

/// Last year of each source's collection period (corpus PROVENANCE.md).
fn era_end(file: &str) -> i16 {
    let name = Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if name.starts_with("bbc_") {
        2005
    } else if name.starts_with("l3s_") {
        2008
    } else if name.starts_with("aeb_") {
        2019
    } else {
        2012
    }
}

struct Row {
    file: String,
    line: usize,
    found: String,
    year_date: Option<Date>,
    sentence: String,
}

fn rows(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.splitn(7, '\t').collect();
            let [_, file, number, found, date, _, sentence] = cols[..] else {
                return None;
            };
            Some(Row {
                file: file.to_string(),
                line: number.parse().ok()?,
                found: found.to_string(),
                year_date: date.parse().ok(),
                sentence: sentence.to_string(),
            })
        })
        .collect()
}

fn mismatch_at(found: &[Diagnostic], start: usize) -> bool {
    found
        .iter()
        .any(|d| &*d.rule == "dates/weekday-mismatch" && d.span.start as usize == start)
}

/// Each sentence with its year (given in the row, or chosen so the row's
/// weekday fits) must be silent, and flagged once its weekday moves a day.
#[test]
fn real_weekday_date_sentences_are_silent_and_flagged_when_mutated() {
    let Some(tsv) = shared("corpus/dates/weekday_date_sentences.tsv") else {
        return;
    };
    let rules = dates_rules();
    let rows = rows(&tsv);
    assert!(rows.len() > 500, "{} rows", rows.len());
    let mut false_alarms = Vec::new();
    let mut missed = Vec::new();
    let (mut with_year, mut without_year, mut numeric, mut flagged) = (0, 0, 0, 0);
    for row in &rows {
        let Some(at) = row.sentence.find(&row.found) else {
            panic!("match {:?} not in its sentence", row.found);
        };
        let (weekday, len) = leading_weekday(&row.found).expect("rows start with a weekday");
        // Numeric dates (1/15/2008) are month-first or day-first by country;
        // the default tables do not read them.
        if row.found.contains('/') {
            numeric += 1;
            continue;
        }
        // A year-less row gets the publication date its article would have
        // had: a few days before the date, in the latest year of its
        // source's period in which the row's weekday fits. The weekday picks
        // that year, so silence here is by construction; what these rows
        // test is reading the year from the publication date and noticing
        // the mutated weekday.
        let publication = match row.year_date {
            Some(_) => {
                with_year += 1;
                None
            }
            None => {
                without_year += 1;
                let (month, day) = month_day(&row.found).expect("a month and a day");
                let year = (era_end(&row.file) - 28..=era_end(&row.file))
                    .rev()
                    .find(|&y| {
                        Date::new(y, month, day)
                            .is_ok_and(|d| d.weekday().to_monday_zero_offset() as usize == weekday)
                    })
                    .expect("a year in which the weekday fits");
                Some(Date::new(year, month, day).unwrap() - 3.days())
            }
        };
        let found = check(&rules, &row.sentence, Format::Snippet, publication);
        if !found.is_empty() {
            false_alarms.push(format!("{:?}: {}", row.sentence, found[0].message));
        }
        let word = &row.found[..len];
        let mutated = format!(
            "{}{}{}",
            &row.sentence[..at],
            next_weekday(word, weekday),
            &row.sentence[at + len..]
        );
        let found = check(&rules, &mutated, Format::Snippet, publication);
        if mismatch_at(&found, at) {
            flagged += 1;
        } else {
            missed.push(format!("{:?}", &mutated[at..]));
        }
    }
    eprintln!(
        "weekday_date_sentences: {} rows: {with_year} with a year, {without_year} without, {numeric} numeric (not read); \
         {} silent; {flagged} flagged after changing the weekday, {} missed",
        rows.len(),
        rows.len() - numeric - false_alarms.len(),
        missed.len()
    );
    assert!(
        false_alarms.is_empty(),
        "false alarms:\n{}",
        false_alarms.join("\n")
    );
    assert!(missed.is_empty(), "not flagged:\n{}", missed.join("\n"));
    assert!(numeric <= 4, "{numeric} numeric rows");
}

/// The year-less rows read in their own article, with no publication date:
/// copydesk must stay silent, and flags a changed weekday only where the
/// article itself dates the story (a dateline, a dated weekday, a date line).
#[test]
fn year_less_rows_in_their_articles_use_only_the_articles_dates() {
    let (Some(tsv), Some(corpus)) = (
        shared("corpus/dates/weekday_date_sentences.tsv"),
        shared("corpus"),
    ) else {
        return;
    };
    let rules = dates_rules();
    let (mut read, mut flagged) = (0, 0);
    let mut false_alarms = Vec::new();
    for row in rows(&tsv).iter().filter(|r| r.year_date.is_none()) {
        let Ok(article) = std::fs::read_to_string(corpus.join(&row.file)) else {
            continue;
        };
        let Some(line_start) = line_offset(&article, row.line) else {
            continue;
        };
        let line_end = article[line_start..]
            .find('\n')
            .map_or(article.len(), |i| line_start + i);
        let Some(at) = article[line_start..line_end]
            .find(&row.found)
            .map(|i| line_start + i)
        else {
            continue;
        };
        read += 1;
        let on_line = |d: &&Diagnostic| (line_start..line_end).contains(&(d.span.start as usize));
        let found = check(&rules, &article, Format::Text, None);
        if let Some(d) = found.iter().find(on_line) {
            false_alarms.push(format!("{}:{}: {}", row.file, row.line, d.message));
        }
        let (weekday, len) = leading_weekday(&row.found).unwrap();
        let mutated = format!(
            "{}{}{}",
            &article[..at],
            next_weekday(&row.found[..len], weekday),
            &article[at + len..]
        );
        if mismatch_at(&check(&rules, &mutated, Format::Text, None), at) {
            flagged += 1;
        }
    }
    eprintln!(
        "year-less rows in their own articles: {read} read, {} silent, {flagged} flagged after changing the weekday (the rest have no year in the article)",
        read - false_alarms.len()
    );
    assert!(
        false_alarms.is_empty(),
        "false alarms:\n{}",
        false_alarms.join("\n")
    );
}

fn line_offset(text: &str, line: usize) -> Option<usize> {
    if line == 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
}

/// The published articles of the corpus have no wrong weekdays and no
/// impossible dates that anyone has found: every finding is a false alarm.
#[test]
fn clean_and_dirty_corpus_raise_no_date_findings() {
    let (Some(clean), Some(dirty)) = (shared("corpus/clean"), shared("corpus/dirty")) else {
        return;
    };
    let out = copydesk()
        .args(["check", "--select", "dates", "--format", "json"])
        .arg(&clean)
        .arg(&dirty)
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(findings.as_array().map(Vec::len), Some(0), "{findings:#}");
}

/// The seed stories' dates are right.
#[test]
fn seed_articles_have_no_date_findings() {
    let Some(seeds) = shared("seeds") else { return };
    let out = copydesk()
        .args(["check", "--select", "dates", "--format", "json"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out).trim(), "[]");
}

/// A desk adds a language by overriding the table-bearing rule; the other
/// rule of the family reads the new tables through `locales_from`, and both
/// keep their ids.
#[test]
fn a_language_added_in_yaml_reaches_both_rules() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules/dates");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("weekday-mismatch.yaml"),
        r#"kind: dates
report: weekday-mismatch
severity: error
message: "'{written}' ne correspond pas au {date} : c'est un {correction}"
description: Les jours de la semaine en français.
locales:
  - name: french
    weekdays:
      - [lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche]
    months:
      - [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
    ordinals: [er]
    connectors: [et, au, ou]
    dates:
      - "{day} {month}[ {year}]"
    weekday_dates:
      - "{weekday} {date}"
examples:
  - bad: "Le sommet s'est ouvert lundi 13 janvier 2026."
    fixed: "Le sommet s'est ouvert mardi 13 janvier 2026."
  - good: "Le sommet s'est ouvert mardi 13 janvier 2026."
"#,
    )
    .unwrap();
    let article = dir.path().join("sommet.txt");
    std::fs::write(
        &article,
        "Sommet à Nara\n\nLe sommet s'est ouvert lundi 13 janvier 2026.\nLa suite est prévue le 31 avril 2026.\n",
    )
    .unwrap();
    let out = copydesk()
        .args(["check", "--format", "json", "--select", "dates", "--rules"])
        .arg(dir.path().join("rules"))
        .arg(&article)
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let got: Vec<(String, String)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "dates/weekday-mismatch".to_string(),
                "'lundi' ne correspond pas au 13 janvier 2026 : c'est un mardi".to_string()
            ),
            (
                "dates/impossible-date".to_string(),
                "31 avril 2026 is not a real date: that month never has more than 30 days"
                    .to_string()
            ),
        ]
    );
}

//! The shipped tables, exercised on generated text: every day from 1900 to
//! 2100 in every template of every locale, with the right weekday (no
//! finding) and with a wrong one (a finding naming the real date).

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::calendar::{Anchors, weekday_index};
use super::locale::LocaleSpec;
use super::template::{Node, Template, Token};
use super::{Dates, DatesSpec, build};
use crate::rules::{RuleFile, RuleLibrary};

const WEEKDAY_MISMATCH: &str = include_str!("../../../rules/dates/weekday-mismatch.yaml");
const IMPOSSIBLE_DATE: &str = include_str!("../../../rules/dates/impossible-date.yaml");

fn shipped(id: &str) -> Dates {
    let mut library = RuleLibrary::default();
    library.insert(
        "dates/weekday-mismatch",
        "weekday-mismatch.yaml",
        WEEKDAY_MISMATCH,
    );
    library.insert(
        "dates/impossible-date",
        "impossible-date.yaml",
        IMPOSSIBLE_DATE,
    );
    let text = if id.ends_with("mismatch") {
        WEEKDAY_MISMATCH
    } else {
        IMPOSSIBLE_DATE
    };
    let file = RuleFile {
        id,
        origin: id,
        text,
        library: &library,
    };
    build(&file).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn rules_reading_one_file_share_its_compiled_tables() {
    let mut library = RuleLibrary::default();
    library.insert("dates/weekday-mismatch", "w.yaml", WEEKDAY_MISMATCH);
    library.insert("dates/impossible-date", "i.yaml", IMPOSSIBLE_DATE);
    let file = |id, text| RuleFile {
        id,
        origin: id,
        text,
        library: &library,
    };
    let owner = build(&file("dates/weekday-mismatch", WEEKDAY_MISMATCH)).unwrap();
    let reader = build(&file("dates/impossible-date", IMPOSSIBLE_DATE)).unwrap();
    assert!(std::sync::Arc::ptr_eq(&owner.locales, &reader.locales));
    // A rule compiled on its own keeps nothing for the next one.
    let alone = || build(&RuleFile::standalone("dates/w", "w.yaml", WEEKDAY_MISMATCH)).unwrap();
    assert!(!std::sync::Arc::ptr_eq(&alone().locales, &alone().locales));
}

/// What one rendered line says.
struct Values<'a> {
    weekday: &'a str,
    month: &'a str,
    date: Date,
    /// Write digits full-width, as Japanese copy often does.
    full_width: bool,
}

fn digits(n: i32, width: usize, full_width: bool) -> String {
    let ascii = format!("{n:0width$}");
    if full_width {
        ascii
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    } else {
        ascii
    }
}

/// Write `nodes` with every optional part (`optional`) or none.
fn render(nodes: &[Node], dates: &Template, values: &Values, optional: bool, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Space => out.push(' '),
            Node::Optional(inner) => {
                if optional {
                    render(inner, dates, values, optional, out);
                }
            }
            Node::Token(token) => {
                let d = values.date;
                let fw = values.full_width;
                match token {
                    Token::Weekday => out.push_str(values.weekday),
                    Token::Month => out.push_str(values.month),
                    Token::MonthNumber => out.push_str(&digits(d.month().into(), 1, fw)),
                    Token::Day => out.push_str(&digits(d.day().into(), 1, fw)),
                    Token::Year => out.push_str(&digits(d.year().into(), 4, fw)),
                    Token::Date => render(&dates.nodes, dates, values, optional, out),
                }
            }
        }
    }
}

fn every_day() -> Vec<Date> {
    let mut days = Vec::with_capacity(73_500);
    let mut day = date(1900, 1, 1);
    while day <= date(2100, 12, 31) {
        days.push(day);
        day = day.tomorrow().unwrap();
    }
    days
}

/// One way of writing a weekday beside a date: a locale's weekday template,
/// one of its date templates, and whether optional parts are written.
struct Format {
    locale: usize,
    pair: Template,
    date: Template,
    optional: bool,
}

impl Format {
    /// The year is on the page (else it comes from the publication date).
    fn has_year(&self) -> bool {
        self.optional || self.date.count(Token::Year) == (1, false)
    }
}

fn shipped_locales() -> Vec<LocaleSpec> {
    let spec: DatesSpec = RuleFile {
        id: "dates/weekday-mismatch",
        origin: "weekday-mismatch.yaml",
        text: WEEKDAY_MISMATCH,
        library: &RuleLibrary::default(),
    }
    .parse()
    .unwrap();
    let locales = spec.locales.expect("the shipped rule declares the tables");
    locales.value.into_iter().map(|l| l.value).collect()
}

/// Every supported format: each weekday template with each date template,
/// with and without its optional parts.
fn every_format(locales: &[LocaleSpec]) -> Vec<Format> {
    let mut formats = Vec::new();
    for (index, locale) in locales.iter().enumerate() {
        let templates = |list: &[crate::yaml::Spanned<String>]| -> Vec<Template> {
            list.iter()
                .map(|t| Template::parse(&t.value).unwrap())
                .collect()
        };
        for pair in templates(&locale.weekday_dates) {
            for date in templates(&locale.dates) {
                for optional in [true, false] {
                    formats.push(Format {
                        locale: index,
                        pair: pair.clone(),
                        date: date.clone(),
                        optional,
                    });
                }
            }
        }
    }
    formats
}

/// Write each (format, day) on a line of its own, read the text back, and
/// check every line: the date read is the date written, the right weekday
/// passes, and each of the six wrong weekdays is reported with that date.
fn check_lines(rule: &Dates, locales: &[LocaleSpec], lines: &[(&Format, Date)]) {
    let mut text = String::with_capacity(lines.len() * 40);
    let mut spans = Vec::with_capacity(lines.len());
    for (i, (format, day)) in lines.iter().enumerate() {
        let locale = &locales[format.locale];
        let weekday_row = &locale.weekdays[i % locale.weekdays.len()].value;
        let month_row = locale.months.get(i % locale.months.len().max(1));
        let values = Values {
            weekday: &weekday_row[usize::from(weekday_index(*day))],
            month: month_row.map_or("", |r| &r.value[day.month() as usize - 1]),
            date: *day,
            full_width: locale.months.is_empty() && i % 3 == 0,
        };
        let start = text.len();
        render(
            &format.pair.nodes,
            &format.date,
            &values,
            format.optional,
            &mut text,
        );
        spans.push(start..text.len());
        text.push_str(";\n");
    }
    let shown = |i: usize| {
        let format = lines[i].0;
        format!(
            "{:?} ({}, optional parts {})",
            &text[spans[i].clone()],
            locales[format.locale].name,
            format.optional
        )
    };
    let found = rule.mentions(&text, &vec![true; rule.locales.len()]);
    for (i, mention) in found.iter().enumerate() {
        let Ok(line) = spans.binary_search_by_key(&mention.range.start, |s| s.start) else {
            panic!("read {:?}, which is no line", &text[mention.range.clone()]);
        };
        assert_eq!(line, i, "{}: a line before it was not read", shown(line));
    }
    assert_eq!(found.len(), lines.len(), "lines not read");
    let none = Anchors::new(None, []);
    for (i, (mention, (format, day))) in found.iter().zip(lines).enumerate() {
        assert_eq!(mention.locale, format.locale, "{}", shown(i));
        assert_eq!(mention.range, spans[i], "{}", shown(i));
        assert_eq!(
            (mention.month, mention.day),
            (day.month() as u8, day.day() as u8),
            "{}",
            shown(i)
        );
        let anchors = if format.has_year() {
            assert_eq!(mention.year, Some(day.year()), "{}", shown(i));
            none.clone()
        } else {
            assert_eq!(mention.year, None, "{}", shown(i));
            Anchors::new(Some(*day - 3.days()), [])
        };
        let Some(written) = &mention.weekday else {
            panic!("{}: weekday not paired", shown(i));
        };
        assert_eq!(written.form.weekday, weekday_index(*day), "{}", shown(i));
        assert!(
            rule.contradiction(mention, &anchors).is_none(),
            "{}: false alarm",
            shown(i)
        );
        for shift in 1..7 {
            let mut wrong = mention.clone();
            if let Some(w) = &mut wrong.weekday {
                w.form.weekday = (written.form.weekday + shift) % 7;
            }
            assert_eq!(
                rule.contradiction(&wrong, &anchors).map(|(date, _)| date),
                Some(*day),
                "{} written {shift} day(s) later",
                shown(i)
            );
        }
    }
}

/// Every day from 1900 to 2100, each written in the next format in turn
/// (so each format meets about 700 days spread over the two centuries).
#[test]
fn every_day_from_1900_to_2100() {
    let rule = shipped("dates/weekday-mismatch");
    let locales = shipped_locales();
    let formats = every_format(&locales);
    let days = every_day();
    assert_eq!(days.len(), 73_414);
    let lines: Vec<(&Format, Date)> = days
        .iter()
        .enumerate()
        .map(|(i, day)| (&formats[i % formats.len()], *day))
        .collect();
    check_lines(&rule, &locales, &lines);
}

/// Every format with every day of the year (Feb. 29 in leap years only),
/// in years spread over 1900-2100.
#[test]
fn every_format_with_every_day_of_the_year() {
    let rule = shipped("dates/weekday-mismatch");
    let locales = shipped_locales();
    let formats = every_format(&locales);
    // English, Japanese and Korean: each weekday template with each date
    // template, with and without optional parts.
    assert!(formats.len() >= 60, "{} formats", formats.len());
    let leap_years: Vec<i16> = (1904..=2096).step_by(4).collect();
    let mut lines = Vec::new();
    for (f, format) in formats.iter().enumerate() {
        let mut day = date(2024, 1, 1);
        for k in 0..366 {
            let year = if (day.month(), day.day()) == (2, 29) {
                leap_years[(f + k) % leap_years.len()]
            } else {
                1900 + ((f * 53 + k * 37) % 201) as i16
            };
            lines.push((format, day.with().year(year).build().unwrap()));
            day = day.tomorrow().unwrap();
        }
    }
    check_lines(&rule, &locales, &lines);
}

/// What the weekday-mismatch rule reports for `text` read as a snippet with
/// publication date `date`: the source text of each finding.
fn flagged(text: &str, date: Option<&str>) -> Vec<String> {
    use crate::checks::Check;
    use crate::document::{Document, Format, ReadOptions};
    let read = ReadOptions {
        fallback_date: date.map(|d| d.parse().unwrap()),
        ..ReadOptions::default()
    };
    let doc = Document::parse("<test>", text.to_string(), Format::Snippet, &read);
    let mut out = Vec::new();
    shipped("dates/weekday-mismatch").check(&crate::checks::Context::new(&doc), &mut out);
    out.iter().map(|d| doc.slice(d.span).to_string()).collect()
}

#[test]
fn lists_and_ranges_pair_only_what_belongs_together() {
    let date = Some("2026-01-05");
    // Each weekday beside its own date is checked.
    assert_eq!(
        flagged("Monday, Jan. 12, and Wednesday, Jan. 13", date),
        ["Wednesday"]
    );
    assert_eq!(
        flagged("from Monday, Jan. 12 through Thursday, Jan. 16", date),
        ["Thursday"]
    );
    assert_eq!(flagged("Mon., Jan. 12-Thu., Jan. 16", date), ["Thu."]);
    // A weekday before a list or range of days, or after another weekday.
    for silent in [
        "Sunday, Jan. 12-13",
        "Sunday, Jan. 12 – 13",
        "Sunday, Jan. 12 and 13",
        "Sunday, Jan. 12, 13 and 14",
        "Sunday, Jan. 12 to 14",
        "Monday and Tuesday, Jan. 12 and 13",
        "Monday or Tuesday, Jan. 12",
        "Monday-Tuesday, Jan. 12-13",
        "Monday through Wednesday, Jan. 12",
        "Jan. 13 (Monday-Tuesday)",
        "12 and 13 January (Monday)",
    ] {
        assert!(flagged(silent, date).is_empty(), "{silent}");
    }
    // A time after the date is no list.
    for time in [
        "Sunday, Jan. 13, 10 a.m.",
        "Sunday, Jan. 13, 10 am",
        "Sunday, Jan. 13, 10:30",
        "Sunday, Jan. 13 - 2 p.m.",
    ] {
        assert_eq!(flagged(time, date), ["Sunday"], "{time}");
    }
}

#[test]
fn names_and_numbers_are_not_dates() {
    let date = Some("2026-01-20");
    for silent in [
        "The Sun, Jan. 12, said so.",
        "the Baltimore Sun Jan. 12 edition",
        "Friday, May 5,000 people marched.",
        "Friday, May 5.5 percent",
        "Friday, March 2026 figures",
        "Monday, Jan. 13, 2025-26 season",
        "Tuesdays, Jan. 13 and 20",
        "Wednesday's Jan. 13 meeting",
        "SundayJan. 13",
        "xMonday, Jan. 13",
    ] {
        assert!(flagged(silent, date).is_empty(), "{silent}");
    }
    // A bare abbreviation at the start of a line, or after lower-case text,
    // is a weekday.
    assert_eq!(flagged("Sun, Jan. 13", date), ["Sun"]);
    assert_eq!(flagged("tickets for Sat 13 Jan", date), ["Sat"]);
    assert_eq!(flagged("Tuesday June 20,2011", None), ["Tuesday"]);
}

#[test]
fn odd_input_never_panics_and_spans_stay_on_character_boundaries() {
    use crate::checks::Check;
    use crate::document::{Document, Format, ReadOptions};
    let pieces = [
        "Tuesday", "Tues.", "Sun", "Jan.", "May", "13", "2026", "29", "Feb.", ",", " ", "(", ")",
        "-", "–", "年", "月", "日", "（", "火", "）", "１", "월", "일", "화", "요일", "\n", "a.m.",
        "and", "é", "5,000", "0", "99", ".", "the", "~", "\u{a0}",
    ];
    let rules = [
        shipped("dates/weekday-mismatch"),
        shipped("dates/impossible-date"),
    ];
    let read = ReadOptions {
        fallback_date: Some(date(2026, 1, 14)),
        ..ReadOptions::default()
    };
    // A fixed linear congruential sequence: the same "random" texts each run.
    let mut seed: u64 = 0x2026_0113;
    for _ in 0..3_000 {
        let mut text = String::new();
        for _ in 0..(seed % 40) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let doc = Document::parse("<odd>", text.clone(), Format::Text, &read);
        let mut out = Vec::new();
        for rule in &rules {
            rule.check(&crate::checks::Context::new(&doc), &mut out);
        }
        for d in &out {
            assert!(
                text.is_char_boundary(d.span.start as usize)
                    && text.is_char_boundary(d.span.end as usize)
                    && d.span.start < d.span.end,
                "{text:?}: {:?}",
                d.span
            );
        }
    }
}

proptest::proptest! {
    /// The gate never turns a locale away from text its finder matches.
    #[test]
    fn the_gate_lets_through_whatever_the_finder_matches(
        text in "([0-9]{1,4}|[０-９]{1,2}|[0-9]{1,4}\\. |[0-9０-９]{1,2}[/年月日년월일]|[ .,/\\-()（）]|火|화|요일|Tuesday|Jan\\.|13th|[a-z]{1,3}|\n){0,24}"
    ) {
        let dates = shipped("dates/weekday-mismatch");
        for locale in dates.locales.iter() {
            if locale.finder.is_match(&text) {
                proptest::prop_assert!(locale.gate.may_match(&text), "{}: {text:?}", locale.name);
            }
        }
    }
}

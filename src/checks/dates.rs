//! ## What it does
//! Reads dates as a newsroom writes them, in every language the rule's
//! `locales` tables declare, and reports one kind of defect per rule
//! (`report:`):
//!
//! - `weekday-mismatch`: a weekday written beside a date it does not fall on
//!   ("Monday, Jan. 13, 2026" — a Tuesday). The message names the real
//!   weekday, a label marks the date, and the fix rewrites the weekday.
//! - `impossible-date`: a date no calendar has: April 31, Feb. 30, Feb. 29
//!   in a year that is not a leap year, day 0 or 32.
//!
//! A date written without a year ("Tuesday, Sept. 8") takes it from the
//! publication date (front matter `date`/`publish_date`/`published`, else
//! `--date`), else from the article's own dates that place the story in
//! time: a dateline, a dated headline or date line, or a full date written
//! with its weekday (a date in passing, "lost there on 16 January 1996", is
//! often history and gives no year). Within two months of that anchor a
//! date has one reading: in late December "Jan. 2" is the coming January.
//! Further out it has two ("Sept. 8" in January: last September or the
//! coming one), and a weekday that fits either is accepted. With no source
//! for the year copydesk says nothing: it never guesses from the clock.
//!
//! A weekday is compared with a date only when it refers to it: not when it
//! is one of a list or range ("Monday and Tuesday, Jan. 12 and 13", "Monday,
//! Jan. 12-13"), nor when a bare abbreviation is a name ("The Sun, Jan. 12").
//! Numbers that run on ("May 5,000", "March 2026", "Jan. 13, 2025-26") are
//! not dates. A weekday on its own ("met on Tuesday") is never reported:
//! AP style writes a bare weekday for the week around publication, and
//! weekday plus date further out; neither is a contradiction. (Nor does
//! copydesk note explicit dates after publication in past-tense text: tense
//! cannot be read reliably enough from a sentence to be worth an editor's
//! time.)
//!
//! ## Why
//! A wrong weekday beside a date is the most common factual slip in news
//! copy: a reporter updates one and not the other. Readers notice, and
//! nobody can tell which of the two was meant.
//!
//! ## Example
//! One rule file declares the tables; the other rules of the family name it
//! with `locales_from` instead of repeating them, so a desk adds a language
//! in one place. Each rule keeps its own id, severity and message.
//!
//! ```yaml
//! # rules/dates/weekday-mismatch.yaml
//! kind: dates
//! report: weekday-mismatch
//! severity: error
//! message: "'{written}' does not match {date}: {iso} is a {actual}"
//! description: A weekday beside a date it does not fall on.
//! locales:
//!   - name: english
//!     weekdays:                 # rows of seven, Monday first; a fix keeps the row
//!       - [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday]
//!       - [Mon., Tues., Wed., Thurs., Fri., Sat., Sun.]
//!     months:                   # rows of twelve, January first
//!       - [January, February, March, April, May, June, July, August,
//!          September, October, November, December]
//!       - [Jan., Feb., March, April, May, June, July, Aug., Sept., Oct., Nov., Dec.]
//!     ordinals: [st, nd, rd, th]
//!     connectors: [and, or, to, through]   # words that make lists and ranges
//!     dates:                    # {month} {month_number} {day} {year}; [..] optional
//!       - "{month} {day}[[,] {year}]"
//!       - "{day}[ of] {month}[[,] {year}]"
//!     weekday_dates:            # {weekday} beside any of `dates`
//!       - "{weekday}[,] {date}"
//!       - "{date} ({weekday})"
//! examples:
//!   - bad: "The council met on Monday, Jan. 13, 2026."
//!     flags: ["Monday"]
//!     fixed: "The council met on Tuesday, Jan. 13, 2026."
//!   - good: "The council met on Tuesday, Jan. 13, 2026."
//!
//! # rules/dates/impossible-date.yaml
//! kind: dates
//! report: impossible-date
//! locales_from: dates/weekday-mismatch
//! severity: error
//! message: "{date} is not a real date: {reason}"
//! description: Dates no calendar has.
//! examples:
//!   - bad: "The deadline is April 31."
//!   - good: "The deadline is April 30."
//! ```
//!
//! In templates a space is one or more spaces, `[...]` is optional, `\x` is a
//! literal `x`. `weekday-mismatch` messages may use `{written}` (the weekday
//! as written), `{actual}` (the real weekday, in English), `{correction}`
//! (the real weekday as the locale writes it, in the written style), `{date}`
//! (as written) and `{iso}` (the date read, year included);
//! `impossible-date` messages `{date}` and `{reason}`.
//!
//! ## Fix safety
//! `weekday-mismatch` offers an unsafe fix that rewrites the weekday in the
//! same style ("Tues." → "Wed."): either the weekday or the date may be what
//! is wrong, and only the reporter knows which. `impossible-date` has no fix.

mod calendar;
mod finder;
mod gate;
mod locale;
mod matcher;
mod scan;
mod template;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;

use self::calendar::{Anchors, YearSource};
use self::locale::{Locale, LocaleSpec};
use self::scan::{Mention, TimeOfDay};
use super::text::match_case;
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Label};
use crate::document::{Block, BlockKind};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

rule_spec! {
    pub struct DatesSpec {
        pub report: Report,
        #[serde(default)]
        pub locales: Option<Spanned<Vec<Spanned<LocaleSpec>>>>,
        #[serde(default)]
        pub locales_from: Option<Spanned<String>>,
    }
}

/// Which defect a `dates` rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    WeekdayMismatch,
    ImpossibleDate,
}

impl Report {
    fn placeholders(self) -> &'static [&'static str] {
        match self {
            Report::WeekdayMismatch => &["written", "actual", "correction", "date", "iso"],
            Report::ImpossibleDate => &["date", "reason"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Report::WeekdayMismatch => "weekday-mismatch",
            Report::ImpossibleDate => "impossible-date",
        }
    }
}

/// The keys read from the rule that `locales_from` names; the rest of that
/// file is its own business (and is checked when it is compiled itself).
#[derive(Debug, Deserialize)]
struct SharedTables {
    #[serde(default)]
    locales: Option<Spanned<Vec<Spanned<LocaleSpec>>>>,
}

pub static KIND: Kind = Kind {
    name: "dates",
    placeholders: &["written", "actual", "correction", "date", "iso", "reason"],
    source: include_str!("dates.rs"),
    compile,
};

struct Dates {
    meta: RuleMeta,
    report: Report,
    /// Shared with the other rules reading the same tables.
    locales: Arc<Vec<Locale>>,
    /// Identifies the locale tables: rules reading the same tables (one
    /// names the other's with `locales_from`) find the same dates, so the
    /// article is read for them once.
    tables_key: u64,
    time: TimeOfDay,
}

/// The key of the tables declared by rule `owner` (rule ids are unique in
/// a run, and a rule's tables are compiled the same for every rule).
fn tables_key(owner: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    owner.hash(&mut hasher);
    hasher.finish()
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    Ok(Box::new(build(file)?))
}

fn build(file: &RuleFile) -> Result<Dates, RuleError> {
    let spec: DatesSpec = file.parse()?;
    for name in super::placeholders(&spec.message.value) {
        if !spec.report.placeholders().contains(&name) {
            return Err(file.error_at(
                &spec.message,
                format!(
                    "`{{{name}}}` is not filled by `report: {}`; it fills {}",
                    spec.report.name(),
                    spec.report
                        .placeholders()
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    let (locales, tables_key) = match (&spec.locales, &spec.locales_from) {
        (Some(locales), None) => (
            file.shared(|| locale::compile_all(file, locales))?,
            tables_key(file.id),
        ),
        (None, Some(from)) => shared_locales(file, from)?,
        (Some(locales), Some(_)) => {
            return Err(file.error_at(locales, "give `locales` or `locales_from`, not both"));
        }
        (None, None) => {
            return Err(file.error(
                "a `dates` rule needs `locales` (month and weekday tables) or `locales_from: <rule id>` naming the rule that declares them",
            ));
        }
    };
    let meta = KIND.meta(file, spec.common())?;
    Ok(Dates {
        meta,
        report: spec.report,
        locales,
        tables_key,
        time: TimeOfDay::new(),
    })
}

/// The tables of the rule `from` names, compiled for this rule, and their
/// key.
fn shared_locales(
    file: &RuleFile,
    from: &Spanned<String>,
) -> Result<(Arc<Vec<Locale>>, u64), RuleError> {
    let id = from.value.trim();
    if id == file.id {
        return Err(file.error_at(from, "`locales_from` names this rule itself"));
    }
    let Some(owner) = file.sibling(id) else {
        return Err(file.error_at(
            from,
            format!("`locales_from` names `{id}`, which is not among the loaded rules"),
        ));
    };
    let broken = |_| {
        file.error_at(
            from,
            format!("the locale tables of `{id}` do not load (its own error says why)"),
        )
    };
    let tables: SharedTables = owner.parse().map_err(broken)?;
    let Some(locales) = tables.locales else {
        return Err(file.error_at(
            from,
            format!("`{id}` declares no `locales`; name the rule that does"),
        ));
    };
    let compiled = owner
        .shared(|| locale::compile_all(&owner, &locales))
        .map_err(broken)?;
    Ok((compiled, tables_key(id)))
}

impl Check for Dates {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let found = cx.memo(self.tables_key, || {
            // A locale whose marks are nowhere in the article (no "月" in
            // English copy) is not asked about each paragraph.
            let article = &doc.prose().text;
            let present: Vec<bool> = self
                .locales
                .iter()
                .map(|locale| locale.gate.may_match(article))
                .collect();
            doc.blocks
                .iter()
                .enumerate()
                .flat_map(|(index, block)| {
                    self.mentions(block.text(), &present)
                        .into_iter()
                        .map(move |m| (index, m))
                })
                .collect::<Vec<(usize, Mention)>>()
        });
        let found: Vec<(&Block, &Mention)> = found
            .iter()
            .map(|(index, m)| (&doc.blocks[*index], m))
            .collect();
        let first_body = doc.body().next();
        let written = found.iter().filter_map(|(block, m)| {
            let year = m.year?;
            let first = first_body.is_some_and(|b| std::ptr::eq(b, *block));
            if !dates_the_story(block, first, m) {
                return None;
            }
            calendar::date(year, m.month, m.day).ok()
        });
        let anchors = Anchors::new(doc.publication_date, written);
        for (block, mention) in &found {
            let finding = match self.report {
                Report::WeekdayMismatch => self.weekday_mismatch(block, mention, &anchors),
                Report::ImpossibleDate => self.impossible_date(block, mention, &anchors),
            };
            out.extend(finding);
        }
    }
}

/// Whether a full date may give its year to the article's year-less dates.
/// A date in passing ("lost to them on 16 January 1996") is often history;
/// the story's own time shows in a dateline, a headline, a date line of its
/// own ("Published Monday, Nov. 18, 2019"), or a date written with its
/// weekday, as news copy writes the days it reports.
fn dates_the_story(block: &Block, first_body_block: bool, mention: &Mention) -> bool {
    const DATELINE_BYTES: usize = 80;
    mention.with_weekday
        || block.kind == BlockKind::Headline
        || (first_body_block && mention.range.start < DATELINE_BYTES)
        || block.text().trim().len() < DATELINE_BYTES
}

impl Dates {
    /// Every date in `text`, read by every locale `present` allows; where
    /// two locales read overlapping text, the one that starts first (then
    /// the longer) wins.
    fn mentions(&self, text: &str, present: &[bool]) -> Vec<Mention> {
        let mut all: Vec<Mention> = self
            .locales
            .iter()
            .enumerate()
            .filter(|&(i, _)| present[i])
            .flat_map(|(i, locale)| scan::mentions(locale, i, &self.time, text))
            .collect();
        if self.locales.len() > 1 {
            all.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
            let mut end = 0;
            all.retain(|m| {
                let keep = m.range.start >= end;
                if keep {
                    end = m.range.end;
                }
                keep
            });
        }
        all
    }

    /// The date a paired weekday contradicts in every year the date may be
    /// in (the nearest first), with where its year came from.
    fn contradiction(&self, mention: &Mention, anchors: &Anchors) -> Option<(Date, YearSource)> {
        let written = mention.weekday.as_ref()?;
        let fits = |d: &Date| calendar::weekday_index(*d) == written.form.weekday;
        if let Some(year) = mention.year {
            let date = calendar::date(year, mention.month, mention.day).ok()?;
            return (!fits(&date)).then_some((date, YearSource::Written));
        }
        calendar::possible_in_some_year(mention.month, mention.day).ok()?;
        let dates: Vec<Date> = anchors
            .years_for(mention.month, mention.day)
            .into_iter()
            .filter_map(|y| calendar::date(y, mention.month, mention.day).ok())
            .collect();
        if dates.iter().any(fits) {
            return None;
        }
        Some((*dates.first()?, anchors.source))
    }

    fn weekday_mismatch(
        &self,
        block: &Block,
        mention: &Mention,
        anchors: &Anchors,
    ) -> Option<Diagnostic> {
        let written = mention.weekday.as_ref()?;
        let (date, source) = self.contradiction(mention, anchors)?;
        let locale = &self.locales[mention.locale];
        let text = block.text();
        let written_text = &text[written.range.clone()];
        let actual = calendar::weekday_index(date);
        let actual_name = calendar::weekday_name(date);
        let replacement = match_case(written_text, locale.weekday_name(actual, written.form.row));
        let date_text = &text[mention.date.clone()];
        let iso = date.to_string();
        let span = block.span(written.range.clone());
        let label = Label {
            span: block.span(mention.date.clone()),
            message: format!("{iso} is a {actual_name}{}", source.note()),
        };
        let fix = Fix::replace(
            format!("Change '{written_text}' to '{replacement}'"),
            span,
            replacement.clone(),
            Applicability::Unsafe,
        );
        Some(self.meta.diagnostic_with(
            span,
            &[
                ("written", written_text),
                ("actual", &actual_name),
                ("correction", &replacement),
                ("date", date_text),
                ("iso", &iso),
            ],
            vec![label],
            Some(fix),
        ))
    }

    fn impossible_date(
        &self,
        block: &Block,
        mention: &Mention,
        anchors: &Anchors,
    ) -> Option<Diagnostic> {
        let problem = match mention.year {
            Some(year) => calendar::date(year, mention.month, mention.day).err()?,
            None => match calendar::possible_in_some_year(mention.month, mention.day) {
                Err(problem) => problem,
                // Feb. 29 without a year: impossible only if every year it
                // may be in is a common year.
                Ok(()) => {
                    let years = anchors.years_for(mention.month, mention.day);
                    let first = *years.first()?;
                    if years
                        .iter()
                        .any(|y| calendar::date(*y, mention.month, mention.day).is_ok())
                    {
                        return None;
                    }
                    let reason = calendar::date(first, mention.month, mention.day).err()?;
                    return Some(self.impossible(block, mention, &reason, anchors.source));
                }
            },
        };
        if problem.needs_certainty() && !mention.certain() {
            return None;
        }
        Some(self.impossible(block, mention, &problem, YearSource::Written))
    }

    fn impossible(
        &self,
        block: &Block,
        mention: &Mention,
        problem: &calendar::Impossible,
        source: YearSource,
    ) -> Diagnostic {
        let text = block.text();
        let reason = format!("{}{}", problem.reason(), source.note());
        self.meta.diagnostic(
            block.span(mention.date.clone()),
            &[("date", &text[mention.date.clone()]), ("reason", &reason)],
        )
    }
}

//! A language's names and ways of writing dates, as the rule file declares
//! them (`locales:`), validated and compiled into one regex per language.

use std::collections::HashMap;

use regex::Regex;
use serde::Deserialize;

use super::finder::Finder;
use super::gate::Gate;
use super::matcher::{self, Lexicon, Names, Parts};
use super::template::{DIGIT, Template, Token, Vocabulary, alternation};
use super::template::{date_regex, weekday_date_regex};
use crate::checks::text::build_regex;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

/// One `locales:` entry of a rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleSpec {
    pub name: String,
    /// Rows of seven names, Monday first; each row is one way of writing
    /// all seven (full names, AP abbreviations, ...). A fix keeps the row.
    pub weekdays: Vec<Spanned<Vec<String>>>,
    /// Rows of twelve month names, January first. Empty for a language that
    /// writes months as numbers (`1月`).
    #[serde(default)]
    pub months: Vec<Spanned<Vec<String>>>,
    /// Suffixes written after a day number (`st`, `nd`, `rd`, `th`).
    #[serde(default)]
    pub ordinals: Vec<String>,
    /// Words that join days or weekdays into lists and ranges (`and`,
    /// `through`); punctuation (`, & / - – — ~`) always does.
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Templates for a date on its own.
    pub dates: Vec<Spanned<String>>,
    /// Templates for a weekday written beside a date; `{date}` is any of
    /// `dates`.
    #[serde(default)]
    pub weekday_dates: Vec<Spanned<String>>,
}

/// How a weekday form was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdayForm {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// The row of the table it comes from, so a fix writes the same style.
    pub row: usize,
    /// An abbreviation with no period ("Sun", "Sat"), which is also an
    /// ordinary word or a newspaper's name.
    pub loose: bool,
}

/// A compiled locale.
pub struct Locale {
    pub name: String,
    /// Every `weekday_dates` template, then every `dates` template, as one
    /// regex without capture groups (the fastest kind to run over long text).
    pub finder: Finder,
    /// Says where `finder` cannot match, cheaply.
    pub gate: Gate,
    /// The same templates (`true` for a bare date), to read a match's parts.
    templates: Vec<(Template, bool)>,
    dates: Vec<Template>,
    lexicon: Lexicon<WeekdayForm>,
    weekday_rows: Vec<Vec<String>>,
    /// A weekday and a connector ending the text before a weekday: the
    /// weekday is one of a list or range ("Monday and Tuesday, Jan. 12").
    pub weekday_list_before: Regex,
    /// A day number and a connector ending the text before a date that
    /// starts with its day ("12 and 13 January").
    pub day_list_before: Regex,
    /// A connector and a day number starting the text after a date ("-13",
    /// " and 14"). The match ends after the number.
    pub day_list_after: Regex,
}

impl Locale {
    /// The parts of `matched`, text the finder matched.
    pub fn parts(&self, matched: &str) -> Option<Parts<WeekdayForm>> {
        // The finder takes, at a given start, the first template that
        // matches; the first template matching exactly this text is that one.
        matcher::read(&self.lexicon, &self.templates, &self.dates, matched)
    }

    /// The name of `weekday` in `row` (falling back to the first row).
    pub fn weekday_name(&self, weekday: u8, row: usize) -> &str {
        let row = self.weekday_rows.get(row).or(self.weekday_rows.first());
        row.and_then(|r| r.get(usize::from(weekday)))
            .map_or("", String::as_str)
    }
}

/// Validate and compile the `locales` of `file`.
pub fn compile_all(
    file: &RuleFile,
    locales: &Spanned<Vec<Spanned<LocaleSpec>>>,
) -> Result<Vec<Locale>, RuleError> {
    if locales.value.is_empty() {
        return Err(file.error_at(locales, "`locales` needs at least one locale"));
    }
    let mut compiled: Vec<Locale> = Vec::new();
    for spec in &locales.value {
        if compiled.iter().any(|l| l.name == spec.value.name) {
            return Err(file.error_at(
                spec,
                format!("locale `{}` is declared twice", spec.value.name),
            ));
        }
        compiled.push(compile(file, spec)?);
    }
    Ok(compiled)
}

fn compile(file: &RuleFile, spanned: &Spanned<LocaleSpec>) -> Result<Locale, RuleError> {
    let spec = &spanned.value;
    if spec.name.trim().is_empty() {
        return Err(file.error_at(spanned, "a locale needs a `name`"));
    }
    if spec.weekdays.is_empty() {
        return Err(file.error_at(spanned, format!("locale `{}` needs `weekdays`", spec.name)));
    }
    let weekday_forms = forms(file, &spec.weekdays, 7, "weekdays", "a weekday")?;
    let month_forms = forms(file, &spec.months, 12, "months", "a month")?;
    let weekday_forms: HashMap<String, WeekdayForm> = weekday_forms
        .into_iter()
        .map(|(text, (weekday, row))| {
            let loose = row > 0 && !text.ends_with('.');
            let form = WeekdayForm {
                weekday: weekday as u8,
                row,
                loose,
            };
            (text, form)
        })
        .collect();
    let month_forms: HashMap<String, u8> = month_forms
        .into_iter()
        .map(|(text, (month, _))| (text, month as u8 + 1))
        .collect();
    for list in [&spec.ordinals, &spec.connectors] {
        if list.iter().any(|s| s.trim().is_empty()) {
            return Err(file.error_at(
                spanned,
                format!(
                    "locale `{}` has an empty entry in `ordinals` or `connectors`",
                    spec.name
                ),
            ));
        }
    }

    if spec.dates.is_empty() {
        return Err(file.error_at(
            spanned,
            format!(
                "locale `{}` needs at least one template in `dates`",
                spec.name
            ),
        ));
    }
    let mut dates = Vec::new();
    for source in &spec.dates {
        let template = Template::parse(&source.value).map_err(|e| file.error_at(source, e))?;
        validate_date(&template, !month_forms.is_empty()).map_err(|e| file.error_at(source, e))?;
        dates.push(template);
    }
    let mut pairs = Vec::new();
    for source in &spec.weekday_dates {
        let template = Template::parse(&source.value).map_err(|e| file.error_at(source, e))?;
        validate_pair(&template).map_err(|e| file.error_at(source, e))?;
        pairs.push(template);
    }

    let vocabulary = Vocabulary {
        weekday: alternation(weekday_forms.keys().map(String::as_str)),
        month: alternation(month_forms.keys().map(String::as_str)),
        ordinal: if spec.ordinals.is_empty() {
            String::new()
        } else {
            alternation(spec.ordinals.iter().map(String::as_str))
        },
    };
    // Pairs first: where a pair and a bare date start at the same place, the
    // regex takes the first template that matches.
    let finder: Vec<String> = pairs
        .iter()
        .map(|pair| weekday_date_regex(&vocabulary, pair, &dates))
        .chain(dates.iter().map(|date| date_regex(&vocabulary, date)))
        .map(|alternative| format!("(?:{alternative})"))
        .collect();
    let finder = Finder::new(&finder.join("|")).map_err(|e| {
        file.error_at(
            spanned,
            format!("locale `{}` does not compile: {e}", spec.name),
        )
    })?;
    let templates = pairs
        .into_iter()
        .map(|pair| (pair, false))
        .chain(dates.iter().cloned().map(|date| (date, true)))
        .collect();

    let connector = connector_pattern(&spec.connectors);
    let ordinal = if vocabulary.ordinal.is_empty() {
        String::new()
    } else {
        format!("{}?", vocabulary.ordinal)
    };
    let weekday_list_before = format!(
        r"(?:\A|[^\p{{L}}\p{{N}}]){}\s*{connector}\z",
        vocabulary.weekday
    );
    let day_list_before =
        format!(r"(?:\A|[^\p{{L}}\p{{N}}]){DIGIT}{{1,2}}{ordinal}\s*{connector}\z");
    let day_list_after = format!(r"\A\s*{connector}{DIGIT}{{1,2}}");
    let context = |pattern: &str| {
        build_regex(pattern, false).map_err(|e| {
            file.error_at(
                spanned,
                format!("locale `{}` connectors do not compile: {e}", spec.name),
            )
        })
    };
    Ok(Locale {
        name: spec.name.clone(),
        finder,
        gate: Gate::new(&dates, !spec.ordinals.is_empty()),
        templates,
        dates,
        lexicon: Lexicon {
            weekdays: Names::new(weekday_forms),
            months: Names::new(month_forms),
            ordinals: Names::new(spec.ordinals.iter().map(|o| (o.clone(), ()))),
        },
        weekday_rows: spec.weekdays.iter().map(|r| r.value.clone()).collect(),
        weekday_list_before: context(&weekday_list_before)?,
        day_list_before: context(&day_list_before)?,
        day_list_after: context(&day_list_after)?,
    })
}

/// What joins two days or weekdays: a comma (perhaps with a word), a word,
/// or a dash, slash, ampersand or tilde.
fn connector_pattern(words: &[String]) -> String {
    let punctuation = r"[&/~～〜・\-–—]\s*";
    if words.is_empty() {
        return format!(r"(?:,\s*|{punctuation})");
    }
    let words = alternation(words.iter().map(String::as_str));
    format!(r"(?:,\s*(?:{words}\s+)?|{words}\s+|{punctuation})")
}

/// Every form of a name table (with its capitalised and upper-case
/// variants, for headlines and sentence starts) → (column, row).
fn forms(
    file: &RuleFile,
    rows: &[Spanned<Vec<String>>],
    width: usize,
    key: &str,
    what: &str,
) -> Result<HashMap<String, (usize, usize)>, RuleError> {
    let mut out: HashMap<String, (usize, usize)> = HashMap::new();
    for (row_index, row) in rows.iter().enumerate() {
        if row.value.len() != width {
            return Err(file.error_at(
                row,
                format!(
                    "each row of `{key}` has {width} names, in order; this one has {}",
                    row.value.len()
                ),
            ));
        }
        for (column, name) in row.value.iter().enumerate() {
            let name = name.trim();
            if name.is_empty() {
                return Err(file.error_at(row, format!("empty name in `{key}`")));
            }
            for variant in [name.to_string(), capitalised(name), name.to_uppercase()] {
                match out.get(&variant) {
                    Some(&(other, _)) if other != column => {
                        return Err(file.error_at(
                            row,
                            format!(
                                "`{variant}` names {what} in column {} and in column {} of `{key}`",
                                other + 1,
                                column + 1
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        out.insert(variant, (column, row_index));
                    }
                }
            }
        }
    }
    Ok(out)
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn validate_date(template: &Template, has_month_names: bool) -> Result<(), String> {
    let (days, day_optional) = template.count(Token::Day);
    let (months, month_optional) = template.count(Token::Month);
    let (numbers, number_optional) = template.count(Token::MonthNumber);
    let (years, _) = template.count(Token::Year);
    if days != 1 || day_optional {
        return Err("a date template needs `{day}` exactly once, not inside `[...]`".into());
    }
    if months + numbers != 1 || month_optional || number_optional {
        return Err(
            "a date template needs one `{month}` or `{month_number}`, not inside `[...]`".into(),
        );
    }
    if months == 1 && !has_month_names {
        return Err("`{month}` needs month names: this locale has no `months`".into());
    }
    if years > 1 {
        return Err("a date template has at most one `{year}`".into());
    }
    for token in [Token::Weekday, Token::Date] {
        if template.count(token).0 > 0 {
            return Err(format!(
                "`{{{}}}` belongs in `weekday_dates`, not in `dates`",
                token.name()
            ));
        }
    }
    Ok(())
}

fn validate_pair(template: &Template) -> Result<(), String> {
    for token in [Token::Weekday, Token::Date] {
        let (count, optional) = template.count(token);
        if count != 1 || optional {
            return Err(format!(
                "a weekday_dates template needs `{{{}}}` exactly once, not inside `[...]`",
                token.name()
            ));
        }
    }
    for token in [Token::Month, Token::MonthNumber, Token::Day, Token::Year] {
        if template.count(token).0 > 0 {
            return Err(format!(
                "`{{{}}}` belongs in a `dates` template; write `{{date}}` here",
                token.name()
            ));
        }
    }
    Ok(())
}

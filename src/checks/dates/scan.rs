//! Finding dates, and weekdays written beside them, in a block's text.
//!
//! The locale regex proposes; the checks here dispose. A match is dropped
//! when it is part of a longer number or word ("May 5,000", "March 2026",
//! "2025-26"), and a weekday is not paired with its date when the two may
//! not refer to each other: a list or range of weekdays or days ("Monday and
//! Tuesday, Jan. 12 and 13", "Jan. 12-13"), or an abbreviation that is also
//! a name ("The Sun, Jan. 12").

use std::ops::Range;

use regex::Regex;

use super::locale::{Locale, WeekdayForm};
use super::matcher::{Parts, is_digit};

/// A weekday as written beside a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenWeekday {
    pub form: WeekdayForm,
    pub range: Range<usize>,
}

/// A date found in text, with the weekday that goes with it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Which locale read it (index into the rule's locales).
    pub locale: usize,
    /// The whole expression, weekday included.
    pub range: Range<usize>,
    /// The date alone.
    pub date: Range<usize>,
    /// The weekday that refers to this date; `None` when there is none or
    /// when it may refer to another day of a list or range.
    pub weekday: Option<WrittenWeekday>,
    pub year: Option<i16>,
    /// 1 = January.
    pub month: u8,
    /// As written: may be 0 or more than 31.
    pub day: u8,
    /// Written with a weekday beside it, whether or not the weekday refers
    /// to this very date.
    pub with_weekday: bool,
}

impl Mention {
    /// Written with a weekday or a year beside it: it cannot be anything but
    /// a date, even with a day number no month has.
    pub fn certain(&self) -> bool {
        self.year.is_some() || self.with_weekday
    }
}

/// Spots the time of day after a number ("10 a.m.", "10:30"), so "Tuesday,
/// Jan. 13, 10 a.m." is not read as a list of days.
pub struct TimeOfDay(Regex);

impl TimeOfDay {
    pub fn new() -> TimeOfDay {
        TimeOfDay(
            Regex::new(r"\A\s*(?:[aApP]\.?\s?[mM](?:\.|\b)|[:.][0-9]|h\b|o'clock\b)")
                .expect("a fixed pattern"),
        )
    }

    fn follows(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

/// Every date of `locale` in `text`, in order, none overlapping.
pub fn mentions(
    locale: &Locale,
    locale_index: usize,
    time: &TimeOfDay,
    text: &str,
) -> Vec<Mention> {
    let mut out = Vec::new();
    if !locale.gate.may_match(text) {
        return out;
    }
    let mut at = 0;
    while at < text.len() {
        // A match inside a longer word or number is none: starts that go on
        // from the word or number before them are not even tried, and an
        // end that runs into what follows is turned away first (cheaply).
        let Some(found) = locale
            .finder
            .find_at(text, at, |start| opens_alone(text, start))
        else {
            break;
        };
        let start = found.start;
        let mention = closes_alone(text, &found)
            .then(|| locale.parts(&text[found.clone()]))
            .flatten()
            .and_then(|parts| read(locale, locale_index, time, text, found.clone(), &parts));
        match mention {
            Some(mention) => {
                at = found.end;
                out.push(mention);
            }
            // Something else may start inside the rejected match.
            None => at = next_char(text, start),
        }
    }
    out
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len(), |c| at + c.len_utf8())
}

/// A mention from the parts of a match at `range`, or `None` when the
/// match is not a date after all.
fn read(
    locale: &Locale,
    locale_index: usize,
    time: &TimeOfDay,
    text: &str,
    range: Range<usize>,
    parts: &Parts<WeekdayForm>,
) -> Option<Mention> {
    let matched = &text[range.clone()];
    let shift = |r: &Range<usize>| range.start + r.start..range.start + r.end;
    let date = shift(parts.date.as_ref()?);
    let day = number(&matched[parts.day.clone()?])?;
    let month = match (parts.month_name, &parts.month_number) {
        (Some(month), _) => u32::from(month),
        (None, Some(digits)) => number(&matched[digits.clone()])?,
        (None, None) => return None,
    };
    if !(1..=12).contains(&month) {
        return None;
    }
    let year = match &parts.year {
        Some(digits) => Some(i16::try_from(number(&matched[digits.clone()])?).ok()?),
        None => None,
    };
    // "2025-26": the year is the start of a range of years, not this date's.
    let year_ends_date = parts
        .year
        .as_ref()
        .is_some_and(|y| shift(y).end == date.end);
    if year_ends_date && starts_range_of_numbers(&text[date.end..]) {
        return None;
    }
    let weekday = parts.weekday.as_ref().map(|(r, form)| WrittenWeekday {
        form: *form,
        range: shift(r),
    });
    let with_weekday = weekday.is_some();
    let weekday = weekday.filter(|w| refers_to_date(locale, time, text, &range, &date, w));
    Some(Mention {
        locale: locale_index,
        range,
        date,
        weekday,
        year,
        month: month as u8,
        day: u8::try_from(day).ok()?,
        with_weekday,
    })
}

/// The match at `range` does not run on into the word or number after it.
fn closes_alone(text: &str, range: &Range<usize>) -> bool {
    let Some(last) = text[range.clone()].chars().next_back() else {
        return false;
    };
    let mut after = text[range.end..].chars();
    after
        .next()
        .is_none_or(|next| apart(last, next, after.next()))
}

/// What starts at `start` does not go on from a word or number before it:
/// a match starting there may stand alone.
fn opens_alone(text: &str, start: usize) -> bool {
    let Some(first) = text[start..].chars().next() else {
        return false;
    };
    let mut before = text[..start].chars().rev();
    before
        .next()
        .is_none_or(|previous| apart(first, previous, before.next()))
}

/// Whether a match's `edge` character and its `neighbour` outside it (with
/// `beyond` past that) belong to different words or numbers: "2013
/// January", "A13 March", "3.13 March", "May 5,000", "Jan. 13a" and
/// "xTuesday" do not stand apart.
fn apart(edge: char, neighbour: char, beyond: Option<char>) -> bool {
    if is_digit(edge) {
        let decimal = matches!(neighbour, '.' | ',' | ':') && beyond.is_some_and(is_digit);
        !(is_digit(neighbour) || neighbour.is_ascii_alphabetic() || decimal)
    } else {
        !runs_together(neighbour, edge)
    }
}

/// Two neighbouring characters that would make one word: letters or digits
/// of scripts that put spaces between words ("xTuesday", "Tuesdays").
fn runs_together(a: char, b: char) -> bool {
    let wordy = |c: char| c.is_alphanumeric() && !is_cjk(c);
    wordy(a) && wordy(b)
}

/// Whether the weekday of a pair refers to its date, rather than being one
/// of several weekdays or days joined into a list or range.
fn refers_to_date(
    locale: &Locale,
    time: &TimeOfDay,
    text: &str,
    range: &Range<usize>,
    date: &Range<usize>,
    weekday: &WrittenWeekday,
) -> bool {
    let before_weekday = window_before(text, weekday.range.start);
    let after_weekday = window_after(text, weekday.range.end);
    // "Monday-Tuesday", "Mon/Tue", "(Tuesday-Wednesday)"; a range mark
    // before the weekday counts only after another weekday (below), since
    // "Published - Sunday, Dec. 30, 2007" is no range.
    if starts_range_of_words(after_weekday) {
        return false;
    }
    // "The Sun, Jan. 12", "Baltimore Sun": a bare abbreviation after a
    // capitalised word or "the" on the same line is a name.
    if weekday.form.loose && follows_name_word(before_weekday) {
        return false;
    }
    if weekday.range.start < date.start {
        // "Monday and Tuesday, Jan. 12 and 13"
        if locale.weekday_list_before.is_match(before_weekday) {
            return false;
        }
        // "Monday, Jan. 12-13", "Tuesday, Jan. 13, 14 and 15", but not
        // "Tuesday, Jan. 13, 10 a.m."
        let after_date = window_after(text, date.end);
        if let Some(list) = locale.day_list_after.find(after_date) {
            let rest = &after_date[list.end()..];
            let whole_number = !rest.chars().next().is_some_and(is_digit);
            if whole_number && !time.follows(rest) {
                return false;
            }
        }
    } else if date.start == range.start
        && text[date.clone()].chars().next().is_some_and(is_digit)
        && locale
            .day_list_before
            .is_match(window_before(text, date.start))
    {
        // "12 and 13 January (Tuesday)"
        return false;
    }
    true
}

/// The text ends with "the" or a capitalised word, then spaces (not a line
/// break, and no punctuation that ends a sentence or a clause).
fn follows_name_word(before: &str) -> bool {
    let tail = before.trim_end_matches([' ', '\t', '\u{a0}']);
    if tail.len() == before.len() {
        return false;
    }
    let Some(previous) = tail.split_whitespace().next_back() else {
        return false;
    };
    if tail.ends_with(|c: char| c.is_whitespace() || c.is_ascii_punctuation()) {
        return false;
    }
    previous.eq_ignore_ascii_case("the") || previous.chars().next().is_some_and(char::is_uppercase)
}

/// Lists and ranges are short: the context read around a match is at most
/// this many bytes each side, which keeps the scan linear.
const CONTEXT_BYTES: usize = 64;

/// Up to [`CONTEXT_BYTES`] of text before `at`, cut on a character boundary.
fn window_before(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Up to [`CONTEXT_BYTES`] of text after `at`, cut on a character boundary.
fn window_after(text: &str, at: usize) -> &str {
    let mut end = (at + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

fn starts_range_of_numbers(after: &str) -> bool {
    let mut chars = after.chars();
    matches!(
        chars.next(),
        Some('-' | '–' | '—' | '/' | '~' | '～' | '〜')
    ) && chars.next().is_some_and(is_digit)
}

fn starts_range_of_words(after: &str) -> bool {
    let mut chars = after.chars();
    matches!(
        chars.next(),
        Some('-' | '–' | '—' | '/' | '~' | '～' | '〜' | '・')
    ) && chars.next().is_some_and(char::is_alphabetic)
}

/// A number written in ASCII or full-width digits.
pub fn number(digits: &str) -> Option<u32> {
    let mut value: u32 = 0;
    for c in digits.chars() {
        let digit = c
            .to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))?;
        value = value.checked_mul(10)?.checked_add(digit)?;
    }
    Some(value)
}

/// Chinese characters, kana and Hangul: words run together without spaces,
/// so a date may touch the next word ("13日に", "13일에").
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

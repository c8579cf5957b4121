//! A cheap test that a locale cannot find a date in a text, so its finder
//! need not run there.
//!
//! A locale's finder is one regex whose every match starts at a digit or a
//! name; in news copy digits are everywhere, so each locale's finder starts
//! a search at nearly every number. Most articles are in one language, and
//! the other locales' templates all need some literal text that the
//! article never writes that way: `月` between two numbers, `월` after one,
//! a `/` or a spaced `.` between numbers. The gate looks for those marks
//! with `memchr` and lets the finder run only where one is found.
//!
//! Every date template of the locale must have such a mark (a literal piece
//! outside `[...]`); every weekday template holds a `{date}` outside
//! `[...]` (the rule file is validated so), so it holds one too. When a
//! template has no mark (`{month} {day}`), the locale has no mark gate.
//!
//! Before the marks, digits: when every date template writes a number
//! outside `[...]` (a day, a month number or a year), text without a digit
//! holds none of the locale's dates. That turns the English finder away
//! from the many paragraphs of a story that hold no number.

use memchr::memmem::Finder;

use super::matcher::is_digit;
use super::template::{Node, Template, Token};

/// Where a date template's mark stands next to numbers.
struct Mark {
    text: Finder<'static>,
    /// The template writes a number right before the mark.
    digit_before: bool,
    /// The template writes a number right after the mark.
    digit_after: bool,
    /// The template writes spaces, then a number, right after the mark.
    spaced_digit_after: bool,
}

/// What every date of a locale holds: a digit (when every template writes
/// a number), and one of the templates' marks (`None` when a template has
/// none).
pub struct Gate {
    marks: Option<Vec<Mark>>,
    /// Every date of the locale holds a digit.
    needs_digit: bool,
}

impl Gate {
    /// The gate of a locale with these date templates (its weekday
    /// templates hold one of these) and ordinal suffixes.
    pub fn new(dates: &[Template], has_ordinals: bool) -> Gate {
        let marks = dates
            .iter()
            .map(|date| mark(date, has_ordinals))
            .collect::<Option<Vec<Mark>>>();
        let needs_digit = dates.iter().all(|date| {
            [Token::Day, Token::MonthNumber, Token::Year]
                .into_iter()
                .any(|token| matches!(date.count(token), (1.., false)))
        });
        Gate { marks, needs_digit }
    }

    /// False only when `text` lacks a digit the locale's dates need, or no
    /// template's mark is in it the way that template writes it: the
    /// locale's finder cannot match there.
    pub fn may_match(&self, text: &str) -> bool {
        if self.needs_digit && !has_digit(text) {
            return false;
        }
        let Some(marks) = &self.marks else {
            return true;
        };
        marks.iter().any(|mark| {
            mark.text
                .find_iter(text.as_bytes())
                .any(|at| mark.fits(text, at, at + mark.text.needle().len()))
        })
    }
}

impl Mark {
    fn fits(&self, text: &str, start: usize, end: usize) -> bool {
        if self.digit_before && !text[..start].chars().next_back().is_some_and(is_digit) {
            return false;
        }
        let after = &text[end..];
        if self.digit_after && !after.chars().next().is_some_and(is_digit) {
            return false;
        }
        if self.spaced_digit_after {
            let rest = after.trim_start_matches(char::is_whitespace);
            if rest.len() == after.len() || !rest.chars().next().is_some_and(is_digit) {
                return false;
            }
        }
        true
    }
}

/// Whether `text` holds an ASCII or a full-width digit.
fn has_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A chunk at a time with no early exit inside, which compiles to vector
    // instructions: this runs over every paragraph.
    let ascii = bytes.chunks(32).any(|chunk| {
        chunk
            .iter()
            .fold(false, |seen, &b| seen | (b.wrapping_sub(b'0') < 10))
    });
    // Full-width digits are U+FF10 to U+FF19: EF BC 90 to EF BC 99.
    ascii
        || memchr::memchr_iter(0xEF, bytes).any(|at| {
            bytes.get(at + 1) == Some(&0xBC) && matches!(bytes.get(at + 2), Some(0x90..=0x99))
        })
}

/// A number token, and whether its text ends with a digit.
fn number(node: Option<&Node>, has_ordinals: bool) -> Option<bool> {
    match node? {
        Node::Token(Token::Year | Token::MonthNumber) => Some(true),
        // A day may end in an ordinal suffix ("13th").
        Node::Token(Token::Day) => Some(!has_ordinals),
        _ => None,
    }
}

/// The first literal piece outside `[...]`, with the numbers around it.
fn mark(date: &Template, has_ordinals: bool) -> Option<Mark> {
    let nodes = &date.nodes;
    let at = nodes.iter().position(|n| matches!(n, Node::Text(_)))?;
    let Node::Text(text) = &nodes[at] else {
        return None;
    };
    let digit_before = at
        .checked_sub(1)
        .and_then(|before| number(nodes.get(before), has_ordinals))
        .unwrap_or(false);
    let digit_after = number(nodes.get(at + 1), has_ordinals).is_some();
    let spaced_digit_after = matches!(nodes.get(at + 1), Some(Node::Space))
        && number(nodes.get(at + 2), has_ordinals).is_some();
    Some(Mark {
        text: Finder::new(text.as_bytes()).into_owned(),
        digit_before,
        digit_after,
        spaced_digit_after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(dates: &[&str], ordinals: bool) -> Gate {
        let dates: Vec<Template> = dates.iter().map(|d| Template::parse(d).unwrap()).collect();
        Gate::new(&dates, ordinals)
    }

    #[test]
    fn a_template_without_a_mark_leaves_the_locale_ungated() {
        let g = gate(
            &["{month} {day}[[,] {year}]", "{year}-{month_number}-{day}"],
            true,
        );
        assert!(g.may_match("no marks, but 7 numbers"));
    }

    #[test]
    fn marks_count_only_where_the_template_puts_numbers() {
        let g = gate(
            &[
                "[{year}年]{month_number}月{day}日",
                "{year}/{month_number}/{day}",
            ],
            false,
        );
        assert!(g.may_match("2026年1月13日"));
        assert!(g.may_match("on 2026/1/13"));
        assert!(g.may_match("１月１３日"));
        for quiet in ["and/or 24 / 7", "open 24/ 7", "今月の予定", "no marks here"] {
            assert!(!g.may_match(quiet), "{quiet}");
        }
        let spaced = gate(&["{year}. {month_number}. {day}[.]"], false);
        assert!(spaced.may_match("2026. 1. 13."));
        for quiet in [
            "It rose 3.5 percent. Then 4 more.",
            "In 2026.5 people",
            "2026.\n",
        ] {
            assert!(!spaced.may_match(quiet), "{quiet}");
        }
    }

    #[test]
    fn text_without_a_digit_holds_no_date_that_needs_one() {
        let g = gate(&["{month} {day}[[,] {year}]"], true);
        assert!(!g.may_match("On Tuesday the council met."));
        assert!(g.may_match("On Jan. 13 the council met."));
        assert!(g.may_match("On Jan. １３ the council met."));
        let year_optional = gate(&["{month} [{day}]"], false);
        assert!(year_optional.may_match("In January the council met."));
    }

    #[test]
    fn an_ordinal_day_before_the_mark_needs_no_digit_there() {
        let g = gate(&["{day}/{month_number}"], true);
        assert!(g.may_match("13th/5"));
    }
}

//! Reads the parts of a match (weekday, day, month, year) by walking the
//! templates over the matched text, the way the regex reads them: earlier
//! alternatives first, optional parts and longer numbers tried before
//! shorter. Regex capture groups would do the same, but with all the names
//! of a language in one pattern they cost microseconds per match; this walk
//! touches only the few characters of the match.

use std::ops::Range;

use super::template::{Node, Template, Token};

/// Literal forms (weekday or month names, ordinal suffixes) with what each
/// stands for, looked up by their first two bytes.
#[derive(Debug, Clone)]
pub struct Names<T: Copy> {
    /// Indexed by first byte.
    buckets: Vec<Bucket<T>>,
}

/// Per second byte (`None` for a one-byte form), the forms, longest first.
type Bucket<T> = Vec<Group<T>>;
type Group<T> = (Option<u8>, Vec<(String, T)>);

impl<T: Copy> Names<T> {
    pub fn new(forms: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut buckets: Vec<Bucket<T>> = vec![Vec::new(); 256];
        for (form, value) in forms {
            let bytes = form.as_bytes();
            let Some(&first) = bytes.first() else {
                continue;
            };
            let second = bytes.get(1).copied();
            let bucket = &mut buckets[usize::from(first)];
            match bucket.iter_mut().find(|(b, _)| *b == second) {
                Some((_, list)) => list.push((form, value)),
                None => bucket.push((second, vec![(form, value)])),
            }
        }
        for bucket in &mut buckets {
            for (_, list) in bucket.iter_mut() {
                list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
            }
        }
        Names { buckets }
    }

    /// The forms `text` starts with, longest first: (byte length, value).
    fn prefixes<'n>(&'n self, text: &'n str) -> impl Iterator<Item = (usize, T)> + 'n {
        let bytes = text.as_bytes();
        let bucket: &[Group<T>] = match bytes.first() {
            Some(&first) => &self.buckets[usize::from(first)],
            None => &[],
        };
        let second = bytes.get(1).copied();
        // Forms of two bytes or more share their second byte with the text;
        // one-byte forms (second byte `None`) are the shortest, so last.
        let longer = bucket
            .iter()
            .filter(move |(b, _)| b.is_some() && *b == second);
        let one_byte = bucket.iter().filter(|(b, _)| b.is_none());
        longer
            .chain(one_byte)
            .flat_map(|(_, list)| list.iter())
            .filter(move |(form, _)| bytes.starts_with(form.as_bytes()))
            .map(|(form, value)| (form.len(), *value))
    }
}

/// What the matcher needs of a locale.
pub struct Lexicon<W: Copy> {
    pub weekdays: Names<W>,
    /// Month names → 1 = January.
    pub months: Names<u8>,
    pub ordinals: Names<()>,
}

/// The parts of one match, as byte ranges into the matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<W> {
    pub date: Option<Range<usize>>,
    pub weekday: Option<(Range<usize>, W)>,
    /// A month written as a name: 1 = January.
    pub month_name: Option<u8>,
    pub month_number: Option<Range<usize>>,
    pub day: Option<Range<usize>>,
    pub year: Option<Range<usize>>,
}

impl<W> Default for Parts<W> {
    fn default() -> Self {
        Parts {
            date: None,
            weekday: None,
            month_name: None,
            month_number: None,
            day: None,
            year: None,
        }
    }
}

/// Read all of `text` as the first of `templates` that matches it whole.
pub fn read<W: Copy>(
    lexicon: &Lexicon<W>,
    templates: &[(Template, bool)],
    dates: &[Template],
    text: &str,
) -> Option<Parts<W>> {
    let walker = Walker {
        lexicon,
        dates,
        text,
    };
    templates.iter().find_map(|(template, is_date)| {
        let mut parts = Parts::default();
        let matched = if *is_date {
            walker.nodes(
                &template.nodes,
                &Then::CloseDate(0, &Then::End),
                0,
                &mut parts,
            )
        } else {
            walker.nodes(&template.nodes, &Then::End, 0, &mut parts)
        };
        matched.then_some(parts)
    })
}

/// What comes after the nodes being matched.
enum Then<'a> {
    /// The end of the text.
    End,
    Nodes(&'a [Node], &'a Then<'a>),
    /// The end of a `{date}` that started at this offset.
    CloseDate(usize, &'a Then<'a>),
}

struct Walker<'a, W: Copy> {
    lexicon: &'a Lexicon<W>,
    dates: &'a [Template],
    text: &'a str,
}

impl<W: Copy> Walker<'_, W> {
    fn then(&self, then: &Then, at: usize, parts: &mut Parts<W>) -> bool {
        match then {
            Then::End => at == self.text.len(),
            Then::Nodes(nodes, next) => self.nodes(nodes, next, at, parts),
            Then::CloseDate(start, next) => {
                let saved = parts.date.replace(*start..at);
                self.then(next, at, parts) || {
                    parts.date = saved;
                    false
                }
            }
        }
    }

    fn nodes(&self, nodes: &[Node], then: &Then, at: usize, parts: &mut Parts<W>) -> bool {
        let Some((node, rest)) = nodes.split_first() else {
            return self.then(then, at, parts);
        };
        let text = &self.text[at..];
        match node {
            Node::Text(literal) => {
                text.starts_with(literal.as_str())
                    && self.nodes(rest, then, at + literal.len(), parts)
            }
            Node::Space => {
                let spaces: usize = text
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .map(char::len_utf8)
                    .sum();
                spaces > 0 && self.nodes(rest, then, at + spaces, parts)
            }
            Node::Optional(inner) => {
                self.nodes(inner, &Then::Nodes(rest, then), at, parts)
                    || self.nodes(rest, then, at, parts)
            }
            Node::Token(Token::Weekday) => {
                self.lexicon
                    .weekdays
                    .prefixes(text)
                    .into_iter()
                    .any(|(len, w)| {
                        let saved = parts.weekday.replace((at..at + len, w));
                        self.nodes(rest, then, at + len, parts) || {
                            parts.weekday = saved;
                            false
                        }
                    })
            }
            Node::Token(Token::Month) => {
                self.lexicon
                    .months
                    .prefixes(text)
                    .into_iter()
                    .any(|(len, month)| {
                        let saved = parts.month_name.replace(month);
                        self.nodes(rest, then, at + len, parts) || {
                            parts.month_name = saved;
                            false
                        }
                    })
            }
            Node::Token(Token::MonthNumber) => digit_runs(text, 1, 2).any(|len| {
                let saved = parts.month_number.replace(at..at + len);
                self.nodes(rest, then, at + len, parts) || {
                    parts.month_number = saved;
                    false
                }
            }),
            Node::Token(Token::Year) => digit_runs(text, 4, 4).any(|len| {
                let saved = parts.year.replace(at..at + len);
                self.nodes(rest, then, at + len, parts) || {
                    parts.year = saved;
                    false
                }
            }),
            Node::Token(Token::Day) => digit_runs(text, 1, 2).any(|len| {
                let saved = parts.day.replace(at..at + len);
                let after = at + len;
                let suffixes = self.lexicon.ordinals.prefixes(&self.text[after..]);
                let found = suffixes
                    .map(|(suffix, ())| suffix)
                    .chain([0])
                    .any(|suffix| self.nodes(rest, then, after + suffix, parts));
                found || {
                    parts.day = saved;
                    false
                }
            }),
            Node::Token(Token::Date) => {
                let after = Then::Nodes(rest, then);
                self.dates
                    .iter()
                    .any(|date| self.nodes(&date.nodes, &Then::CloseDate(at, &after), at, parts))
            }
        }
    }
}

/// Byte lengths of the runs of `min` to `max` (at most 4) digits `text`
/// starts with, longest first (as a greedy regex tries them).
fn digit_runs(text: &str, min: usize, max: usize) -> impl Iterator<Item = usize> {
    // ends[n - 1] is the byte length of n digits.
    let mut ends = [0usize; 4];
    let mut count = 0;
    let mut len = 0;
    for c in text.chars().take(max.min(ends.len())) {
        if !is_digit(c) {
            break;
        }
        len += c.len_utf8();
        ends[count] = len;
        count += 1;
    }
    (min.max(1)..=count).rev().map(move |n| ends[n - 1])
}

/// The digits of the template language's numbers (`template::DIGIT`).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon<u8> {
        let names =
            |forms: &[(&str, u8)]| Names::new(forms.iter().map(|(f, v)| (f.to_string(), *v)));
        Lexicon {
            weekdays: names(&[("Tue", 1), ("Tues.", 1), ("Tuesday", 1), ("Sun", 6)]),
            months: names(&[("Jan.", 1), ("Jan", 1), ("March", 3)]),
            ordinals: Names::new(["st", "nd", "rd", "th"].map(|s| (s.to_string(), ()))),
        }
    }

    fn parse(templates: &[&str]) -> Vec<Template> {
        templates
            .iter()
            .map(|t| Template::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn reads_weekday_day_month_year_and_the_date_span() {
        let dates = parse(&["{month} {day}[[,] {year}]", "{day}[ of] {month}"]);
        let pairs = parse(&["{weekday}[,] {date}"]);
        let templates: Vec<(Template, bool)> = pairs
            .into_iter()
            .map(|t| (t, false))
            .chain(dates.iter().cloned().map(|t| (t, true)))
            .collect();
        let text = "Tues., Jan. 13, 2026";
        let parts = read(&lexicon(), &templates, &dates, text).unwrap();
        assert_eq!(parts.weekday, Some((0..5, 1)));
        assert_eq!(parts.date, Some(7..text.len()));
        assert_eq!(parts.month_name, Some(1));
        assert_eq!(&text[parts.day.unwrap()], "13");
        assert_eq!(&text[parts.year.unwrap()], "2026");

        let text = "Sun 13th of March";
        let parts = read(&lexicon(), &templates, &dates, text).unwrap();
        assert_eq!(parts.weekday, Some((0..3, 6)));
        assert_eq!(&text[parts.day.unwrap()], "13");
        assert_eq!(parts.year, None);

        // A bare date is read by its own template, its whole text the date.
        let text = "Jan 3";
        let parts = read(&lexicon(), &templates, &dates, text).unwrap();
        assert_eq!(parts.weekday, None);
        assert_eq!(parts.date, Some(0..5));

        assert_eq!(read(&lexicon(), &templates, &dates, "Tue, Jan. 13 x"), None);
    }

    #[test]
    fn a_failed_optional_part_leaves_nothing_behind() {
        let dates = parse(&["{day}[ {year}x] {month}"]);
        let templates = vec![(dates[0].clone(), true)];
        let parts = read(&lexicon(), &templates, &dates, "12 2026 March");
        assert_eq!(parts, None);
        let parts = read(&lexicon(), &templates, &dates, "12 2026x March").unwrap();
        assert_eq!(parts.year, Some(3..7));
        let parts = read(&lexicon(), &templates, &dates, "12 March").unwrap();
        assert_eq!(parts.year, None);
    }

    #[test]
    fn digit_runs_are_longest_first() {
        let runs = |text, min, max| digit_runs(text, min, max).collect::<Vec<_>>();
        assert_eq!(runs("123", 1, 2), [2, 1]);
        assert_eq!(runs("2026", 4, 4), [4]);
        assert!(runs("202", 4, 4).is_empty());
        assert_eq!(runs("１３日", 1, 2), [6, 3]);
        assert!(runs("x", 1, 2).is_empty());
    }
}

//! Calendar questions, all answered by jiff: which year a year-less date
//! falls in, and why a date cannot exist.

use jiff::civil::Date;

/// How far from an anchor (publication date or a dated mention) a year-less
/// date may fall in a neighbouring year and still be read in it. A date
/// within about two months of publication has one reading ("Jan. 2" in late
/// December is the coming January); one further away has two ("Sept. 8" in
/// January may be last September or the coming one), and a weekday that
/// fits either is accepted.
const WINDOW_DAYS: i64 = 300;

/// A year-less date this close to an anchor is read in the year that puts it
/// there, and in no other.
const NEAR_DAYS: i64 = 60;

/// An article whose written dates span more years than this (a history, a
/// timeline) gives no safe year to a date written without one.
const MAX_ARTICLE_YEARS: usize = 4;

/// Where a date's year came from, for the reader of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSource {
    Written,
    Publication,
    Article,
}

impl YearSource {
    pub fn note(self) -> &'static str {
        match self {
            YearSource::Written => "",
            YearSource::Publication => " (year from the publication date)",
            YearSource::Article => " (year from the article's dated mentions)",
        }
    }
}

/// What a year-less date is read against: the publication date when there is
/// one, otherwise the full dates written in the article.
#[derive(Debug, Clone)]
pub struct Anchors {
    /// Sorted, without duplicates.
    dates: Vec<Date>,
    /// Each anchor year once.
    years: Vec<i16>,
    pub source: YearSource,
}

impl Anchors {
    pub fn new(publication: Option<Date>, written: impl IntoIterator<Item = Date>) -> Anchors {
        let (mut dates, source) = match publication {
            Some(date) => (vec![date], YearSource::Publication),
            None => (written.into_iter().collect(), YearSource::Article),
        };
        dates.sort();
        dates.dedup();
        let mut years: Vec<i16> = dates.iter().map(|d| d.year()).collect();
        years.dedup();
        if source == YearSource::Article && years.len() > MAX_ARTICLE_YEARS {
            dates.clear();
            years.clear();
        }
        Anchors {
            dates,
            years,
            source,
        }
    }

    /// The years in which `month`/`day` may fall, read against the anchors.
    /// A date within [`NEAR_DAYS`] of an anchor has that one reading ("Jan.
    /// 2" in late December is the coming January). Otherwise every year
    /// within [`WINDOW_DAYS`] of an anchor is a reading, the anchor's own
    /// year first (news copy leaves out the current year). Empty when
    /// nothing gives a year: copydesk never guesses from the clock.
    pub fn years_for(&self, month: u8, day: u8) -> Vec<i16> {
        // (in another year than its anchor, days from it, year)
        let mut found: Vec<(bool, i64, i16)> = Vec::new();
        for &anchor_year in &self.years {
            for year in [anchor_year - 1, anchor_year, anchor_year + 1] {
                if found.iter().any(|&(_, _, y)| y == year) {
                    continue;
                }
                let Some(date) = nearest_real_date(year, month, day) else {
                    continue;
                };
                if let Some((distance, anchor)) = self.nearest(date)
                    && distance <= WINDOW_DAYS
                {
                    found.push((anchor.year() != year, distance, year));
                }
            }
        }
        if let Some(&(_, _, year)) = found
            .iter()
            .filter(|(_, distance, _)| *distance <= NEAR_DAYS)
            .min_by_key(|(_, distance, _)| *distance)
        {
            return vec![year];
        }
        found.sort();
        found.into_iter().map(|(_, _, year)| year).collect()
    }

    /// The anchor nearest `date`, and how many days away it is.
    fn nearest(&self, date: Date) -> Option<(i64, Date)> {
        let after = self.dates.partition_point(|d| *d < date);
        let neighbours = [after.checked_sub(1), Some(after)];
        neighbours
            .into_iter()
            .flatten()
            .filter_map(|i| self.dates.get(i))
            .map(|anchor| {
                (
                    (date.duration_since(*anchor).as_hours() / 24).abs(),
                    *anchor,
                )
            })
            .min()
    }
}

/// `year-month-day`, or the month's last day when the month is shorter (so
/// "Feb. 29" can be placed in a year before asking whether it exists there).
fn nearest_real_date(year: i16, month: u8, day: u8) -> Option<Date> {
    let first = Date::new(year, month as i8, 1).ok()?;
    let day = (day as i8).clamp(1, first.days_in_month());
    Date::new(year, month as i8, day).ok()
}

/// Why a month and day cannot be a date in any year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Impossible {
    DayZero,
    /// No month has this many days.
    NoSuchDay(u8),
    /// The month never has this day (April 31, Feb. 30).
    MonthTooShort {
        longest: i8,
    },
    /// Feb. 29 in a year that is not a leap year.
    NotLeapYear(i16),
}

impl Impossible {
    pub fn reason(&self) -> String {
        match self {
            Impossible::DayZero => "there is no day 0".to_string(),
            Impossible::NoSuchDay(day) => format!("no month has {day} days"),
            Impossible::MonthTooShort { longest } => {
                format!("that month never has more than {longest} days")
            }
            Impossible::NotLeapYear(year) => format!("{year} is not a leap year"),
        }
    }

    /// A day number no month has can also be a count ("May 40"), so it only
    /// counts when the text is certainly a date.
    pub fn needs_certainty(&self) -> bool {
        matches!(self, Impossible::DayZero | Impossible::NoSuchDay(_))
    }
}

/// Whether `month`/`day` exists in some year (Feb. 29 does, in leap years).
pub fn possible_in_some_year(month: u8, day: u8) -> Result<(), Impossible> {
    if day == 0 {
        return Err(Impossible::DayZero);
    }
    if day > 31 {
        return Err(Impossible::NoSuchDay(day));
    }
    // 2000 is a leap year: a day that fails there fails in every year.
    let first = Date::new(2000, month as i8, 1).map_err(|_| Impossible::NoSuchDay(day))?;
    if Date::new(2000, month as i8, day as i8).is_err() {
        return Err(Impossible::MonthTooShort {
            longest: first.days_in_month(),
        });
    }
    Ok(())
}

/// The date, or why it does not exist.
pub fn date(year: i16, month: u8, day: u8) -> Result<Date, Impossible> {
    possible_in_some_year(month, day)?;
    Date::new(year, month as i8, day as i8).map_err(|_| Impossible::NotLeapYear(year))
}

/// The English name of the date's weekday, for messages.
pub fn weekday_name(date: Date) -> String {
    date.strftime("%A").to_string()
}

/// 0 = Monday … 6 = Sunday, as the locale tables count.
pub fn weekday_index(date: Date) -> u8 {
    date.weekday().to_monday_zero_offset() as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn late_december_reads_early_january_as_the_coming_year() {
        let anchors = Anchors::new(Some(d(2025, 12, 29)), []);
        assert_eq!(anchors.years_for(1, 2), [2026]);
        assert_eq!(anchors.years_for(12, 20), [2025]);
        let anchors = Anchors::new(Some(d(2026, 1, 3)), []);
        assert_eq!(anchors.years_for(12, 30), [2025]);
    }

    #[test]
    fn dates_months_away_keep_both_years_the_current_one_first() {
        let anchors = Anchors::new(Some(d(2026, 6, 30)), []);
        assert_eq!(anchors.years_for(1, 2), [2026, 2027]);
        let anchors = Anchors::new(Some(d(2026, 1, 14)), []);
        assert_eq!(anchors.years_for(9, 8), [2026, 2025]);
        assert_eq!(anchors.years_for(1, 20), [2026]);
    }

    #[test]
    fn no_anchor_no_year() {
        assert!(Anchors::new(None, []).years_for(1, 13).is_empty());
    }

    #[test]
    fn articles_spanning_many_years_give_no_year() {
        let written = [1990, 1998, 2004, 2012, 2026].map(|y| d(y, 3, 1));
        assert!(Anchors::new(None, written).years_for(3, 2).is_empty());
        // Each anchor offers its years; nearest first.
        let written = [d(1960, 7, 4), d(2026, 1, 13)];
        let anchors = Anchors::new(None, written);
        assert_eq!(anchors.years_for(1, 16), [2026]);
        assert_eq!(anchors.years_for(9, 1), [1960]);
        assert_eq!(anchors.years_for(4, 20), [1960, 2026, 2025, 1961]);
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(date(2026, 2, 29), Err(Impossible::NotLeapYear(2026)));
        assert!(date(2028, 2, 29).is_ok());
        assert_eq!(
            date(2026, 4, 31),
            Err(Impossible::MonthTooShort { longest: 30 })
        );
        assert_eq!(
            date(2026, 2, 30),
            Err(Impossible::MonthTooShort { longest: 29 })
        );
        assert_eq!(date(2026, 1, 0), Err(Impossible::DayZero));
        assert_eq!(date(2026, 1, 32), Err(Impossible::NoSuchDay(32)));
        assert_eq!(date(1900, 2, 29), Err(Impossible::NotLeapYear(1900)));
        assert!(date(2000, 2, 29).is_ok());
    }
}

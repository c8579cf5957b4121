//! What one block of text looks like: a sentence of the story, a headline, or
//! neither. Pure text heuristics; which lines are labels and promotions is the
//! rule file's business, not this module's.

use std::collections::HashSet;

use serde::Deserialize;

/// How headline-like and prose-like lines are told apart. Every field has a
/// default, so a rule file writes only what it changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ShapeSpec {
    /// Fewest words in a headline (shorter lines are too ambiguous: "Man of
    /// the match", "Next game").
    pub min_words: usize,
    pub max_words: usize,
    pub max_chars: usize,
    /// Headlines rarely hold more commas than this; lists of names, venues
    /// and specifications do.
    pub max_commas: usize,
    /// Words a title-case headline leaves in lower case.
    pub minor_words: Vec<String>,
    /// Words that make a line a sentence or a credit, not a headline, in any
    /// case ("said", "according", "reporting").
    pub reporting_words: Vec<String>,
    /// Fewest words in a paragraph of the story (it must also end a
    /// sentence).
    pub prose_min_words: usize,
    /// Fewest items in a bar of links ("Home | World | Sport"), a menu or a
    /// footer: every item short, separated by `|`, `•`, `·` or `::` (0: off).
    pub link_bar_items: usize,
    /// Most words in one item of a bar of links.
    pub link_bar_item_words: usize,
}

impl Default for ShapeSpec {
    fn default() -> Self {
        ShapeSpec {
            min_words: 4,
            max_words: 20,
            max_chars: 160,
            max_commas: 1,
            minor_words: words(
                "a an and as at but by en for from if in into nor of off on onto or per \
                 so than the to up upon via vs vs. v v. with yet",
            ),
            // Not "says": "Airline Halts Flights, Regulator Says" is a
            // headline's own style.
            reporting_words: words(
                "according reported reporting editing writing written contributed \
                 compiled photo photos photograph credit courtesy copyright",
            ),
            prose_min_words: 5,
            link_bar_items: 3,
            link_bar_item_words: 5,
        }
    }
}

fn words(list: &str) -> Vec<String> {
    list.split_whitespace().map(String::from).collect()
}

/// The compiled form of [`ShapeSpec`].
#[derive(Debug, Clone)]
pub struct Shape {
    min_words: usize,
    max_words: usize,
    max_chars: usize,
    max_commas: usize,
    minor_words: HashSet<String>,
    reporting_words: HashSet<String>,
    prose_min_words: usize,
    link_bar_items: usize,
    link_bar_item_words: usize,
}

impl Shape {
    pub fn new(spec: &ShapeSpec) -> Result<Shape, String> {
        if spec.min_words == 0 || spec.min_words > spec.max_words {
            return Err(format!(
                "`shape`: need 0 < min_words <= max_words, got {} and {}",
                spec.min_words, spec.max_words
            ));
        }
        let lower = |list: &[String]| list.iter().map(|w| w.to_lowercase()).collect();
        Ok(Shape {
            min_words: spec.min_words,
            max_words: spec.max_words,
            max_chars: spec.max_chars,
            max_commas: spec.max_commas,
            minor_words: lower(&spec.minor_words),
            reporting_words: lower(&spec.reporting_words),
            prose_min_words: spec.prose_min_words,
            link_bar_items: spec.link_bar_items,
            link_bar_item_words: spec.link_bar_item_words,
        })
    }

    /// A paragraph of the story: a sentence end and enough words.
    pub fn is_prose(&self, text: &str) -> bool {
        let text = text.trim();
        ends_sentence(text) && word_count(text) >= self.prose_min_words
    }

    /// A bar of links: a site menu ("Home | World | Sport | Weather"), a
    /// footer ("Privacy | Terms of use | Contact us"), a topic strip. Its
    /// items are a few words each, with letters; a sentence never splits
    /// into `link_bar_items` such pieces on these separators.
    pub fn is_link_bar(&self, text: &str) -> bool {
        if self.link_bar_items == 0 || text.contains('\n') {
            return false;
        }
        let text = text.trim();
        LINK_SEPARATORS.iter().any(|separator| {
            let mut items = 0;
            for item in text.split(separator).map(str::trim) {
                if item.is_empty() {
                    continue;
                }
                if word_count(item) > self.link_bar_item_words
                    || !item.chars().any(char::is_alphabetic)
                {
                    return false;
                }
                items += 1;
            }
            items >= self.link_bar_items
        })
    }

    /// A line that introduces what follows ("Key features:", "The full
    /// list:"): the lines after it are the story's list, not teasers.
    pub fn is_list_intro(&self, text: &str) -> bool {
        text.trim_end().ends_with(':')
    }

    /// A scrap too short or too bare to be a sentence or a headline: a menu
    /// entry, a section name in capitals, a timestamp, a bar of links. It
    /// neither makes nor breaks a block of junk.
    pub fn is_scrap(&self, text: &str) -> bool {
        let text = text.trim();
        // "7. Saskatoon" is an entry of the story's own numbered list.
        if ends_sentence(text) || text.contains('\n') || is_numbered_entry(text) {
            return false;
        }
        let words = word_count(text);
        words < self.min_words
            || (words <= 8 && !text.chars().any(char::is_lowercase))
            || (words <= 12 && (text.contains('|') || has_clock_time(text)))
    }

    /// A headline in title case: every word but the minor ones capitalised,
    /// no full stop, within the length bounds, no reporting words. Teaser
    /// headlines of other stories look like this; so do subheads, which is
    /// why the caller decides by position, never by shape alone. A bracket
    /// makes it a list entry ("Dana Okafor (Harbor College)") instead.
    pub fn is_title_case_headline(&self, text: &str) -> bool {
        if text.contains('(') {
            return false;
        }
        let Some(words) = self.headline_words(text) else {
            return false;
        };
        let mut major = 0;
        for (i, word) in words.iter().enumerate() {
            let Some(first) = word.chars().next() else {
                continue;
            };
            if !first.is_alphabetic() {
                continue;
            }
            if i > 0 && self.minor_words.contains(&word.to_lowercase()) {
                continue;
            }
            major += 1;
            // "iPhone", "eBay": a capital anywhere is a name's own spelling.
            if !first.is_uppercase() && !word.chars().any(char::is_uppercase) {
                return false;
            }
        }
        major >= 2
    }

    /// A headline in sentence case ("Ferry fares rise again"): the shape of
    /// a teaser under a "Related" label, too weak to count on its own.
    pub fn is_loose_headline(&self, text: &str) -> bool {
        let Some(words) = self.headline_words(text) else {
            return false;
        };
        words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// The words of `text` when its outline is a headline's: one line, no
    /// sentence end, within the bounds, with lower-case letters (all capitals
    /// is a label or a section name), no byline, no reporting words, no
    /// address or separator bar. `None` otherwise.
    fn headline_words<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        let text = text.trim();
        if text.is_empty() || text.len() > self.max_chars || text.contains('\n') {
            return None;
        }
        if ends_without_question(text) {
            return None;
        }
        if text.contains(['@', '|', '©', '•']) || text.matches(',').count() > self.max_commas {
            return None;
        }
        if !text.chars().any(char::is_lowercase) {
            return None;
        }
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < self.min_words || words.len() > self.max_words {
            return None;
        }
        // "By Dana Okafor and Lena Marsh" is a byline; "March 3: Talks
        // Resume" is an entry in a timeline.
        if words[0] == "By" || starts_with_date(&words) {
            return None;
        }
        if words
            .iter()
            .any(|w| self.reporting_words.contains(&w.to_lowercase()))
        {
            return None;
        }
        // "Harbor City v Lakeside": a fixture list, not a headline.
        if words
            .iter()
            .any(|w| matches!(*w, "v" | "vs" | "V" | "VS" | "Vs"))
        {
            return None;
        }
        Some(words)
    }
}

/// What separates the items of a bar of links.
const LINK_SEPARATORS: &[&str] = &["|", "•", "·", "::"];

/// Closing marks that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_' | '」' | '』'
    )
}

fn last_mark(text: &str) -> Option<char> {
    text.trim_end()
        .trim_end_matches(is_closer)
        .chars()
        .next_back()
}

/// Ends with `.`, `!`, `?` or `…` (or their full-width forms), before any
/// closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    matches!(
        last_mark(text),
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？')
    )
}

/// Ends with punctuation a headline does not end with (a question mark is
/// fine: "Is the Port Strike Over?").
fn ends_without_question(text: &str) -> bool {
    matches!(last_mark(text), Some('.' | '!' | '…' | ',' | ';' | ':'))
}

/// "March 3", "Sept. 12", "3 March": a date opening the line.
fn starts_with_date(words: &[&str]) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    let is_month = |w: &str| MONTHS.contains(&w.to_lowercase().as_str());
    let is_day = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    match words {
        [first, second, ..] => {
            (is_month(first) && is_day(second)) || (is_day(first) && is_month(second))
        }
        _ => false,
    }
}

/// "7. Saskatoon", "2) Harbor City": a number, a full stop or a bracket,
/// then text.
fn is_numbered_entry(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < text.len()
        && (rest.starts_with(". ") || rest.starts_with(") "))
        && rest[2..].chars().any(char::is_alphabetic)
}

/// "07:13", "9:30": the time stamp of a listing.
fn has_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b':'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_digit)
            && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
    })
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape() -> Shape {
        Shape::new(&ShapeSpec::default()).unwrap()
    }

    #[test]
    fn title_case_headlines() {
        let s = shape();
        for yes in [
            "Why Every Port Strike Ends the Same Way",
            "City Council Weighs New Limits on Short-Term Rentals Near the Waterfront",
            "Is the Ferry Deal Good for Islanders?",
            "Apple Cuts the Price of the iPhone Again",
            "‘We Got Her Back’ Rescue Crew Recalls Night on the Water",
        ] {
            assert!(s.is_title_case_headline(yes), "{yes}");
        }
        for no in [
            "Talks are scheduled to continue next week.",
            "Ferry fares rise again",
            "NISSAN SENTRA RETURNS WITH A NEW LOOK",
            "More From Author",
            "By Dana Okafor and Lena Marsh",
            "Mayor Says the Deal Is Done, According to Aides",
            "June 9 – Pier Arena, Harbor City, North County",
            "Harbor City v Lakeside Rovers",
            "March 3: Talks Resume After the Strike",
            "12 Sept. – Union Members Vote on the Offer",
            "Dana Okafor (Harbor College) Joins the Board",
            "Thomson Wire | Wed, Jan 16 2008, 07:50 GMT",
            "Harbor Ledger Staff Writer Dana Okafor Contributed",
            "The Deal Was Signed on Tuesday.",
        ] {
            assert!(!s.is_title_case_headline(no), "{no}");
        }
    }

    #[test]
    fn loose_headlines_and_prose() {
        let s = shape();
        assert!(s.is_loose_headline("Ferry fares rise again on island routes"));
        assert!(!s.is_loose_headline("ferry fares rise again on island routes"));
        assert!(!s.is_loose_headline("Ferry fares rose again on Monday."));
        assert!(s.is_prose("Talks are scheduled to continue next week."));
        assert!(s.is_prose("She called it “a promise kept.”"));
        assert!(!s.is_prose("Back to top."));
        assert!(!s.is_prose("Why Every Port Strike Ends the Same Way"));
        assert!(ends_sentence("港の交渉は来週も続く。"));
        assert!(!s.is_title_case_headline("港の交渉は来週も続く"));
    }

    #[test]
    fn scraps_and_list_intros() {
        let s = shape();
        for yes in [
            "Print",
            "SPORTS NEWS",
            "Home >",
            "07:13",
            "Wire | Wed, Jan 16, 07:50 GMT",
        ] {
            assert!(s.is_scrap(yes), "{yes}");
        }
        for no in [
            "Back to top.",
            "Why Every Port Strike Ends the Same Way",
            "Rates rose 3:1 in favour",
        ] {
            assert!(!s.is_scrap(no), "{no}");
        }
        assert!(s.is_list_intro("Key features:"));
        assert!(!s.is_list_intro("Key features"));
    }

    #[test]
    fn bars_of_links() {
        let s = shape();
        for yes in [
            "Home | World | Sport | Weather",
            "Privacy policy · Terms of use · Contact us",
            "Sitemap | Subscribe | Privacy |",
            "Harbor Ledger • Ferries • Port strike",
            "A | A | A",
        ] {
            assert!(s.is_link_bar(yes), "{yes}");
        }
        for no in [
            "Dana Okafor | Harbor Ledger staff",
            "Wins | 12 | 4",
            "The vote was 5-2 | the council met late into the night on Tuesday | again",
            "Home",
        ] {
            assert!(!s.is_link_bar(no), "{no}");
        }
        let off = Shape::new(&ShapeSpec {
            link_bar_items: 0,
            ..ShapeSpec::default()
        })
        .unwrap();
        assert!(!off.is_link_bar("Home | World | Sport | Weather"));
    }

    #[test]
    fn numbered_entries_are_not_scraps() {
        let s = shape();
        assert!(!s.is_scrap("7. Saskatoon"));
        assert!(!s.is_scrap("2) Harbor City"));
        assert!(s.is_scrap("7"));
        assert!(s.is_scrap("2007"));
    }

    #[test]
    fn a_headline_may_say_who_says_so() {
        let s = shape();
        assert!(s.is_loose_headline("Ferries halt after crash, regulator says"));
        assert!(s.is_title_case_headline("Port Strike Will End Soon, Union Says"));
        assert!(!s.is_loose_headline("Additional reporting by Lena Marsh"));
    }

    #[test]
    fn bounds_are_checked() {
        let spec = ShapeSpec {
            min_words: 9,
            max_words: 3,
            ..ShapeSpec::default()
        };
        assert!(Shape::new(&spec).is_err());
    }
}

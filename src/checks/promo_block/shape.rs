//! What one block of text looks like: a sentence of the story, a headline, or
//! neither. Pure text heuristics; which lines are labels and promotions is the
//! rule file's business, not this module's.

use foldhash::HashSet;
use serde::Deserialize;

use crate::checks::byte_masks;
use crate::checks::text::is_alphanumeric;

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
                 compiled provided photo photos photograph credit courtesy copyright",
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

/// What one block of text looks like, measured in one pass over it: every
/// shape test reads these instead of scanning the text again.
#[derive(Debug, Clone, Copy)]
pub struct Outline<'t> {
    /// The block's text, trimmed.
    pub text: &'t str,
    /// Words with a letter or digit in them.
    pub words: usize,
    /// Spread over more than one line.
    pub multiline: bool,
    pub digits: bool,
    pub lowercase: bool,
    pub commas: usize,
    /// Holds `|`, `•`, `·` or `::`: may be a bar of links.
    pub separators: bool,
    /// Holds a mark no headline has: `@`, `|`, `©`, `•`.
    pub unheadline: bool,
    /// Holds an opening bracket: a list entry ("Dana Okafor (Harbor
    /// College)"), not a title-case headline.
    pub bracket: bool,
}

/// What a byte is, for [`Outline::of`]: one table lookup per byte, and a
/// decoded character only where a multi-byte one starts.
const SPACE: u16 = 1;
const BREAK: u16 = 1 << 1;
const ALNUM: u16 = 1 << 2;
const DIGIT: u16 = 1 << 3;
const LOWER: u16 = 1 << 4;
const COLON: u16 = 1 << 5;
const SEPARATOR: u16 = 1 << 6;
const UNHEADLINE: u16 = 1 << 7;
const BRACKET: u16 = 1 << 8;
/// The first byte of a character of two or more bytes.
const LEAD: u16 = 1 << 9;

const BYTES: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | 0x0b | 0x0c => SPACE,
            b'\n' | b'\r' => SPACE | BREAK,
            b'0'..=b'9' => ALNUM | DIGIT,
            b'a'..=b'z' => ALNUM | LOWER,
            b'A'..=b'Z' => ALNUM,
            b':' => COLON,
            b'|' => SEPARATOR | UNHEADLINE,
            b'@' => UNHEADLINE,
            b'(' => BRACKET,
            0xc0..=0xff => LEAD,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The flags of a character outside ASCII.
fn char_flags(c: char) -> u16 {
    let mut flags = match c {
        '•' => SEPARATOR | UNHEADLINE,
        '·' => SEPARATOR,
        '©' => UNHEADLINE,
        _ => 0,
    };
    if c.is_whitespace() {
        flags |= SPACE;
        if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
            flags |= BREAK;
        }
    } else if is_alphanumeric(c) {
        flags |= ALNUM;
        if c.is_lowercase() {
            flags |= LOWER;
        }
    }
    flags
}

impl<'t> Outline<'t> {
    pub fn of(text: &'t str) -> Outline<'t> {
        let text = text.trim();
        let bytes = text.as_bytes();
        // Which kinds of byte the block holds: a table lookup a byte and no
        // branch. Characters outside ASCII add theirs as the words are
        // counted.
        let table_seen = bytes
            .iter()
            .fold(0u16, |seen, &b| seen | BYTES[usize::from(b)]);
        let (words, char_seen) = count_words(text);
        let commas = memchr::memchr_iter(b',', bytes).count();
        Outline::from_counts(text, words, commas, table_seen | char_seen)
    }

    /// The outline of trimmed `text` with these counts and the flags of
    /// every character in it.
    fn from_counts(text: &'t str, words: usize, commas: usize, seen: u16) -> Outline<'t> {
        Outline {
            text,
            words,
            multiline: seen & BREAK != 0,
            digits: seen & DIGIT != 0,
            lowercase: seen & LOWER != 0,
            commas,
            separators: seen & SEPARATOR != 0 || (seen & COLON != 0 && text.contains("::")),
            unheadline: seen & UNHEADLINE != 0,
            bracket: seen & BRACKET != 0,
        }
    }
}

/// The words of `text` (runs of non-space characters with a letter or digit
/// in them), and the flags of its characters outside ASCII.
///
/// A word counts at the first letter or digit of its run, so whether a
/// byte counts one depends on every byte back to the last space. Sixteen
/// ASCII bytes are read at once: masks of their spaces and of their
/// letters and digits, a bit a byte ([`byte_masks`]), give the bytes where
/// a run has counted its word already ([`counted_after`]). The last
/// sixteen are padded with zeros, which are neither spaces nor letters and
/// so count no word. Sixteen bytes with one outside ASCII are read one by
/// one, each character decoded at its first byte (reading from that
/// character on would leave the following chunks out of step, which
/// measured slower).
fn count_words(text: &str) -> (usize, u16) {
    let bytes = text.as_bytes();
    let mut words = 0;
    // Whether the run of non-space bytes up to here has counted its word.
    let mut counted = false;
    let mut char_seen = 0;
    let mut at = 0;
    while at < bytes.len() {
        let classes = byte_masks::classes(&byte_masks::sixteen(bytes, at));
        if classes.not_ascii == 0 {
            let alnum = u32::from(classes.alphanumeric);
            let after = counted_after(u32::from(classes.space), alnum, counted);
            let before = (after << 1) | u32::from(counted);
            words += (alnum & !before).count_ones() as usize;
            counted = after & 0x8000 != 0;
            at += 16;
            continue;
        }
        // A character that runs past the sixteen bytes is read whole at its
        // first byte; its other bytes are nothing.
        for i in at..(at + 16).min(bytes.len()) {
            let mut flags = BYTES[usize::from(bytes[i])];
            if flags & LEAD != 0 {
                flags = char_flags(text[i..].chars().next().expect("a character starts here"));
                char_seen |= flags;
            }
            (words, counted) = step(flags, words, counted);
        }
        at += 16;
    }
    (words, char_seen)
}

/// The count of words and whether the run has counted its word, after a
/// character with `flags`.
fn step(flags: u16, words: usize, counted: bool) -> (usize, bool) {
    let alnum = flags & ALNUM != 0;
    (
        words + usize::from(alnum && !counted),
        (counted || alnum) && flags & SPACE == 0,
    )
}

/// The bytes of sixteen (bit `i` for byte `i`) after which their run of
/// non-space bytes has counted its word: the byte is not a space, and a
/// letter or digit stands in its run at or before it. `counted` says so
/// of the byte before the sixteen.
fn counted_after(space: u32, alnum: u32, counted: bool) -> u32 {
    let other = !(space | alnum) & 0xffff;
    // A run of other bytes (punctuation) that follows a space, or opens
    // the sixteen when nothing has counted, has no letter or digit yet: it
    // is the run's opening. Adding its lowest bit clears the run (the
    // carry stops at the first byte that is not `other`).
    let openings = other & ((space << 1) | u32::from(!counted));
    let opening = other & !(other + openings);
    !(space | opening) & 0xffff
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

    /// Most words a headline has.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// A paragraph of the story: a sentence end and enough words.
    pub fn is_prose(&self, o: &Outline) -> bool {
        o.words >= self.prose_min_words && ends_sentence(o.text)
    }

    /// A bar of links: a site menu ("Home | World | Sport | Weather"), a
    /// footer ("Privacy | Terms of use | Contact us"), a topic strip. Its
    /// items are a few words each, with letters; a sentence never splits
    /// into `link_bar_items` such pieces on these separators.
    pub fn is_link_bar(&self, o: &Outline) -> bool {
        if self.link_bar_items == 0 || o.multiline || !o.separators {
            return false;
        }
        LINK_SEPARATORS.iter().any(|separator| {
            let mut items = 0;
            for item in o.text.split(separator).map(str::trim) {
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

    /// A link alone on its line: a URL (which the document blanks in
    /// `o`; `source` is the line as written) or a bare domain
    /// ("twitter.com/harborledger", "Example.info"). A site's list of
    /// links, an ad's address. An e-mail address is a contact, not a link.
    pub fn is_bare_link(&self, o: &Outline, source: &str) -> bool {
        if o.multiline {
            return false;
        }
        if o.text.is_empty() {
            let source = source.trim_start_matches(|c: char| !is_alphanumeric(c));
            return !source.contains('@')
                && (source.contains("://")
                    || source
                        .get(..4)
                        .is_some_and(|w| w.eq_ignore_ascii_case("www.")));
        }
        if o.words != 1 || o.text.contains(char::is_whitespace) {
            return false;
        }
        let host = o.text.split('/').next().unwrap_or_default();
        let mut parts = host.split('.');
        let last = parts.next_back().unwrap_or_default();
        let mut count = 1;
        for part in parts {
            count += 1;
            if part.is_empty() || !part.chars().all(|c| is_alphanumeric(c) || c == '-') {
                return false;
            }
        }
        count >= 2 && (2..=6).contains(&last.len()) && last.chars().all(|c| c.is_ascii_alphabetic())
    }

    /// A line that introduces what follows ("Key features:", "The full
    /// list:"): the lines after it are the story's list, not teasers.
    pub fn is_list_intro(&self, o: &Outline) -> bool {
        o.text.ends_with(':')
    }

    /// A scrap too short or too bare to be a sentence or a headline: a menu
    /// entry, a section name in capitals, a timestamp, a bar of links. It
    /// neither makes nor breaks a block of junk.
    pub fn is_scrap(&self, o: &Outline) -> bool {
        // "7. Saskatoon" is an entry of the story's own numbered list; "By
        // Dana Okafor" is its byline.
        if o.multiline || ends_sentence(o.text) || is_numbered_entry(o.text) || is_byline(o.text) {
            return false;
        }
        o.words < self.min_words
            || (o.words <= 8 && !o.lowercase)
            || (o.words <= 12 && (o.text.contains('|') || has_clock_time(o.text)))
    }

    /// A headline in title case: every word but the minor ones capitalised,
    /// no full stop, within the length bounds, no reporting words. Teaser
    /// headlines of other stories look like this; so do subheads, which is
    /// why the caller decides by position, never by shape alone. A bracket
    /// makes it a list entry ("Dana Okafor (Harbor College)") instead.
    pub fn is_title_case_headline(&self, o: &Outline) -> bool {
        if o.bracket || !self.is_headline_outline(o) {
            return false;
        }
        let mut lower = String::new();
        let mut major = 0;
        for (i, word) in headline_words(o.text).enumerate() {
            let Some(first) = word.chars().next() else {
                continue;
            };
            if !first.is_alphabetic() {
                continue;
            }
            if i > 0 && contains_folded(&self.minor_words, word, &mut lower) {
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
    pub fn is_loose_headline(&self, o: &Outline) -> bool {
        self.is_headline_outline(o)
            && headline_words(o.text)
                .next()
                .and_then(|w| w.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// Is the outline of `o` a headline's: one line, no sentence end, within
    /// the bounds, with lower-case letters (all capitals is a label or a
    /// section name), no byline, no reporting words, no address or
    /// separator bar?
    fn is_headline_outline(&self, o: &Outline) -> bool {
        let text = o.text;
        if text.is_empty() || text.len() > self.max_chars || o.multiline {
            return false;
        }
        if o.unheadline || o.commas > self.max_commas || !o.lowercase {
            return false;
        }
        if o.words < self.min_words || o.words > self.max_words || ends_without_question(text) {
            return false;
        }
        // "By Dana Okafor and Lena Marsh" is a byline; "March 3: Talks
        // Resume" is an entry in a timeline.
        let mut words = headline_words(text);
        let (first, second) = (words.next(), words.next());
        if first == Some("By") || starts_with_date(first, second) {
            return false;
        }
        let mut lower = String::new();
        if headline_words(text).any(|w| contains_folded(&self.reporting_words, w, &mut lower)) {
            return false;
        }
        if o.bracket && ends_with_credit(text) {
            return false;
        }
        // "Harbor City v Lakeside": a fixture list, not a headline.
        !headline_words(text).any(|w| matches!(w, "v" | "vs" | "V" | "VS" | "Vs"))
    }
}

/// "Crews repaint the ferry (Image: Harbor Ledger)": a caption ends with
/// its credit in brackets, a label and a colon first.
fn ends_with_credit(text: &str) -> bool {
    let Some(inside) = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('(').map(|(_, inside)| inside))
    else {
        return false;
    };
    inside.split_once(':').is_some_and(|(label, _)| {
        !label.is_empty() && label.len() <= 12 && label.chars().all(char::is_alphabetic)
    })
}

/// The words of a line, without the punctuation around them.
fn headline_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !is_alphanumeric(c)))
        .filter(|w| !w.is_empty())
}

/// Is `word`, in lower case, in `set`? `buffer` holds the folded word, so a
/// line's words share one allocation.
fn contains_folded(set: &HashSet<String>, word: &str, buffer: &mut String) -> bool {
    if set.is_empty() {
        return false;
    }
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(word.chars().flat_map(char::to_lowercase));
    }
    set.contains(buffer.as_str())
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
fn starts_with_date(first: Option<&str>, second: Option<&str>) -> bool {
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
    let is_month = |w: &str| MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w));
    let is_day = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    match (first, second) {
        (Some(first), Some(second)) => {
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

/// "By Dana Okafor", "BY LENA MARSH AND OMAR VIDAL": a byline.
fn is_byline(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
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

/// Words as [`Outline::words`] counts them.
fn word_count(text: &str) -> usize {
    count_words(text).0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outline a byte at a time, as first written: what the eight-byte
    /// reading must give.
    fn outline_byte_by_byte(text: &str) -> Outline<'_> {
        let text = text.trim();
        let (mut words, mut commas, mut counted, mut seen) = (0, 0, false, 0u16);
        for (i, &byte) in text.as_bytes().iter().enumerate() {
            let mut flags = BYTES[usize::from(byte)];
            if flags & LEAD != 0 {
                flags = text[i..].chars().next().map_or(0, char_flags);
            }
            seen |= flags;
            commas += usize::from(byte == b',');
            let alnum = flags & ALNUM != 0;
            words += usize::from(alnum && !counted);
            counted = (counted || alnum) && flags & SPACE == 0;
        }
        Outline::from_counts(text, words, commas, seen)
    }

    fn summary(o: &Outline) -> (usize, usize, [bool; 6]) {
        let flags = [
            o.multiline,
            o.digits,
            o.lowercase,
            o.separators,
            o.unheadline,
            o.bracket,
        ];
        (o.words, o.commas, flags)
    }

    proptest::proptest! {
        /// Runs of spaces, punctuation, letters and digits, in and out of
        /// ASCII, cut anywhere against the eight-byte chunks.
        #[test]
        fn outlines_read_eight_bytes_at_a_time_are_exact(
            text in "([ \t\n\r\x0b\x0c]|[a-z]{1,9}|[A-Z0-9]{1,3}|[,.:;|@()\\-]|::|[éÉß•·©“”’\u{a0}\u{2028}\u{85}\u{3000}]|ｗ){0,40}",
        ) {
            let fast = Outline::of(&text);
            let slow = outline_byte_by_byte(&text);
            proptest::prop_assert_eq!(fast.text, slow.text);
            proptest::prop_assert_eq!(summary(&fast), summary(&slow));
            // A word is a run between white space with a letter or digit.
            let split = text
                .split_whitespace()
                .filter(|w| w.chars().any(is_alphanumeric))
                .count();
            proptest::prop_assert_eq!(word_count(&text), split);
        }
    }

    #[test]
    fn words_count_once_per_run_of_non_space() {
        for (text, words) in [
            ("", 0),
            ("one", 1),
            ("(Harbor College) — U.S. 4-3, “quoted” …", 5),
            ("a\tb\nc d\u{a0}e", 5),
            ("— -- ... () ,,,", 0),
            (
                "twelve bytes here and there, eight at a time: édition n°5",
                11,
            ),
        ] {
            assert_eq!(Outline::of(text).words, words, "{text:?}");
            assert_eq!(outline_byte_by_byte(text).words, words, "{text:?}");
        }
    }

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
            assert!(s.is_title_case_headline(&Outline::of(yes)), "{yes}");
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
            "Crews Repaint the Night Ferry at the Dry Dock (Image: Harbor Ledger)",
            "Thomson Wire | Wed, Jan 16 2008, 07:50 GMT",
            "Harbor Ledger Staff Writer Dana Okafor Contributed",
            "The Deal Was Signed on Tuesday.",
        ] {
            assert!(!s.is_title_case_headline(&Outline::of(no)), "{no}");
        }
    }

    #[test]
    fn loose_headlines_and_prose() {
        let s = shape();
        assert!(s.is_loose_headline(&Outline::of("Ferry fares rise again on island routes")));
        assert!(!s.is_loose_headline(&Outline::of("ferry fares rise again on island routes")));
        assert!(!s.is_loose_headline(&Outline::of("Ferry fares rose again on Monday.")));
        // A caption with its credit.
        assert!(!s.is_loose_headline(&Outline::of(
            "Crews repaint the night ferry (Image: Harbor Ledger)"
        )));
        assert!(s.is_loose_headline(&Outline::of("Ferry fares rise again (update)")));
        assert!(s.is_prose(&Outline::of("Talks are scheduled to continue next week.")));
        assert!(s.is_prose(&Outline::of("She called it “a promise kept.”")));
        assert!(!s.is_prose(&Outline::of("Back to top.")));
        assert!(!s.is_prose(&Outline::of("Why Every Port Strike Ends the Same Way")));
        assert!(ends_sentence("港の交渉は来週も続く。"));
        assert!(!s.is_title_case_headline(&Outline::of("港の交渉は来週も続く")));
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
            assert!(s.is_scrap(&Outline::of(yes)), "{yes}");
        }
        for no in [
            "Back to top.",
            "Why Every Port Strike Ends the Same Way",
            "Rates rose 3:1 in favour",
        ] {
            assert!(!s.is_scrap(&Outline::of(no)), "{no}");
        }
        assert!(s.is_list_intro(&Outline::of("Key features:")));
        assert!(!s.is_list_intro(&Outline::of("Key features")));
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
            assert!(s.is_link_bar(&Outline::of(yes)), "{yes}");
        }
        for no in [
            "Dana Okafor | Harbor Ledger staff",
            "Wins | 12 | 4",
            "The vote was 5-2 | the council met late into the night on Tuesday | again",
            "Home",
        ] {
            assert!(!s.is_link_bar(&Outline::of(no)), "{no}");
        }
        let off = Shape::new(&ShapeSpec {
            link_bar_items: 0,
            ..ShapeSpec::default()
        })
        .unwrap();
        assert!(!off.is_link_bar(&Outline::of("Home | World | Sport | Weather")));
    }

    #[test]
    fn bare_links() {
        let s = shape();
        for yes in [
            "twitter.com/harborledger",
            "Example.info",
            "news.example.co.uk/",
        ] {
            assert!(s.is_bare_link(&Outline::of(yes), yes), "{yes:?}");
        }
        // The document blanks URLs and e-mail addresses.
        assert!(s.is_bare_link(&Outline::of("   "), "https://example.com/a"));
        assert!(s.is_bare_link(&Outline::of("   "), "» www.example.com"));
        assert!(!s.is_bare_link(&Outline::of("   "), "desk@example.com"));
        for no in [
            "U.S.",
            "No.1",
            "Harbor Ledger",
            "Read more at example.com",
            "example.com.",
            "Vol.2",
        ] {
            assert!(!s.is_bare_link(&Outline::of(no), no), "{no:?}");
        }
    }

    #[test]
    fn numbered_entries_are_not_scraps() {
        let s = shape();
        assert!(!s.is_scrap(&Outline::of("7. Saskatoon")));
        assert!(!s.is_scrap(&Outline::of("2) Harbor City")));
        assert!(s.is_scrap(&Outline::of("7")));
        assert!(!s.is_scrap(&Outline::of("By Dana Okafor")));
        assert!(!s.is_scrap(&Outline::of("BY LENA MARSH")));
        assert!(s.is_scrap(&Outline::of("by the pier")));
        assert!(s.is_scrap(&Outline::of("2007")));
    }

    #[test]
    fn a_headline_may_say_who_says_so() {
        let s = shape();
        assert!(s.is_loose_headline(&Outline::of("Ferries halt after crash, regulator says")));
        assert!(s.is_title_case_headline(&Outline::of("Port Strike Will End Soon, Union Says")));
        assert!(!s.is_loose_headline(&Outline::of("Additional reporting by Lena Marsh")));
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

//! Sentence boundaries inside a block of plain text.
//!
//! News copy is full of periods that end nothing: "Dr.", "Jan.", "U.S.",
//! "p.m.", initials ("J.K. Rowling"), decimals, and sentences that end inside
//! a quotation ("…together,” he said." / "…rhythm.” The"). A sentence ends at
//! `.`, `!` or `?` (plus any closing quotes and brackets) followed by white
//! space and something that can start a sentence, unless the word before the
//! period is a known abbreviation.

use std::borrow::Cow;
use std::ops::Range;

/// Abbreviations after which a period never ends a sentence: titles and
/// words that are always followed by more of the same sentence.
fn never_final(word: &str) -> bool {
    // A `match` on string literals compares lengths first: much cheaper
    // than scanning a list, and this runs at every period.
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "capt"
            | "cmdr"
            | "sgt"
            | "rev"
            | "st"
            | "mt"
            | "ft"
            | "pres"
            | "supt"
            | "atty"
            | "hon"
            | "messrs"
            | "mme"
            | "mlle"
            | "sr"
            | "jr"
            | "no"
            | "nos"
            | "vs"
            | "v"
            | "approx"
            | "dept"
            | "est"
            | "fig"
            | "vol"
            | "ave"
            | "blvd"
            | "rd"
            | "e.g"
            | "i.e"
            | "cf"
            | "ca"
            | "al"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// Abbreviations that often end a sentence too ("…arrived at 6 p.m. The
/// police…"): a boundary only when a typical sentence opener follows.
fn maybe_final(word: &str) -> bool {
    matches!(
        word,
        "a.m"
            | "p.m"
            | "u.s"
            | "u.k"
            | "u.n"
            | "e.u"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "llc"
            | "plc"
            | "etc"
            | "d.c"
    )
}

/// Words that open sentences far more often than they follow a title or an
/// abbreviation inside one.
fn opens_sentence(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "but"
            | "and"
            | "in"
            | "on"
            | "at"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "after"
            | "before"
            | "when"
            | "while"
            | "if"
            | "as"
            | "for"
            | "some"
            | "many"
            | "most"
            | "no"
            | "one"
            | "two"
            | "police"
            | "officials"
            | "authorities"
    )
}

/// Split `text` into sentence ranges (trimmed of surrounding white space).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    // News sentences run about a hundred bytes: room for all of a block's
    // at once, not grown from four to eight to sixteen.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let bytes = text.as_bytes();
    let mut start = skip_space(text, 0);
    let mut i = start;
    // Jump from one possible sentence end to the next: most bytes are not.
    while let Some(found) = memchr::memchr3(b'.', b'!', b'?', &bytes[i.min(bytes.len())..]) {
        i += found;
        let b = bytes[i];
        let mut end = i + 1;
        // Runs like "?!" or "..." and closing quotes/brackets stay in the sentence.
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
            end += 1;
        }
        end = skip_closers(text, end);
        let next = skip_space(text, end);
        if next > end && next < bytes.len() && is_boundary(text, start, i, b, next) {
            out.push(start..trim_end(text, end));
            start = next;
            i = next;
            continue;
        }
        i = end.max(i + 1);
    }
    let end = trim_end(text, text.len());
    if end > start {
        out.push(start..end);
    }
    out
}

fn is_boundary(text: &str, sent_start: usize, punct: usize, mark: u8, next: usize) -> bool {
    let rest = &text[next..];
    let Some(first) = rest.chars().next() else {
        return false;
    };
    // The next sentence must open with a capital, a digit or an opening mark.
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–');
    if !opens {
        return false;
    }
    if mark != b'.' {
        return true;
    }
    let word = word_before(text, sent_start, punct);
    let mut buffer = [0; 32];
    let lower = lowercase(word, &mut buffer);
    if lower.is_empty() {
        return true;
    }
    // A decimal number ("3.5") never reaches here (no space after the dot).
    if never_final(&lower) {
        return false;
    }
    // Initials: "J." or "J.K." (single capitals, dotted).
    let initials = word.split('.').all(|part| {
        let mut chars = part.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
    });
    if initials {
        return false;
    }
    if maybe_final(&lower) {
        let next_word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        return opens_sentence(&next_word);
    }
    true
}

/// `word` in lower case: a short ASCII word is lowered in `buffer`, not in
/// a new allocation (asked at nearly every full stop).
fn lowercase<'b>(word: &str, buffer: &'b mut [u8; 32]) -> Cow<'b, str> {
    match ascii_lowercase(word, buffer).map(|lower| std::str::from_utf8(lower)) {
        Some(Ok(lower)) => Cow::Borrowed(lower),
        _ => Cow::Owned(word.to_lowercase()),
    }
}

/// The bytes of `word` lowered in `buffer`, when it is ASCII and fits:
/// the lower case of most words, with no allocation. The word lists ask
/// this of most words of an article.
pub fn ascii_lowercase<'b>(word: &str, buffer: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    if !word.is_ascii() {
        return None;
    }
    let room = buffer.get_mut(..word.len())?;
    room.copy_from_slice(word.as_bytes());
    room.make_ascii_lowercase();
    Some(room)
}

/// The word (letters and inner periods) that ends right before `punct`.
fn word_before(text: &str, floor: usize, punct: usize) -> &str {
    let head = &text[floor..punct];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[start..].trim_start_matches('.')
}

fn skip_closers(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»') {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn trim_end(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Dr. Ana Ruiz met U.S. officials on Jan. 13 in Washington. They agreed."),
            [
                "Dr. Ana Ruiz met U.S. officials on Jan. 13 in Washington.",
                "They agreed."
            ]
        );
        assert_eq!(
            split("J.K. Rowling and T. S. Eliot were cited. Nobody objected."),
            [
                "J.K. Rowling and T. S. Eliot were cited.",
                "Nobody objected."
            ]
        );
    }

    #[test]
    fn lowercase_lowers_in_the_buffer_or_allocates() {
        let mut buffer = [0; 32];
        assert!(matches!(
            lowercase("Gov", &mut buffer),
            Cow::Borrowed("gov")
        ));
        let long = "Abcdefghijklmnopqrstuvwxyzabcdefghij";
        assert_eq!(lowercase(long, &mut buffer), long.to_lowercase());
        assert_eq!(lowercase("Ltda", &mut buffer), "ltda");
        assert!(matches!(lowercase("Šef", &mut buffer), Cow::Owned(s) if s == "šef"));
    }

    #[test]
    fn maybe_final_abbreviations_split_before_openers() {
        assert_eq!(
            split("It ended at 6 p.m. The crowd left. Sales rose at Acme Inc. Officials said so."),
            [
                "It ended at 6 p.m.",
                "The crowd left.",
                "Sales rose at Acme Inc.",
                "Officials said so."
            ]
        );
        assert_eq!(
            split("He visited the U.S. Capitol."),
            ["He visited the U.S. Capitol."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("“We will return,” she said. “It was clumsy.” He laughed! Really?"),
            [
                "“We will return,” she said.",
                "“It was clumsy.”",
                "He laughed!",
                "Really?"
            ]
        );
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(
            split("The rate was 3.5 pct. and rising"),
            ["The rate was 3.5 pct. and rising"]
        );
        assert!(sentences("   ").is_empty());
    }
}

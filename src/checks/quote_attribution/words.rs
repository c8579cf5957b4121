//! Word-level reading of English news prose: clauses, passive voice,
//! determiners, names, titles and subheads. Cheap heuristics, each tested.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;

use foldhash::{HashMap, HashSet};
use memchr::memmem;

use crate::checks::swar;
use crate::checks::text::is_alphanumeric;
use crate::checks::word_list::WordList;

/// Capitalised words that open sentences, name times or ask questions:
/// never a speaker's name.
#[rustfmt::skip]
static NOT_NAMES: WordList = WordList::new(&[
    "The", "A", "An", "But", "And", "Or", "So", "Yet", "Nor", "In", "On", "At", "For", "Of", "To",
    "By", "With", "From", "As", "If", "When", "While", "After", "Before", "Then", "This", "That",
    "These", "Those", "There", "Here", "Its", "Such", "Some", "Many", "Most", "All", "Both", "Each",
    "Even", "Still", "Also", "However", "Meanwhile", "Now", "Last", "Next", "Earlier", "Later",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "What", "Why", "How", "Where", "Who", "Which", "Is", "Was", "It",
    "Despite", "Although", "Though", "Because", "Since", "Under", "Over", "Into", "Until", "Once",
]);

/// Words a title in title case leaves in lower case.
#[rustfmt::skip]
static TITLE_SMALL_WORDS: WordList = WordList::new(&[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "into", "up", "is", "my", "me",
]);

/// Words that make the participle after them passive: "was described as".
#[rustfmt::skip]
static PASSIVE_AUXILIARIES: WordList = WordList::new(&[
    "was", "were", "been", "being", "is", "are", "be", "get", "gets", "got",
]);

/// Words that open a noun phrase: "said the airline", "the judges wrote".
#[rustfmt::skip]
static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "another", "this", "that",
]);

/// Capitalised words the article uses inside sentences: proper names. A
/// capital at the start of a sentence says nothing ("Talks resumed"); the
/// same word capitalised mid-sentence elsewhere does ("…said Kerr").
///
/// Looked up a word at a time, when asked: only a word opening a clause
/// with no other name in it is ever asked about, so finding those few
/// words in the article costs far less than reading every sentence for
/// every capitalised word it holds. Each lookup is a pass over the article,
/// though, so after [`LOOKUPS_BEFORE_READING`] of them the article is read
/// whole once and answers the rest: a huge export asking about thousands of
/// names stays linear.
pub struct Names<'a> {
    /// Each block's text, with its sentences (in order, not overlapping).
    blocks: Vec<(&'a str, &'a [Range<usize>])>,
    /// Words looked up so far, with the answer.
    asked: RefCell<HashMap<Box<str>, bool>>,
    /// Every name of the article, once it was read whole.
    read: OnceCell<HashSet<&'a str>>,
}

/// Lookups by search before the article is read whole instead.
const LOOKUPS_BEFORE_READING: usize = 8;

impl<'a> Names<'a> {
    /// The names of an article with these blocks: (text, sentence ranges).
    pub fn new(blocks: Vec<(&'a str, &'a [Range<usize>])>) -> Names<'a> {
        Names {
            blocks,
            asked: RefCell::default(),
            read: OnceCell::new(),
        }
    }

    /// Whether `text` (the start of a sentence, or a clause) names someone:
    /// a capitalised word that is not a function word, and, if it opens
    /// `text`, one the article also capitalises mid-sentence.
    pub fn any_in(&self, text: &str) -> bool {
        let mut opening = None;
        for (i, word) in words(text).enumerate() {
            if is_capitalised(word) && !NOT_NAMES.contains(word) {
                if i > 0 {
                    return true;
                }
                opening = Some(word);
            }
        }
        opening.is_some_and(|word| self.seen_inside_sentences(word))
    }

    /// Whether a sentence of the article capitalises `word` after its first
    /// word.
    fn seen_inside_sentences(&self, word: &str) -> bool {
        if let Some(read) = self.read.get() {
            return read.contains(word);
        }
        let (known, lookups) = {
            let asked = self.asked.borrow();
            (asked.get(word).copied(), asked.len())
        };
        if let Some(known) = known {
            return known;
        }
        if lookups >= LOOKUPS_BEFORE_READING {
            return self.read.get_or_init(|| self.read_all()).contains(word);
        }
        let seen = self.search(word);
        self.asked.borrow_mut().insert(word.into(), seen);
        seen
    }

    /// A sentence gives the word where it stands on its own, which is at
    /// one of the places the word's text occurs.
    fn search(&self, word: &str) -> bool {
        let finder = memmem::Finder::new(word);
        self.blocks.iter().any(|&(text, sentences)| {
            finder.find_iter(text.as_bytes()).any(|at| {
                let end = at + word.len();
                let from = sentences.partition_point(|s| s.end < end);
                sentences[from..]
                    .iter()
                    .take_while(|s| s.start <= at)
                    .filter_map(|s| text.get(s.clone()))
                    .any(|sentence| capitalised_words_after_first(sentence).any(|w| w == word))
            })
        })
    }

    fn read_all(&self) -> HashSet<&'a str> {
        let sentences = self.blocks.iter().flat_map(|&(text, sentences)| {
            sentences.iter().filter_map(move |s| text.get(s.clone()))
        });
        sentences.flat_map(capitalised_words_after_first).collect()
    }
}

/// Words of `text`, punctuation trimmed (inner apostrophes and hyphens kept).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    Pieces { text, at: 0 }
        .map(trim_punctuation)
        .filter(|w| !w.is_empty())
}

const fn separates_words(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '“' | '”' | '(' | ')' | '[' | ']')
}

/// The ASCII characters of [`separates_words`], one bit each.
const ASCII_SEPARATORS: u128 = {
    let mut bits = 0u128;
    let mut byte = 0u8;
    while byte < 128 {
        if separates_words(byte as char) {
            bits |= 1 << byte;
        }
        byte += 1;
    }
    bits
};

/// [`separates_words`] for an ASCII byte (`byte < 128`), by table.
fn ascii_separates(byte: u8) -> bool {
    ASCII_SEPARATORS >> byte & 1 == 1
}

/// The pieces of text between separators ([`separates_words`]), read a
/// byte at a time through ASCII (a run of spaces eight at a time): every
/// sentence near a quotation is read this way. No piece is made between
/// two ASCII separators; one between others may be empty.
struct Pieces<'t> {
    text: &'t str,
    /// Where the next piece starts; past the end when done.
    at: usize,
}

impl<'t> Iterator for Pieces<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        // A run of ASCII separators holds no word: a quotation blanked
        // out of a sentence is a run of spaces, and would otherwise be a
        // piece per space.
        let mut start = swar::skip_to(bytes, self.at, |chunk| {
            !swar::equal(chunk, b' ') & swar::HIGH
        });
        while bytes
            .get(start)
            .is_some_and(|&b| b.is_ascii() && ascii_separates(b))
        {
            start += 1;
        }
        if start >= bytes.len() {
            self.at = bytes.len() + 1;
            return None;
        }
        let mut at = start;
        while let Some(&byte) = bytes.get(at) {
            let width = if byte.is_ascii() {
                if ascii_separates(byte) {
                    self.at = at + 1;
                    return Some(&self.text[start..at]);
                }
                1
            } else {
                let c = self.text[at..].chars().next()?;
                if separates_words(c) {
                    self.at = at + c.len_utf8();
                    return Some(&self.text[start..at]);
                }
                c.len_utf8()
            };
            at += width;
        }
        self.at = bytes.len() + 1;
        Some(&self.text[start..])
    }
}

fn trim_punctuation(piece: &str) -> &str {
    let bytes = piece.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last))
            if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() =>
        {
            piece
        }
        _ => piece.trim_matches(|c: char| !is_alphanumeric(c)),
    }
}

/// The capitalised words of `text` ([`words`]) but its first word: how a
/// sentence tells the article's names ([`Names`]). The scan stops only at
/// capitals and non-ASCII bytes.
fn capitalised_words_after_first(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let first_word = text.find(is_alphanumeric);
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let offset = bytes
                .get(at..)?
                .iter()
                .position(|b| b.is_ascii_uppercase() || !b.is_ascii())?;
            let start = at + offset;
            let c = text[start..].chars().next()?;
            at = start + c.len_utf8();
            if !c.is_uppercase() || Some(start) == first_word || !opens_word(text, start) {
                continue;
            }
            let piece_end = text[start..]
                .find(separates_words)
                .map_or(text.len(), |i| start + i);
            let word = trim_punctuation(&text[start..piece_end]);
            at = start + word.len();
            if is_capitalised(word) {
                return Some(word);
            }
        }
    })
}

/// Whether a word of [`words`] starts at `at`: only punctuation (no letter
/// or digit) stands between it and the separator or text start before it.
fn opens_word(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        if separates_words(c) {
            return true;
        }
        if is_alphanumeric(c) {
            return false;
        }
    }
    true
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().nth(1).is_some()
}

/// Whether `word`, ASCII case ignored, is in `list` (lower-case English
/// words, so a word with other letters never is).
fn lower_in(word: &str, list: &WordList) -> bool {
    word.is_ascii() && list.contains_lowercase(word)
}

fn ends_clause(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '—' | '–')
}

/// The words of the clause that ends at `at`, nearest first: stops at
/// punctuation, so "the paper beams, adding" gives only "adding".
///
/// Read backwards a word at a time, as far as asked: the callers want a
/// word or two of a clause that may run back over a blanked quotation.
pub fn clause_words_before(text: &str, at: usize) -> impl Iterator<Item = &str> {
    let mut head = &text[..at];
    std::iter::from_fn(move || {
        let rest = head.trim_end();
        let start = match rest
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || ends_clause(c))
        {
            Some((i, c)) => i + c.len_utf8(),
            None => 0,
        };
        // Empty when the clause ends here (or the text starts): then it
        // stays ended.
        let word = &rest[start..];
        head = if word.is_empty() { "" } else { &rest[..start] };
        (!word.is_empty()).then_some(word)
    })
}

/// The words of the clause that starts at `at`, in order.
pub fn clause_words_after(text: &str, at: usize) -> impl Iterator<Item = &str> {
    let tail = &text[at..];
    let to = tail.find(ends_clause).unwrap_or(tail.len());
    tail[..to].split_whitespace()
}

/// Where a sentence's subject may be: its first clause (up to the first
/// comma or other break), and, when that clause ends at a comma, the next
/// one ("After three wins, McIlroy is brimming…"); each cut to `max_words`
/// words.
pub fn subject_clauses(sentence: &str, max_words: usize) -> (&str, &str) {
    let text = sentence.trim_start();
    let first_end = text.find(ends_clause).unwrap_or(text.len());
    let first = first_words(&text[..first_end], max_words);
    let second = match text[first_end..].strip_prefix(',') {
        Some(rest) => {
            let rest = rest.trim_start();
            first_words(
                &rest[..rest.find(ends_clause).unwrap_or(rest.len())],
                max_words,
            )
        }
        None => "",
    };
    (first, second)
}

/// The first `max_words` words of `clause`.
fn first_words(clause: &str, max_words: usize) -> &str {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in clause.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            if count == max_words {
                return &clause[..i];
            }
            count += 1;
        }
    }
    clause
}

/// "was described", "were widely called": the verb has no speaker of its
/// own. Only the word right before counts (or the one before an adverb): in
/// "she was videotaped telling", "telling" is active, and an -ing form is
/// never passive ("are probably saying").
pub fn is_passive(sentence: &str, verb: &Range<usize>) -> bool {
    if sentence[verb.clone()].ends_with("ing") {
        return false;
    }
    let mut before = clause_words_before(sentence, verb.start);
    match before.next() {
        Some(w) if w.ends_with("ly") => before
            .next()
            .is_some_and(|w| lower_in(w, &PASSIVE_AUXILIARIES)),
        Some(w) => lower_in(w, &PASSIVE_AUXILIARIES),
        None => false,
    }
}

/// "said the airline", "the world indoor champion said": the verb has a
/// noun phrase for a subject even when no speaker word or name is listed.
pub fn next_to_determiner_phrase(sentence: &str, verb: &Range<usize>) -> bool {
    clause_words_after(sentence, verb.end)
        .next()
        .is_some_and(|w| lower_in(w, &DETERMINERS))
        || clause_words_before(sentence, verb.start)
            .skip(1)
            .take(4)
            .any(|w| lower_in(w, &DETERMINERS))
}

/// Every word capitalised except small words (and at most one stray verb
/// in a longer title), and no sentence ends inside: “Cry Me a River”, “The
/// Lord of the Rings”, “There Will be Blood”.
pub fn is_title_case(content: &str) -> bool {
    let body =
        content.trim_end_matches(|c: char| matches!(c, ',' | '.' | '!' | '?') || c.is_whitespace());
    let bytes = body.as_bytes();
    if memchr::memchr3(b'.', b'!', b'?', bytes).is_some() || memchr::memchr(b';', bytes).is_some() {
        return false;
    }
    let (mut capitals, mut lower) = (0, 0);
    for word in words(body) {
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_uppercase() || first.is_numeric() {
            capitals += 1;
        } else if !lower_in(word, &TITLE_SMALL_WORDS) {
            lower += 1;
            if lower > 1 {
                // A sentence, not a title: no need to read the rest.
                return false;
            }
        }
    }
    capitals >= 2 && (lower == 0 || (lower == 1 && capitals >= 3))
}

/// A plain-text subhead: a short paragraph that does not end a sentence
/// ("3. “Not some irregular channel”").
pub fn looks_like_heading(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches(['"', '”', '\'', '’', '`']);
    !trimmed.ends_with(['.', '!', '?', ':', ',', ';', '…'])
        && trimmed.split_whitespace().take(11).count() <= 10
}

/// `“…” — Neil Gaiman`: the text after a quotation signs it like an
/// epigraph.
pub fn signed_with_dash(after_close: &str) -> bool {
    let after = after_close.trim_start_matches(|c: char| {
        matches!(c, '"' | '”' | '\'' | '’' | ',' | '.') || c.is_whitespace()
    });
    let Some(rest) = after
        .strip_prefix('—')
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix("--"))
        .or_else(|| after.strip_prefix('-'))
    else {
        return false;
    };
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Learning reads the capitalised words `words` gives, but the first.
        #[test]
        fn capitalised_words_are_those_of_words(text in "([A-Za-z0-9]{1,5}|[ \t.,'’\"“”()\\[\\]\u{a0}—-]|[éÉÅΩж]){0,30}") {
            let reference: Vec<&str> = words(&text).skip(1).filter(|w| is_capitalised(w)).collect();
            proptest::prop_assert_eq!(capitalised_words_after_first(&text).collect::<Vec<_>>(), reference);
        }

        /// The byte reader splits as `str::split` on the same characters.
        #[test]
        fn words_split_as_str_split_would(text in "([A-Za-z0-9]{1,5}|[ \t\n.,'’\"“”()\\[\\]\u{a0}\u{2003}—-]| {8,20}|[éÅΩ]){0,30}") {
            let reference: Vec<&str> = text
                .split(separates_words)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), reference);
        }
    }

    fn range_of(text: &str, word: &str) -> Range<usize> {
        let at = text.find(word).unwrap();
        at..at + word.len()
    }

    #[test]
    fn passive_voice_is_recognised() {
        let s = "The deal was widely described as a betrayal";
        assert!(is_passive(s, &range_of(s, "described")));
        let s = "she was videotaped telling them";
        assert!(!is_passive(s, &range_of(s, "telling")));
        let s = "some of you are probably saying";
        assert!(!is_passive(s, &range_of(s, "saying")));
        let s = "there are — he said";
        assert!(!is_passive(s, &range_of(s, "said")));
    }

    #[test]
    fn determiner_phrases_make_subjects() {
        let s = "said the airline";
        assert!(next_to_determiner_phrase(s, &range_of(s, "said")));
        let s = "The world indoor champion said";
        assert!(next_to_determiner_phrase(s, &range_of(s, "said")));
        let s = "the paper beams, adding";
        assert!(!next_to_determiner_phrase(s, &range_of(s, "adding")));
    }

    proptest::proptest! {
        /// Read a word at a time from the end, a clause gives the words
        /// after its last punctuation, split at white space.
        #[test]
        fn clause_words_before_are_the_clauses_words_reversed(
            text in "([a-zA-Z]{1,4}|[ ,.;:!?()—–\u{a0}\u{2003}é]| {8,12}){0,24}",
            cut in 0usize..200,
        ) {
            let mut at = cut.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let head = &text[..at];
            let from = head
                .char_indices()
                .rev()
                .find(|&(_, c)| ends_clause(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let expected: Vec<&str> = head[from..].split_whitespace().rev().collect();
            proptest::prop_assert_eq!(clause_words_before(&text, at).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn clauses_stop_at_punctuation_of_any_width() {
        let s = "in a way — the late neurologist said";
        let words: Vec<&str> = clause_words_before(s, s.len() - 5).collect();
        assert_eq!(words, ["neurologist", "late", "the"]);
        assert_eq!(
            subject_clauses("Ruddock, though, is keen", 5),
            ("Ruddock", "though")
        );
        assert_eq!(
            subject_clauses("  US coach Patrick McEnroe wants Roddick to play", 4),
            ("US coach Patrick McEnroe ", "")
        );
        assert_eq!(
            subject_clauses("After three wins, McIlroy is brimming with confidence.", 5),
            ("After three wins", "McIlroy is brimming with confidence")
        );
        assert_eq!(
            subject_clauses("The late-night sailing will leave Pier 4 at 11:45 p.m.", 5),
            ("The late-night sailing will leave ", "")
        );
    }

    #[test]
    fn names_need_a_capital_inside_a_sentence_somewhere() {
        let article = "The striker was praised by Kerr on Sunday. Ewa spoke. Ewa left.";
        let sentences = [0..42, 43..53, 54..article.len()];
        let names = Names::new(vec![(article, &sentences)]);
        assert!(names.any_in("Kerr applauded the move"));
        assert!(names.any_in("said Ms Okafor"));
        assert!(!names.any_in("Talks resumed on Tuesday"));
        assert!(!names.any_in("The deal was described as"));
        assert!(!names.any_in("On Tuesday it was called"));
        // "Ewa" opens both its sentences, so it is not known to be a name.
        assert!(!names.any_in("Ewa applauded the move"));
        assert!(names.any_in("Ewa told Kerr"));
    }

    proptest::proptest! {
        /// Looking a word up where it occurs answers as reading every
        /// sentence for its capitalised words did.
        #[test]
        fn names_looked_up_are_the_names_a_full_read_learns(
            pieces in proptest::collection::vec(
                "(Ewa|Kerr|KerrAnn|Ann|the|ann|Okafor’s|“Kerr|\\(Ann\\)|O’Brien|[A-Z][a-z]?|[a-z]{1,3}|[ .,“”\"]|\\. )",
                0..40,
            ),
        ) {
            let article = pieces.concat();
            // Sentences end after ". "; a stretch between two of them is
            // left out, as a block's sentences may leave a gap.
            let mut sentences = Vec::new();
            let mut start = 0;
            for (at, _) in article.match_indices(". ") {
                if at + 1 > start {
                    sentences.push(start..at + 1);
                }
                start = at + 2;
            }
            sentences.push(start..article.len());
            let gapped: Vec<Range<usize>> = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 3 != 1)
                .map(|(_, s)| s.clone())
                .collect();
            let learnt: HashSet<&str> = gapped
                .iter()
                .flat_map(|s| capitalised_words_after_first(&article[s.clone()]))
                .collect();
            let names = Names::new(vec![(article.as_str(), &gapped)]);
            for word in words(&article) {
                let expected = is_capitalised(word)
                    && !NOT_NAMES.contains(word)
                    && learnt.contains(word);
                proptest::prop_assert_eq!(names.any_in(word), expected, "{}", word);
            }
        }
    }

    #[test]
    fn title_case_is_recognised() {
        assert!(is_title_case("Cry Me a River"));
        assert!(is_title_case("The Lord of the Rings,"));
        assert!(is_title_case("There Will be Blood"));
        assert!(!is_title_case("We will rebuild the Harbour"));
        assert!(!is_title_case("Stop. Now Go Home"));
        assert!(!is_title_case("Dynamite"));
    }

    #[test]
    fn headings_and_signatures() {
        assert!(looks_like_heading("3. “Not some irregular channel”"));
        assert!(!looks_like_heading("“We will not back down,” she said."));
        assert!(signed_with_dash("” — Neil Gaiman"));
        assert!(signed_with_dash(" -- Lee"));
        assert!(!signed_with_dash(" - and more"));
        assert!(!signed_with_dash(", he said"));
    }
}

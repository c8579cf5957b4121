//! Words that may be names, and runs of them, in a block of prose.
//!
//! A *name word* is capitalised and has lower-case letters ("Kowalczyk",
//! "McDonald", "Reyes-Whitfield", "O'Brien"); all-capital words are
//! acronyms or shouting and are left alone. A *run* is a sequence of name
//! words (with initials and particles such as "da" or "von" inside it) that
//! stand next to each other in one sentence: "Harbor City Mayor Ewa
//! Kowalczyk". Leading titles ("Mayor", "Prime Minister") are taken off a run
//! and remembered as evidence that the rest names a person.

use std::ops::Range;

use crate::checks::swar;
use crate::checks::text::is_alphanumeric;
use crate::checks::word_list::WordList;
use crate::document::{Block, BlockKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Capitalised with lower-case letters: a possible name.
    Name,
    /// One capital letter followed by a period ("W." in "George W. Bush"),
    /// or standing alone before a name ("C Thomson").
    Initial,
    /// Every other word (lower case, all capitals, numbers), name
    /// particles ("da", "von": [`Word::is_particle`]) among them.
    Other,
}

#[derive(Debug, Clone)]
pub struct Word<'t> {
    /// The word without a trailing possessive ("Takaichi" in "Takaichi’s").
    pub text: &'t str,
    /// Where `text` starts in the block text (which, like every input, is
    /// under 4 GiB). Kept small: every word of an article is one of these.
    start: u32,
    /// Index of the sentence it belongs to (`u32::MAX` outside any).
    pub sentence: u32,
    pub shape: Shape,
    /// First word of its sentence, or in a headline or subhead (title case):
    /// its capital says nothing about whether it is a name.
    pub initial: bool,
    /// Every byte of the word as scanned is ASCII (a possessive "’s" taken
    /// off `text` counts): when true, `text` is ASCII too.
    pub ascii: bool,
}

impl Word<'_> {
    /// Range of `text` in the block text.
    pub fn range(&self) -> Range<usize> {
        let start = self.start as usize;
        start..start + self.text.len()
    }

    /// A title or a capitalised role noun ("Mayor", "Researcher").
    pub fn is_title(&self) -> bool {
        self.shape == Shape::Name
            && !NOT_TITLES.contains(self.text)
            && (TITLES.contains(self.text) || ROLES.contains_lowercase(self.text))
    }

    /// Capitalised words that are never a person's or place's name here.
    pub fn is_stop(&self) -> bool {
        STOP.contains(self.text)
    }

    /// A lower-case name particle: "da", "von", "bin". Asked only of the
    /// words next to a run of names, not when each word is read: most
    /// words are lower case, and few stand next to a name.
    pub fn is_particle(&self) -> bool {
        self.shape == Shape::Other && PARTICLES.contains(self.text)
    }
}

/// A run of name words: `words` indexes the block's word list, after any
/// leading titles were removed.
#[derive(Debug, Clone)]
pub struct Run {
    pub words: Range<usize>,
    /// Index (in the block's words) of the title or role word that
    /// introduced it.
    title_at: Option<usize>,
}

impl Run {
    /// A title was removed from its front, or a role noun ("union president
    /// Dana Okafor") stands right before it.
    pub fn titled(&self) -> bool {
        self.title_at.is_some()
    }

    /// The title or role word as written ("Mayor", "Sen", "president").
    pub fn title_word<'t>(&self, words: &[Word<'t>]) -> Option<&'t str> {
        self.title_at.and_then(|k| words.get(k)).map(|w| w.text)
    }

    /// Clearly a person: titled, next to a verb of saying, or followed by
    /// "who" ("Nakamura, who starts in April").
    pub fn is_person(&self, words: &[Word<'_>]) -> bool {
        self.titled()
            || self.speaks(words)
            || word_after(words, self).is_some_and(|w| matches!(w.text, "who" | "whose"))
    }

    /// "Okafor said", or "…," said Okafor." at the end of a sentence (not
    /// "he said Sony's player…").
    pub fn speaks(&self, words: &[Word<'_>]) -> bool {
        let speech = |w: Option<&Word<'_>>| w.is_some_and(|w| SPEECH.contains(w.text));
        let after = word_after(words, self);
        speech(after) || (speech(word_before(words, self)) && after.is_none())
    }
}

/// Every word of `block`'s text with its shape (checks read them through
/// [`Context::block_words`](crate::checks::Context::block_words)).
#[cfg(test)]
pub fn words(block: &Block) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    words_into(block, &mut out);
    out
}

/// Every word of `block`'s text with its shape, added to `out`, which may
/// hold other blocks' words.
pub fn words_into<'b>(block: &'b Block, out: &mut Vec<Word<'b>>) {
    let text = block.text();
    let title_case = matches!(block.kind, BlockKind::Headline | BlockKind::Heading);
    // Prose has about one word in six bytes, rarely one in four: room made
    // once for nearly every block.
    out.reserve(text.len() / 4 + 1);
    let sentences = block.sentences.as_slice();
    // The first sentence that ends after the word being read, and its
    // bounds (none past the last): sentences are in order and do not
    // overlap.
    let mut next_sentence = 0;
    let bounds = |index: usize| {
        sentences
            .get(index)
            .map_or((usize::MAX, usize::MAX), |r| (r.start, r.end))
    };
    let (mut sentence_start, mut sentence_end) = bounds(0);
    let mut last_sentence_seen = u32::MAX;
    let mut at = 0;
    while let Some(start) = next_word_start(text, at) {
        let scanned = scan_word(text, start);
        at = scanned.end;
        let mut word = &text[start..scanned.end];
        if scanned.apostrophe && word.ends_with('s') {
            for possessive in ["'s", "’s"] {
                if let Some(stem) = word.strip_suffix(possessive)
                    && !stem.is_empty()
                {
                    word = stem;
                }
            }
        }
        while sentence_end <= start {
            next_sentence += 1;
            (sentence_start, sentence_end) = bounds(next_sentence);
        }
        let sentence = if sentence_start <= start {
            next_sentence as u32
        } else {
            u32::MAX
        };
        let initial = title_case || sentence != last_sentence_seen;
        last_sentence_seen = sentence;
        let next_byte = text.as_bytes().get(start + word.len()).copied();
        let shape = if scanned.ascii {
            ascii_shape(word, next_byte)
        } else {
            shape_of(word, next_byte)
        };
        out.push(Word {
            text: word,
            start: start as u32,
            sentence,
            shape,
            initial,
            ascii: scanned.ascii,
        });
    }
}

// The tokenizer reads bytes and decodes a character only outside ASCII:
// it runs over every byte of every article for the names kinds.

/// The character starting at byte `at` (a char boundary), if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

fn is_word_char_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, at).is_some_and(is_alphanumeric),
        None => false,
    }
}

/// The first byte at or after `at` that starts a word (an alphanumeric
/// character).
fn next_word_start(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        // Eight bytes at a time up to an ASCII letter or digit or a byte
        // that needs decoding ([`swar`]: no guessing where the gap ends).
        if let Some(chunk) = swar::load(bytes, at) {
            let stop = swar::ascii_alphanumeric(chunk) | swar::not_ascii(chunk);
            if stop == 0 {
                at += 8;
                continue;
            }
            at += swar::first(stop);
        }
        let &b = bytes.get(at)?;
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                return Some(at);
            }
            at += 1;
        } else {
            let c = char_at(text, at)?;
            if is_alphanumeric(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
}

/// Where a word ends, and what it holds.
struct Scanned {
    end: usize,
    ascii: bool,
    /// An apostrophe joins two of its parts: it may end in a possessive.
    apostrophe: bool,
}

/// The end of the word starting at `start`: alphanumerics and combining
/// marks, joined by a hyphen or apostrophe with a letter or digit after it
/// ("Reyes-Whitfield", "O’Brien").
fn scan_word(text: &str, start: usize) -> Scanned {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut ascii = true;
    let mut apostrophe = false;
    loop {
        // Eight ASCII letters and digits at a time; the first other byte
        // is judged below.
        if let Some(chunk) = swar::load(bytes, at) {
            let stop = !swar::ascii_alphanumeric(chunk) & swar::HIGH;
            if stop == 0 {
                at += 8;
                continue;
            }
            at += swar::first(stop);
        }
        let Some(&b) = bytes.get(at) else { break };
        if b.is_ascii() {
            if b.is_ascii_alphanumeric()
                || (matches!(b, b'-' | b'\'') && is_word_char_at(text, at + 1))
            {
                apostrophe |= b == b'\'';
                at += 1;
                continue;
            }
            break;
        }
        let Some(c) = char_at(text, at) else { break };
        let next = at + c.len_utf8();
        let joins = matches!(c, '’' | '\u{2011}') && is_word_char_at(text, next);
        if is_alphanumeric(c) || super::fold::is_combining_mark(c) || joins {
            ascii = false;
            apostrophe |= c == '’';
            at = next;
        } else {
            break;
        }
    }
    Scanned {
        end: at,
        ascii,
        apostrophe,
    }
}

/// [`shape_of`] for an all-ASCII word, without decoding characters: most
/// words of most articles take this way.
fn ascii_shape(word: &str, next_byte: Option<u8>) -> Shape {
    let bytes = word.as_bytes();
    let Some(&first) = bytes.first() else {
        return Shape::Other;
    };
    if !first.is_ascii_uppercase() {
        return Shape::Other;
    }
    let (mut lower, mut hyphen) = (false, false);
    for &b in &bytes[1..] {
        lower |= b.is_ascii_lowercase();
        hyphen |= b == b'-';
    }
    let modifier = hyphen
        && word
            .rsplit_once('-')
            .is_some_and(|(_, last)| MODIFIERS.contains(last));
    if lower && !modifier {
        return Shape::Name;
    }
    if bytes.len() == 1 && initial_before(matches!(first, b'A' | b'I'), next_byte) {
        return Shape::Initial;
    }
    Shape::Other
}

/// Whether a lone capital followed by `next_byte` is an initial: "W." in
/// "George W. Bush"; a bare capital ("C Thomson") in team lists, unless
/// it is the word "A" or "I" (`a_word`).
fn initial_before(a_word: bool, next_byte: Option<u8>) -> bool {
    match next_byte {
        Some(b'.') => true,
        Some(b' ') => !a_word,
        _ => false,
    }
}

/// The shape of `word`, followed in its text by `next_byte`.
fn shape_of(word: &str, next_byte: Option<u8>) -> Shape {
    let Some(first) = word.chars().next() else {
        return Shape::Other;
    };
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let modifier = word
        .rsplit_once('-')
        .is_some_and(|(_, last)| MODIFIERS.contains(last));
    if word.chars().any(char::is_lowercase) && !modifier {
        return Shape::Name;
    }
    if word.len() == first.len_utf8() && initial_before(matches!(first, 'A' | 'I'), next_byte) {
        return Shape::Initial;
    }
    Shape::Other
}

/// Room for the runs of name words of an article of `bytes` bytes (the
/// consistency check makes about two mentions of each), made before any
/// are found. News copy has one every 60 bytes or so; a little more room
/// than that lets most articles keep their first allocation, where growing
/// as they were found copied the lists several times over. A long export
/// grows them as it goes.
pub fn room_for_runs(bytes: usize) -> usize {
    (bytes / 48).min(4096)
}

/// Runs of name words in `words` (checks read them through
/// [`Context::block_words_and_runs`](crate::checks::Context::block_words_and_runs)).
#[cfg(test)]
pub fn runs(words: &[Word<'_>], text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    runs_into(words, text, &mut out);
    out
}

/// Runs of name words in `words`, added to `out`, which may hold other
/// blocks' runs (the block text is needed to see what separates them).
pub fn runs_into(words: &[Word<'_>], text: &str, out: &mut Vec<Run>) {
    let mut i = 0;
    while i < words.len() {
        if !matches!(words[i].shape, Shape::Name | Shape::Initial) || words[i].is_stop() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && (words[j].shape != Shape::Other || words[j].is_particle())
            && !words[j].is_stop()
            && words[j].sentence == words[j - 1].sentence
            && joined(&words[j - 1], &words[j], text)
        {
            j += 1;
        }
        // A run ends on a name word, never on a particle or an initial.
        let mut end = j;
        while end > i + 1 && words[end - 1].shape != Shape::Name {
            end -= 1;
        }
        // Titles come off the front: everything up to the last title that
        // has a name after it ("Harbor City Mayor Ewa Kowalczyk").
        let mut start = i;
        let mut title_at = None;
        for (k, word) in words.iter().enumerate().take(end - 1).skip(i) {
            if word.is_title() {
                start = k + 1;
                title_at = Some(k);
            }
        }
        while start < end && words[start].is_particle() {
            start += 1;
        }
        if start < end && words[start..end].iter().any(|w| w.shape == Shape::Name) {
            let role_before = start > 0
                && start == i
                && words[start - 1].sentence == words[start].sentence
                && words[start - 1].shape == Shape::Other
                && !words[start - 1].is_particle()
                && ROLES.contains_lowercase(words[start - 1].text)
                && joined(&words[start - 1], &words[start], text);
            if role_before {
                title_at = Some(start - 1);
            }
            out.push(Run {
                words: start..end,
                title_at,
            });
        }
        i = j.max(i + 1);
    }
}

/// Two words belong to one name when only spaces stand between them, or the
/// period (and spaces) of an initial.
fn joined(left: &Word<'_>, right: &Word<'_>, text: &str) -> bool {
    let Some(between) = text.get(left.range().end..right.range().start) else {
        return false;
    };
    // The period of an initial or an abbreviated title: "W. Bush", "Sen. Ortiz".
    let between = if left.shape == Shape::Initial || left.is_title() {
        between.strip_prefix('.').unwrap_or(between)
    } else {
        between
    };
    between
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}' || c == '\n')
        && between.len() <= 3
        && (left.shape == Shape::Initial || left.is_title() || !between.is_empty())
}

/// The word right after the run, if it is in the same sentence.
pub fn word_after<'w, 't>(words: &'w [Word<'t>], run: &Run) -> Option<&'w Word<'t>> {
    let last = words.get(run.words.end - 1)?;
    words
        .get(run.words.end)
        .filter(|w| w.sentence == last.sentence)
}

/// The word right before the run, if it is in the same sentence.
pub fn word_before<'w, 't>(words: &'w [Word<'t>], run: &Run) -> Option<&'w Word<'t>> {
    let first = words.get(run.words.start)?;
    run.words
        .start
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .filter(|w| w.sentence == first.sentence)
}

/// Verbs of saying that tie a bare name to a person: "Okafor said".
pub static SPEECH: WordList = WordList::new(&[
    "said",
    "says",
    "told",
    "added",
    "adds",
    "explained",
    "noted",
    "argued",
    "wrote",
    "asked",
    "replied",
    "insisted",
    "warned",
    "stated",
    "recalled",
    "acknowledged",
    "conceded",
]);

/// Titles and honorifics written before a name (capitalised).
pub static TITLES: WordList = WordList::new(&[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Chancellor",
    "Secretary",
    "Mayor",
    "Governor",
    "Gov",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Judge",
    "Justice",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Crown",
    "Emperor",
    "Empress",
    "Pope",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Rev",
    "Reverend",
    "Rabbi",
    "Imam",
    "Sheikh",
    "General",
    "Gen",
    "Admiral",
    "Adm",
    "Colonel",
    "Col",
    "Captain",
    "Capt",
    "Lieutenant",
    "Lt",
    "Sergeant",
    "Sgt",
    "Officer",
    "Detective",
    "Inspector",
    "Constable",
    "Chief",
    "Executive",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Chairperson",
    "Director",
    "Commissioner",
    "Ambassador",
    "Councillor",
    "Councilor",
    "Councilman",
    "Councilwoman",
    "Alderman",
    "Speaker",
    "Leader",
    "Deputy",
    "Coach",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Superintendent",
    "Supt",
    "Baroness",
    "Foreign",
    "Finance",
    "Defence",
    "Defense",
    "Interior",
    "Attorney",
    "Solicitor",
    "Treasurer",
    "Auditor",
    "Dean",
    "Provost",
    "Head",
]);

/// Role nouns that are not titles when capitalised: "Premier League",
/// "Father Christmas", "Forward Planning".
static NOT_TITLES: WordList = WordList::new(&[
    "Premier", "Father", "Mother", "Son", "Daughter", "Brother", "Sister", "Friend", "Head",
    "Forward", "Host", "Player", "Student", "Resident", "Owner", "Wife", "Husband",
]);

/// Lower-case role nouns that introduce a person: "union president Dana Okafor".
pub static ROLES: WordList = WordList::new(&[
    "president",
    "minister",
    "mayor",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "chief",
    "director",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "senator",
    "leader",
    "head",
    "founder",
    "executive",
    "officer",
    "manager",
    "coach",
    "analyst",
    "economist",
    "professor",
    "lawyer",
    "attorney",
    "judge",
    "ambassador",
    "commissioner",
    "councillor",
    "councilor",
    "candidate",
    "author",
    "researcher",
    "scientist",
    "doctor",
    "actor",
    "actress",
    "singer",
    "player",
    "striker",
    "captain",
    "colleague",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "friend",
    "resident",
    "owner",
    "student",
    "teacher",
    "nurse",
    "chancellor",
    "premier",
    "treasurer",
    "deputy",
    "editor",
    "reporter",
    "correspondent",
    "inspector",
    "detective",
    "officer",
    "ceo",
    "mp",
    "administrator",
    "physio",
    "adviser",
    "advisor",
    "boss",
    "midfielder",
    "defender",
    "forward",
    "goalkeeper",
    "host",
    "producer",
    "designer",
    "architect",
    "engineer",
]);

/// Last parts that make a capitalised compound a modifier, not a name:
/// "Houston-based", "Nuclear-armed", "Labour-led".
pub static MODIFIERS: WordList = WordList::new(&[
    "based",
    "born",
    "led",
    "owned",
    "run",
    "backed",
    "made",
    "bound",
    "style",
    "era",
    "armed",
    "controlled",
    "funded",
    "linked",
    "held",
    "registered",
    "listed",
    "American",
    "like",
]);

/// Lower-case particles inside names: "Luiz Inácio Lula da Silva".
pub static PARTICLES: WordList = WordList::new(&[
    "da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "ter",
    "van", "von", "bin", "binti", "ibn", "al", "el", "y",
]);

/// Capitalised words that are never names for these checks ("May" is
/// left out: Theresa May).
pub static STOP: WordList = WordList::new(&[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "They",
    "Their",
    "He",
    "She",
    "His",
    "Her",
    "We",
    "Our",
    "It",
    "Its",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "For",
    "With",
    "From",
    "By",
    "Of",
    "To",
    "An",
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format, ReadOptions};

    fn doc(text: &str) -> Document {
        Document::parse(
            "t",
            text.to_string(),
            Format::Snippet,
            &ReadOptions::default(),
        )
    }

    fn run_texts(text: &str) -> Vec<(String, bool)> {
        let d = doc(text);
        let block = &d.blocks[0];
        let words = words(block);
        runs(&words, block.text())
            .into_iter()
            .map(|r| {
                let first = &words[r.words.start];
                let last = &words[r.words.end - 1];
                (
                    block.text()[first.range().start..last.range().end].to_string(),
                    r.titled(),
                )
            })
            .collect()
    }

    #[test]
    fn titles_come_off_runs() {
        assert_eq!(
            run_texts(
                "Harbor City Mayor Ewa Kowalczyk and union president Dana Okafor’s team met."
            ),
            [
                ("Ewa Kowalczyk".to_string(), true),
                ("Dana Okafor".to_string(), true)
            ]
        );
    }

    #[test]
    fn initials_and_particles_stay_inside_runs() {
        assert_eq!(
            run_texts("He met George W. Bush and Luiz Inácio Lula da Silva in 2008."),
            [
                ("George W. Bush".to_string(), false),
                ("Luiz Inácio Lula da Silva".to_string(), false)
            ]
        );
    }

    /// The tokenizer as first written, one character at a time: the byte
    /// reader must find the same words.
    fn reference_word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                let joins = matches!(next, '-' | '\'' | '’' | '\u{2011}')
                    && text[at + next.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if next.is_alphanumeric()
                    || crate::checks::names::fold::is_combining_mark(next)
                    || joins
                {
                    end = at + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(start..end);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn byte_reader_finds_the_reference_words(text in "([A-Za-z0-9]{1,6}|[ .,'’‑\\-]|[éÅßΩж]|e\u{301}|[ -~]){0,40}") {
            let mut at = 0;
            let mut found = Vec::new();
            while let Some(start) = next_word_start(&text, at) {
                let scanned = scan_word(&text, start);
                let end = scanned.end;
                proptest::prop_assert_eq!(scanned.ascii, text[start..end].is_ascii());
                proptest::prop_assert_eq!(
                    scanned.apostrophe,
                    text[start..end].contains(['\'', '’'])
                );
                found.push(start..end);
                at = end;
            }
            proptest::prop_assert_eq!(found, reference_word_ranges(&text));
        }

        #[test]
        fn ascii_shapes_agree_with_the_general_reader(
            word in "[A-Za-z][A-Za-z0-9'-]{0,8}",
            after in "[ .,A-Za-z]{0,2}",
        ) {
            let next = after.bytes().next();
            proptest::prop_assert_eq!(ascii_shape(&word, next), shape_of(&word, next));
        }
    }

    #[test]
    fn word_lists_find_their_words_and_only_those() {
        for list in [
            &SPEECH,
            &TITLES,
            &NOT_TITLES,
            &ROLES,
            &MODIFIERS,
            &PARTICLES,
            &STOP,
        ] {
            for word in list.words() {
                assert!(list.contains(word), "{word}");
                assert!(!list.contains(&format!("{word}x")), "{word}x");
            }
            assert!(!list.contains(""));
        }
        assert!(ROLES.contains_lowercase("Mayor") && ROLES.contains_lowercase("MAYOR"));
        assert!(!ROLES.contains_lowercase("Mayors"));
    }

    #[test]
    fn sentence_starts_are_marked() {
        let d = doc("Okafor spoke. Then Okafor left.");
        let words = words(&d.blocks[0]);
        let flags: Vec<(&str, bool)> = words.iter().map(|w| (w.text, w.initial)).collect();
        assert_eq!(
            flags,
            [
                ("Okafor", true),
                ("spoke", false),
                ("Then", true),
                ("Okafor", false),
                ("left", false)
            ]
        );
    }
}

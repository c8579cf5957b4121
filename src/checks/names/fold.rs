//! A folded view of prose for name matching: lower case, Latin diacritics
//! removed, hyphens and runs of white space read as one space, curly
//! apostrophes read as straight ones. Every folded byte remembers the text
//! character it came from, so a match in the folded view maps back to an
//! exact range of the original text (and from there to source bytes).

use std::borrow::Cow;
use std::ops::Range;

use crate::checks::swar;

/// Folded text plus the way back to the text it was made from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// Where the byte-for-byte correspondence with the original changes,
    /// in folded order. Plain ASCII with single spaces needs one piece; each
    /// accented letter, expansion ("ß" → "ss") or collapsed run of spaces
    /// adds one, so the map stays small next to the text.
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    folded: u32,
    original: u32,
    /// The piece is one original character (or run of spaces) folded as a
    /// whole; otherwise bytes correspond one to one.
    whole: bool,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut folded = Folded::default();
        folded.refold(original);
        folded
    }

    /// Fold `original` in place of what this held, keeping its buffers: a
    /// check folds an article block after block.
    pub fn refold(&mut self, original: &str) {
        self.text.clear();
        self.pieces.clear();
        self.text.reserve(original.len());
        let bytes = original.as_bytes();
        let mut in_gap = false;
        // Most of the text is ASCII with single spaces, which folds byte for
        // byte: such runs are copied whole (and lower-cased at the end), and
        // only what breaks the correspondence is handled on its own.
        let mut run_start = 0;
        // A run starting at `run_start` continues the previous one-to-one
        // piece (nothing was dropped or folded in between).
        let mut run_continues = false;
        let mut at = 0;
        // Eight bytes are tested at once ([`swar`]) and skipped when they
        // fold byte for byte; otherwise they are folded one at a time below,
        // and the next eight get the test again.
        let mut slow_until = 0;
        while at < bytes.len() {
            if at >= slow_until {
                if let Some(chunk) = swar::load(bytes, at)
                    && folds_byte_for_byte(chunk, in_gap)
                {
                    in_gap = chunk >> 56 == u64::from(b' ');
                    at += 8;
                    continue;
                }
                slow_until = at + 8;
            }
            let class = ASCII_CLASS[usize::from(bytes[at])];
            // The common bytes first, with plain branches: a `match` on
            // every byte compiles to an indirect jump the processor keeps
            // mispredicting.
            if matches!(class, Class::Plain) {
                in_gap = false;
                at += 1;
                continue;
            }
            if matches!(class, Class::Space) && !in_gap {
                in_gap = true;
                at += 1;
                continue;
            }
            match class {
                Class::OtherGap if !in_gap => {
                    // One for one, as a space.
                    if !self.flush_run(original, run_start..at, run_continues) {
                        self.start_piece(at);
                    }
                    self.text.push(' ');
                    run_start = at + 1;
                    run_continues = true;
                    in_gap = true;
                }
                // Plain bytes and a first space were taken above: what is
                // left is a gap after a gap, which is dropped.
                Class::Plain | Class::Space | Class::OtherGap => {
                    self.flush_run(original, run_start..at, run_continues);
                    run_start = at + 1;
                    run_continues = false;
                }
                Class::NotAscii => {
                    self.flush_run(original, run_start..at, run_continues);
                    run_start = at;
                    let Some(c) = original[at..].chars().next() else {
                        break;
                    };
                    if is_gap(c) {
                        if !in_gap {
                            self.push_piece(at, " ");
                        }
                        in_gap = true;
                    } else {
                        in_gap = false;
                        self.push_char(c, at);
                    }
                    run_start = at + c.len_utf8();
                    run_continues = false;
                    at = run_start;
                    continue;
                }
            }
            at += 1;
        }
        self.flush_run(original, run_start..at, run_continues);
        self.text.make_ascii_lowercase();
    }

    /// Copy the one-to-one ASCII run `run` of the original, starting a piece
    /// unless it continues the previous one. True when the next original
    /// byte would continue the current piece.
    fn flush_run(&mut self, original: &str, run: Range<usize>, continues: bool) -> bool {
        if run.is_empty() {
            return continues;
        }
        if !continues {
            self.start_piece(run.start);
        }
        self.text.push_str(&original[run]);
        true
    }

    /// A one-to-one piece from original byte `at` on.
    fn start_piece(&mut self, at: usize) {
        self.pieces.push(Piece {
            folded: self.text.len() as u32,
            original: at as u32,
            whole: false,
        });
    }

    /// Append `out` for the whole (non-ASCII) original character at `at`.
    fn push_piece(&mut self, at: usize, out: &str) {
        self.pieces.push(Piece {
            folded: self.text.len() as u32,
            original: at as u32,
            whole: true,
        });
        self.text.push_str(out);
    }

    /// Append the fold of the non-ASCII, non-gap character `c` at `at`.
    fn push_char(&mut self, c: char, at: usize) {
        if is_combining_mark(c) {
            // Decomposed accents ("e" + U+0301) vanish like precomposed ones.
        } else if matches!(c, '\u{2018}' | '\u{2019}' | '\u{02BC}') {
            self.push_piece(at, "'");
        } else if let Some(base) = latin_base(c) {
            self.push_piece(at, base);
        } else {
            // Lower case is at most three characters of four bytes: built
            // on the stack (curly quotes and dashes come here, many an
            // article).
            let mut buffer = [0; 12];
            let mut len = 0;
            for l in c.to_lowercase().filter(|l| !is_combining_mark(*l)) {
                len += l.encode_utf8(&mut buffer[len..]).len();
            }
            if let Ok(lower) = std::str::from_utf8(&buffer[..len])
                && !lower.is_empty()
            {
                self.push_piece(at, lower);
            }
        }
    }

    /// The original offset of the character that folded byte `at` came from.
    fn original_start(&self, at: usize) -> Option<(usize, bool)> {
        let index = self.pieces.partition_point(|p| p.folded as usize <= at);
        let piece = self.pieces.get(index.checked_sub(1)?)?;
        Some(if piece.whole {
            (piece.original as usize, true)
        } else {
            (
                piece.original as usize + (at - piece.folded as usize),
                false,
            )
        })
    }

    /// The range of the original text that folded bytes `range` came from,
    /// including any combining marks that trail its last character.
    pub fn original_range(&self, range: Range<usize>, original: &str) -> Range<usize> {
        if range.is_empty() || range.end > self.text.len() {
            return 0..0;
        }
        let (Some((start, _)), Some((last, _))) = (
            self.original_start(range.start),
            self.original_start(range.end - 1),
        ) else {
            return 0..0;
        };
        let mut end = last
            + original
                .get(last..)
                .and_then(|s| s.chars().next())
                .map_or(0, char::len_utf8);
        while let Some(c) = original.get(end..).and_then(|s| s.chars().next()) {
            if !is_combining_mark(c) {
                break;
            }
            end += c.len_utf8();
        }
        start..end
    }
}

/// The folded form of a short string (a name in a rule file).
pub fn fold(s: &str) -> String {
    Folded::new(s.trim()).text
}

/// [`fold`] for one word, borrowing it when folding would not change it:
/// lower-case ASCII words, which is most words of English copy.
pub fn fold_word(word: &str) -> Cow<'_, str> {
    let unchanged = word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'');
    if unchanged {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// A key that ignores everything folding ignores and also where the name is
/// split: "Jae-myung", "Jae Myung" and "Jaemyung" share one.
pub fn joined_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    push_joined_key(s, &mut key);
    key
}

/// [`joined_key`] written at the end of `keys`, which may hold many: an
/// article's name keys share one buffer rather than an allocation each.
/// Returns where in `keys` it went.
pub fn push_joined_key(s: &str, keys: &mut String) -> Range<usize> {
    let start = keys.len();
    // Most names are plain ASCII: folding lower-cases the letters and the
    // key drops the gaps (spaces, hyphens) between parts. Most are one
    // word with no gap, copied whole and lower-cased where they landed.
    let ascii_gap = |b: u8| b.is_ascii() && is_gap(char::from(b));
    let plain_word = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    if s.bytes().all(plain_word) {
        keys.push_str(s);
        keys[start..].make_ascii_lowercase();
    } else if s.bytes().all(|b| plain_word(b) || ascii_gap(b)) {
        let key = s.bytes().filter(|&b| !ascii_gap(b));
        keys.extend(key.map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        keys.extend(fold(s).chars().filter(|&c| c != ' '));
    }
    start..keys.len()
}

/// Eight bytes of text that fold byte for byte, so [`Folded::new`] may
/// skip them whole: ASCII with no hyphen, no white space but the space,
/// and no space after a space (`after_gap`: the byte before the chunk was
/// one). Most of an article's bytes pass.
fn folds_byte_for_byte(chunk: u64, after_gap: bool) -> bool {
    let space = swar::equal(chunk, b' ');
    // Each byte's space flag moved onto the byte after it; the first byte
    // follows the chunk before.
    let space_before = (space << 8) | if after_gap { 0x80 } else { 0 };
    swar::not_ascii(chunk)
        | swar::in_range(chunk, b'\t', b'\r')
        | swar::equal(chunk, b'-')
        | (space & space_before)
        == 0
}

/// How [`Folded::new`] treats a byte.
#[derive(Clone, Copy)]
enum Class {
    /// An ASCII byte that folds to itself (lower-cased).
    Plain,
    Space,
    /// ASCII white space other than a space, or a hyphen: folds to a space.
    OtherGap,
    /// Part of a non-ASCII character, folded as a whole character.
    NotAscii,
}

const ASCII_CLASS: [Class; 256] = {
    let mut table = [Class::NotAscii; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = match byte as u8 {
            b' ' => Class::Space,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b'-' => Class::OtherGap,
            _ => Class::Plain,
        };
        byte += 1;
    }
    table
};

/// White space and the hyphens that join name parts: both separate parts
/// the same way as far as spelling goes.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The unaccented lower-case letters of a precomposed Latin letter, for the
/// Latin-1, Latin Extended-A/B and Vietnamese blocks that names use.
fn latin_base(c: char) -> Option<&'static str> {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' | 'Ǎ' | 'ǎ' | 'Ạ'..='ặ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' | 'Ẹ'..='ệ' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' | 'Ǐ' | 'ǐ' | 'Ỉ'..='ị' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' | 'Ǒ' | 'ǒ' | 'Ơ' | 'ơ' | 'Ọ'..='ợ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'ß' => "ss",
        'Ś'..='š' | 'ſ' | 'Ș' | 'ș' => "s",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' | 'Ǔ'..='ǜ' | 'Ư' | 'ư' | 'Ụ'..='ự' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' | 'Ỳ'..='ỹ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_hyphens_and_spaces() {
        assert_eq!(fold("José  Andrés"), "jose andres");
        assert_eq!(fold("LEE Jae-Myung"), "lee jae myung");
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Łukasz Żak"), "lukasz zak");
        assert_eq!(fold("Nguyễn Phú Trọng"), "nguyen phu trong");
        assert_eq!(fold("O’Brien"), "o'brien");
        assert_eq!(fold("Jose\u{301}"), "jose");
        // Outside the Latin table: lower case, combining marks dropped
        // (İ lowers to "i" and a combining dot), other characters kept.
        assert_eq!(fold("ЗЕЛЕНСЬКИЙ"), "зеленський");
        assert_eq!(fold("İZMİR"), "izmir");
        assert_eq!(fold("“Kyiv”"), "“kyiv”");
        assert_eq!(joined_key("Jae-myung"), joined_key("Jae myung"));
        assert_eq!(joined_key("Jaemyung"), joined_key("JAE-MYUNG"));
        // The plain-ASCII shortcut agrees with full folding.
        for word in ["Kowalczyk", "O'Brien", "McDONALD", "R2D2", "o'neill"] {
            let slow: String = fold(word).chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined_key(word), slow, "{word}");
        }
    }

    #[test]
    fn refolding_forgets_the_text_before() {
        let mut folded = Folded::new("Ça va, Straße   Łódź");
        let text = "Kowalczyk  left";
        folded.refold(text);
        let fresh = Folded::new(text);
        assert_eq!(folded.text, fresh.text);
        assert_eq!(
            format!("{:?}", folded.pieces),
            format!("{:?}", fresh.pieces)
        );
        assert_eq!(folded.original_range(10..14, text), 11..15);
    }

    #[test]
    fn folded_ranges_map_back_to_the_original() {
        let text = "Mr José\u{301}  Andrés-Ruiz’s plan";
        let folded = Folded::new(text);
        let at = folded.text.find("jose andres ruiz").unwrap();
        let range = folded.original_range(at..at + "jose andres ruiz".len(), text);
        assert_eq!(&text[range], "José\u{301}  Andrés-Ruiz");
    }

    #[test]
    fn expansions_map_to_their_whole_character() {
        let text = "Straße";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "strasse");
        assert_eq!(&text[folded.original_range(0..7, text)], "Straße");
        assert_eq!(&text[folded.original_range(4..5, text)], "ß");
        assert_eq!(&text[folded.original_range(6..7, text)], "e");
    }

    #[test]
    fn plain_text_needs_one_piece() {
        let text = "Mayor Ewa Kowalczyk signed the deal on Pier 4.\nShe left.";
        let folded = Folded::new(text);
        assert_eq!(folded.pieces.len(), 1);
        let at = folded.text.find("kowalczyk").unwrap();
        assert_eq!(&text[folded.original_range(at..at + 9, text)], "Kowalczyk");
        let double = "Lee  Jae\u{a0}Myung";
        let folded = Folded::new(double);
        assert_eq!(folded.text, "lee jae myung");
        assert_eq!(
            &double[folded.original_range(4..13, double)],
            "Jae\u{a0}Myung"
        );
    }

    /// Folding a character at a time, the plain way.
    fn reference_fold(text: &str) -> String {
        let mut out = String::new();
        let mut in_gap = false;
        for c in text.chars() {
            if is_gap(c) {
                if !in_gap {
                    out.push(' ');
                }
                in_gap = true;
                continue;
            }
            in_gap = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if is_combining_mark(c) {
            } else if matches!(c, '\u{2018}' | '\u{2019}' | '\u{02BC}') {
                out.push('\'');
            } else if let Some(base) = latin_base(c) {
                out.push_str(base);
            } else {
                out.extend(c.to_lowercase().filter(|l| !is_combining_mark(*l)));
            }
        }
        out
    }

    #[test]
    fn byte_classes_agree_with_gaps() {
        for byte in 0..128u8 {
            let gap = is_gap(char::from(byte));
            let class = ASCII_CLASS[usize::from(byte)];
            assert_eq!(!matches!(class, Class::Plain), gap, "{byte:#x}");
            assert!(!matches!(class, Class::NotAscii), "{byte:#x}");
        }
        assert!(matches!(ASCII_CLASS[0x80], Class::NotAscii));
    }

    /// Whether eight bytes fold byte for byte, a byte at a time.
    fn reference_byte_for_byte(bytes: [u8; 8], mut after_gap: bool) -> bool {
        bytes.iter().all(|&b| {
            let plain = b.is_ascii() && b != b'-' && !(b'\t'..=b'\r').contains(&b);
            let ok = plain && !(b == b' ' && after_gap);
            after_gap = b == b' ';
            ok
        })
    }

    proptest::proptest! {
        /// The eight-byte test agrees with a byte-at-a-time one.
        #[test]
        fn chunk_test_agrees_byte_by_byte(
            bytes in proptest::array::uniform8(proptest::sample::select(
                vec![b'a', b'Z', b' ', b'-', b'\n', b'\t', 0x1f, 0x20, 0x21, 0x2c, 0x2e, 0x7f, 0x80, 0xc3, 0xff, 0x00]
            )),
            after_gap: bool,
        ) {
            proptest::prop_assert_eq!(
                folds_byte_for_byte(u64::from_le_bytes(bytes), after_gap),
                reference_byte_for_byte(bytes, after_gap)
            );
        }

        /// The ASCII shortcut of `joined_key` keys as folding would.
        #[test]
        fn joined_keys_are_folds_without_gaps(text in "[a-zA-Z0-9' \t\n\r\x0b-]{0,20}") {
            let mut folded = fold(&text);
            folded.retain(|c| c != ' ');
            proptest::prop_assert_eq!(joined_key(&text), folded);
        }

        /// The folded text is the plain fold, and every word of it maps
        /// back to original text that folds to the same word.
        #[test]
        fn folded_words_map_back_to_text_that_folds_the_same(
            text in "[a-zA-Z'’ \\-\n\t.,éÉßØ\u{301}\u{a0}]{0,40}|([a-z]{1,12}[ ,.]{1,2}){0,12}[- ’é]?([a-z]{1,12}[ ,.]{1,2}){0,12}"
        ) {
            let folded = Folded::new(&text);
            proptest::prop_assert_eq!(&folded.text, &reference_fold(&text));
            let mut at = 0;
            for word in folded.text.split(' ') {
                let range = at..at + word.len();
                at = range.end + 1;
                if word.is_empty() {
                    continue;
                }
                let original = folded.original_range(range, &text);
                proptest::prop_assert_eq!(reference_fold(&text[original]), word);
            }
        }
    }
}

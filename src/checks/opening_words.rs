//! A one-bit-per-slot set of the words a list of phrases opens with, asked
//! at each word start of a text before an automaton is walked from there.
//!
//! A walk from a word start costs a chain of table reads, each waiting for
//! the one before; through a long list's automaton (megabytes) most of
//! those reads miss the cache, even for the common words ("minister",
//! "said") that share a few letters with some listed name and are then
//! abandoned. Whether the word at a start is one a phrase opens with is a
//! few register operations and one read of a table small enough to stay
//! in cache, so the walk is taken only where it may find something.
//!
//! A word here is a run of ASCII letters and digits, ASCII case ignored,
//! and only its first eight bytes count (a word and its key agree on
//! whether they are longer). For a phrase that matches on word boundaries
//! from a word start, the text's word there is the phrase's opening word:
//! the text repeats the phrase's bytes, and after a phrase that ends
//! inside its opening word the boundary test wants no letter or digit. So
//! an opening word not in the set rules a walk out; the set may answer yes
//! wrongly (two keys sharing a slot), which only costs a walk.

use super::{byte_masks, swar};

#[derive(Debug)]
pub struct OpeningWords {
    slots: Box<[u64]>,
    /// The keys themselves, sorted: what a slot's bit cannot tell apart.
    keys: Box<[u64]>,
    /// A key's slot is the top bits of its hash: 64 less this many.
    shift: u32,
}

/// Slots per opening word: about one word in this many that opens no
/// phrase still shares a slot with one that does.
const SLOTS_PER_WORD: usize = 32;
const FEWEST_SLOTS: usize = 1 << 10;

impl OpeningWords {
    /// The opening words of `phrases`, which must all match on word
    /// boundaries only.
    pub fn new(phrases: &[impl AsRef<[u8]>]) -> OpeningWords {
        let mut keys: Vec<u64> = phrases.iter().map(|p| key(p.as_ref(), 0)).collect();
        keys.sort_unstable();
        keys.dedup();
        let wanted = (keys.len() * SLOTS_PER_WORD)
            .next_power_of_two()
            .max(FEWEST_SLOTS);
        let mut set = OpeningWords {
            slots: vec![0; wanted / 64].into_boxed_slice(),
            keys: Box::default(),
            shift: 64 - wanted.trailing_zeros(),
        };
        for &key in &keys {
            let slot = set.slot(key);
            set.slots[slot / 64] |= 1 << (slot % 64);
        }
        set.keys = keys.into_boxed_slice();
        set
    }

    /// Whether a phrase may open with the word at `at` of `text`.
    pub fn may_open(&self, text: &[u8], at: usize) -> bool {
        self.in_slot(key(text, at))
    }

    /// Whether a phrase opens with the word at `at` of `text`, as far as
    /// the first eight bytes tell (ASCII case ignored): [`Self::may_open`]
    /// without the words that only share a slot with an opening word. The
    /// definition [`Self::open_a_word_of`] is tested against.
    #[cfg(test)]
    fn opens(&self, text: &[u8], at: usize) -> bool {
        self.holds(key(text, at))
    }

    /// Whether a phrase opens with some word of `text`, a word being a run
    /// of ASCII letters and digits (any other byte, those of a character
    /// outside ASCII included, separates words): whether the word at some
    /// word start is one a phrase opens with, as far as the first eight
    /// bytes tell (ASCII case ignored), slot-sharers ruled out.
    ///
    /// Asked of nearly every block of every article when the list is long,
    /// so each byte is classed once, 64 bytes at a time into a bit each
    /// ([`byte_masks`]). A window's word starts are then one mask, and a
    /// start's key is its eight bytes cut where the mask says its word
    /// ends: no byte is classed again at a start.
    pub fn open_a_word_of(&self, text: &[u8]) -> bool {
        let mut spare = [0; byte_masks::SPAN];
        // Whether the byte before the window is a letter or digit, as bit 0.
        let mut carry = 0;
        let mut at = 0;
        while at < text.len() {
            let span = byte_masks::span(text, at, &mut spare);
            let (word, after) = byte_masks::ascii_alphanumeric(span);
            let mut starts = word & !((word << 1) | carry);
            while starts != 0 {
                // Under 64: a start lies in the window.
                let i = starts.trailing_zeros() as usize & 63;
                // The start's word as far as eight bytes go; a start in the
                // window's last bytes needs the bytes after it.
                let ahead = if i <= 56 {
                    word >> i
                } else {
                    (word >> i) | (after << (64 - i))
                };
                let chunk = u64::from_le_bytes(span[i..i + 8].try_into().expect("eight bytes"));
                if self.holds(key_of_bits(chunk, ahead)) {
                    return true;
                }
                starts &= starts - 1;
            }
            carry = word >> 63;
            at += 64;
        }
        false
    }

    /// Whether `key` is an opening word's key.
    fn holds(&self, key: u64) -> bool {
        self.in_slot(key) && self.keys.binary_search(&key).is_ok()
    }

    fn in_slot(&self, key: u64) -> bool {
        let slot = self.slot(key);
        self.slots[slot / 64] & (1 << (slot % 64)) != 0
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

/// The first eight bytes of the word at `at`, lower-cased, the bytes after
/// the word cleared (a word's bytes are never zero, so words of different
/// lengths differ).
fn key(text: &[u8], at: usize) -> u64 {
    let chunk = swar::load_padded(text, at);
    key_of(chunk, swar::ascii_alphanumeric(chunk))
}

/// [`key_of`] with the word's bytes told by `word_bits`, bit `i` set when
/// byte `i` of `chunk` is a letter or digit (bit 0 is: a word starts
/// there).
fn key_of_bits(chunk: u64, word_bits: u64) -> u64 {
    // One to eight: the word's length, as far as eight bytes go.
    let length = (!word_bits | 1 << 8).trailing_zeros();
    let in_word = u64::MAX >> (64 - 8 * length);
    (chunk | 0x2020_2020_2020_2020) & in_word
}

/// [`key`] of the eight bytes `chunk` whose word starts at its first byte,
/// `word` being its mask of ASCII letters and digits.
fn key_of(chunk: u64, word: u64) -> u64 {
    // The lowest high bit of a byte outside the word, moved to bit 0 of
    // that byte, less one: every bit of the bytes before it (all of them
    // when the word fills the chunk, as zero less one is).
    let outside = !word & swar::HIGH;
    let in_word = ((outside & outside.wrapping_neg()) >> 7).wrapping_sub(1);
    // Setting bit 0x20 lower-cases an ASCII capital and leaves lower-case
    // letters and digits as they are: all a word holds.
    (chunk | 0x2020_2020_2020_2020) & in_word
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word at `at` by the definition above, one byte at a time.
    fn reference_key(text: &[u8], at: usize) -> Vec<u8> {
        text[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .take(8)
            .map(u8::to_ascii_lowercase)
            .collect()
    }

    #[test]
    fn opening_words_are_found_and_others_mostly_not() {
        let phrases = ["lee jae myung", "o'brien", "kowalczyk", "ministry", "él"];
        let set = OpeningWords::new(&phrases);
        let text = "Kowalczyk said LEE met O'Brien at the Ministry of Health";
        let at = |word: &str| text.find(word).unwrap();
        for word in ["Kowalczyk", "LEE", "O'Brien", "Ministry"] {
            assert!(set.may_open(text.as_bytes(), at(word)), "{word}");
        }
        // A word opening with a letter outside ASCII has an empty key, as
        // does the phrase "él".
        assert!(set.may_open("école".as_bytes(), 0));
        // 1,024 slots and five words: these fall in empty ones.
        for word in ["said", " at", "the", "Health"] {
            let start = at(word) + usize::from(word.starts_with(' '));
            assert!(!set.may_open(text.as_bytes(), start), "{word}");
        }
    }

    #[test]
    fn words_sharing_a_slot_with_an_opening_word_do_not_open_one() {
        let phrases = ["kowalczyk", "ministry"];
        let set = OpeningWords::new(&phrases);
        let mut shared = 0;
        for n in 0..5_000 {
            let word = format!("w{n}");
            let opens_one = set.opens(word.as_bytes(), 0);
            assert!(!opens_one, "{word}");
            shared += usize::from(set.may_open(word.as_bytes(), 0) && !opens_one);
        }
        assert!(shared > 0, "some word shares a slot");
        assert!(set.opens(b"KOWALCZYK said", 0) && set.opens(b"the Ministry", 4));
    }

    proptest::proptest! {
        /// The words found eight bytes at a time are the words a byte at a
        /// time: some phrase opens one exactly when the reference says so.
        #[test]
        fn a_text_opens_a_phrase_where_one_of_its_words_does(
            text in "([abAB9]{1,3}|[a-c]{7,10}|[ .,'é-]){0,40}",
        ) {
            // Short words over a small alphabet, so that some texts open a
            // phrase and others do not; long ones for the eight-byte keys.
            let set = OpeningWords::new(&["ab x", "b", "9a", "abcabcab"]);
            // Every suffix, so that each word meets every position in the
            // eight-byte chunks and in the bytes after the last one.
            for from in 0..=text.len() {
                let bytes = &text.as_bytes()[from..];
                let reference = (0..bytes.len()).any(|at| {
                    bytes[at].is_ascii_alphanumeric()
                        && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
                        && set.opens(bytes, at)
                });
                proptest::prop_assert_eq!(set.open_a_word_of(bytes), reference);
            }
        }

        /// Keys agree exactly when the byte-at-a-time words do, wherever
        /// the text ends.
        #[test]
        fn keys_are_the_words_first_eight_bytes(
            a in "[a-zA-Z0-9 '.é-]{0,12}",
            b in "[a-zA-Z0-9 '.é-]{0,12}",
        ) {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            for i in 0..=a.len() {
                for j in 0..=b.len() {
                    proptest::prop_assert_eq!(
                        key(a, i) == key(b, j),
                        reference_key(a, i) == reference_key(b, j)
                    );
                }
            }
        }
    }
}

//! Fixed lists of English words (titles, speech verbs, function words)
//! that checks look words up in, word after word of every article.

use std::sync::OnceLock;

use foldhash::HashSet;

/// A fixed word list, looked up by hash: the names and attribution checks
/// ask these about most words of every article.
pub struct WordList {
    words: &'static [&'static str],
    /// A filter that turns most words away before any hashing, made when
    /// the program is compiled: the longest word's length, and a bit per
    /// (length, first byte, last byte) signature of the words in the list.
    longest: usize,
    signatures: Bits<SIGNATURE_WORDS>,
    set: OnceLock<HashSet<&'static str>>,
}

const SIGNATURE_WORDS: usize = 16;

/// A set of small numbers, a bit each (`WORDS` × 64 of them): the cheap
/// filters that turn most words away before anything is hashed.
#[derive(Debug, Clone, Copy)]
pub struct Bits<const WORDS: usize>([u64; WORDS]);

impl<const WORDS: usize> Default for Bits<WORDS> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const WORDS: usize> Bits<WORDS> {
    pub const fn new() -> Self {
        Bits([0; WORDS])
    }

    /// Adds `bit`, taken modulo the set's size.
    pub const fn insert(&mut self, bit: usize) {
        let bit = bit % (WORDS * 64);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether `bit`, taken modulo the set's size, was added.
    pub const fn contains(&self, bit: usize) -> bool {
        let bit = bit % (WORDS * 64);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A bit index for `word`'s length and outer bytes.
const fn signature(word: &[u8]) -> usize {
    let (first, last) = match word {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    (first as usize * 31 + last as usize) * 17 + word.len()
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        let mut longest = 0;
        let mut signatures = Bits::new();
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            if word.len() > longest {
                longest = word.len();
            }
            signatures.insert(signature(word));
            i += 1;
        }
        WordList {
            words,
            longest,
            signatures,
            set: OnceLock::new(),
        }
    }

    /// The words, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// False for most words not in the list, without hashing them.
    fn may_contain(&self, word: &[u8]) -> bool {
        // Both tests, not one then the other: whether a word is short
        // enough is a coin toss the processor keeps losing; whether the
        // pair passes is nearly always no.
        (word.len() <= self.longest) & self.signatures.contains(signature(word))
    }

    pub fn contains(&self, word: &str) -> bool {
        self.may_contain(word.as_bytes())
            && self
                .set
                .get_or_init(|| self.words.iter().copied().collect())
                .contains(word)
    }

    /// Whether the list holds `word` in lower case (ASCII letters lowered;
    /// the lists are English).
    pub fn contains_lowercase(&self, word: &str) -> bool {
        const LONGEST: usize = 32;
        if word.len() > LONGEST || !word.is_ascii() {
            return self.contains(&word.to_lowercase());
        }
        let mut buffer = [0u8; LONGEST];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        self.may_contain(lower) && std::str::from_utf8(lower).is_ok_and(|l| self.contains(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static LIST: WordList = WordList::new(&["said", "Mayor", "da", "a"]);

    #[test]
    fn finds_its_words_and_only_those() {
        for word in LIST.words() {
            assert!(LIST.contains(word), "{word}");
            assert!(!LIST.contains(&format!("{word}x")), "{word}x");
        }
        assert!(!LIST.contains("") && !LIST.contains("mayor") && !LIST.contains("Said"));
        assert!(LIST.contains_lowercase("SAID") && LIST.contains_lowercase("Da"));
        assert!(
            !LIST.contains_lowercase("Mayor"),
            "the list holds it capitalised"
        );
        assert!(!LIST.contains_lowercase("Saïd"));
    }
}

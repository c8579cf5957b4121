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
    signatures: [u64; SIGNATURE_WORDS],
    set: OnceLock<HashSet<&'static str>>,
}

const SIGNATURE_WORDS: usize = 16;

/// A bit index for `word`'s length and outer bytes.
const fn signature(word: &[u8]) -> usize {
    let (first, last) = match word {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    let mixed = (first as usize * 31 + last as usize) * 17 + word.len();
    mixed % (SIGNATURE_WORDS * 64)
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        let mut longest = 0;
        let mut signatures = [0u64; SIGNATURE_WORDS];
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            if word.len() > longest {
                longest = word.len();
            }
            let bit = signature(word);
            signatures[bit / 64] |= 1 << (bit % 64);
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
        let bit = signature(word);
        word.len() <= self.longest && self.signatures[bit / 64] & (1 << (bit % 64)) != 0
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

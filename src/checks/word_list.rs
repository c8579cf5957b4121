//! Fixed lists of English words (titles, speech verbs, function words)
//! that checks look words up in, word after word of every article.

use std::sync::OnceLock;

use foldhash::HashSet;

/// A fixed word list, looked up by hash: the names and attribution checks
/// ask these about most words of every article.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<IndexedWords>,
}

/// The set, and a filter that turns most words away before any hashing:
/// the longest word's length, and a bit per (length, first byte, last
/// byte) signature of the words in the list.
struct IndexedWords {
    set: HashSet<&'static str>,
    longest: usize,
    signatures: [u64; SIGNATURE_WORDS],
}

const SIGNATURE_WORDS: usize = 16;

/// A bit index for `word`'s length and outer bytes.
fn signature(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = match bytes {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    let mixed = (usize::from(first) * 31 + usize::from(last)) * 17 + bytes.len();
    mixed % (SIGNATURE_WORDS * 64)
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// The words, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    pub fn contains(&self, word: &str) -> bool {
        let index = self.set.get_or_init(|| {
            let mut signatures = [0u64; SIGNATURE_WORDS];
            for word in self.words {
                let bit = signature(word);
                signatures[bit / 64] |= 1 << (bit % 64);
            }
            IndexedWords {
                set: self.words.iter().copied().collect(),
                longest: self.words.iter().map(|w| w.len()).max().unwrap_or(0),
                signatures,
            }
        });
        let bit = signature(word);
        word.len() <= index.longest
            && index.signatures[bit / 64] & (1 << (bit % 64)) != 0
            && index.set.contains(word)
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
        std::str::from_utf8(lower).is_ok_and(|l| self.contains(l))
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

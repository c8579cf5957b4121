//! Fixed lists of English words (titles, speech verbs, function words)
//! that checks look words up in, word after word of every article.

use std::sync::OnceLock;

use crate::document::segment::ascii_lowercase;

/// A fixed word list, looked up by signature: the names and attribution
/// checks ask these about most words of every article.
pub struct WordList {
    words: &'static [&'static str],
    /// A filter that turns most words away before any lookup, made when
    /// the program is compiled: the longest word's length, and a bit per
    /// (length, first byte, last byte) signature of the words in the list.
    longest: usize,
    signatures: Bits<SIGNATURE_WORDS>,
    by_signature: OnceLock<BySignature>,
}

const SIGNATURE_WORDS: usize = 16;
const SIGNATURES: usize = SIGNATURE_WORDS * 64;

/// The words grouped by signature (modulo [`SIGNATURES`]): a word that
/// passes the filter is compared with the one or two words of its group,
/// which costs less than hashing it.
struct BySignature {
    /// Group `g` is `words[starts[g]..starts[g + 1]]`.
    starts: Box<[u32]>,
    words: Box<[&'static str]>,
}

impl BySignature {
    fn new(list: &[&'static str]) -> BySignature {
        let mut words = list.to_vec();
        words.sort_by_key(|w| signature(w.as_bytes()) % SIGNATURES);
        let mut starts = vec![0u32; SIGNATURES + 1];
        for word in &words {
            starts[signature(word.as_bytes()) % SIGNATURES + 1] += 1;
        }
        for g in 0..SIGNATURES {
            starts[g + 1] += starts[g];
        }
        BySignature {
            starts: starts.into_boxed_slice(),
            words: words.into_boxed_slice(),
        }
    }

    fn contains(&self, word: &[u8]) -> bool {
        let group = signature(word) % SIGNATURES;
        let (from, to) = (self.starts[group], self.starts[group + 1]);
        self.words[from as usize..to as usize]
            .iter()
            .any(|w| w.as_bytes() == word)
    }
}

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
            by_signature: OnceLock::new(),
        }
    }

    /// The words, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// False for most words not in the list, without looking them up.
    #[inline]
    fn may_contain(&self, word: &[u8]) -> bool {
        // Both tests, not one then the other: whether a word is short
        // enough is a coin toss the processor keeps losing; whether the
        // pair passes is nearly always no.
        (word.len() <= self.longest) & self.signatures.contains(signature(word))
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// The filter where the word is asked about; the groups, rarely
    /// reached, out of line.
    #[inline]
    fn contains_bytes(&self, word: &[u8]) -> bool {
        self.may_contain(word) && self.in_groups(word)
    }

    #[inline(never)]
    fn in_groups(&self, word: &[u8]) -> bool {
        self.by_signature
            .get_or_init(|| BySignature::new(self.words))
            .contains(word)
    }

    /// Whether the list holds `word` in lower case (ASCII letters lowered;
    /// the lists are English).
    pub fn contains_lowercase(&self, word: &str) -> bool {
        let mut buffer = [0; 32];
        match ascii_lowercase(word, &mut buffer) {
            Some(lower) => self.contains_bytes(lower),
            None => self.contains(&word.to_lowercase()),
        }
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

    #[test]
    fn words_sharing_a_signature_are_told_apart() {
        // More words than signatures: every group holds several, and
        // words of one length and outer letters ("bab", "bcb") share one.
        let words: Vec<&'static str> = (0..3000)
            .map(|n: u32| {
                let inner: String = n
                    .to_string()
                    .bytes()
                    .map(|d| char::from(b'a' + d - b'0'))
                    .collect();
                &*Box::leak(format!("b{inner}b").into_boxed_str())
            })
            .collect();
        let list = WordList::new(Box::leak(words.clone().into_boxed_slice()));
        for word in &words {
            assert!(list.contains(word), "{word}");
            assert!(!list.contains(&format!("{word}z")), "{word}z");
            assert!(!list.contains(&word.replace('b', "c")), "{word} as c");
        }
        assert!(!list.contains("bb") && !list.contains("b"));
    }
}

//! Which single-word spellings are one slip apart.
//!
//! Two folded spellings are *slips* of each other when one letter was
//! changed, added, dropped, or two neighbours swapped, away from the first
//! and last letters: "Kowalczyk"/"Kowalcyzk", "Nakamura"/"Nakamora". Edits at
//! the ends are left out on purpose: they are how words inflect ("Korean",
//! "Koreans", "Israel", "Israeli") and how different names differ
//! ("Ronald", "Donald", "Fernandez", "Fernandes").
//!
//! Candidates are found with a deletion index (each spelling and each
//! spelling less one letter), so the cost grows with the number of
//! spellings, not with its square.

/// Shortest spelling (in characters) compared for slips.
pub const MIN_LETTERS: usize = 5;

/// A deletion bucket larger than this is a degenerate text (hundreds of
/// near-identical words); it is skipped rather than compared pairwise.
const MAX_BUCKET: usize = 24;

/// Pairs `(i, j)`, `i < j`, of `spellings` that are slips of each other,
/// and whether some bucket was too crowded to compare, or the spellings
/// too many to index (only then can a subset of `spellings` have a pair
/// this set does not).
pub fn slip_pairs(spellings: &[&str]) -> (Vec<(usize, usize)>, bool) {
    // Buckets are keyed by a hash of the spelling less one letter, made
    // without building that string: a polynomial hash, so each deletion's
    // hash comes from the hashes of what stands before and after it, and a
    // spelling costs time in proportion to its length. A collision could
    // only put two spellings in one bucket, and every pair from a bucket is
    // confirmed by `is_slip`.
    // Each key and its spelling's index share one `u64` (the index in the
    // low bits, in place of the hash's), so the sort moves and compares
    // single words: it was the most of this function's time. A text with
    // more spellings than the index bits number is a degenerate export;
    // it is crowded, as a huge bucket is, and not searched.
    if spellings.len() > INDEX as usize {
        return (Vec::new(), true);
    }
    let entry = |hash: u64, index: usize| (hash & !INDEX) | index as u64;
    // A spelling makes at most one key a character: room for all at once.
    let mut keyed: Vec<u64> = Vec::with_capacity(spellings.iter().map(|s| s.len()).sum());
    let mut chars: Vec<u64> = Vec::new();
    let mut suffixes: Vec<u64> = Vec::new();
    let mut powers: Vec<u64> = Vec::new();
    for (index, spelling) in spellings.iter().enumerate() {
        chars.clear();
        chars.extend(spelling.chars().map(|c| u64::from(c) + 1));
        let len = chars.len();
        if len < MIN_LETTERS {
            continue;
        }
        // powers[k]: BASE to the k, made once for the longest spelling so
        // far; suffixes[i]: the hash of chars[i..].
        while powers.len() <= len {
            powers.push(powers.last().map_or(1, |p: &u64| p.wrapping_mul(BASE)));
        }
        suffixes.clear();
        suffixes.resize(len + 1, 0);
        for i in (0..len).rev() {
            suffixes[i] = chars[i]
                .wrapping_mul(powers[len - i - 1])
                .wrapping_add(suffixes[i + 1]);
        }
        keyed.push(entry(suffixes[0], index));
        // The hash of chars[..i] followed by chars[i + 1..].
        let mut prefix = chars[0];
        for skip in 1..len - 1 {
            let rest = len - skip - 1;
            keyed.push(entry(
                prefix
                    .wrapping_mul(powers[rest])
                    .wrapping_add(suffixes[skip + 1]),
                index,
            ));
            prefix = prefix.wrapping_mul(BASE).wrapping_add(chars[skip]);
        }
    }
    keyed.sort_unstable();
    let mut pairs = Vec::new();
    let mut crowded = false;
    for bucket in keyed.chunk_by(|a, b| (a ^ b) & !INDEX == 0) {
        crowded |= bucket.len() > MAX_BUCKET;
        if bucket.len() < 2 || bucket.len() > MAX_BUCKET {
            continue;
        }
        let index = |entry: u64| (entry & INDEX) as usize;
        for (n, &a) in bucket.iter().enumerate() {
            for &b in &bucket[n + 1..] {
                let (a, b) = (index(a), index(b));
                if a != b && is_slip(spellings[a], spellings[b]) {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    (pairs, crowded)
}

/// The bits of a keyed entry that hold its spelling's index; the others
/// hold the key's hash (40 bits: a collision is rare, and harmless).
const INDEX: u64 = (1 << 24) - 1;

/// The base of the spelling hash: odd and large, so characters mix.
const BASE: u64 = 0x0100_0000_01b3;

/// One edit apart (substitution, insertion, deletion or swap of
/// neighbours), the edit touching neither the first nor the last letter,
/// both at least [`MIN_LETTERS`] long.
pub fn is_slip(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().min(b.len()) < MIN_LETTERS || a == b {
        return false;
    }
    let inside = |i: usize, len: usize| i > 0 && i + 1 < len;
    if a.len() == b.len() {
        let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return match differ.as_slice() {
            [i] => inside(*i, a.len()),
            [i, j] => {
                *j == i + 1
                    && a[*i] == b[*j]
                    && a[*j] == b[*i]
                    && inside(*i, a.len())
                    && inside(*j, a.len())
            }
            _ => false,
        };
    }
    let (long, short) = if a.len() > b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() != short.len() + 1 {
        return false;
    }
    let at = (0..short.len())
        .find(|&i| long[i] != short[i])
        .unwrap_or(short.len());
    long[at + 1..] == short[at..] && inside(at, long.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_inside_the_word_count() {
        assert!(is_slip("kowalczyk", "kowalcyzk"));
        assert!(is_slip("nakamura", "nakamora"));
        assert!(is_slip("phillips", "philips"));
        assert!(is_slip("johnson", "johnston"));
    }

    #[test]
    fn edits_at_the_ends_and_short_words_do_not() {
        assert!(!is_slip("korean", "koreans"));
        assert!(!is_slip("israel", "israeli"));
        assert!(!is_slip("ronald", "donald"));
        assert!(!is_slip("fernandez", "fernandes"));
        assert!(!is_slip("christian", "christina"));
        assert!(!is_slip("iran", "iraq"));
        assert!(!is_slip("austria", "australia"));
        assert!(!is_slip("same", "same"));
    }

    #[test]
    fn the_index_finds_the_same_pairs_as_comparing_all() {
        let words: Vec<&str> = [
            "kowalczyk",
            "kowalcyzk",
            "nakamura",
            "nakamora",
            "okafor",
            "reyes",
            "philips",
            "phillips",
        ]
        .to_vec();
        let mut brute = Vec::new();
        for i in 0..words.len() {
            for j in i + 1..words.len() {
                if is_slip(words[i], words[j]) {
                    brute.push((i, j));
                }
            }
        }
        assert_eq!(slip_pairs(&words), (brute.clone(), false));
        assert_eq!(brute, [(0, 1), (2, 3), (6, 7)]);
    }

    proptest::proptest! {
        /// Spellings from a few letters, so slips are common.
        #[test]
        fn the_index_agrees_with_comparing_all(words in proptest::collection::vec("[abcé]{4,8}", 0..16)) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut brute = Vec::new();
            for i in 0..words.len() {
                for j in i + 1..words.len() {
                    if is_slip(words[i], words[j]) {
                        brute.push((i, j));
                    }
                }
            }
            let (pairs, crowded) = slip_pairs(&words);
            if !crowded {
                proptest::prop_assert_eq!(pairs, brute);
            }
        }
    }
}

//! Eight bytes of text tested at once, in a `u64` ("SIMD within a
//! register").
//!
//! The scans that read every byte of an article (the names tokenizer,
//! folding for the house list, the promo check's word count) spend most
//! of their time not on the tests themselves but on the processor guessing
//! wrong where a word or a run of plain text ends: a branch a byte
//! mispredicts at nearly every space. A mask of eight bytes computed
//! without branches, then one `trailing_zeros`, finds the same place with
//! one predictable branch.
//!
//! Every mask here has the high bit (0x80) of each byte that passes the
//! test set and every other bit clear; byte `i` of the text is byte `i` of
//! the `u64` read little-endian ([`load`]), so `trailing_zeros() / 8` of a
//! mask is the offset of the first byte that passes. The tests are exact
//! byte by byte: no carry or borrow crosses from one byte into the next.

const ONES: u64 = 0x0101_0101_0101_0101;
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes of `bytes` from `at`, when there are eight.
pub fn load(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(chunk.try_into().ok()?))
}

/// Eight bytes of `bytes` from `at`, zeros standing for those past the
/// end (all of them when `at` is past it).
pub fn load_padded(bytes: &[u8], at: usize) -> u64 {
    load(bytes, at).unwrap_or_else(|| {
        let mut padded = [0u8; 8];
        let tail = bytes.get(at..).unwrap_or_default();
        padded[..tail.len()].copy_from_slice(tail);
        u64::from_le_bytes(padded)
    })
}

/// Bytes equal to `byte`.
pub fn equal(chunk: u64, byte: u8) -> u64 {
    let v = chunk ^ (u64::from(byte) * ONES);
    // A byte is zero when adding 0x7F to its low seven bits leaves the high
    // bit clear and its own high bit is clear.
    !(((v & !HIGH) + !HIGH) | v) & HIGH
}

/// Bytes that are not ASCII (part of a longer UTF-8 character).
pub fn not_ascii(chunk: u64) -> u64 {
    chunk & HIGH
}

/// ASCII bytes in `low..=high` (both ASCII, `low > 0`); bytes that are not
/// ASCII never pass.
pub fn in_range(chunk: u64, low: u8, high: u8) -> u64 {
    debug_assert!(0 < low && low <= high && high < 0x80);
    let seven = chunk & !HIGH;
    // Seven bits plus at most 0x7F never carries out of the byte.
    let at_least_low = (seven + u64::from(0x80 - low) * ONES) & HIGH;
    let above_high = (seven + u64::from(0x7F - high) * ONES) & HIGH;
    at_least_low & !above_high & !chunk
}

/// ASCII letters and digits.
pub fn ascii_alphanumeric(chunk: u64) -> u64 {
    // Setting bit 0x20 maps 'A'..='Z' onto 'a'..='z' and moves no other
    // byte into that range.
    in_range(chunk | (0x20 * ONES), b'a', b'z') | in_range(chunk, b'0', b'9')
}

/// From `at`, eight bytes at a time, to the first byte `stop` passes, or
/// to where fewer than eight bytes are left: the caller judges the bytes
/// from there one at a time.
pub fn skip_to(bytes: &[u8], mut at: usize, stop: impl Fn(u64) -> u64) -> usize {
    while let Some(chunk) = load(bytes, at) {
        let mask = stop(chunk);
        if mask != 0 {
            return at + first(mask);
        }
        at += 8;
    }
    at
}

/// A mask's bytes as bits, byte `i`'s high bit as bit `i` (the other
/// bits clear). On x86-64 [`super::byte_masks`] packs with SSE2 instead.
#[cfg(any(test, not(target_arch = "x86_64")))]
pub fn packed(mask: u64) -> u64 {
    // The multiplier moves byte i's bit to bit 56 + i, without carries.
    (mask >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Offset of the first byte a mask passes (8 when none does).
pub fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value, in every position, against the byte-at-a-time
    /// definition.
    #[test]
    fn masks_agree_with_byte_tests() {
        for byte in 0..=255u8 {
            for position in 0..8 {
                let mut bytes = [b'.'; 8];
                bytes[position] = byte;
                let chunk = load(&bytes, 0).unwrap();
                let expect = |test: &dyn Fn(u8) -> bool| {
                    bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| test(**b))
                        .map(|(i, _)| 0x80u64 << (8 * i))
                        .sum::<u64>()
                };
                assert_eq!(equal(chunk, b'-'), expect(&|b| b == b'-'), "{byte:#x}");
                assert_eq!(not_ascii(chunk), expect(&|b| !b.is_ascii()));
                assert_eq!(
                    ascii_alphanumeric(chunk),
                    expect(&|b| b.is_ascii_alphanumeric()),
                    "{byte:#x} at {position}"
                );
                assert_eq!(
                    in_range(chunk, 1, 0x1F),
                    expect(&|b| (1..=0x1F).contains(&b))
                );
            }
        }
    }

    #[test]
    fn padded_loads_read_zeros_past_the_end() {
        let bytes = b"0123456789";
        assert_eq!(load_padded(bytes, 1), load(bytes, 1).unwrap());
        assert_eq!(load_padded(bytes, 6), u64::from_le_bytes(*b"6789\0\0\0\0"));
        assert_eq!(load_padded(bytes, 10), 0);
        assert_eq!(load_padded(bytes, 99), 0);
    }

    #[test]
    fn first_finds_the_lowest_byte() {
        let chunk = load(b"ab cd-ef", 0).unwrap();
        assert_eq!(first(equal(chunk, b' ')), 2);
        assert_eq!(first(equal(chunk, b'-')), 5);
        assert_eq!(first(equal(chunk, b'x')), 8);
        assert_eq!(load(b"short", 0), None);
        assert_eq!(load(b"0123456789", 3), load(b"3456789", 0));
    }

    #[test]
    fn skip_to_stops_at_the_first_passing_byte_or_the_short_tail() {
        let text = b"abcdefgh ijklmnop-qrs";
        let dash = |chunk| equal(chunk, b'-');
        assert_eq!(skip_to(text, 0, |chunk| equal(chunk, b' ')), 8);
        assert_eq!(skip_to(text, 5, dash), 17);
        // The dash at 17 is in the last five bytes: left to the caller.
        assert_eq!(skip_to(text, 0, dash), 16);
        assert_eq!(skip_to(text, 18, dash), 18);
        assert_eq!(skip_to(b"abcdefghijk", 0, dash), 8);
        assert_eq!(skip_to(b"", 0, dash), 0);
    }
}

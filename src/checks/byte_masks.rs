//! What each byte of text is (an ASCII letter or digit, white space,
//! part of a character outside ASCII), one bit a byte: bit `i` of a mask
//! stands for byte `i` of the sixteen, 64 or 80 bytes it was taken of.
//!
//! Three scans read every byte of every article for these classes alone:
//! the long house-list gate ([`super::opening_words`]), after the word
//! starts and the lengths of words; the word starts the phrase walks set
//! out from ([`super::text::word_starts`]); and the promo check's word
//! count (`promo_block::shape`). [`super::swar`] answers for eight bytes
//! at once in about 25 register operations, most of them range tests,
//! and its answers are a byte's high bit, to be packed before bits can be
//! counted or carried. SSE2, which every x86-64 processor has, answers for
//! sixteen in about eight operations a class and packs them in one more.
//! Elsewhere the SWAR masks are packed instead: the same masks at the old
//! cost.

#[cfg(any(test, not(target_arch = "x86_64")))]
use super::swar;

/// Bytes a mask is taken of: a window of 64 and the 16 after it, read
/// with it so that a word running on past the window can be measured.
pub const SPAN: usize = 80;

/// The [`SPAN`] bytes of `bytes` from `at`, zeros standing for those past
/// the end (copied into `spare` then).
pub fn span<'b>(bytes: &'b [u8], at: usize, spare: &'b mut [u8; SPAN]) -> &'b [u8; SPAN] {
    let whole = at
        .checked_add(SPAN)
        .and_then(|end| bytes.get(at..end))
        .and_then(|span| <&[u8; SPAN]>::try_from(span).ok());
    if let Some(whole) = whole {
        return whole;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    *spare = [0; SPAN];
    spare[..tail.len()].copy_from_slice(tail);
    spare
}

/// Which bytes of `span` are ASCII letters or digits: bit `i` of the
/// first mask for byte `i` of the window, bit `i` of the second for byte
/// `64 + i` (its bits from 16 on clear). Zeros are neither.
pub fn ascii_alphanumeric(span: &[u8; SPAN]) -> (u64, u64) {
    let (window, after) = span.split_at(64);
    let window: &[u8; 64] = window.try_into().expect("64 bytes");
    let after: &[u8; 16] = after.try_into().expect("16 bytes");
    (
        window_alphanumeric(window),
        u64::from(classes(after).alphanumeric),
    )
}

fn window_alphanumeric(window: &[u8; 64]) -> u64 {
    let mut mask = 0;
    for (i, sixteen) in window.as_chunks::<16>().0.iter().enumerate() {
        mask |= u64::from(classes(sixteen).alphanumeric) << (16 * i);
    }
    mask
}

/// The sixteen bytes of `bytes` from `at`, zeros standing for those past
/// the end.
pub fn sixteen(bytes: &[u8], at: usize) -> [u8; 16] {
    let whole = at
        .checked_add(16)
        .and_then(|end| bytes.get(at..end))
        .and_then(|sixteen| <[u8; 16]>::try_from(sixteen).ok());
    whole.unwrap_or_else(|| {
        let mut padded = [0; 16];
        let tail = bytes.get(at..).unwrap_or_default();
        padded[..tail.len()].copy_from_slice(tail);
        padded
    })
}

/// What each of sixteen bytes is, a bit a byte (bit `i` for byte `i`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classes {
    /// ASCII letters and digits.
    pub alphanumeric: u16,
    /// ASCII white space: the space, tab, line feed, vertical tab, form
    /// feed and carriage return.
    pub space: u16,
    /// Bytes of characters outside ASCII.
    pub not_ascii: u16,
}

/// The [`Classes`] of `sixteen`. A caller that reads one class only pays
/// for that one: the others are computed where they are read (inlined).
#[cfg(target_arch = "x86_64")]
pub fn classes(sixteen: &[u8; 16]) -> Classes {
    use safe_arch::{
        add_i8_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, cmp_lt_mask_i8_m128i,
        load_unaligned_m128i, m128i, move_mask_i8_m128i, set_splat_i8_m128i,
    };
    // A byte is in `low..low + span` when adding `0x80 - low` (wrapping)
    // takes it to the `span` smallest signed bytes, from -128: one signed
    // comparison, which SSE2 has, instead of two unsigned ones, which it
    // has not. No byte outside ASCII lands there for these ranges.
    let in_range = |bytes, low: u8, span: u8| {
        let moved = add_i8_m128i(bytes, set_splat_i8_m128i(0x80u8.wrapping_sub(low) as i8));
        cmp_lt_mask_i8_m128i(moved, set_splat_i8_m128i(0x80u8.wrapping_add(span) as i8))
    };
    // One bit a byte, from each byte's high bit.
    let bits = |mask: m128i| move_mask_i8_m128i(mask) as u16;
    let bytes = load_unaligned_m128i(sixteen);
    // Setting bit 0x20 maps 'A'..='Z' onto 'a'..='z' and moves no other
    // byte into that range.
    let letters = in_range(bitor_m128i(bytes, set_splat_i8_m128i(0x20)), b'a', 26);
    let digits = in_range(bytes, b'0', 10);
    let spaces = cmp_eq_mask_i8_m128i(bytes, set_splat_i8_m128i(b' ' as i8));
    Classes {
        alphanumeric: bits(bitor_m128i(letters, digits)),
        space: bits(bitor_m128i(spaces, in_range(bytes, b'\t', 5))),
        not_ascii: bits(bytes),
    }
}

#[cfg(not(target_arch = "x86_64"))]
pub fn classes(sixteen: &[u8; 16]) -> Classes {
    swar_classes(sixteen)
}

/// [`classes`] from [`swar`]'s masks, for targets without SSE2 (and as
/// its reference in tests).
#[cfg(any(test, not(target_arch = "x86_64")))]
fn swar_classes(sixteen: &[u8; 16]) -> Classes {
    let mut classes = Classes {
        alphanumeric: 0,
        space: 0,
        not_ascii: 0,
    };
    for (i, eight) in sixteen.as_chunks::<8>().0.iter().enumerate() {
        let chunk = u64::from_le_bytes(*eight);
        let bits = |mask: u64| (swar::packed(mask) as u16) << (8 * i);
        classes.alphanumeric |= bits(swar::ascii_alphanumeric(chunk));
        classes.space |= bits(swar::equal(chunk, b' ') | swar::in_range(chunk, b'\t', 0x0d));
        classes.not_ascii |= bits(swar::not_ascii(chunk));
    }
    classes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value in every position, and sixteen bytes cut short by
    /// the end of the text.
    #[test]
    fn classes_are_the_bytes_own() {
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend((0..=255u8).rev());
        for at in 0..text.len() + 2 {
            let sixteen = sixteen(&text, at);
            let classes = classes(&sixteen);
            for (i, &byte) in sixteen.iter().enumerate() {
                assert_eq!(Some(&byte), text.get(at + i).or(Some(&0)));
                let bit = |mask: u16| mask >> i & 1 == 1;
                assert_eq!(bit(classes.alphanumeric), byte.is_ascii_alphanumeric());
                assert_eq!(
                    bit(classes.space),
                    byte.is_ascii_whitespace() || byte == 0x0b,
                    "{byte:#x}"
                );
                assert_eq!(bit(classes.not_ascii), !byte.is_ascii());
            }
            assert_eq!(swar_classes(&sixteen), classes);
        }
    }

    /// Every byte value, in every position of a span, and spans cut short
    /// by the end of the text.
    #[test]
    fn masks_are_the_bytes_letters_and_digits() {
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend((0..=255u8).rev());
        let mut spare = [0; SPAN];
        for at in 0..text.len() + 2 {
            let span = span(&text, at, &mut spare);
            let (window, after) = ascii_alphanumeric(span);
            let mask = u128::from(window) | (u128::from(after) << 64);
            for (i, &spanned) in span.iter().enumerate() {
                let byte = text.get(at + i).copied();
                assert_eq!(spanned, byte.unwrap_or(0));
                assert_eq!(
                    mask >> i & 1 == 1,
                    byte.is_some_and(|b| b.is_ascii_alphanumeric()),
                    "byte {byte:?} at {at} + {i}"
                );
            }
            assert_eq!(mask >> SPAN, 0);
        }
    }
}

//! Which of 64 bytes of text (and the 16 after them) are ASCII letters
//! or digits, one bit a byte: bit `i` of a mask stands for byte `i`.
//!
//! A scan after the word starts of a text and the lengths of its words
//! (the long house-list gate, [`super::opening_words`]) reads every byte
//! of every article. [`super::swar`] answers for eight bytes at once in
//! about 25 register operations, most of them the two range tests; SSE2,
//! which every x86-64 processor has, answers for sixteen in about eight
//! and packs the answers into sixteen bits in one more. Elsewhere the SWAR
//! masks are packed instead: the same masks at the old cost.

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
        u64::from(sixteen_alphanumeric(after)),
    )
}

fn window_alphanumeric(window: &[u8; 64]) -> u64 {
    let mut mask = 0;
    for (i, sixteen) in window.as_chunks::<16>().0.iter().enumerate() {
        mask |= u64::from(sixteen_alphanumeric(sixteen)) << (16 * i);
    }
    mask
}

#[cfg(target_arch = "x86_64")]
fn sixteen_alphanumeric(sixteen: &[u8; 16]) -> u16 {
    use safe_arch::{
        add_i8_m128i, bitor_m128i, cmp_lt_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    // A byte is in `low..low + span` when adding `0x80 - low` (wrapping)
    // takes it to the `span` smallest signed bytes, from -128: one signed
    // comparison, which SSE2 has, instead of two unsigned ones, which it
    // has not. No byte outside ASCII lands there for these ranges.
    let in_range = |bytes, low: u8, span: u8| {
        let moved = add_i8_m128i(bytes, set_splat_i8_m128i(0x80u8.wrapping_sub(low) as i8));
        cmp_lt_mask_i8_m128i(moved, set_splat_i8_m128i(0x80u8.wrapping_add(span) as i8))
    };
    let bytes = load_unaligned_m128i(sixteen);
    // Setting bit 0x20 maps 'A'..='Z' onto 'a'..='z' and moves no other
    // byte into that range.
    let letters = in_range(bitor_m128i(bytes, set_splat_i8_m128i(0x20)), b'a', 26);
    let digits = in_range(bytes, b'0', 10);
    // One bit a byte, from each byte's high bit.
    move_mask_i8_m128i(bitor_m128i(letters, digits)) as u16
}

#[cfg(not(target_arch = "x86_64"))]
fn sixteen_alphanumeric(sixteen: &[u8; 16]) -> u16 {
    swar_sixteen_alphanumeric(sixteen)
}

/// [`sixteen_alphanumeric`] from [`swar`]'s masks, for targets without
/// SSE2 (and as its reference in tests).
#[cfg(any(test, not(target_arch = "x86_64")))]
fn swar_sixteen_alphanumeric(sixteen: &[u8; 16]) -> u16 {
    let mut mask = 0;
    for (i, eight) in sixteen.as_chunks::<8>().0.iter().enumerate() {
        let high_bits = swar::ascii_alphanumeric(u64::from_le_bytes(*eight));
        mask |= (swar::packed(high_bits) as u16) << (8 * i);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

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
            for sixteen in span.as_chunks::<16>().0 {
                assert_eq!(
                    swar_sixteen_alphanumeric(sixteen),
                    sixteen_alphanumeric(sixteen)
                );
            }
        }
    }
}

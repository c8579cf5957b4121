//! Article text must never act on a terminal: escape sequences and bidi
//! controls are replaced before anything reaches stdout in human formats.
//! Replacements keep byte lengths, so spans computed on the original still
//! line up with the cleaned text.

use std::borrow::Cow;

fn is_hazard(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Replace each hazardous character with printable text of the same UTF-8
/// length: `?` for 1 byte, `??` for 2, `\u{fffd}` for 3.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hazard(c) {
            match c.len_utf8() {
                1 => out.push('?'),
                2 => out.push_str("??"),
                3 => out.push('\u{fffd}'),
                _ => out.push_str("\u{fffd}?"),
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_are_neutralised_with_same_length() {
        let raw = "a\u{1b}[31mred\u{202e}x\u{85}y";
        let safe = for_terminal(raw);
        assert_eq!(safe.len(), raw.len());
        assert!(!safe.contains('\u{1b}') && !safe.contains('\u{202e}') && !safe.contains('\u{85}'));
        assert!(matches!(for_terminal("plain “text”"), Cow::Borrowed(_)));
    }
}

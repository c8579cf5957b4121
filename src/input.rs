//! Reading an input's bytes into text, or saying precisely why not.

use std::io::Read;

use crate::walk::{Input, describe_io};

/// Inputs past this size are refused (spans are 32-bit).
pub const MAX_INPUT_BYTES: u64 = u32::MAX as u64 - 1;

/// Why an input was not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Could not be read at all, or is not UTF-8: an error (exit 2).
    Error(String),
    /// Deliberately passed over (a binary file): a note, not an error.
    Skipped(String),
}

/// Read an input as UTF-8 text.
pub fn read(input: &Input) -> Result<String, Unreadable> {
    let bytes = match input {
        Input::File(path) => {
            let unreadable = |e: std::io::Error| Unreadable::Error(describe_io(&e));
            // One open and one stat of the open file: an archive run does
            // this for every file.
            let mut file = std::fs::File::open(path).map_err(unreadable)?;
            let len = file.metadata().map(|m| m.len()).unwrap_or(0);
            if len > MAX_INPUT_BYTES {
                return Err(Unreadable::Error(format!(
                    "file is too large ({len} bytes; the limit is 4 GiB)"
                )));
            }
            let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
            // Through `take`, which asks the file for no size hint (the
            // buffer already has room): a stat and a seek fewer.
            (&mut file)
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
            bytes
        }
        Input::Stdin(_) => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    Unreadable::Error(format!("cannot read standard input: {}", describe_io(&e)))
                })?;
            if bytes.len() as u64 > MAX_INPUT_BYTES {
                return Err(Unreadable::Error(
                    "standard input is too large (the limit is 4 GiB)".into(),
                ));
            }
            bytes
        }
    };
    decode(bytes)
}

/// Strict UTF-8. Binary data (a NUL byte in the first 8 KiB) is skipped.
pub fn decode(bytes: Vec<u8>) -> Result<String, Unreadable> {
    // `contains` on bytes is a memchr, not a loop a byte at a time.
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Unreadable::Skipped(
            "binary file (contains NUL bytes), skipped".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&bytes[line_start..at])
            .chars()
            .count()
            + 1;
        Unreadable::Error(format!(
            "not valid UTF-8 at line {line}, column {column} (byte {at}); re-save the file as UTF-8"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_position() {
        let err = decode(b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(
            err,
            Unreadable::Error(
                "not valid UTF-8 at line 2, column 5 (byte 7); re-save the file as UTF-8".into()
            )
        );
        assert!(matches!(
            decode(b"a\0b".to_vec()),
            Err(Unreadable::Skipped(_))
        ));
    }
}

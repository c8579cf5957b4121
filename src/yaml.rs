//! The one module that names the YAML crate.
//!
//! Rule files, `copydesk.yaml` and article front matter are all YAML. They go
//! through serde-saphyr (pure safe Rust, panic-free, with budgets against alias
//! bombs and oversized documents) rather than the archived `serde_yaml`; keeping
//! the choice behind this module means swapping it touches one file.

use serde::de::DeserializeOwned;

pub use serde_saphyr::Spanned;

/// A YAML error with its position and the rendered snippet that shows it.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub line: u64,
    pub column: u64,
    /// The error with the offending lines shown, headed `path:line:col`.
    pub rendered: String,
}

/// Budget for rule and config files: large name lists (100,000 entries and
/// more) must load, alias bombs and runaway nesting must not.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 8_000_000;
    budget.max_events = 16_000_000;
    budget.max_depth = 32;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// Parse `text` (from `source_name`, whose first line is line
/// `line_offset + 1` of that file) into `T`, strictly.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    source_name: &str,
    line_offset: u64,
) -> Result<T, YamlError> {
    serde_saphyr::from_str_with_options(text, options()).map_err(|err| {
        let (line, column) = err
            .location()
            .map_or((1, 1), |l| (l.line() + line_offset, l.column()));
        let rendered = err.render_with_options(serde_saphyr::render_options! {
            line_offset: line_offset,
            source_name: Some(source_name),
        });
        YamlError {
            line,
            column,
            rendered,
        }
    })
}

/// 1-based line and column where a spanned value was written.
pub fn position<T>(value: &Spanned<T>) -> (u64, u64) {
    (value.referenced.line(), value.referenced.column())
}

/// Byte range in `text` of a spanned value (empty at its start when the
/// parser did not record a length).
pub fn byte_range<T>(value: &Spanned<T>, text: &str) -> std::ops::Range<usize> {
    let span = value.referenced.span();
    let start = span.byte_offset().unwrap_or(span.offset()) as usize;
    let len = span.byte_len().unwrap_or(span.len()) as usize;
    let start = start.min(text.len());
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end.max(start)
}

//! Any text, read as plain text, Markdown or a snippet: no panic, and every
//! block and sentence maps to an in-bounds span on character boundaries.
#![no_main]

use copydesk::document::{Document, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let format = match selector % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Snippet,
    };
    let doc = Document::parse("fuzz", text.clone(), format, &ReadOptions::default());
    for block in &doc.blocks {
        let span = block.full_span();
        assert!(span.end as usize <= text.len());
        assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
        for sentence in &block.sentences {
            let s = block.span(sentence.clone());
            assert!(s.start <= s.end && s.end as usize <= text.len());
            assert!(text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize));
        }
    }
    for line in 0..doc.lines.line_count().min(50) {
        let _ = doc.lines.line_col(&text, doc.lines.line_start(line));
    }
});

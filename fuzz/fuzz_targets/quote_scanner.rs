//! The quotation-mark scanner alone, on any paragraphs: no panic, every mark
//! inside its paragraph on character boundaries, every quotation pointing at
//! real marks in order.
#![no_main]

use copydesk::checks::quotes::scanner::{Paragraph, scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let paragraphs: Vec<Paragraph> = text
        .split('\n')
        .enumerate()
        .map(|(i, text)| Paragraph { text, continues_previous: flags >> (i % 8) & 1 == 1 })
        .collect();
    let found = scan(&paragraphs);
    assert_eq!(found.marks.len(), paragraphs.len());
    for (p, marks) in found.marks.iter().enumerate() {
        let t = paragraphs[p].text;
        for m in marks {
            let r = m.range();
            assert!(r.end <= t.len() && t.is_char_boundary(r.start) && t.is_char_boundary(r.end), "{m:?} in {t:?}");
        }
    }
    for q in &found.quotations {
        assert!(q.open.para < paragraphs.len() && q.open.at <= paragraphs[q.open.para].text.len());
        if let Some(close) = q.close {
            assert!(close > q.open, "{q:?}");
            assert!(close.para < paragraphs.len() && close.at <= paragraphs[close.para].text.len());
        }
    }
    let _ = found.stray_closers().count() + found.unclosed().count();
});

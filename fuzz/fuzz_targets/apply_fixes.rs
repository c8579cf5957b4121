//! Arbitrary edits (overlapping, out of bounds, inside characters) applied
//! to arbitrary text: no panic, and text outside the applied edits is kept.
#![no_main]

use copydesk::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use copydesk::document::span::Span;
use copydesk::fix;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, Vec<(u16, u8, String)>)| {
    let (text, raw) = input;
    let diagnostics: Vec<Diagnostic> = raw
        .into_iter()
        .map(|(start, len, replacement)| {
            let span = Span::new(start as usize, start as usize + len as usize);
            Diagnostic {
                rule: "fuzz/fix".into(),
                severity: Severity::Error,
                message: String::new(),
                span,
                labels: vec![],
                fix: Some(Fix { title: String::new(), edits: vec![Edit { span, replacement }], applicability: Applicability::Safe }),
            }
        })
        .collect();
    let (out, edits, _) = fix::apply_edits(&text, &diagnostics, Applicability::Safe);
    let mut expected = String::new();
    let mut at = 0;
    for edit in &edits {
        assert!(edit.span.start as usize >= at);
        expected.push_str(&text[at..edit.span.start as usize]);
        expected.push_str(&edit.replacement);
        at = edit.span.end as usize;
    }
    expected.push_str(&text[at..]);
    assert_eq!(out, expected);
});

//! Any article through the whole embedded rule pack (names, dates, quotes,
//! promo, style): no panic, every span, label and fix edit in bounds on
//! character boundaries, and fixing converges.
#![no_main]

use std::sync::OnceLock;

use copydesk::diagnostic::Applicability;
use copydesk::document::{Format, ReadOptions};
use copydesk::engine::Engine;
use copydesk::fix;
use copydesk::rules::load::RuleSet;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let read = ReadOptions { fallback_date: Some(jiff::civil::date(2026, 1, 14)), ..ReadOptions::default() };
        Engine::new(RuleSet::load(true, &[]).expect("embedded pack loads"), read)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let path = if selector % 2 == 0 { "a.txt" } else { "a.md" };
    let engine = engine();
    let check = |t: &str| engine.check(&engine.parse(path, t.to_string(), Format::from_path(path)));
    for d in check(&text) {
        let spans = std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)));
        for s in spans {
            assert!(s.start <= s.end && s.end as usize <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize), "{d:?}");
        }
    }
    let fixed = fix::until_stable(&text, Applicability::Unsafe, check);
    assert!(fixed.converged, "fixes did not converge");
});

//! The `dates/` rules alone (weekday/date parsing in English, Japanese and
//! Korean, impossible dates, year inference), with and without a
//! publication date: no panic, spans in bounds on character boundaries,
//! and every weekday fix converges. Run with `-dict=dates.dict`.
#![no_main]

use std::sync::OnceLock;

use copydesk::diagnostic::Applicability;
use copydesk::document::{Format, ReadOptions};
use copydesk::engine::Engine;
use copydesk::fix;
use copydesk::rules::load::RuleSet;
use libfuzzer_sys::fuzz_target;

fn engines() -> &'static [Engine; 2] {
    static ENGINES: OnceLock<[Engine; 2]> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let rules = || {
            let mut set = RuleSet::load(true, &[]).expect("embedded pack loads");
            set.retain(&["dates".to_string()], &[]);
            set
        };
        let dated = ReadOptions { fallback_date: Some(jiff::civil::date(2026, 12, 28)), ..ReadOptions::default() };
        [Engine::new(rules(), ReadOptions::default()), Engine::new(rules(), dated)]
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let engine = &engines()[usize::from(selector & 1)];
    let check = |t: &str| engine.check(&engine.parse("a.txt", t.to_string(), Format::Text));
    for d in check(&text) {
        for s in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
            assert!(s.start <= s.end && s.end as usize <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize), "{d:?}");
        }
    }
    assert!(fix::until_stable(&text, Applicability::Unsafe, check).converged);
});

//! Any text as a rule file of any kind: a clean error or a rule, never a
//! panic, a hang or unbounded memory (serde-saphyr budgets, regex limits).
#![no_main]

use copydesk::rules::load::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(check) = RuleSet::compile_text("fuzz/rule", "fuzz.yaml", &text) {
        // A rule that loads must also survive its own examples.
        let _ = copydesk::rules::selftest::run(check.as_ref());
    }
});

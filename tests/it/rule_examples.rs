//! Each rule's own `examples` (the embedded pack): bad ones reported with
//! the listed flags and fixes, good ones silent.

use copydesk::rules::load::RuleSet;
use copydesk::rules::selftest;

#[test]
fn embedded_rules_pass_their_examples() {
    let set = RuleSet::load(true, &[]).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n\n")
        )
    });
    let failures: Vec<String> = set
        .checks
        .iter()
        .flat_map(|c| selftest::run(c.as_ref()))
        .map(|f| format!("{} example {}: {}", f.rule, f.number, f.problem))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_family_folder_is_a_rule_family() {
    let set = RuleSet::load(true, &[]).unwrap();
    for check in &set.checks {
        let id = &check.meta().id;
        assert!(id.contains('/'), "{id} has no family");
        assert!(
            !check.meta().description.trim().is_empty(),
            "{id} has no description"
        );
    }
}

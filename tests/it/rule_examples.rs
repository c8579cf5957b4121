//! Each rule's own `examples` (the embedded pack): bad ones reported with
//! the listed flags and fixes, good ones silent.

use copydesk::rules::selftest;

#[test]
fn embedded_rules_pass_their_examples() {
    let set = crate::support::embedded_rules();
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
    let set = crate::support::embedded_rules();
    for check in &set.checks {
        let id = &check.meta().id;
        assert!(id.contains('/'), "{id} has no family");
        assert!(
            !check.meta().description.trim().is_empty(),
            "{id} has no description"
        );
    }
}

//! What reporters may say about rules beyond their id (SARIF's `rules`
//! metadata): built once from the loaded rule set.

use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::rules::load::RuleSet;

#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub id: String,
    pub kind: String,
    pub severity: Severity,
    pub description: String,
}

#[derive(Debug, Clone, Default)]
pub struct RuleCatalog {
    rules: BTreeMap<String, RuleInfo>,
}

impl RuleCatalog {
    pub fn from_rules(set: &RuleSet) -> RuleCatalog {
        let mut catalog = RuleCatalog::default();
        catalog.extend(set);
        catalog
    }

    /// Add the rules of another set (e.g. one a config file loaded).
    pub fn extend(&mut self, set: &RuleSet) {
        for check in &set.checks {
            let meta = check.meta();
            self.rules
                .entry(meta.id.to_string())
                .or_insert_with(|| RuleInfo {
                    id: meta.id.to_string(),
                    kind: meta.kind.to_string(),
                    severity: meta.severity,
                    description: meta.description.trim().to_string(),
                });
        }
    }

    pub fn get(&self, id: &str) -> Option<&RuleInfo> {
        self.rules.get(id)
    }
}

//! The one integration-test binary: fixture snapshots, rule self-tests, CLI
//! behaviour, and measurements on the real corpus in `../shared` when present.

mod adversarial;
mod cli;
mod dates;
mod fixtures;
mod integration;
mod invalid_rules;
mod names;
mod precommit;
mod promo;
mod properties;
mod quotes;
mod rule_examples;
mod shared_corpus;
mod support;

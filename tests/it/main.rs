//! The one integration-test binary: fixture snapshots, rule self-tests, CLI
//! behaviour, and measurements on the real corpus in `../shared` when present.

mod cli;
mod fixtures;
mod invalid_rules;
mod quotes;
mod rule_examples;
mod shared_corpus;
mod support;

//! `copydesk rules` (list) and `copydesk rules --test` (run every example).

use std::io::{self, Write};

use crate::cli::RulesArgs;
use crate::commands::{exit, load_rules};
use crate::rules::selftest;

pub fn run(args: RulesArgs) -> anyhow::Result<u8> {
    let Some(set) = load_rules(&args.rules) else {
        return Ok(exit::TROUBLE);
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.test {
        let mut failures = 0;
        let mut examples = 0;
        for check in &set.checks {
            examples += check.meta().examples.len();
            for failure in selftest::run(check.as_ref()) {
                failures += 1;
                writeln!(
                    out,
                    "FAIL {} example {}: {}",
                    failure.rule, failure.number, failure.problem
                )?;
            }
        }
        writeln!(
            out,
            "{} rules, {examples} examples: {} passed, {failures} failed",
            set.checks.len(),
            examples - failures
        )?;
        return Ok(if failures > 0 {
            exit::FINDINGS
        } else {
            exit::CLEAN
        });
    }
    let width = set
        .checks
        .iter()
        .map(|c| c.meta().id.len())
        .max()
        .unwrap_or(0);
    for check in &set.checks {
        let meta = check.meta();
        let summary = meta.description.lines().next().unwrap_or("");
        writeln!(
            out,
            "{:width$}  {:7}  {:12}  {summary}",
            meta.id,
            meta.severity.as_str(),
            meta.kind,
        )?;
    }
    Ok(exit::CLEAN)
}

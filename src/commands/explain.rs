//! `copydesk explain RULE`: a reference a desk editor can read.

use std::io::{self, Write};

use crate::checks;
use crate::cli::ExplainArgs;
use crate::commands::{exit, load_rules};

pub fn run(args: ExplainArgs) -> anyhow::Result<u8> {
    let Some(set) = load_rules(&args.rules) else {
        return Ok(exit::TROUBLE);
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if let Some(check) = set.find(&args.rule) {
        let meta = check.meta();
        writeln!(
            out,
            "{}  ({} · {} rule, defined in {})\n",
            meta.id, meta.severity, meta.kind, meta.origin
        )?;
        writeln!(out, "{}\n", meta.description.trim())?;
        writeln!(out, "Message: {}\n", meta.message)?;
        for example in &meta.examples {
            if let Some(bad) = &example.bad {
                writeln!(out, "  ✗ {bad}")?;
                if let Some(fixed) = &example.fixed {
                    writeln!(out, "    → {fixed}")?;
                }
            }
            if let Some(good) = &example.good {
                writeln!(out, "  ✓ {good}")?;
            }
        }
        if !meta.enabled {
            writeln!(
                out,
                "\nOff by default: turn it on with --select {}.",
                meta.id
            )?;
        }
        if let Some(kind) = checks::kind(meta.kind) {
            writeln!(
                out,
                "\n── How `{}` rules work ──\n\n{}",
                kind.name,
                kind.doc()
            )?;
        }
        return Ok(exit::CLEAN);
    }
    if let Some(kind) = checks::kind(&args.rule) {
        writeln!(out, "{}", kind.doc())?;
        return Ok(exit::CLEAN);
    }
    eprintln!(
        "copydesk: error: no rule or rule kind named `{}`; `copydesk rules` lists them",
        args.rule
    );
    Ok(exit::TROUBLE)
}

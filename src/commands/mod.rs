//! The subcommands. Each returns the process exit code; `Err` is reserved
//! for failures of copydesk itself (e.g. stdout could not be written).

pub mod check;
pub mod explain;
pub mod fix;
pub mod rules;

use std::io::IsTerminal;

use crate::cli::{InputArgs, RuleArgs};
use crate::document::ReadOptions;
use crate::engine::Engine;
use crate::rules::load::RuleSet;

/// Exit codes CI can rely on.
pub mod exit {
    /// Nothing at or above `--fail-on`.
    pub const CLEAN: u8 = 0;
    /// Findings at or above `--fail-on` (or failing rule examples).
    pub const FINDINGS: u8 = 1;
    /// Usage, configuration or rule-file error, or an unreadable input.
    pub const TROUBLE: u8 = 2;
}

/// Load and select the rules; on failure print every broken rule file.
pub fn load_rules(args: &RuleArgs) -> Option<RuleSet> {
    match RuleSet::load(!args.no_default_rules, &args.rule_dirs) {
        Ok(mut set) => {
            set.retain(&args.select, &args.ignore);
            Some(set)
        }
        Err(errors) => {
            for err in &errors {
                eprintln!("{err}\n");
            }
            let n = errors.len();
            eprintln!(
                "copydesk: {n} rule file problem{} found; nothing was checked",
                if n == 1 { "" } else { "s" }
            );
            None
        }
    }
}

/// The engine for a check or fix run, with the thread pool sized.
pub fn engine(rules: &RuleArgs, input: &InputArgs) -> Option<Engine> {
    if let Some(threads) = input.threads {
        // Only the first call sizes the global pool; later calls are no-ops.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    let set = load_rules(rules)?;
    let read = ReadOptions {
        fallback_date: input.date,
        ..ReadOptions::default()
    };
    Some(Engine::new(set, read))
}

/// Paths to check: the arguments, or the current directory.
pub fn paths(input: &InputArgs) -> Vec<std::path::PathBuf> {
    if input.paths.is_empty() {
        vec![".".into()]
    } else {
        input.paths.clone()
    }
}

/// Colour only for a terminal, and never when `NO_COLOR` is set.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

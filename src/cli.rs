//! Command-line interface (clap derive). Parsing only: behaviour lives in
//! `commands/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::Severity;
use crate::report::OutputFormat;

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Checks news articles for the defects a copy desk catches: name spellings, \
             weekday/date slips, unattributed or unbalanced quotes, pasted promotional junk."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles and report findings.
    Check(CheckArgs),
    /// Apply fixes to articles in place (safe fixes unless --unsafe-fixes).
    Fix(FixArgs),
    /// List the rules in force, or run their examples with --test.
    Rules(RulesArgs),
    /// Explain a rule (or a rule kind): what it checks, why, examples, fix safety.
    Explain(ExplainArgs),
}

/// Where rules come from and which are on.
#[derive(Debug, Args, Clone, Default)]
pub struct RuleArgs {
    /// Directory of YAML rule files, added after the embedded pack; a rule
    /// with the same id as an earlier one replaces it. Repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,
    /// Do not load the rule pack built into copydesk.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Only these rules or families (e.g. `names`, `dates/weekday-mismatch`). Repeatable.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules or families. Repeatable.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Use this config file for every input instead of the nearest
    /// copydesk.yaml / .copydesk.yaml above each file.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore config files.
    #[arg(long)]
    pub no_config: bool,
}

/// Which articles to read and how.
#[derive(Debug, Args, Clone, Default)]
pub struct InputArgs {
    /// Files or directories to check (`-` reads standard input). Directories
    /// are walked for .txt, .md and .markdown files, honouring .gitignore.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Name to show (and to choose the format by) for standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Only check files matching this glob when walking directories. Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Never check files matching this glob when walking directories. Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Publication date (YYYY-MM-DD) for articles whose front matter has none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<jiff::civil::Date>,
    /// Only check files git reports as changed since this revision
    /// (committed, staged, unstaged or new), e.g. `origin/main`.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// Exit 1 when there are findings at or above this severity.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Show the safe fixes as a unified diff instead of findings; write nothing.
    #[arg(long)]
    pub diff: bool,
    /// With --diff, include unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Also apply fixes that may change meaning.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the changes as a unified diff; write nothing.
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Run every rule's examples and report the ones that fail.
    #[arg(long)]
    pub test: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule id (`names/house-spellings`) or kind name (`existence`).
    pub rule: String,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

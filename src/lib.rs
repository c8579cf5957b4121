//! copydesk: a copy desk for news articles, as a command-line linter.
//!
//! Data flow: paths → [`walk`] → [`input`] (bytes to text) →
//! [`document::Document`] (front matter, prose blocks with offset maps) →
//! [`engine::Engine`] (compiled [`checks`] from YAML [`rules`]) → sorted
//! [`diagnostic::Diagnostic`]s → a [`report`] format.

pub mod changed;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod driver;
pub mod engine;
pub mod fix;
pub mod input;
pub mod progress;
pub mod report;
pub mod rules;
pub mod walk;
pub mod yaml;

use cli::{Cli, Command};

/// Run a parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Fix(args) => commands::fix::run(args),
        Command::Rules(args) => commands::rules::run(args),
        Command::Explain(args) => commands::explain::run(args),
    }
}

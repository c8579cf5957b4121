//! The subcommands. Each returns the process exit code; `Err` is reserved
//! for failures of copydesk itself (e.g. stdout could not be written).

pub mod check;
pub mod explain;
pub mod fix;
pub mod rules;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{InputArgs, RuleArgs};
use crate::config::{self, Config, Policy};
use crate::document::ReadOptions;
use crate::engine::Engine;
use crate::report::catalog::RuleCatalog;
use crate::rules::load::RuleSet;
use crate::walk::Input;

/// Exit codes CI can rely on.
pub mod exit {
    /// Nothing at or above `--fail-on`.
    pub const CLEAN: u8 = 0;
    /// Findings at or above `--fail-on` (or failing rule examples).
    pub const FINDINGS: u8 = 1;
    /// Usage, configuration or rule-file error, or an unreadable input.
    pub const TROUBLE: u8 = 2;
}

/// Load and select the rules for one configuration; on failure print every
/// broken rule file.
fn load_rules_with(args: &RuleArgs, config: Option<&Config>) -> Option<RuleSet> {
    let mut dirs = config.map(Config::rule_dirs).unwrap_or_default();
    dirs.extend(args.rule_dirs.iter().cloned());
    let embedded =
        !args.no_default_rules && config.and_then(|c| c.file.default_rules) != Some(false);
    match RuleSet::load(embedded, &dirs) {
        Ok(mut set) => {
            // The command line's --select replaces the config's; ignores add up.
            let select = if args.select.is_empty() {
                config.map(|c| c.file.select.clone()).unwrap_or_default()
            } else {
                args.select.clone()
            };
            let mut ignore = config.map(|c| c.file.ignore.clone()).unwrap_or_default();
            ignore.extend(args.ignore.iter().cloned());
            // House options switch on the rules that enforce them.
            let mut enable = Vec::new();
            if config.is_some_and(|c| c.file.quote_style.is_some()) {
                enable.push("quotes/style".to_string());
            }
            set.retain_with(&select, &enable, &ignore);
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

/// The config for commands that are not about particular files (`rules`,
/// `explain`): `--config`, or the nearest one above the current directory.
pub fn load_rules(args: &RuleArgs) -> Option<RuleSet> {
    let config = match config_path(args, Path::new(".")) {
        Some(path) => match Config::load(&path) {
            Ok(config) => Some(config),
            Err(err) => {
                eprintln!("{err}");
                return None;
            }
        },
        None => None,
    };
    load_rules_with(args, config.as_ref())
}

fn config_path(args: &RuleArgs, near: &Path) -> Option<PathBuf> {
    if args.no_config {
        None
    } else if let Some(path) = &args.config {
        Some(path.clone())
    } else {
        config::discover(near)
    }
}

/// One engine per configuration in play, and which inputs each checks.
pub struct Engines {
    pub engines: Vec<Engine>,
    /// Each input with the index of its engine, in input order.
    pub work: Vec<(Input, usize)>,
}

impl Engines {
    /// Resolve each input's config, load each config's rules once. Any
    /// config or rule-file error is printed and nothing is checked.
    pub fn prepare(rules: &RuleArgs, input: &InputArgs, inputs: Vec<Input>) -> Option<Engines> {
        if let Some(threads) = input.threads {
            // Only the first call sizes the global pool; later calls are no-ops.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.max(1))
                .build_global();
        }
        let mut by_config: HashMap<Option<PathBuf>, usize> = HashMap::new();
        let mut configs: Vec<Option<Config>> = Vec::new();
        let mut work = Vec::new();
        let mut dir_cache: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
        for item in inputs {
            let near = match &item {
                Input::File(path) => path.parent().map(Path::to_path_buf).unwrap_or_default(),
                Input::Stdin(name) => Path::new(name)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
            };
            let near = if near.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                near
            };
            let path = dir_cache
                .entry(near.clone())
                .or_insert_with(|| config_path(rules, &near))
                .clone();
            let index = match by_config.get(&path) {
                Some(&i) => i,
                None => {
                    let config = match &path {
                        Some(p) => match Config::load(p) {
                            Ok(c) => Some(c),
                            Err(err) => {
                                eprintln!("{err}");
                                return None;
                            }
                        },
                        None => None,
                    };
                    configs.push(config);
                    by_config.insert(path.clone(), configs.len() - 1);
                    configs.len() - 1
                }
            };
            if let (Input::File(file), Some(config)) = (&item, &configs[index])
                && config.excludes(file)
            {
                continue;
            }
            work.push((item, index));
        }
        if configs.is_empty() {
            configs.push(None);
        }
        let mut engines = Vec::new();
        for config in configs {
            let set = load_rules_with(rules, config.as_ref())?;
            let mut read = ReadOptions {
                fallback_date: input.date,
                ..ReadOptions::default()
            };
            let policy = match config {
                Some(config) => {
                    if let Some(keys) = config.file.date_keys.clone() {
                        read.date_keys = keys;
                    }
                    read.quote_style = config.file.quote_style;
                    config.policy
                }
                None => Policy::default(),
            };
            engines.push(Engine::new(set, read).with_policy(policy));
        }
        Some(Engines { engines, work })
    }

    /// Everything SARIF should know about the rules in force.
    pub fn catalog(&self) -> RuleCatalog {
        let mut catalog = RuleCatalog::default();
        for engine in &self.engines {
            catalog.extend(engine.rules());
        }
        catalog
    }
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

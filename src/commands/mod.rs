//! The subcommands. Each returns the process exit code; `Err` is reserved
//! for failures of copydesk itself (e.g. stdout could not be written).

pub mod check;
pub mod explain;
pub mod fix;
pub mod rules;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::changed;
use crate::cli::{InputArgs, RuleArgs};
use crate::config::{self, Config, Policy};
use crate::document::ReadOptions;
use crate::engine::Engine;
use crate::report::catalog::RuleCatalog;
use crate::rules::load::RuleSet;
use crate::walk::{self, Input, WalkOptions};

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
    select_rules(args, config)
        .map_err(|report| eprint!("{report}"))
        .ok()
}

/// [`load_rules_with`], returning what it would print on failure.
fn select_rules(args: &RuleArgs, config: Option<&Config>) -> Result<RuleSet, String> {
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
            Ok(set)
        }
        Err(errors) => {
            let mut report = String::new();
            for err in &errors {
                report.push_str(&format!("{err}\n\n"));
            }
            let n = errors.len();
            report.push_str(&format!(
                "copydesk: {n} rule file problem{} found; nothing was checked\n",
                if n == 1 { "" } else { "s" }
            ));
            Err(report)
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

/// The engine for one configuration, or what to print about its broken
/// rule files.
fn engine_for(
    rules: &RuleArgs,
    input: &InputArgs,
    config: Option<Config>,
) -> Result<Engine, String> {
    let set = select_rules(rules, config.as_ref())?;
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
    Ok(Engine::new(set, read).with_policy(policy))
}

/// One engine per configuration in play, and which inputs each checks.
pub struct Engines {
    pub engines: Vec<Engine>,
    /// Each input with the index of its engine, in input order.
    pub work: Vec<(Input, usize)>,
}

impl Engines {
    /// Expand the arguments to inputs (`gather`: true when something
    /// could not be walked), resolve each input's config and load each
    /// config's rules once. Any config or rule-file error is printed and
    /// there are no engines.
    ///
    /// Walking an archive and compiling the rules take about as long as
    /// each other before checking can start, so the rules for the config
    /// the first argument would use are loaded while the walk runs: every
    /// input of a run usually shares that config.
    pub fn gather(rules: &RuleArgs, input: &InputArgs) -> (Option<Engines>, bool) {
        if let Some(threads) = input.threads {
            // Only the first call sizes the global pool; later calls are no-ops.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.max(1))
                .build_global();
        }
        let first = paths(input).swap_remove(0);
        let guess = (first.as_os_str() != "-").then(|| config_path(rules, &first));
        std::thread::scope(|scope| {
            let early = guess.map(|path| {
                scope.spawn(move || {
                    // A config that does not load is reported when its
                    // inputs ask for it, not here.
                    let config = match &path {
                        Some(p) => Some(Config::load(p).ok()?),
                        None => None,
                    };
                    Some((path, engine_for(rules, input, config)))
                })
            });
            let (inputs, trouble) = gather(input);
            let early = early.and_then(|thread| match thread.join() {
                Ok(engine) => engine,
                Err(panic) => std::panic::resume_unwind(panic),
            });
            (Engines::prepare(rules, input, inputs, early), trouble)
        })
    }

    /// Resolve each input's config, load each config's rules once (`early`
    /// may already hold one config's engine).
    fn prepare(
        rules: &RuleArgs,
        input: &InputArgs,
        inputs: Vec<Input>,
        mut early: Option<(Option<PathBuf>, Result<Engine, String>)>,
    ) -> Option<Engines> {
        let mut by_config: HashMap<Option<PathBuf>, usize> = HashMap::new();
        let mut configs: Vec<(Option<PathBuf>, Option<Config>)> = Vec::new();
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
                    configs.push((path.clone(), config));
                    by_config.insert(path.clone(), configs.len() - 1);
                    configs.len() - 1
                }
            };
            if let (Input::File(file), (_, Some(config))) = (&item, &configs[index])
                && config.excludes(file)
            {
                continue;
            }
            work.push((item, index));
        }
        if configs.is_empty() {
            configs.push((None, None));
        }
        let mut engines = Vec::new();
        for (path, config) in configs {
            let engine = match early.take_if(|(guessed, _)| *guessed == path) {
                Some((_, engine)) => engine,
                None => engine_for(rules, input, config),
            };
            match engine {
                Ok(engine) => engines.push(engine),
                Err(report) => {
                    eprint!("{report}");
                    return None;
                }
            }
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

/// Expand the arguments to inputs, printing walk errors. Returns the inputs
/// and whether anything could not be walked.
fn gather(args: &InputArgs) -> (Vec<Input>, bool) {
    let options = WalkOptions {
        globs: args.glob.clone(),
        excludes: args.exclude.clone(),
        stdin_name: args.stdin_filename.clone(),
    };
    let (mut inputs, errors) = walk::inputs(&paths(args), &options);
    for err in &errors {
        eprintln!("copydesk: error: {}: {}", err.path, err.message);
    }
    let mut trouble = !errors.is_empty();
    if let Some(rev) = &args.changed_since {
        match changed::changed_files(rev) {
            Ok(changed) => inputs.retain(|input| match input {
                Input::File(path) => changed.contains(&changed::normalise(path)),
                Input::Stdin(_) => true,
            }),
            Err(message) => {
                eprintln!("copydesk: error: --changed-since {rev}: {message}");
                inputs.clear();
                trouble = true;
            }
        }
    }
    (inputs, trouble)
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

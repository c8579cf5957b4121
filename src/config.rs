//! `copydesk.yaml` (or `.copydesk.yaml`): a newsroom's settings, found by
//! walking up from each checked file (the nearest wins), or named with
//! `--config`. Unknown keys are errors pointing at file, line and column.
//!
//! ```yaml
//! rules: [house-rules]            # rule directories, relative to this file
//! default_rules: true             # load the embedded pack (default true)
//! select: [names, dates]          # only these rules/families (default: all enabled)
//! ignore: [style/misspellings]
//! severity: {promo: warning, names/consistency: error}
//! date_keys: [date, published_at] # front-matter keys holding the publication date
//! quote_style: curly              # turn on quotes/style: curly | straight | consistent
//! exclude: ["archive/**"]         # never check these files (relative to this file)
//! overrides:
//!   - files: "wire/**"
//!     ignore: [promo]
//!     severity: {names: warning}
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::load::selects;
use crate::yaml::{self, Spanned};

pub const FILE_NAMES: &[&str] = &["copydesk.yaml", ".copydesk.yaml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub default_rules: Option<bool>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub date_keys: Option<Vec<String>>,
    /// `curly`, `straight` or `consistent`: turns on `quotes/style` with
    /// this preference.
    #[serde(default)]
    pub quote_style: Option<crate::document::QuoteStyle>,
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    #[serde(default)]
    pub overrides: Vec<OverrideSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideSpec {
    pub files: Spanned<String>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

/// A loaded config: where it lives and what it says.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    pub file: ConfigFile,
    pub policy: Policy,
    pub exclude: Vec<GlobMatcher>,
}

/// A config that could not be used, rendered for the user.
#[derive(Debug, Clone)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError(format!(
                "{shown}: cannot read config: {}",
                crate::walk::describe_io(&e)
            ))
        })?;
        let file: ConfigFile = yaml::parse(&text, &shown, 0).map_err(|e| {
            let mut lines = e.rendered.lines();
            let first = lines.next().unwrap_or_default();
            let reason = first.split_once(": ").map_or(first, |(_, r)| r);
            let reason = reason
                .split_once(": ")
                .filter(|(h, _)| h.starts_with("line "))
                .map_or(reason, |(_, r)| r);
            ConfigError(format!(
                "{shown}:{}:{}: {reason}\n{}",
                e.line,
                e.column,
                lines.collect::<Vec<_>>().join("\n")
            ))
        })?;
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let glob = |g: &Spanned<String>| {
            Glob::new(&g.value)
                .map(|g| g.compile_matcher())
                .map_err(|e| {
                    let (line, column) = yaml::position(g);
                    ConfigError(format!(
                        "{shown}:{line}:{column}: invalid glob `{}`: {e}",
                        g.value
                    ))
                })
        };
        let mut overrides = Vec::new();
        for o in &file.overrides {
            overrides.push(Override {
                files: glob(&o.files)?,
                select: o.select.clone(),
                ignore: o.ignore.clone(),
                severity: o.severity.clone().into_iter().collect(),
            });
        }
        let exclude = file
            .exclude
            .iter()
            .map(glob)
            .collect::<Result<Vec<_>, _>>()?;
        let policy = Policy {
            base: dir,
            severity: file.severity.clone().into_iter().collect(),
            overrides,
        };
        Ok(Config {
            path: path.to_path_buf(),
            file,
            policy,
            exclude,
        })
    }

    /// Rule directories named by the config, resolved against its folder.
    pub fn rule_dirs(&self) -> Vec<PathBuf> {
        self.file
            .rules
            .iter()
            .map(|r| self.policy.base.join(r))
            .collect()
    }

    /// Is `file` excluded by this config's `exclude` globs?
    pub fn excludes(&self, file: &Path) -> bool {
        let rel = relative(&self.policy.base, file);
        self.exclude.iter().any(|g| g.is_match(&rel))
    }
}

/// The nearest config above `file` (its own directory first).
pub fn discover(file: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(file).ok()?;
    let mut dir = if absolute.is_dir() {
        Some(absolute.as_path())
    } else {
        absolute.parent()
    };
    while let Some(d) = dir {
        for name in FILE_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        dir = d.parent();
    }
    None
}

#[derive(Debug)]
struct Override {
    files: GlobMatcher,
    select: Vec<String>,
    ignore: Vec<String>,
    severity: Vec<(String, Severity)>,
}

/// Decisions applied to a file's findings after checking: severity changes
/// and per-path rule selection.
#[derive(Debug, Default)]
pub struct Policy {
    base: PathBuf,
    severity: Vec<(String, Severity)>,
    overrides: Vec<Override>,
}

fn relative(base: &Path, file: &Path) -> PathBuf {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let base = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
    absolute
        .strip_prefix(&base)
        .map(Path::to_path_buf)
        .unwrap_or(absolute)
}

/// The most specific pattern (longest) that covers `rule`.
fn most_specific(table: &[(String, Severity)], rule: &str) -> Option<Severity> {
    table
        .iter()
        .filter(|(pattern, _)| selects(pattern, rule))
        .max_by_key(|(pattern, _)| pattern.trim_end_matches('/').len())
        .map(|(_, s)| *s)
}

impl Policy {
    pub fn is_empty(&self) -> bool {
        self.severity.is_empty() && self.overrides.is_empty()
    }

    pub fn apply(&self, path: &Path, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.is_empty() {
            return diagnostics;
        }
        let rel = relative(&self.base, path);
        let matching: Vec<&Override> = self
            .overrides
            .iter()
            .filter(|o| o.files.is_match(&rel))
            .collect();
        diagnostics
            .into_iter()
            .filter(|d| {
                matching.iter().all(|o| {
                    (o.select.is_empty() || o.select.iter().any(|p| selects(p, &d.rule)))
                        && !o.ignore.iter().any(|p| selects(p, &d.rule))
                })
            })
            .map(|mut d| {
                if let Some(s) = most_specific(&self.severity, &d.rule) {
                    d.severity = s;
                }
                for o in &matching {
                    if let Some(s) = most_specific(&o.severity, &d.rule) {
                        d.severity = s;
                    }
                }
                d
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_point_at_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copydesk.yaml");
        std::fs::write(&path, "select: [names]\nignroe: [promo]\n").unwrap();
        let err = Config::load(&path).unwrap_err().0;
        assert!(
            err.contains("copydesk.yaml:2:1: unknown field `ignroe`"),
            "{err}"
        );
    }

    #[test]
    fn nearest_config_wins() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("copydesk.yaml"), "").unwrap();
        std::fs::write(dir.path().join("a/.copydesk.yaml"), "").unwrap();
        let found = discover(&dir.path().join("a/b/story.md")).unwrap();
        assert!(found.ends_with("a/.copydesk.yaml"));
    }

    #[test]
    fn most_specific_severity_wins() {
        let table = vec![
            ("names".to_string(), Severity::Info),
            ("names/consistency".to_string(), Severity::Error),
        ];
        assert_eq!(
            most_specific(&table, "names/consistency"),
            Some(Severity::Error)
        );
        assert_eq!(
            most_specific(&table, "names/house-spellings"),
            Some(Severity::Info)
        );
        assert_eq!(most_specific(&table, "dates/x"), None);
    }
}

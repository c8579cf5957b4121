//! Gather rule files from the embedded pack and rule directories, compile
//! them, and report every broken file (not just the first).

use std::collections::BTreeMap;

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use super::spec::KindHeader;
use super::{EMBEDDED_RULES, RuleError, RuleFile, RuleLibrary, validate_id};
use crate::checks::{self, Check};

/// The compiled rules, ordered by id.
pub struct RuleSet {
    pub checks: Vec<Box<dyn Check>>,
}

/// A rule file's text before compiling, with where it came from.
struct Source {
    id: String,
    origin: String,
    text: String,
}

impl RuleSet {
    /// Load the embedded pack (unless `embedded` is false), then each
    /// directory in order; a later rule with the same id replaces an earlier.
    pub fn load(embedded: bool, dirs: &[PathBuf]) -> Result<RuleSet, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut chosen: BTreeMap<String, Source> = BTreeMap::new();
        let mut layers = Vec::new();
        if embedded {
            layers.push(
                EMBEDDED_RULES
                    .iter()
                    .map(|(rel, text)| Source {
                        id: id_of(rel),
                        origin: format!("<embedded>/{rel}"),
                        text: text.to_string(),
                    })
                    .collect::<Vec<_>>(),
            );
        }
        for dir in dirs {
            layers.push(read_dir(dir, &mut errors));
        }
        for layer in layers {
            let mut seen: BTreeMap<String, String> = BTreeMap::new();
            for source in layer {
                if let Some(first) = seen.get(&source.id) {
                    errors.push(RuleError {
                        path: source.origin.clone(),
                        line: 1,
                        column: 1,
                        message: format!(
                            "duplicate rule id `{}`: already defined by {first}",
                            source.id
                        ),
                        snippet: String::new(),
                    });
                    continue;
                }
                seen.insert(source.id.clone(), source.origin.clone());
                chosen.insert(source.id.clone(), source);
            }
        }
        let mut library = RuleLibrary::default();
        for source in chosen.values() {
            library.insert(&source.id, &source.origin, &source.text);
        }
        // Rules compile independently (regexes and automata are most of
        // start-up), so on all cores; the order stays the id order.
        let sources: Vec<&Source> = chosen.values().collect();
        let compiled: Vec<Result<Box<dyn Check>, RuleError>> = sources
            .par_iter()
            .map(|source| compile(source, &library))
            .collect();
        let mut checks = Vec::new();
        for result in compiled {
            match result {
                Ok(check) => checks.push(check),
                Err(err) => errors.push(err),
            }
        }
        if errors.is_empty() {
            Ok(RuleSet { checks })
        } else {
            Err(errors)
        }
    }

    /// Keep the enabled rules matching `select` (all when empty) and not
    /// matching `ignore`. A pattern is a rule id or a family (`promo`, `promo/`).
    pub fn retain(&mut self, select: &[String], ignore: &[String]) {
        self.retain_with(select, &[], ignore);
    }

    /// [`RuleSet::retain`], with `enable` naming rules that are on even
    /// when their file says `enabled: false` (a config's house options).
    pub fn retain_with(&mut self, select: &[String], enable: &[String], ignore: &[String]) {
        self.checks.retain(|c| {
            let id = &c.meta().id;
            let selected = if select.is_empty() {
                c.meta().enabled || enable.iter().any(|p| selects(p, id))
            } else {
                select.iter().any(|p| selects(p, id))
            };
            selected && !ignore.iter().any(|p| selects(p, id))
        });
    }

    /// Compile one rule file from text (as `rules --test`, fuzzing and
    /// tools embedding copydesk need).
    pub fn compile_text(id: &str, origin: &str, text: &str) -> Result<Box<dyn Check>, RuleError> {
        // Alone: a rule that names a sibling's tables finds none.
        let source = Source {
            id: id.to_string(),
            origin: origin.to_string(),
            text: text.to_string(),
        };
        compile(&source, &RuleLibrary::default())
    }

    pub fn find(&self, id: &str) -> Option<&dyn Check> {
        self.checks
            .iter()
            .find(|c| &*c.meta().id == id)
            .map(|c| c.as_ref())
    }
}

/// Does pattern `pattern` (an id, a family, or `family/`) cover rule `id`?
pub fn selects(pattern: &str, id: &str) -> bool {
    let pattern = pattern.trim_end_matches('/');
    id == pattern
        || id
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn id_of(relative: &str) -> String {
    let rel = relative.replace('\\', "/");
    rel.strip_suffix(".yaml")
        .or_else(|| rel.strip_suffix(".yml"))
        .unwrap_or(&rel)
        .to_string()
}

fn read_dir(dir: &Path, errors: &mut Vec<RuleError>) -> Vec<Source> {
    let io_error = |path: &Path, message: String| RuleError {
        path: path.display().to_string(),
        line: 0,
        column: 0,
        message,
        snippet: String::new(),
    };
    if !dir.is_dir() {
        errors.push(io_error(
            dir,
            "rule directory does not exist or is not a directory".into(),
        ));
        return Vec::new();
    }
    let mut sources = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                errors.push(io_error(dir, format!("cannot read rule directory: {err}")));
                continue;
            }
        };
        let path = entry.path();
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if !is_yaml || !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => sources.push(Source {
                id: id_of(&rel),
                origin: path.display().to_string(),
                text,
            }),
            Err(err) => errors.push(io_error(path, format!("cannot read rule file: {err}"))),
        }
    }
    sources
}

fn compile(source: &Source, library: &RuleLibrary) -> Result<Box<dyn Check>, RuleError> {
    let file = RuleFile {
        id: &source.id,
        origin: &source.origin,
        text: &source.text,
        library,
    };
    validate_id(&source.id).map_err(|message| file.error(message))?;
    // Parsing the whole file for its kind costs as much as parsing it for
    // the rule: for a house list of thousands of names, a fifth of a
    // second before the first article is read.
    if let Some(kind) = kind_written_first(&source.text).and_then(checks::kind) {
        return (kind.compile)(&file);
    }
    let header: KindHeader = file.parse()?;
    let Some(kind) = checks::kind(&header.kind.value) else {
        let known: Vec<&str> = checks::KINDS.iter().map(|k| k.name).collect();
        return Err(file.error_at(
            &header.kind,
            format!(
                "unknown rule kind `{}`; known kinds: {}",
                header.kind.value,
                known.join(", ")
            ),
        ));
    };
    (kind.compile)(&file)
}

/// The kind of a rule file that opens with it on a line of its own, as
/// every rule of the pack does: `kind: names` as the first line that is
/// not blank or a comment, the value a plain word, the next such line a
/// new key. That line can only be the top-level `kind` key, so the kind's
/// own parse of the file reads the same value. Any other layout (a
/// document marker, quotes, flow style, a value going on over the next
/// line) is left to the YAML parser.
fn kind_written_first(text: &str) -> Option<&str> {
    let mut lines = text.lines().filter(|line| {
        let line = line.trim_start();
        !line.is_empty() && !line.starts_with('#')
    });
    let value = lines.next()?.strip_prefix("kind:")?;
    if !value.starts_with([' ', '\t']) {
        return None;
    }
    // A comment starts at a `#` after white space.
    let comment = value
        .match_indices('#')
        .find(|(at, _)| value[..*at].ends_with([' ', '\t']))
        .map_or(value.len(), |(at, _)| at);
    let value = value[..comment].trim();
    let word = !value.is_empty() && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    let next_is_a_key = lines
        .next()
        .is_none_or(|line| !line.starts_with([' ', '\t']));
    (word && next_is_a_key).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_patterns_select_their_rules() {
        assert!(selects("promo", "promo/ad-markers"));
        assert!(selects("promo/", "promo/ad-markers"));
        assert!(selects("promo/ad-markers", "promo/ad-markers"));
        assert!(!selects("pro", "promo/ad-markers"));
    }

    #[test]
    fn only_a_kind_on_a_line_of_its_own_is_read_without_the_parser() {
        let read = kind_written_first;
        assert_eq!(read("kind: names\nseverity: error\n"), Some("names"));
        assert_eq!(
            read("# House list\n\nkind:\tname-consistency   # two ways\nseverity: error\n"),
            Some("name-consistency")
        );
        assert_eq!(read("kind: names"), Some("names"));
        for other in [
            "---\nkind: names\n",
            "kind: \"names\"\n",
            "kind:names\n",
            "kind: names#1\n",
            "kind: names\n  more\nseverity: error\n",
            "kind: Names\n",
            "{kind: names}\n",
            "severity: error\nkind: names\n",
            "\u{feff}kind: names\n",
            "kind:\n",
        ] {
            assert_eq!(read(other), None, "{other:?}");
        }
    }

    #[test]
    fn embedded_pack_loads() {
        let set = RuleSet::load(true, &[]).unwrap_or_else(|errs| {
            panic!(
                "{}",
                errs.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(!set.checks.is_empty());
    }
}

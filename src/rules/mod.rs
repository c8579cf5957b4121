//! Rule files: where they come from, how they are validated and compiled.
//!
//! Sources, later ones overriding earlier ones rule by rule (same id):
//! the default pack embedded at build time, then each `--rules DIR` (or
//! config `rules:` directory) in order. Inside one source an id may be
//! defined once. Loading is strict: decode (serde, unknown keys rejected),
//! then validate (placeholders, regexes, examples), then compile.

pub mod load;
pub mod selftest;
pub mod spec;

use std::any::{Any, TypeId};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::yaml::{self, Spanned, YamlError};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// A rule file that cannot be used. Displays as `path:line:col: message`
/// followed by the offending lines of the file.
#[derive(Debug, Clone)]
pub struct RuleError {
    pub path: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
    /// The lines of the rule file around the problem, marked.
    pub snippet: String,
}

impl std::error::Error for RuleError {}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )?;
        if !self.snippet.is_empty() {
            write!(f, "\n{}", self.snippet.trim_end())?;
        }
        Ok(())
    }
}

/// One rule file being compiled: its id, where it came from and its text.
#[derive(Debug, Clone, Copy)]
pub struct RuleFile<'a> {
    pub id: &'a str,
    /// The path shown in messages (`<embedded>/names/x.yaml` for the pack).
    pub origin: &'a str,
    pub text: &'a str,
    /// The other rule files of this run, for [`RuleFile::sibling`].
    pub library: &'a RuleLibrary<'a>,
}

/// Every rule file of one run by id, after overrides: lets a rule read a
/// table another rule file declares instead of repeating it (`dates/` rules
/// share one set of month and weekday names this way).
#[derive(Debug)]
pub struct RuleLibrary<'a> {
    /// id → (origin, text)
    files: BTreeMap<&'a str, (&'a str, &'a str)>,
    /// Tables compiled from a rule file, kept for the other rules that read
    /// them; `None` for a file compiled on its own.
    compiled: Option<Compiled>,
}

/// Compiled tables by type and the id of the rule file declaring them.
#[derive(Default)]
struct Compiled(Mutex<BTreeMap<(TypeId, String), Arc<dyn Any + Send + Sync>>>);

impl fmt::Debug for Compiled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Compiled")
    }
}

impl Default for RuleLibrary<'_> {
    /// An empty library with room for the tables its rules will share.
    fn default() -> Self {
        RuleLibrary {
            files: BTreeMap::new(),
            compiled: Some(Compiled::default()),
        }
    }
}

impl<'a> RuleLibrary<'a> {
    pub fn insert(&mut self, id: &'a str, origin: &'a str, text: &'a str) {
        self.files.insert(id, (origin, text));
    }
}

/// The library of a rule file compiled on its own.
static NO_SIBLINGS: RuleLibrary<'static> = RuleLibrary {
    files: BTreeMap::new(),
    compiled: None,
};

impl<'a> RuleFile<'a> {
    /// A rule file compiled on its own (tests, fuzzing, tools): it has no
    /// siblings to borrow tables from.
    pub fn standalone(id: &'a str, origin: &'a str, text: &'a str) -> RuleFile<'a> {
        RuleFile {
            id,
            origin,
            text,
            library: &NO_SIBLINGS,
        }
    }

    /// Another rule file of this run, by id. It may itself be broken: it is
    /// compiled (and its errors reported) on its own.
    pub fn sibling(&self, id: &str) -> Option<RuleFile<'a>> {
        self.library
            .files
            .get_key_value(id)
            .map(|(id, (origin, text))| RuleFile {
                id,
                origin,
                text,
                library: self.library,
            })
    }

    /// The tables of type `T` this rule file declares, compiled by
    /// `compile` for the first rule of the run that asks and shared with
    /// the others (rules reading the same file would otherwise compile the
    /// same tables again). A failure is returned, not kept.
    pub fn shared<T: Any + Send + Sync, E>(
        &self,
        compile: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let Some(Compiled(compiled)) = &self.library.compiled else {
            return compile().map(Arc::new);
        };
        let key = (TypeId::of::<T>(), self.id.to_string());
        let kept = compiled.lock().ok().and_then(|c| c.get(&key).cloned());
        if let Some(tables) = kept.and_then(|t| t.downcast::<T>().ok()) {
            return Ok(tables);
        }
        // Compiled outside the lock: rules compile in parallel, and two
        // asking at once both compile rather than one waiting.
        let tables = Arc::new(compile()?);
        if let Ok(mut compiled) = compiled.lock() {
            compiled.insert(key, Arc::clone(&tables) as Arc<dyn Any + Send + Sync>);
        }
        Ok(tables)
    }

    /// Decode the whole file into a kind's spec, strictly.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, RuleError> {
        yaml::parse(self.text, self.origin, 0).map_err(|e| self.yaml_error(e))
    }

    fn yaml_error(&self, err: YamlError) -> RuleError {
        // serde-saphyr renders "error: line L column C: message" plus the
        // snippet; keep its snippet, lead with our own header.
        let mut lines = err.rendered.lines();
        let first = lines.next().unwrap_or_default();
        let message = first
            .strip_prefix("error: ")
            .unwrap_or(first)
            .split_once(": ")
            .filter(|(head, _)| head.starts_with("line "))
            .map_or(first, |(_, rest)| rest)
            .to_string();
        RuleError {
            path: self.origin.to_string(),
            line: err.line,
            column: err.column,
            message,
            snippet: lines.collect::<Vec<_>>().join("\n"),
        }
    }

    /// An error about a value the file wrote at `at`.
    pub fn error_at<T>(&self, at: &Spanned<T>, message: impl Into<String>) -> RuleError {
        let (line, column) = yaml::position(at);
        let range = yaml::byte_range(at, self.text);
        self.error_in(range, line, column, message.into())
    }

    /// An error about the file as a whole (points at its first line).
    pub fn error(&self, message: impl Into<String>) -> RuleError {
        let end = self.text.find('\n').unwrap_or(self.text.len());
        self.error_in(0..end, 1, 1, message.into())
    }

    fn error_in(&self, range: Range<usize>, line: u64, column: u64, message: String) -> RuleError {
        let title = message.lines().next().unwrap_or_default();
        let report = [Level::ERROR.primary_title(title).element(
            Snippet::source(self.text)
                .path(self.origin)
                .annotation(AnnotationKind::Primary.span(range)),
        )];
        let snippet = Renderer::plain().render(&report);
        // The title is already in our header line.
        let snippet = snippet.lines().skip(1).collect::<Vec<_>>().join("\n");
        RuleError {
            path: self.origin.to_string(),
            line,
            column,
            message,
            snippet,
        }
    }
}

/// Check a rule id: `family/name`, lowercase letters, digits and dashes.
pub fn validate_id(id: &str) -> Result<(), String> {
    let segments: Vec<&str> = id.split('/').collect();
    let good_segment = |s: &&str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    };
    if segments.len() < 2 {
        return Err(format!(
            "rule `{id}` must sit in a family folder (e.g. `names/{id}.yaml`): rule ids are `family/name`"
        ));
    }
    if !segments.iter().all(good_segment) {
        return Err(format!(
            "rule id `{id}` may use only lowercase letters, digits, `-` and `_` in each part"
        ));
    }
    Ok(())
}

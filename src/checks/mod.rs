//! Rule kinds. A kind is code (one module here); a rule is data (one YAML
//! file that names its kind). Each module's `//!` doc has the sections
//! *What it does*, *Why*, *Example* and *Fix safety*; `copydesk explain`
//! prints it.

mod anchored_dfa;
mod byte_masks;
pub mod context;
pub mod dates;
pub mod dfa_walk;
pub mod existence;
pub mod first_reference;
mod line_regex;
mod match_start;
pub mod name_consistency;
pub mod names;
mod opening_words;
pub mod pattern_rewrite;
pub mod phrase_pass;
pub mod promo_block;
pub mod quote_attribution;
pub mod quote_balance;
pub mod quote_style;
pub mod quotes;
pub mod regex_literals;
pub mod substitution;
mod swar;
pub mod text;
pub mod word_list;

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Fix, Label, Severity};
use crate::document::span::Span;
use crate::rules::spec::{Common, Example};
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

pub use self::context::Context;
use self::text::PhraseSet;

/// A compiled rule. Regexes and automata are built in `compile`, never in
/// `check`; checks are shared read-only across threads.
pub trait Check: Send + Sync {
    fn meta(&self) -> &RuleMeta;

    /// Append this rule's findings for the article `cx.doc` to `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);

    /// True when one finding of this rule stands for everything inside its
    /// span: the engine then drops findings of the same family within it
    /// (a junk block reported once, not once per line and again per phrase).
    fn subsumes_family(&self) -> bool {
        false
    }

    /// Where this rule sees a name written exactly as its list settles it.
    /// Other rules take the spelling there as right: a name spelled two
    /// ways must not be "corrected" away from the house spelling.
    fn settled_names(&self, _cx: &Context<'_>) -> Vec<Span> {
        Vec::new()
    }

    /// The literal phrases this rule looks for, if it is a phrase list
    /// (benchmarks compare against `rg -F -f` with them).
    fn literals(&self) -> Vec<String> {
        Vec::new()
    }

    /// The phrase sets this rule searches the joined prose with through
    /// [`Context::phrases`]: the engine merges them into its one pass over
    /// each article (see [`phrase_pass`]).
    fn phrase_sets(&self) -> Vec<&PhraseSet> {
        Vec::new()
    }
}

/// What every compiled rule knows about itself.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub id: Arc<str>,
    pub kind: &'static str,
    pub severity: Severity,
    pub message: String,
    pub description: String,
    pub examples: Vec<Example>,
    /// Where the rule was defined, for messages.
    pub origin: String,
    pub enabled: bool,
}

impl RuleMeta {
    /// A finding with this rule's id and severity and its message template
    /// filled from `vars` (`{name}` → value).
    pub fn diagnostic(&self, span: Span, vars: &[(&str, &str)]) -> Diagnostic {
        Diagnostic {
            rule: self.id.clone(),
            severity: self.severity,
            message: fill(&self.message, vars),
            span,
            labels: Vec::new(),
            fix: None,
        }
    }

    pub fn diagnostic_with(
        &self,
        span: Span,
        vars: &[(&str, &str)],
        labels: Vec<Label>,
        fix: Option<Fix>,
    ) -> Diagnostic {
        Diagnostic {
            labels,
            fix,
            ..self.diagnostic(span, vars)
        }
    }
}

/// Fill `{name}` placeholders. Unknown names were rejected at load time.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A rule kind as the loader sees it.
pub struct Kind {
    pub name: &'static str,
    /// Placeholders its `message` may use.
    pub placeholders: &'static [&'static str],
    /// The module source, whose `//!` lines are the kind's documentation.
    pub source: &'static str,
    pub compile: fn(&RuleFile) -> Result<Box<dyn Check>, RuleError>,
}

impl Kind {
    /// The module doc comment (What it does / Why / Example / Fix safety).
    pub fn doc(&self) -> String {
        self.source
            .lines()
            .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
            .filter_map(|l| l.strip_prefix("//!"))
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// Build the rule's metadata from its common keys, checking the message's
    /// placeholders against this kind's list.
    pub fn meta(&'static self, file: &RuleFile, common: Common) -> Result<RuleMeta, RuleError> {
        for name in placeholders(&common.message.value) {
            if !self.placeholders.contains(&name) {
                let known = if self.placeholders.is_empty() {
                    "none".to_string()
                } else {
                    self.placeholders
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                return Err(file.error_at(
                    &common.message,
                    format!(
                        "unknown placeholder `{{{name}}}` in message; `{}` rules know {known}",
                        self.name
                    ),
                ));
            }
        }
        validate_examples(file, &common.examples)?;
        Ok(RuleMeta {
            id: Arc::from(file.id),
            kind: self.name,
            severity: common.severity,
            message: common.message.value,
            description: common.description,
            examples: common.examples.into_iter().map(|e| e.value).collect(),
            origin: file.origin.to_string(),
            enabled: common.enabled,
        })
    }
}

/// Every rule proves itself: at least one `bad` and one `good` example,
/// each example exactly one of the two, `flags`/`fixed` only on `bad`.
fn validate_examples(file: &RuleFile, examples: &[Spanned<Example>]) -> Result<(), RuleError> {
    for example in examples {
        let e = &example.value;
        if e.bad.is_some() == e.good.is_some() {
            return Err(file.error_at(example, "an example has exactly one of `bad` or `good`"));
        }
        if e.good.is_some() && (e.flags.is_some() || e.fixed.is_some()) {
            return Err(file.error_at(example, "`flags` and `fixed` belong to `bad` examples"));
        }
        if let Some(date) = &e.date
            && date.parse::<jiff::civil::Date>().is_err()
        {
            return Err(file.error_at(
                example,
                format!("example `date` {date:?} is not YYYY-MM-DD"),
            ));
        }
    }
    let bad = examples.iter().any(|e| e.value.bad.is_some());
    let good = examples.iter().any(|e| e.value.good.is_some());
    if !bad || !good {
        return Err(file.error(
            "a rule needs `examples` with at least one `bad` and one `good` text; `copydesk rules --test` runs them",
        ));
    }
    Ok(())
}

/// The `{name}` placeholders a message template uses.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

/// Every kind copydesk knows, by name.
pub static KINDS: &[&Kind] = &[
    &existence::KIND,
    &substitution::KIND,
    &names::KIND,
    &name_consistency::KIND,
    &first_reference::KIND,
    &dates::KIND,
    &promo_block::KIND,
    &quote_balance::KIND,
    &quote_attribution::KIND,
    &quote_style::KIND,
];

pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().copied().find(|k| k.name == name)
}

/// Test support for the rules that read the engine's shared phrase pass:
/// what `read` makes of `source` checked by the rule file `yaml` (compiled
/// by `compile`) in an engine, with the pass, and on its own, without one.
/// The two must agree.
#[cfg(test)]
pub(crate) fn with_and_without_pass<T>(
    compile: fn(&RuleFile) -> Result<Box<dyn Check>, RuleError>,
    yaml: &str,
    source: String,
    read: impl Fn(&dyn Check, &Context<'_>) -> T,
) -> (T, T) {
    use crate::document::{Document, Format, ReadOptions};
    let file = RuleFile::standalone("test/rule", "test.yaml", yaml);
    let checks = vec![compile(&file).unwrap_or_else(|e| panic!("{e}"))];
    let pass = phrase_pass::PhrasePass::build(&checks);
    let doc = Document::parse("t.txt", source, Format::Text, &ReadOptions::default());
    let shared = Context::with_pass(&doc, &pass);
    let sets = checks[0].phrase_sets();
    assert!(
        !sets.is_empty(),
        "the rule reads no phrase set from the pass"
    );
    assert!(
        sets.iter()
            .all(|set| shared.blocks_with_phrase(set).is_some())
    );
    let check = checks[0].as_ref();
    (read(check, &shared), read(check, &Context::new(&doc)))
}

/// Test support: owned copies of `list`, as rule specs hold their lists.
#[cfg(test)]
pub(crate) fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill(
                "Use '{preferred}', not '{found}' {x}",
                &[("found", "a"), ("preferred", "b")]
            ),
            "Use 'b', not 'a' {x}"
        );
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }
}

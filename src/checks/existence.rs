//! ## What it does
//! Reports every occurrence of a listed phrase (`phrases`, literal text) or
//! pattern (`patterns`, regular expressions) in the article's prose.
//!
//! ## Why
//! Some words must never reach readers: editors' placeholders ("TKTK"),
//! pasted site furniture ("ADVERTISEMENT"), banned terms. A list is the
//! simplest rule a desk can write, and a newsroom's list can be long: all
//! phrases of a rule are compiled into one automaton, so a thousand phrases
//! cost about what one does.
//!
//! ## Example
//! ```yaml
//! kind: existence
//! severity: error
//! message: "Editor's placeholder '{match}' left in copy"
//! description: Placeholders mark facts still to come and must be filled.
//! phrases: [TKTK, lorem ipsum]
//! patterns: ['\bTK\b']
//! ignorecase: false       # default true (ASCII letters)
//! nonword: false          # default false: phrases match whole words only
//! scope: [paragraph, headline]   # default: every block
//! examples:
//!   - bad: "The council will vote on TKTK."
//!   - good: "The council will vote on Tuesday."
//! ```
//!
//! ## Fix safety
//! No fix: what replaces the phrase is the editor's call.

use regex::Regex;

use super::text::{BlockScope, PhraseSet, blocks_in, combined_regex};
use super::{Check, Kind, RuleMeta};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

rule_spec! {
    pub struct ExistenceSpec {
        #[serde(default)]
        pub phrases: Vec<String>,
        #[serde(default)]
        pub patterns: Vec<Spanned<String>>,
        #[serde(default = "crate::rules::spec::yes")]
        pub ignorecase: bool,
        #[serde(default)]
        pub nonword: bool,
        #[serde(default)]
        pub scope: Vec<BlockScope>,
    }
}

pub static KIND: Kind = Kind {
    name: "existence",
    placeholders: &["match"],
    source: include_str!("existence.rs"),
    compile,
};

struct Existence {
    meta: RuleMeta,
    phrases: Option<PhraseSet>,
    regex: Option<Regex>,
    scope: Vec<BlockScope>,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: ExistenceSpec = file.parse()?;
    if spec.phrases.is_empty() && spec.patterns.is_empty() {
        return Err(file.error("an `existence` rule needs `phrases` or `patterns` (or both)"));
    }
    if let Some(blank) = spec.phrases.iter().find(|p| p.trim().is_empty()) {
        return Err(file.error(format!("empty phrase {blank:?} in `phrases`")));
    }
    let phrases = if spec.phrases.is_empty() {
        None
    } else {
        Some(
            PhraseSet::new(&spec.phrases, spec.ignorecase, !spec.nonword)
                .map_err(|e| file.error(e))?,
        )
    };
    let patterns: Vec<String> = spec.patterns.iter().map(|p| p.value.clone()).collect();
    let regex = combined_regex(&patterns, spec.ignorecase)
        .map_err(|(i, e)| file.error_at(&spec.patterns[i], e))?;
    let meta = KIND.meta(file, spec.common())?;
    Ok(Box::new(Existence {
        meta,
        phrases,
        regex,
        scope: spec.scope,
    }))
}

impl Check for Existence {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for block in blocks_in(doc, &self.scope) {
            let text = block.text();
            let mut hits: Vec<std::ops::Range<usize>> = Vec::new();
            if let Some(phrases) = &self.phrases {
                hits.extend(phrases.find(text).into_iter().map(|(_, r)| r));
            }
            if let Some(regex) = &self.regex {
                hits.extend(
                    regex
                        .find_iter(text)
                        .filter(|m| !m.is_empty())
                        .map(|m| m.range()),
                );
            }
            hits.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
            let mut last_end = 0;
            for range in hits {
                if range.start < last_end {
                    continue;
                }
                last_end = range.end;
                let found = text[range.clone()].trim();
                out.push(
                    self.meta
                        .diagnostic(block.span(range.clone()), &[("match", found)]),
                );
            }
        }
    }
}

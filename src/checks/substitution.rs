//! ## What it does
//! Reports a word or phrase the house writes differently and offers the
//! preferred form: a `swap` map from what is found to what is preferred.
//!
//! ## Why
//! House style is mostly a list of "write this, not that": common
//! misspellings, agency spellings, retired terms. The fix is mechanical, so
//! copydesk can make it.
//!
//! ## Example
//! ```yaml
//! kind: substitution
//! severity: warning
//! message: "Write '{preferred}', not '{found}'"
//! description: Misspellings that spellcheckers in CMS editors often miss.
//! swap:
//!   accomodate: accommodate
//!   occured: occurred
//! ignorecase: true   # default true; the fix keeps the found word's capitals
//! fix: safe          # safe (default) | unsafe | none
//! examples:
//!   - bad: "The hall could not accomodate everyone."
//!     fixed: "The hall could not accommodate everyone."
//!   - good: "The hall could not accommodate everyone."
//! ```
//!
//! ## Fix safety
//! Safe by default: the replacement is exactly what the rule file says, with
//! the capitalisation of the text it replaces. A rule whose swaps depend on
//! context should say `fix: unsafe`.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use super::text::{BlockScope, PhraseSet, in_scope, match_case};
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

rule_spec! {
    pub struct SubstitutionSpec {
        pub swap: SwapList,
        #[serde(default = "crate::rules::spec::yes")]
        pub ignorecase: bool,
        #[serde(default)]
        pub fix: FixSafety,
        #[serde(default)]
        pub scope: Vec<BlockScope>,
    }
}

/// How a rule's fixes may be applied.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixSafety {
    #[default]
    Safe,
    Unsafe,
    None,
}

impl FixSafety {
    pub fn applicability(self) -> Option<Applicability> {
        match self {
            FixSafety::Safe => Some(Applicability::Safe),
            FixSafety::Unsafe => Some(Applicability::Unsafe),
            FixSafety::None => None,
        }
    }
}

/// The `swap` map in file order (YAML maps are ordered in the file; the
/// order decides nothing, but messages and tests read better stable).
#[derive(Debug)]
pub struct SwapList(pub Vec<(Spanned<String>, String)>);

impl<'de> Deserialize<'de> for SwapList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairVisitor;
        impl<'de> Visitor<'de> for PairVisitor {
            type Value = SwapList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from found text to preferred text")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SwapList, A::Error> {
                let mut pairs = Vec::new();
                while let Some((k, v)) = map.next_entry::<Spanned<String>, String>()? {
                    pairs.push((k, v));
                }
                Ok(SwapList(pairs))
            }
        }
        deserializer.deserialize_map(PairVisitor)
    }
}

pub static KIND: Kind = Kind {
    name: "substitution",
    placeholders: &["found", "preferred"],
    source: include_str!("substitution.rs"),
    compile,
};

struct Substitution {
    meta: RuleMeta,
    phrases: PhraseSet,
    preferred: Vec<String>,
    fix: Option<Applicability>,
    scope: Vec<BlockScope>,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: SubstitutionSpec = file.parse()?;
    if spec.swap.0.is_empty() {
        return Err(file.error("a `substitution` rule needs at least one entry in `swap`"));
    }
    for (found, preferred) in &spec.swap.0 {
        if found.value.trim().is_empty() {
            return Err(file.error_at(found, "empty text to find in `swap`"));
        }
        if found.value == *preferred {
            return Err(file.error_at(found, format!("`{preferred}` is swapped for itself")));
        }
    }
    let found: Vec<&str> = spec.swap.0.iter().map(|(f, _)| f.value.as_str()).collect();
    let phrases = PhraseSet::new(&found, spec.ignorecase, true).map_err(|e| file.error(e))?;
    let preferred = spec.swap.0.iter().map(|(_, p)| p.clone()).collect();
    let meta = KIND.meta(file, spec.common())?;
    Ok(Box::new(Substitution {
        meta,
        phrases,
        preferred,
        fix: spec.fix.applicability(),
        scope: spec.scope,
    }))
}

impl Check for Substitution {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn literals(&self) -> Vec<String> {
        self.phrases.phrases().to_vec()
    }

    fn phrase_sets(&self) -> Vec<&PhraseSet> {
        vec![&self.phrases]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let prose = doc.prose();
        for (index, range) in cx.phrases(&self.phrases) {
            // A phrase cannot hold the blank line between blocks, so every
            // match lies inside one block.
            let Some((block, range)) = prose.locate(range) else {
                continue;
            };
            let block = &doc.blocks[block];
            if !in_scope(&self.scope, block.kind) {
                continue;
            }
            let text = block.text();
            let found = &text[range.clone()];
            let preferred = match_case(found, &self.preferred[index]);
            if preferred == found {
                continue;
            }
            let span = block.span(range);
            let fix = self.fix.map(|applicability| {
                Fix::replace(
                    format!("Replace with '{preferred}'"),
                    span,
                    preferred.clone(),
                    applicability,
                )
            });
            out.push(self.meta.diagnostic_with(
                span,
                &[("found", found), ("preferred", &preferred)],
                Vec::new(),
                fix,
            ));
        }
    }
}

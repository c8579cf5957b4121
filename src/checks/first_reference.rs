//! ## What it does
//! Reports a surname used alone ("Okafor said…", "Mayor Kowalczyk") before
//! the article gives that person's full name ("Dana Okafor"). The finding
//! points at the bare surname, with a label on the full name further down.
//!
//! ## Why
//! House style gives a person's full name (and title) on first reference and
//! the surname alone after that. A surname first is a sign the story was
//! cut or reordered, and it leaves the reader guessing who is meant.
//!
//! Only body copy counts: headlines and subheads use surnames alone by
//! design, and a full name there does not introduce anyone to the reader of
//! the body. To keep quiet about places and firms that share a word with a
//! name ("Brandt Logistics" before "Thomas Brandt"), the bare use must stand
//! alone (no other capitalised word beside it), must not be an ordinary word
//! the article also writes in lower case, and the person must be plain from
//! the context: a title or role word at the bare use ("Mayor Kowalczyk"),
//! or a verb of saying there ("Okafor said") and a title or role word at
//! the full name ("union president Dana Okafor"). Peers named by title
//! ("Lord Butler") are a full reference already. Family
//! names written first (Korean, Chinese, Japanese in that order) are not
//! recognised as surnames.
//!
//! ## Example
//! ```yaml
//! kind: first-reference
//! severity: warning
//! message: "'{surname}' appears before the full name '{full}'"
//! description: Full name on first reference.
//! label: "full name first given here"    # default shown
//! examples:
//!   - bad: "Okafor said talks would resume. Union president Dana Okafor met the lines."
//!     flags: ["Okafor"]
//!   - good: "Union president Dana Okafor met the lines. Okafor said talks would resume."
//! ```
//!
//! ## Fix safety
//! No fix: moving the full name up (or the bare name down) is an edit of
//! the story, not of a word.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::borrow::Cow;
use std::ops::Range;

use super::names::fold::fold_word;
use super::names::tokens::{self, Shape};
use super::{Check, Context, Kind, RuleMeta, fill};
use crate::diagnostic::{Diagnostic, Label};
use crate::document::{Block, BlockKind};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};

rule_spec! {
    pub struct FirstReferenceSpec {
        #[serde(default = "default_label")]
        pub label: String,
    }
}

fn default_label() -> String {
    "full name first given here".to_string()
}

pub static KIND: Kind = Kind {
    name: "first-reference",
    placeholders: &["surname", "full"],
    source: include_str!("first_reference.rs"),
    compile,
};

struct FirstReference {
    meta: RuleMeta,
    label: String,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: FirstReferenceSpec = file.parse()?;
    let meta = KIND.meta(file, spec.common())?;
    Ok(Box::new(FirstReference {
        meta,
        label: spec.label,
    }))
}

/// One use of a name in the body.
struct Use<'r> {
    block: usize,
    range: Range<usize>,
    /// Introduced by a title or role word ("Mayor", "union president").
    titled: bool,
    /// Next to a verb of saying.
    speaks: bool,
    /// The title or role word as written.
    title: Option<&'r str>,
}

/// A run of name words, as [`tokens::runs_into`] found it.
struct NameRun<'t> {
    block: usize,
    /// Its words, in the check's list of run words.
    words: Range<usize>,
    titled: bool,
    speaks: bool,
    /// The title or role word before it, as written.
    title: Option<&'t str>,
}

/// Peers are named by title alone ("Lord Butler"); that is their full
/// reference, not a surname.
const PEERAGE: &[&str] = &["lord", "lady", "baroness"];

impl Use<'_> {
    fn position(&self) -> (usize, usize) {
        (self.block, self.range.start)
    }
}

impl Check for FirstReference {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // Headlines and subheads capitalise every word: they say nothing.
        let is_prose = |b: &Block| !matches!(b.kind, BlockKind::Headline | BlockKind::Heading);
        let body = || doc.blocks.iter().enumerate().filter(|(_, b)| is_prose(b));
        // Words the article capitalises mid-sentence, and words it writes in
        // lower case: a capital at a sentence start means a name only if the
        // article capitalises the word elsewhere too. One pass over the
        // words keeps both sets and the name runs (their words only, so a
        // 50 MB file never holds all its words at once); the runs are judged
        // once the sets are complete.
        let mut known: HashSet<&str> = HashSet::new();
        let room = tokens::room_for_runs(doc.source.len());
        let mut run_words: Vec<tokens::Word<'_>> = Vec::with_capacity(2 * room);
        let mut runs: Vec<NameRun> = Vec::with_capacity(room);
        for (index, _) in body() {
            let (words, block_runs) = cx.block_words_and_runs(index);
            for w in words.iter() {
                if w.shape == Shape::Name && !w.initial {
                    known.insert(w.text);
                }
            }
            for run in block_runs.iter() {
                let from = run_words.len();
                run_words.extend_from_slice(&words[run.words.clone()]);
                runs.push(NameRun {
                    block: index,
                    words: from..run_words.len(),
                    titled: run.titled(),
                    speaks: run.speaks(&words),
                    title: run.title_word(&words),
                });
            }
        }
        // Surname → first full-name use; surname → bare uses, in order.
        let mut full: HashMap<&str, Use<'_>> = HashMap::new();
        let mut bare: Vec<(&str, Use<'_>)> = Vec::with_capacity(runs.len());
        for run in &runs {
            let words = &run_words[run.words.clone()];
            // "However Nintendo", "Some Citigroup": drop a sentence's
            // opening word the article never capitalises elsewhere.
            let skip =
                usize::from(words.len() > 1 && words[0].initial && !known.contains(words[0].text));
            let words = &words[skip..];
            let mut names = words
                .iter()
                .filter(|w| w.shape == Shape::Name && !w.is_stop());
            let (first_name, last_name) = (names.next(), names.next_back());
            let use_of = |range: Range<usize>| Use {
                block: run.block,
                range,
                titled: run.titled,
                speaks: run.speaks,
                title: run.title,
            };
            match (first_name, last_name) {
                (Some(only), None) if words.len() == 1 => {
                    bare.push((only.text, use_of(only.range())));
                }
                (Some(first), Some(last)) => {
                    full.entry(last.text)
                        .or_insert_with(|| use_of(first.range().start..last.range().end));
                }
                _ => {}
            }
        }
        // Bare uses before the full name, of a plain person; then the
        // surnames the article also writes in lower case are words, not
        // names ("Mayor Park" beside "the park").
        let mut early_uses: Vec<(&str, &Use<'_>, &Use<'_>)> = Vec::new();
        for (surname, early) in &bare {
            let Some(named) = full.get(surname) else {
                continue;
            };
            let peer = early
                .title
                .is_some_and(|t| PEERAGE.iter().any(|p| t.eq_ignore_ascii_case(p)));
            // The person must be plain: a title at the bare use ("Mayor
            // Kowalczyk"), or "said" there and a title at the full name.
            let person = early.titled || (early.speaks && named.titled);
            if early.position() < named.position() && !peer && person {
                early_uses.push((surname, early, named));
            }
        }
        let folded: Vec<Cow<'_, str>> = early_uses.iter().map(|(s, ..)| fold_word(s)).collect();
        let ordinary =
            cx.written_in_lower_case(&folded.iter().map(AsRef::as_ref).collect(), is_prose);
        let mut reported: HashSet<&str> = HashSet::new();
        for ((surname, early, named), folded) in early_uses.into_iter().zip(&folded) {
            if reported.contains(surname) || ordinary.contains(folded.as_ref()) {
                continue;
            }
            reported.insert(surname);
            let block = &doc.blocks[early.block];
            let named_block = &doc.blocks[named.block];
            let full_name = named_block.text()[named.range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let vars = [("surname", surname), ("full", full_name.as_str())];
            let label = Label {
                span: named_block.span(named.range.clone()),
                message: fill(&self.label, &vars),
            };
            out.push(self.meta.diagnostic_with(
                block.span(early.range.clone()),
                &vars,
                vec![label],
                None,
            ));
        }
    }
}

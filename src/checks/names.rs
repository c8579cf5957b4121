//! ## What it does
//! Checks people's and places' names against the house list: each entry has
//! the `canonical` spelling and `variants` seen in copy. A name is found
//! whatever its case, diacritics, hyphens or spaces ("LEE Jae-myung", "Lee
//! Jaemyung", "Jose Andres"), in either name order when the entry gives its
//! `family` name ("Takaichi Sanae"), and before a possessive ("Takaichi
//! Sanae's"). Any spelling other than the canonical one is reported.
//!
//! ## Why
//! Misspelled names are the correction newsrooms print most often. A house
//! list settles each name once (which romanisation, which order, which
//! accents) and lets the desk apply it to every story. A list may hold
//! thousands of entries: every spelling of every entry is compiled into one
//! automaton when the rule loads, so a long list costs about what a short
//! one does per byte of copy. Most blocks name nobody on the list and are
//! skipped unread: with a short list, those where the engine's shared
//! phrase pass saw no spelling's longest run of letters; with a long one,
//! those where no word is one a spelling opens with. Blocks with letters
//! outside ASCII are always read (see `names/gate.rs`).
//!
//! ## Example
//! ```yaml
//! kind: names
//! severity: error
//! message: "House spelling is '{canonical}', not '{found}'"
//! description: People whose spelling the desk has settled.
//! entries:
//!   - canonical: Lee Jae Myung    # presidential office request, June 2025
//!     family: Lee                 # also finds "Jae-myung Lee"
//!     variants: [Lee Jae-myung]
//!   - canonical: José Andrés      # the house keeps the accents
//! scope: [headline, paragraph]    # default: every block
//! examples:
//!   - bad: "President Lee Jae-myung met chef Jose Andres."
//!     fixed: "President Lee Jae Myung met chef José Andrés."
//!   - good: "President Lee Jae Myung met chef José Andrés."
//! ```
//!
//! Case alone is not reported where it is a style: all capitals ("LEE JAE
//! MYUNG" in a shouted line), title-case headlines and subheads, and a
//! capital at the start of a sentence ("Von der Leyen said").
//!
//! ## Fix safety
//! Safe: the replacement is the list's own spelling of a name the list
//! itself matched, keeping a possessive and all-capital styling. No fix is
//! offered when the name's source text holds markup (emphasis inside the
//! name), which a plain replacement would lose.

mod entries;
pub mod fold;
mod gate;
mod spellings;
pub mod tokens;

use std::ops::Range;

use self::entries::{EntrySpec, FormTable};
use self::fold::Folded;
use self::spellings::Spellings;
use super::text::{BlockScope, PhraseSet, in_scope};
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::span::Span;
use crate::document::{Block, BlockKind};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};
use crate::yaml::Spanned;

rule_spec! {
    pub struct NamesSpec {
        pub entries: Vec<Spanned<EntrySpec>>,
        #[serde(default)]
        pub scope: Vec<BlockScope>,
    }
}

pub static KIND: Kind = Kind {
    name: "names",
    placeholders: &["canonical", "found"],
    source: include_str!("names.rs"),
    compile,
};

struct Names {
    meta: RuleMeta,
    /// Every folded spelling of every entry.
    spellings: Spellings,
    /// For each spelling, the index of its entry in `canonical`.
    entry_of: Vec<usize>,
    canonical: Vec<String>,
    scope: Vec<BlockScope>,
    /// A literal of each spelling for the shared phrase pass, which says
    /// which blocks need reading ([`gate`]); `None` reads every block.
    gate: Option<PhraseSet>,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    Ok(Box::new(compile_names(file)?))
}

fn compile_names(file: &RuleFile) -> Result<Names, RuleError> {
    let spec: NamesSpec = file.parse()?;
    if spec.entries.is_empty() {
        return Err(file.error("a `names` rule needs at least one item in `entries`"));
    }
    let mut table = FormTable::default();
    for (index, entry) in spec.entries.iter().enumerate() {
        table
            .add(index, &entry.value)
            .map_err(|e| file.error_at(e.at, e.message))?;
    }
    let table = table.finish();
    let spellings = Spellings::new(&table.patterns).map_err(|e| file.error(e))?;
    let gate = gate::literals(&table.patterns);
    let canonical = spec
        .entries
        .iter()
        .map(|e| normalise_space(&e.value.canonical.value))
        .collect();
    let meta = KIND.meta(file, spec.common())?;
    Ok(Names {
        meta,
        spellings,
        entry_of: table.entry_of,
        canonical,
        scope: spec.scope,
        gate,
    })
}

impl Check for Names {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for found in self.found(cx) {
            let Some(wanted) = &found.wanted else {
                continue;
            };
            let text = doc.slice(found.span);
            // Markup inside the name (emphasis, an entity) would be lost by a
            // plain replacement: report, but do not offer it.
            let fix = (text == found.text).then(|| {
                Fix::replace(
                    format!("Replace with '{wanted}'"),
                    found.span,
                    wanted.clone(),
                    Applicability::Safe,
                )
            });
            out.push(self.meta.diagnostic_with(
                found.span,
                &[("canonical", wanted), ("found", found.text)],
                Vec::new(),
                fix,
            ));
        }
    }

    fn phrase_sets(&self) -> Vec<&PhraseSet> {
        self.gate.iter().collect()
    }

    fn settled_names(&self, cx: &Context<'_>) -> Vec<Span> {
        self.found(cx)
            .iter()
            .filter(|f| f.wanted.is_none())
            .map(|f| f.span)
            .collect()
    }
}

/// A name of the list found in the article.
#[derive(Debug, PartialEq)]
struct Found<'d> {
    span: Span,
    /// As the block's text writes it (markup removed).
    text: &'d str,
    /// The house spelling, when `text` is not already it.
    wanted: Option<String>,
}

impl Names {
    /// Every name of the list in the article. Not kept for
    /// [`Check::settled_names`]: that is asked only of articles that spell
    /// some name two ways, and finding again costs less than keeping.
    fn found<'d>(&self, cx: &Context<'d>) -> Vec<Found<'d>> {
        self.found_gated(cx, true)
    }

    /// [`Names::found`], skipping the blocks that cannot hold a name when
    /// `gated` (tests compare with reading every block).
    fn found_gated<'d>(&self, cx: &Context<'d>, gated: bool) -> Vec<Found<'d>> {
        let mut all = Vec::new();
        let mut folded = Folded::default();
        // Blocks where the shared pass saw a literal of some spelling (a
        // short list in the engine); otherwise a long list looks for the
        // words its spellings open with.
        let listed = self.gate.as_ref().and_then(|g| cx.blocks_with_phrase(g));
        for (index, block) in cx.doc.blocks.iter().enumerate() {
            if !in_scope(&self.scope, block.kind) {
                continue;
            }
            let text = block.text();
            // The cheaper test first: most blocks are not listed; most
            // have only ASCII letters.
            let skip = gated
                && match &listed {
                    Some(listed) => {
                        listed.binary_search(&index).is_err() && gate::letters_are_ascii(text)
                    }
                    None => gate::letters_are_ascii(text) && !self.spellings.may_be_in(text),
                };
            if skip {
                continue;
            }
            folded.refold(text);
            for (pattern, folded_range) in self.spellings.find(&folded.text) {
                let range = folded.original_range(folded_range, text);
                let Some(found) = text.get(range.clone()) else {
                    continue;
                };
                let canonical = &self.canonical[self.entry_of[pattern]];
                all.push(Found {
                    wanted: house_form(block, &range, found, canonical),
                    text: found,
                    span: block.span(range),
                });
            }
        }
        all
    }
}

/// The spelling `found` should have, or `None` when it is already the
/// house spelling as far as this block's style allows.
fn house_form(block: &Block, range: &Range<usize>, found: &str, canonical: &str) -> Option<String> {
    let found_words = normalise_space(found);
    let shouted = found.chars().any(char::is_alphabetic) && !found.chars().any(char::is_lowercase);
    let mut wanted = if shouted {
        canonical.to_uppercase()
    } else {
        canonical.to_string()
    };
    if !shouted && starts_sentence(block, range.start) {
        wanted = capitalise_first(&wanted);
    }
    if same_spelling(&found_words, &wanted) {
        return None;
    }
    let title_case = matches!(block.kind, BlockKind::Headline | BlockKind::Heading);
    if title_case && found_words.to_lowercase() == wanted.to_lowercase() {
        return None;
    }
    Some(wanted)
}

/// Equal once apostrophe styles are set aside: "O’Brien" is "O'Brien".
fn same_spelling(a: &str, b: &str) -> bool {
    let unify = |s: &str| s.replace(['’', '‘', 'ʼ'], "'");
    unify(a) == unify(b)
}

/// Words joined by single spaces (a line break inside a name is not a
/// different spelling).
fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// True when only opening quotes or brackets stand between the start of a
/// sentence (or the block) and `offset`.
fn starts_sentence(block: &Block, offset: usize) -> bool {
    let text = block.text();
    let before = block.sentences.partition_point(|s| s.start <= offset);
    let sentence_start = before
        .checked_sub(1)
        .map_or(0, |i| block.sentences[i].start);
    text.get(sentence_start..offset).is_some_and(|lead| {
        lead.chars().all(|c| {
            c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::with_and_without_pass;

    const RULE_HEAD: &str =
        "kind: names\nseverity: error\nmessage: \"{canonical}\"\ndescription: d\nentries:\n";

    /// Three real people, as entries of a rule file.
    const REAL_ENTRIES: &str = "  - canonical: Lee Jae Myung\n    family: Lee\n    variants: [Lee Jae-myung]\n  - canonical: Seán O'Brien\n  - canonical: Kim Min-seok\n";

    const RULE_TAIL: &str = "examples:\n  - bad: Lee Jae-myung\n  - good: Lee Jae Myung\n";

    /// Text of the real people's names in many forms (cased, accented,
    /// hyphenated, split over lines, with `more`) among bits of prose.
    fn name_soup(more: &[&'static str]) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let mut pieces = vec![
            "Lee Jae Myung",
            "LEE JAE-MYUNG",
            "lee jae\u{2011}myung",
            "Myung Lee",
            "Lée Jae Myung",
            "Lee Jae\u{301} Myung",
            "Lee Jae Myüng",
            "Lee Jae Myu\u{308}ng",
            "Jaemyung",
            "Kim Min-seo\u{212A}",
            "Sean O’Brien",
            "Seán O'Brien",
            "O\u{2019}BRIEN",
            "\u{212A}im Min-seok",
            "Kim Min seok",
            "Minseok",
            " ",
            "\n",
            "\n\n",
            ".",
            "“",
            "”",
            "-",
            "said",
            "é",
            "x",
        ];
        pieces.extend(more);
        proptest::collection::vec(proptest::sample::select(pieces), 0..24)
            .prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        /// Reading only the blocks the shared pass saw a literal in, and
        /// those with letters outside ASCII (the engine's way), finds what
        /// reading every block finds (the rule checked on its own), however
        /// the names are cased, accented, hyphenated or split over lines.
        #[test]
        fn the_gated_blocks_hold_every_name(text in name_soup(&[])) {
            let yaml = format!("{RULE_HEAD}{REAL_ENTRIES}{RULE_TAIL}");
            let (engine, alone) = with_and_without_pass(compile, &yaml, text, |check, cx| {
                let mut out = Vec::new();
                check.check(cx, &mut out);
                let found: Vec<_> = out.into_iter().map(|d| (d.span, d.message)).collect();
                (found, check.settled_names(cx))
            });
            proptest::prop_assert_eq!(engine, alone);
        }

        /// A long list, whatever the engine, skips the blocks with ASCII
        /// letters where none of its spellings opens a word: what it then
        /// finds is what reading every block finds.
        #[test]
        fn a_long_list_finds_every_name_in_the_blocks_it_reads(
            text in name_soup(&[
                "Given7 Family7x", "GIVEN7-FAMILY7X", "given7\nfamily7x", "Family7x Given7",
                "Given7’s", "Family7x", "Given77 Family77x", "Given7Family7x",
            ]),
        ) {
            let names = long_list();
            let doc = crate::document::Document::parse(
                "t.txt",
                text,
                crate::document::Format::Text,
                &crate::document::ReadOptions::default(),
            );
            let cx = Context::new(&doc);
            proptest::prop_assert_eq!(names.found_gated(&cx, true), names.found_gated(&cx, false));
        }
    }

    /// Two thousand made-up people and three real ones: long enough to be
    /// walked from word starts, and so gated by their opening words.
    fn long_list() -> &'static Names {
        static LIST: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
        LIST.get_or_init(|| {
            let mut yaml = format!("{RULE_HEAD}{REAL_ENTRIES}");
            for n in 0..2_000 {
                yaml.push_str(&format!(
                    "  - canonical: Given{n} Family{n}x\n    family: Family{n}x\n    variants: [Given{n}-Family{n}x]\n"
                ));
            }
            yaml.push_str(RULE_TAIL);
            let file = RuleFile::standalone("test/rule", "test.yaml", &yaml);
            let names = compile_names(&file).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                matches!(names.spellings, Spellings::FromWordStarts(_)),
                "the list is walked from word starts"
            );
            names
        })
    }
}

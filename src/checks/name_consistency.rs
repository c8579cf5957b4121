//! ## What it does
//! Finds a name the article spells two ways, with no list: the odd spelling
//! is reported, and the usual one is shown as a secondary label. It compares
//! capitalised words and runs of them ("Ewa Kowalczyk") for
//!
//! - the same letters with other case, accents, hyphens or spacing:
//!   "Garcia-Lopez"/"Garcia Lopez", "Lee Jae-myung"/"Lee Jae Myung",
//!   "José"/"Jose";
//! - two-word names in both orders: "Sanae Takaichi"/"Takaichi Sanae";
//! - one slip inside a word of five letters or more (a letter changed,
//!   added, dropped, or two swapped, not at either end): "Kowalczyk"/
//!   "Kowalcyzk", "Nakamura"/"Nakamora".
//!
//! The usual spelling is the more frequent one; on a tie, the one used at
//! the first full reference (with the given name or a title), else the
//! earlier one.
//!
//! ## Why
//! A name spelled two ways in one story is wrong at least once, and it is
//! the error a reader spots first. No list can hold every local councillor.
//!
//! Precision comes first: a slip is reported only when the usual spelling
//! is clearly a name (with a given name or title, or used twice mid-
//! sentence), the odd one is rarer and used at most twice, neither is an
//! ordinary word the article also writes in lower case, and the two are not
//! told apart by their neighbours: "Maria Fernandez-Ortiz" and her son
//! "Daniel Ortiz" are two people; so are "Thomas Brandt" and "Brandt
//! Logistics", and a slip next to a different given name or followed by a
//! different word ("Columbia University" beside "Colombia") is not reported.
//!
//! ## Example
//! ```yaml
//! kind: name-consistency
//! severity: error
//! message: "'{found}' is spelled '{other}' elsewhere in this article"
//! description: The same name spelled two ways in one article.
//! label: "spelled '{other}' here"   # the secondary label (default shown)
//! slips: true                       # one-letter slips (default true)
//! examples:
//!   - bad: "Mayor Ewa Kowalczyk signed. Mayor Kowalcyzk smiled."
//!     flags: ["Kowalcyzk"]
//!   - good: "Maria Fernandez-Ortiz came with her son Daniel Ortiz."
//! ```
//!
//! ## Fix safety
//! Unsafe: the fix writes the usual spelling over the odd one, but the
//! usual spelling is not always the right one (the writer may have got the
//! name right once and wrong three times). Applied only with
//! `--unsafe-fixes`, after an editor has looked.

mod mentions;
mod similar;

use std::collections::HashMap;

use self::mentions::{Mention, collect};
use super::{Check, Kind, RuleMeta, fill};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Label};
use crate::document::Document;
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};

rule_spec! {
    pub struct ConsistencySpec {
        #[serde(default = "default_label")]
        pub label: String,
        #[serde(default = "crate::rules::spec::yes")]
        pub slips: bool,
    }
}

fn default_label() -> String {
    "spelled '{other}' here".to_string()
}

pub static KIND: Kind = Kind {
    name: "name-consistency",
    placeholders: &["found", "other"],
    source: include_str!("name_consistency.rs"),
    compile,
};

struct Consistency {
    meta: RuleMeta,
    label: String,
    slips: bool,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: ConsistencySpec = file.parse()?;
    let meta = KIND.meta(file, spec.common())?;
    Ok(Box::new(Consistency {
        meta,
        label: spec.label,
        slips: spec.slips,
    }))
}

/// How sure a kind of difference makes us that two spellings are one name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// Same letters (case, accents, hyphens, spaces) or the same two words
    /// swapped: certainly one name written two ways.
    SameLetters,
    /// One slip apart: maybe two names; needs more to go on.
    Slip,
}

/// One spelling of a name and where it is used, in document order.
struct Form<'m> {
    surface: &'m str,
    mentions: Vec<&'m Mention>,
}

impl Form<'_> {
    fn first(&self) -> &Mention {
        self.mentions[0]
    }

    /// Uses that are not in a title-case line or at a sentence start.
    fn mid_sentence(&self) -> usize {
        self.mentions.iter().filter(|m| !m.initial).count()
    }
}

/// A finding before it becomes a diagnostic.
struct Odd<'m> {
    mention: &'m Mention,
    usual: &'m Mention,
    usual_surface: &'m str,
}

impl Check for Consistency {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let (mentions, lower_words) = collect(doc);
        let mut odd: Vec<Odd<'_>> = Vec::new();
        for group in same_letter_groups(&mentions) {
            odd.extend(judge(group, Evidence::SameLetters));
        }
        for group in swapped_groups(&mentions) {
            odd.extend(judge(group, Evidence::SameLetters));
        }
        if self.slips {
            for group in slip_groups(&mentions, &lower_words) {
                odd.extend(judge(group, Evidence::Slip));
            }
        }
        for finding in outermost(odd) {
            out.push(self.diagnostic(doc, &finding));
        }
    }
}

impl Consistency {
    fn diagnostic(&self, doc: &Document, odd: &Odd<'_>) -> Diagnostic {
        let block = &doc.blocks[odd.mention.block];
        let span = block.span(odd.mention.range.clone());
        let found = &block.text()[odd.mention.range.clone()];
        let usual_block = &doc.blocks[odd.usual.block];
        let vars = [("found", found), ("other", odd.usual_surface)];
        let label = Label {
            span: usual_block.span(odd.usual.range.clone()),
            message: fill(&self.label, &vars),
        };
        let fix = (doc.slice(span) == found).then(|| {
            Fix::replace(
                format!("Replace with '{}'", odd.usual_surface),
                span,
                odd.usual_surface,
                Applicability::Unsafe,
            )
        });
        self.meta.diagnostic_with(span, &vars, vec![label], fix)
    }
}

/// Mentions with one key but several spellings.
fn same_letter_groups(mentions: &[Mention]) -> Vec<Vec<Form<'_>>> {
    let mut by_key: HashMap<&str, Vec<&Mention>> = HashMap::new();
    for m in mentions {
        by_key.entry(&m.key).or_default().push(m);
    }
    let mut groups: Vec<Vec<Form<'_>>> = by_key
        .into_values()
        .map(forms_of)
        .filter(|forms| forms.len() >= 2)
        .collect();
    groups.sort_by_key(|forms| forms[0].first().position());
    groups
}

/// Two-word names used in both orders.
fn swapped_groups(mentions: &[Mention]) -> Vec<Vec<Form<'_>>> {
    let mut by_words: HashMap<(&str, &str), Vec<&Mention>> = HashMap::new();
    // Only whole two-word names: inside longer runs, titles and lists give
    // both orders innocently ("Gone Baby Gone", "PlayStation Portable").
    for m in mentions
        .iter()
        .filter(|m| m.words == 2 && m.word_keys.len() == 2 && m.whole_run && !m.title_case)
    {
        by_words
            .entry((&m.word_keys[0], &m.word_keys[1]))
            .or_default()
            .push(m);
    }
    let mut groups = Vec::new();
    for (&(a, b), forward) in &by_words {
        if a >= b {
            continue;
        }
        if let Some(backward) = by_words.get(&(b, a)) {
            let mut forms = forms_of(forward.clone());
            forms.extend(forms_of(backward.clone()));
            // Same letters in one order already compare as one group; here
            // each order is one form.
            let forms = merge_by_order(forms);
            if forms.len() == 2 {
                groups.push(forms);
            }
        }
    }
    groups.sort_by_key(|forms: &Vec<Form<'_>>| forms[0].first().position());
    groups
}

/// Single words one slip apart, each with its spellings merged by key.
fn slip_groups<'m>(
    mentions: &'m [Mention],
    lower_words: &std::collections::HashSet<String>,
) -> Vec<Vec<Form<'m>>> {
    let mut by_key: HashMap<&str, Vec<&Mention>> = HashMap::new();
    for m in mentions.iter().filter(|m| m.words == 1) {
        if lower_words.contains(&m.key) {
            continue;
        }
        by_key.entry(&m.key).or_default().push(m);
    }
    let mut keys: Vec<&str> = by_key.keys().copied().collect();
    keys.sort_unstable();
    let owned: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    let mut groups = Vec::new();
    for (a, b) in similar::slip_pairs(&owned) {
        let one = merged_form(&by_key[keys[a]]);
        let two = merged_form(&by_key[keys[b]]);
        groups.push(vec![one, two]);
    }
    groups.sort_by_key(|forms| forms[0].first().position());
    groups
}

/// Split mentions of one key into spellings. A headline's title case is
/// not a spelling: a headline mention joins a body spelling that differs
/// only in case.
fn forms_of(mentions: Vec<&Mention>) -> Vec<Form<'_>> {
    let mut forms: Vec<Form<'_>> = Vec::new();
    let body_surfaces: Vec<&str> = mentions
        .iter()
        .filter(|m| !m.title_case)
        .map(|m| m.surface.as_str())
        .collect();
    for m in mentions {
        let surface = if m.title_case {
            body_surfaces
                .iter()
                .copied()
                .find(|s| s.to_lowercase() == m.surface.to_lowercase())
                .unwrap_or(&m.surface)
        } else {
            &m.surface
        };
        match forms.iter_mut().find(|f| f.surface == surface) {
            Some(form) => form.mentions.push(m),
            None => forms.push(Form {
                surface,
                mentions: vec![m],
            }),
        }
    }
    forms
}

/// One form for all mentions of one key (accents and case aside), named by
/// its most used spelling.
fn merged_form<'m>(mentions: &[&'m Mention]) -> Form<'m> {
    let forms = forms_of(mentions.to_vec());
    let surface = forms
        .iter()
        .max_by_key(|f| (f.mentions.len(), std::cmp::Reverse(f.first().position())))
        .map_or("", |f| f.surface);
    Form {
        surface,
        mentions: mentions.to_vec(),
    }
}

/// For swaps: one form per word order.
fn merge_by_order(forms: Vec<Form<'_>>) -> Vec<Form<'_>> {
    let mut orders: Vec<Vec<&Mention>> = Vec::new();
    for form in &forms {
        let order = &form.first().word_keys;
        match orders.iter_mut().find(|o| &o[0].word_keys == order) {
            Some(o) => o.extend(form.mentions.iter().copied()),
            None => orders.push(form.mentions.clone()),
        }
    }
    orders
        .into_iter()
        .map(|mut ms| {
            ms.sort_by_key(|m| m.position());
            merged_form(&ms)
        })
        .collect()
}

/// Pick the usual spelling of a group and return the uses of the others
/// that should be reported.
fn judge(mut forms: Vec<Form<'_>>, evidence: Evidence) -> Vec<Odd<'_>> {
    for form in &mut forms {
        form.mentions.sort_by_key(|m| m.position());
    }
    let Some(usual) = usual_form(&forms, evidence) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        if i == usual {
            continue;
        }
        let main = &forms[usual];
        if evidence == Evidence::Slip && !slip_is_credible(main, form) {
            continue;
        }
        for mention in &form.mentions {
            // A capital at a sentence start says nothing about a name:
            // "Games" opening a sentence is not a slip for "Gates".
            if evidence == Evidence::Slip && mention.initial {
                continue;
            }
            let Some(usual_use) = main.mentions.iter().find(|u| compatible(mention, u)) else {
                continue;
            };
            out.push(Odd {
                mention,
                usual: usual_use,
                usual_surface: main.surface,
            });
        }
    }
    out
}

/// Index of the usual spelling: most used; on a tie, the one of the first
/// full reference, else (for certain groups) the earliest.
fn usual_form(forms: &[Form<'_>], evidence: Evidence) -> Option<usize> {
    let most = forms.iter().map(|f| f.mentions.len()).max()?;
    let tied: Vec<usize> = (0..forms.len())
        .filter(|&i| forms[i].mentions.len() == most)
        .collect();
    if let [only] = tied.as_slice() {
        return Some(*only);
    }
    let first_full = forms
        .iter()
        .enumerate()
        .flat_map(|(i, f)| f.mentions.iter().map(move |m| (i, *m)))
        .filter(|(_, m)| m.full && !m.title_case)
        .min_by_key(|(_, m)| m.position())
        .map(|(i, _)| i);
    match (first_full, evidence) {
        (Some(i), _) if tied.contains(&i) => Some(i),
        (_, Evidence::SameLetters) => tied
            .iter()
            .copied()
            .min_by_key(|&i| forms[i].first().position()),
        _ => None,
    }
}

/// A slip is reported only with enough to go on. The odd spelling is rare
/// (used at most twice) and never has a given name of its own that the
/// usual one lacks ("David Walliams" is not "Robbie Williams"). Then either
/// the usual spelling plainly names a person (with a title, or next to
/// "said") and is used at least as often, or it is used mid-sentence three
/// times as often ("Cheslea" once against "Chelsea" five times; not
/// "Iceland" twice against "Ireland" four times).
fn slip_is_credible(usual: &Form<'_>, odd: &Form<'_>) -> bool {
    let usual_leads = leads(usual);
    let odd_leads = leads(odd);
    let usual_titles = titles(usual);
    let odd_titles = titles(odd);
    // A given name or a title of its own marks another person: "Sen.
    // Johnson" and "Rep. Johnston" are two.
    let same_people = odd_leads
        .iter()
        .all(|o| usual_leads.iter().any(|u| same_given_name(o, u)))
        && (usual_titles.is_empty() || odd_titles.iter().all(|t| usual_titles.contains(t)));
    if !same_people || odd.mentions.len() > 2 || usual.mid_sentence() == 0 {
        return false;
    }
    if usual.mentions.iter().any(|m| m.person) {
        odd.mentions.len() <= usual.mentions.len()
    } else {
        usual.mid_sentence() >= 3 && usual.mentions.len() >= 3 * odd.mentions.len()
    }
}

fn leads<'m>(form: &Form<'m>) -> Vec<&'m str> {
    let mut out: Vec<&str> = form
        .mentions
        .iter()
        .filter_map(|m| m.lead.as_deref())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn titles<'m>(form: &Form<'m>) -> Vec<&'m str> {
    let mut out: Vec<&str> = form
        .mentions
        .iter()
        .filter_map(|m| m.title.as_deref())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// "c" (an initial) agrees with "christopher"; otherwise the keys must match.
fn same_given_name(a: &str, b: &str) -> bool {
    let initial_of =
        |short: &str, long: &str| short.chars().count() == 1 && long.starts_with(short);
    a == b || initial_of(a, b) || initial_of(b, a)
}

/// Could `odd` and `usual` name the same person or thing? Not when a
/// different given name stands before one of them, or a different word
/// after ("Brandt Logistics" is not "Thomas Brandt").
fn compatible(odd: &Mention, usual: &Mention) -> bool {
    let leads_agree = match (&odd.lead, &usual.lead) {
        (Some(a), Some(b)) => same_given_name(a, b),
        _ => true,
    };
    leads_agree && odd.trail == usual.trail
}

/// Keep the widest finding where findings overlap ("Lee Jae-myung" rather
/// than its "Jae-myung" as well), one per place.
fn outermost(mut found: Vec<Odd<'_>>) -> Vec<Odd<'_>> {
    found.sort_by_key(|o| {
        (
            o.mention.block,
            o.mention.range.start,
            std::cmp::Reverse(o.mention.range.end),
        )
    });
    let mut kept: Vec<Odd<'_>> = Vec::new();
    for odd in found {
        let covered = kept.iter().any(|k| {
            k.mention.block == odd.mention.block
                && k.mention.range.start <= odd.mention.range.start
                && odd.mention.range.end <= k.mention.range.end
        });
        if !covered {
            kept.push(odd);
        }
    }
    kept
}

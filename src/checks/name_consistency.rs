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
//! earlier one. A house list overrules both: a spelling written inside a
//! name that a `names` rule of the run finds spelled its way is the usual
//! one, however rare, and is never reported ("Ibanez" twice is odd beside
//! the house's "Tomás Ibáñez" once). Otherwise the two rules would undo
//! each other's fixes.
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

use foldhash::{HashMap, HashMapExt, HashSet};

use self::mentions::{Mention, collect};
use super::names::fold::{joined_key, push_joined_key};
use super::{Check, Context, Kind, RuleMeta, fill};
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
struct Form<'m, 't> {
    surface: &'m str,
    mentions: Vec<&'m Mention<'t>>,
}

impl<'t> Form<'_, 't> {
    fn first(&self) -> &Mention<'t> {
        self.mentions[0]
    }

    /// Uses that are not in a title-case line or at a sentence start.
    fn mid_sentence(&self) -> usize {
        self.mentions.iter().filter(|m| !m.initial).count()
    }
}

/// A finding before it becomes a diagnostic.
struct Odd<'m, 't> {
    mention: &'m Mention<'t>,
    usual: &'m Mention<'t>,
    usual_surface: &'m str,
}

impl Check for Consistency {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut keys = String::with_capacity(doc.source.len() / 4);
        let mentions = collect(cx, &mut keys);
        let settled = |m: &Mention<'_>| settled(cx, m);
        let mut odd: Vec<Odd<'_, '_>> = Vec::new();
        for forms in same_letter_groups(&mentions) {
            odd.extend(judge(
                &forms.iter().collect::<Vec<_>>(),
                Evidence::SameLetters,
                &settled,
            ));
        }
        for forms in swapped_groups(&mentions) {
            odd.extend(judge(
                &forms.iter().collect::<Vec<_>>(),
                Evidence::SameLetters,
                &settled,
            ));
        }
        if self.slips {
            let (forms, pairs) = slip_pairs(cx, &mentions);
            for (a, b) in pairs {
                odd.extend(judge(&[&forms[a], &forms[b]], Evidence::Slip, &settled));
            }
        }
        for finding in outermost(odd) {
            out.push(self.diagnostic(doc, &finding));
        }
    }
}

impl Consistency {
    fn diagnostic(&self, doc: &Document, odd: &Odd<'_, '_>) -> Diagnostic {
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
fn same_letter_groups<'m, 't>(mentions: &'m [Mention<'t>]) -> Vec<Vec<Form<'m, 't>>> {
    // Most names are spelled one way, and then there is nothing to do: a
    // key's mentions are gathered only once some of them differ (from its
    // first mention outside a headline), not a list kept for every key.
    let mut first_in_body: HashMap<&str, &Mention<'t>> = HashMap::with_capacity(mentions.len());
    for m in mentions.iter().filter(|m| !m.title_case) {
        first_in_body.entry(m.key).or_insert(m);
    }
    let mut differing: HashMap<&str, Vec<&Mention<'t>>> = HashMap::new();
    for m in mentions {
        let Some(first) = first_in_body.get(m.key) else {
            continue;
        };
        let differs = if m.title_case {
            !same_ignoring_case(&m.surface, &first.surface)
        } else {
            m.surface != first.surface
        };
        if differs {
            differing.insert(m.key, Vec::new());
        }
    }
    if differing.is_empty() {
        return Vec::new();
    }
    for m in mentions {
        if let Some(uses) = differing.get_mut(m.key) {
            uses.push(m);
        }
    }
    let mut groups: Vec<Vec<Form<'m, 't>>> = differing
        .into_values()
        .map(forms_of)
        .filter(|forms| forms.len() >= 2)
        .collect();
    groups.sort_by_key(|forms| forms[0].first().position());
    groups
}

/// Equal once both are lower-cased (a headline's title case is not a
/// spelling); ASCII, nearly always, without building either.
fn same_ignoring_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Two-word names used in both orders.
fn swapped_groups<'m, 't>(mentions: &'m [Mention<'t>]) -> Vec<Vec<Form<'m, 't>>> {
    // Only whole two-word names: inside longer runs, titles and lists give
    // both orders innocently ("Gone Baby Gone", "PlayStation Portable").
    // Both words' keys go into one buffer, and only an order whose reverse
    // is there too gets a list of its mentions: most names have none.
    let mut key_text = String::new();
    let mut spans = Vec::new();
    for m in mentions.iter().filter(|m| m.whole_run && !m.title_case) {
        if let Some((a, b)) = m.pair {
            let a = push_joined_key(a, &mut key_text);
            let b = push_joined_key(b, &mut key_text);
            spans.push(((a, b), m));
        }
    }
    let keyed: Vec<((&str, &str), &Mention<'t>)> = spans
        .into_iter()
        .map(|((a, b), m)| ((&key_text[a], &key_text[b]), m))
        .collect();
    let orders: HashSet<(&str, &str)> = keyed.iter().map(|(words, _)| *words).collect();
    let mut by_words: HashMap<(&str, &str), Vec<&Mention<'t>>> = HashMap::new();
    for ((a, b), m) in keyed {
        if orders.contains(&(b, a)) {
            by_words.entry((a, b)).or_default().push(m);
        }
    }
    let mut groups = Vec::new();
    for ((a, b), forward) in &by_words {
        if a >= b {
            continue;
        }
        if let Some(backward) = by_words.get(&(*b, *a)) {
            groups.push(vec![merged_form(forward), merged_form(backward)]);
        }
    }
    groups.sort_by_key(|forms: &Vec<Form<'_, '_>>| forms[0].first().position());
    groups
}

/// Single-word spellings one slip apart: one merged form per key (case
/// and accents aside) and the pairs of forms to judge.
fn slip_pairs<'m, 't>(
    cx: &Context<'_>,
    mentions: &'m [Mention<'t>],
) -> (Vec<Form<'m, 't>>, Vec<(usize, usize)>) {
    let single_words = || mentions.iter().filter(|m| m.words == 1);
    // Repeats dropped before sorting: the sort's comparisons are the
    // branches a processor guesses worst.
    let distinct: HashSet<&str> = single_words().map(|m| m.key).collect();
    let mut keys: Vec<&str> = distinct.into_iter().collect();
    keys.sort_unstable();
    let (mut pairs, crowded) = similar::slip_pairs(&keys);
    // Capitalised words the article also writes in lower case are ordinary
    // words ("Police", "police"), never slips. Finding them reads every
    // word, so only when some pair (or a crowded bucket) makes it matter:
    // without them there can be no pair that was not there before.
    if !pairs.is_empty() || crowded {
        let ordinary = cx.written_in_lower_case(&keys.iter().copied().collect(), |_| true);
        if !ordinary.is_empty() {
            keys.retain(|key| !ordinary.contains(key));
            pairs = similar::slip_pairs(&keys).0;
        }
    }
    // Mentions gathered, in one pass, only for the keys in some pair: few
    // are (a pass per key would be quadratic in a long export).
    let mut uses: HashMap<&str, Vec<&Mention<'t>>> = pairs
        .iter()
        .flat_map(|&(a, b)| [keys[a], keys[b]])
        .map(|key| (key, Vec::new()))
        .collect();
    for m in single_words() {
        if let Some(list) = uses.get_mut(m.key) {
            list.push(m);
        }
    }
    // Forms only for keys in some pair, each built once.
    let mut form_of: HashMap<usize, usize> = HashMap::new();
    let mut forms = Vec::new();
    let mut indexed = Vec::with_capacity(pairs.len());
    for (a, b) in pairs {
        let mut index = |key: usize| {
            *form_of.entry(key).or_insert_with(|| {
                forms.push(merged_form(&uses[keys[key]]));
                forms.len() - 1
            })
        };
        let (a, b) = (index(a), index(b));
        indexed.push((a, b));
    }
    indexed.sort_by_key(|&(a, _)| forms[a].first().position());
    (forms, indexed)
}

/// Split mentions of one key into spellings. A headline's title case is
/// not a spelling: a headline mention joins a body spelling that differs
/// only in case.
fn forms_of<'m, 't>(mentions: Vec<&'m Mention<'t>>) -> Vec<Form<'m, 't>> {
    let mut body_surfaces: HashMap<String, &'m str> = HashMap::new();
    for m in mentions.iter().filter(|m| !m.title_case) {
        body_surfaces
            .entry(m.surface.to_lowercase())
            .or_insert(&m.surface);
    }
    let mut forms: Vec<Form<'m, 't>> = Vec::new();
    let mut index: HashMap<&'m str, usize> = HashMap::new();
    for m in mentions {
        let surface: &'m str = if m.title_case {
            body_surfaces
                .get(&m.surface.to_lowercase())
                .copied()
                .unwrap_or(&m.surface)
        } else {
            &m.surface
        };
        match index.get(surface) {
            Some(&i) => forms[i].mentions.push(m),
            None => {
                index.insert(surface, forms.len());
                forms.push(Form {
                    surface,
                    mentions: vec![m],
                });
            }
        }
    }
    forms
}

/// One form for all mentions of one key (accents and case aside), named by
/// its most used spelling.
fn merged_form<'m, 't>(mentions: &[&'m Mention<'t>]) -> Form<'m, 't> {
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

/// True when a house list finds `mention` inside a name it spells that
/// way ([`Context::settled_names`]): that spelling is right, however rare.
fn settled(cx: &Context<'_>, mention: &Mention<'_>) -> bool {
    let span = cx.doc.blocks[mention.block].span(mention.range.clone());
    let names = cx.settled_names();
    names[..names.partition_point(|s| s.start <= span.start)]
        .iter()
        .any(|s| s.end >= span.end)
}

/// Pick the usual spelling of a group and return the uses of the others
/// that should be reported. Mentions are in document order. A spelling
/// the house list `settled` is the usual one, and never reported.
fn judge<'m, 't>(
    forms: &[&Form<'m, 't>],
    evidence: Evidence,
    settled: &dyn Fn(&Mention<'_>) -> bool,
) -> Vec<Odd<'m, 't>> {
    // A slip's odd spelling is used at most twice: most pairs end here.
    if evidence == Evidence::Slip && forms.iter().all(|f| f.mentions.len() > 2) {
        return Vec::new();
    }
    let house: Vec<usize> = (0..forms.len())
        .filter(|&i| forms[i].mentions.iter().any(|m| settled(m)))
        .collect();
    let usual = match house.as_slice() {
        [] => usual_form(forms, evidence),
        _ => house.iter().copied().max_by_key(|&i| {
            (
                forms[i].mentions.len(),
                std::cmp::Reverse(forms[i].first().position()),
            )
        }),
    };
    let Some(usual) = usual else {
        return Vec::new();
    };
    let main = forms[usual];
    let mut neighbours = None;
    let mut out = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        if i == usual || (evidence == Evidence::Slip && !slip_is_credible(main, form)) {
            continue;
        }
        let neighbours = neighbours.get_or_insert_with(|| Neighbours::of(main));
        for mention in &form.mentions {
            // A capital at a sentence start says nothing about a name:
            // "Games" opening a sentence is not a slip for "Gates".
            if (evidence == Evidence::Slip && mention.initial) || settled(mention) {
                continue;
            }
            let Some(first_use) = neighbours.first_compatible(mention) else {
                continue;
            };
            let usual_use = if mention.block.abs_diff(first_use.block) <= NEAR_BLOCKS {
                first_use
            } else {
                nearest_compatible(main, mention).unwrap_or(first_use)
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

/// The label shows the usual spelling's first use (usually its full
/// reference) when it is this many blocks or fewer away; in a very long
/// file, a use near the odd one says more and keeps the report short.
const NEAR_BLOCKS: usize = 20;

/// How far to look on each side of the odd use for a nearer usual one.
const NEAR_SEARCH: usize = 64;

fn nearest_compatible<'m, 't>(main: &Form<'m, 't>, odd: &Mention<'_>) -> Option<&'m Mention<'t>> {
    let at = main
        .mentions
        .partition_point(|m| m.position() < odd.position());
    let lead = odd.lead.map(joined_key);
    let trail = odd.trail.map(joined_key);
    let fits = |m: &&&Mention<'t>| {
        m.trail.map(joined_key) == trail
            && match (&lead, m.lead.map(joined_key)) {
                (Some(a), Some(b)) => same_given_name(a, &b),
                _ => true,
            }
    };
    let before = main.mentions[..at]
        .iter()
        .rev()
        .take(NEAR_SEARCH)
        .find(fits);
    let after = main.mentions[at..].iter().take(NEAR_SEARCH).find(fits);
    match (before, after) {
        (Some(b), Some(a)) => Some(
            if odd.block - b.block <= a.block.saturating_sub(odd.block) {
                *b
            } else {
                *a
            },
        ),
        (b, a) => b.or(a).copied(),
    }
}

/// Index of the usual spelling: most used; on a tie, the one of the first
/// full reference, else (for certain groups) the earliest.
fn usual_form(forms: &[&Form<'_, '_>], evidence: Evidence) -> Option<usize> {
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
/// (used at most twice) and never has a given name or title of its own
/// that the usual one lacks ("David Walliams" is not "Robbie Williams",
/// "Sen. Johnson" is not "Rep. Johnston"). Then either the usual spelling
/// plainly names a person (a title, "said", "who") and is used at least as
/// often, or it is used mid-sentence three times as often ("Cheslea" once
/// against "Chelsea" five times; not "Iceland" twice against "Ireland" four
/// times).
fn slip_is_credible(usual: &Form<'_, '_>, odd: &Form<'_, '_>) -> bool {
    if odd.mentions.len() > 2 || usual.mid_sentence() == 0 {
        return false;
    }
    let usual_leads = keys_of(usual, |m| m.lead);
    let odd_leads = keys_of(odd, |m| m.lead);
    let usual_titles = keys_of(usual, |m| m.title);
    let odd_titles = keys_of(odd, |m| m.title);
    let same_people = odd_leads
        .iter()
        .all(|o| usual_leads.iter().any(|u| same_given_name(o, u)))
        && (usual_titles.is_empty() || odd_titles.iter().all(|t| usual_titles.contains(t)));
    if !same_people {
        return false;
    }
    if usual.mentions.iter().any(|m| m.person) {
        odd.mentions.len() <= usual.mentions.len()
    } else {
        usual.mid_sentence() >= 3 && usual.mentions.len() >= 3 * odd.mentions.len()
    }
}

/// The distinct folded values of one neighbour of a form's uses.
fn keys_of<'t>(
    form: &Form<'_, 't>,
    field: impl Fn(&Mention<'t>) -> Option<&'t str>,
) -> Vec<String> {
    let mut out: Vec<String> = form
        .mentions
        .iter()
        .filter_map(|m| field(m))
        .map(joined_key)
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

/// The first use of the usual spelling for each pair of neighbours, so an
/// odd use finds a compatible usual one without a scan of every use.
struct Neighbours<'m, 't> {
    /// folded trail → (folded lead, first use with that lead).
    by_trail: HashMap<Option<String>, Vec<(Option<String>, &'m Mention<'t>)>>,
}

impl<'m, 't> Neighbours<'m, 't> {
    fn of(form: &Form<'m, 't>) -> Neighbours<'m, 't> {
        let mut by_trail: HashMap<Option<String>, Vec<(Option<String>, &'m Mention<'t>)>> =
            HashMap::new();
        for m in &form.mentions {
            let leads = by_trail.entry(m.trail.map(joined_key)).or_default();
            let lead = m.lead.map(joined_key);
            if !leads.iter().any(|(l, _)| *l == lead) {
                leads.push((lead, m));
            }
        }
        Neighbours { by_trail }
    }

    /// Could `odd` name the same person or thing as a use of the usual
    /// spelling? Not when a different given name stands before one of them,
    /// or a different word after ("Brandt Logistics" is not "Thomas
    /// Brandt"). Returns the earliest such use.
    fn first_compatible(&self, odd: &Mention<'_>) -> Option<&'m Mention<'t>> {
        let lead = odd.lead.map(joined_key);
        self.by_trail
            .get(&odd.trail.map(joined_key))?
            .iter()
            .filter(|(l, _)| match (&lead, l) {
                (Some(a), Some(b)) => same_given_name(a, b),
                _ => true,
            })
            .map(|(_, m)| *m)
            .min_by_key(|m| m.position())
    }
}

/// Keep the widest finding where findings overlap ("Lee Jae-myung" rather
/// than its "Jae-myung" as well), one per place.
fn outermost<'m, 't>(mut found: Vec<Odd<'m, 't>>) -> Vec<Odd<'m, 't>> {
    found.sort_by_key(|o| {
        (
            o.mention.block,
            o.mention.range.start,
            std::cmp::Reverse(o.mention.range.end),
        )
    });
    let mut kept: Vec<Odd<'m, 't>> = Vec::new();
    // Sorted by start, widest first: a finding is covered exactly when the
    // widest-reaching kept finding of its block reaches past its end.
    let mut reach: Option<(usize, usize)> = None;
    for odd in found {
        let m = odd.mention;
        if reach.is_some_and(|(block, end)| block == m.block && m.range.end <= end) {
            continue;
        }
        if reach.is_none_or(|(block, end)| block != m.block || m.range.end > end) {
            reach = Some((m.block, m.range.end));
        }
        kept.push(odd);
    }
    kept
}

//! Literal text every match of a regex must contain. A rule's regex then
//! runs only on articles where the engine's shared phrase pass (see
//! [`super::phrase_pass`]) saw one of those literals, instead of scanning
//! every article with its own automaton (and, when each of its hits lies
//! in one block, only in the blocks where the pass saw one).
//!
//! The answer is a set of alternatives, lower-cased in ASCII to suit the
//! ASCII-case-insensitive phrase pass: `\bclick here\b` needs "click here";
//! `(?:^|[.!?] )Read more` needs "read more"; `(?:sign|log) in` needs
//! "sign in" or "log in". Patterns with no such literal (`^[A-Z ]+$`) get
//! none and always run.

use regex_syntax::hir::{Class, Hir, HirKind};

/// More alternatives than this and a set is not worth a prefilter (and
/// case-folded patterns would multiply without bound).
const MAX_ALTERNATIVES: usize = 64;
/// Largest character class read as alternatives (case folding turns `k`
/// into the three characters `K`, `k` and the Kelvin sign).
const MAX_CLASS_CHARS: u32 = 8;

/// Literals of which at least one occurs in every match of the pattern
/// `hir` was parsed from (with the case setting the rule compiles it
/// with), ASCII lower-cased; `None` when the pattern promises none.
pub fn required_literals(hir: &Hir) -> Option<Vec<String>> {
    let need = need(hir)?;
    if need.alternatives.iter().any(|a| is_weak(a)) {
        return None;
    }
    let mut alternatives: Vec<String> = need
        .alternatives
        .into_iter()
        .map(|a| match a.chars().find(|c| FOLD_PARTNERS.contains(c)) {
            Some(partner) => partner.to_string(),
            None => a,
        })
        .collect();
    alternatives.sort();
    alternatives.dedup();
    Some(alternatives)
}

/// The two characters outside ASCII that case folding makes partners of
/// ASCII letters: the long s (ſ, for "s") and the Kelvin sign (K, for
/// "k"). Under `(?i)`, "subscribe" also matches "ſubſcribe", so its
/// literals would come in four spellings, and a list of such patterns
/// would multiply the shared automaton's size. A literal holding one of
/// them is replaced by that character alone: every match that spells a
/// word with it contains it, and copy almost never does. (Its spelling in
/// ASCII, which the set also holds, says whether the literal is weak.)
const FOLD_PARTNERS: [char; 2] = ['\u{17F}', '\u{212A}'];

/// A literal with fewer than two visible characters ("a", " / ") is in
/// nearly every article: as a prefilter it would let the regex run anyway,
/// after reporting thousands of candidates to the shared phrase pass.
fn is_weak(literal: &str) -> bool {
    literal
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(1)
        .is_none()
}

/// Alternatives one of which every match contains; `exact` when every
/// match *is* one of them (so neighbours can be joined on).
#[derive(Debug, Clone)]
struct Need {
    alternatives: Vec<String>,
    exact: bool,
}

impl Need {
    fn exact(alternatives: Vec<String>) -> Need {
        Need {
            alternatives,
            exact: true,
        }
    }

    /// Shortest alternative in characters: a longer literal is a sharper
    /// prefilter.
    fn strength(&self) -> (usize, std::cmp::Reverse<usize>) {
        let shortest = self
            .alternatives
            .iter()
            .map(|a| a.chars().count())
            .min()
            .unwrap_or(0);
        (shortest, std::cmp::Reverse(self.alternatives.len()))
    }
}

fn need(hir: &Hir) -> Option<Need> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(Need::exact(vec![String::new()])),
        HirKind::Literal(literal) => std::str::from_utf8(&literal.0)
            .ok()
            .map(|s| Need::exact(vec![s.to_ascii_lowercase()])),
        HirKind::Class(Class::Unicode(class)) => {
            let count: u32 = class
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            if count > MAX_CLASS_CHARS {
                return None;
            }
            let mut alternatives: Vec<String> = class
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|c| c.to_string().to_ascii_lowercase())
                .collect();
            alternatives.sort();
            alternatives.dedup();
            Some(Need::exact(alternatives))
        }
        HirKind::Class(Class::Bytes(_)) => None,
        HirKind::Capture(capture) => need(&capture.sub),
        HirKind::Repetition(repetition) => {
            if repetition.min == 0 {
                return None;
            }
            let once = repetition.min == 1 && repetition.max == Some(1);
            need(&repetition.sub).map(|n| Need {
                exact: n.exact && once,
                ..n
            })
        }
        HirKind::Alternation(branches) => {
            let mut alternatives = Vec::new();
            let mut exact = true;
            for branch in branches {
                let n = need(branch)?;
                exact &= n.exact;
                alternatives.extend(n.alternatives);
            }
            alternatives.sort();
            alternatives.dedup();
            (alternatives.len() <= MAX_ALTERNATIVES).then_some(Need {
                alternatives,
                exact,
            })
        }
        HirKind::Concat(parts) => concat(parts),
    }
}

/// Neighbouring exact parts join into longer literals ("click" + " " +
/// "here"); the sharpest joined or inexact part stands for the whole.
fn concat(parts: &[Hir]) -> Option<Need> {
    let mut finished: Vec<Need> = Vec::new();
    let mut current: Option<Need> = None;
    let mut all_joined = true;
    for part in parts {
        match need(part) {
            Some(n) if n.exact => {
                current = Some(match current.take() {
                    None => n,
                    Some(left) => match join(&left, &n) {
                        Some(joined) => joined,
                        None => {
                            all_joined = false;
                            finished.push(left);
                            n
                        }
                    },
                });
            }
            other => {
                all_joined = false;
                finished.extend(current.take());
                finished.extend(other);
            }
        }
    }
    if all_joined && finished.is_empty() {
        return current;
    }
    finished.extend(current);
    finished
        .into_iter()
        .max_by_key(Need::strength)
        .map(|n| Need { exact: false, ..n })
}

fn join(left: &Need, right: &Need) -> Option<Need> {
    if left.alternatives.len() * right.alternatives.len() > MAX_ALTERNATIVES {
        return None;
    }
    let mut alternatives: Vec<String> = left
        .alternatives
        .iter()
        .flat_map(|l| right.alternatives.iter().map(move |r| format!("{l}{r}")))
        .collect();
    alternatives.sort();
    alternatives.dedup();
    Some(Need::exact(alternatives))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::text::parse_regex;

    /// As the existence kind asks: from the pattern's one parse.
    fn needs(pattern: &str, ignore_case: bool) -> Option<Vec<String>> {
        required_literals(&parse_regex(pattern, ignore_case).ok()?)
    }

    #[test]
    fn words_and_boundaries_join_into_one_literal() {
        assert_eq!(needs(r"\bclick here\b", false).unwrap(), ["click here"]);
        assert_eq!(
            needs(r"(?-u:\b)Read more(?-u:\b)", false).unwrap(),
            ["read more"]
        );
    }

    #[test]
    fn case_folding_keeps_unusual_case_partners() {
        // The Kelvin sign folds to "k": it must stay an alternative, or an
        // article that uses it would skip a regex that matches.
        assert_eq!(needs(r"\bkick\b", true).unwrap(), ["kick", "\u{212a}"]);
        // One spelling of each literal in ASCII, whatever the number of
        // letters with a partner.
        assert_eq!(
            needs(r"(?:subscribe|sign up) now", true).unwrap(),
            ["sign up now", "subscribe now", "\u{17f}"]
        );
    }

    #[test]
    fn alternations_give_alternatives() {
        assert_eq!(
            needs(r"(?:sign|log) in to", false).unwrap(),
            ["log in to", "sign in to"]
        );
        assert_eq!(
            needs(r"(?:^|[.!?] )(?P<match>Click here)", false).unwrap(),
            ["! click here", ". click here", "? click here", "click here"]
        );
    }

    #[test]
    fn optional_and_open_parts_are_skipped_for_the_sharpest_literal() {
        assert_eq!(
            needs(r"\d+ comments? on this story", false).unwrap(),
            [" on this story"]
        );
        assert_eq!(needs(r"Share(?: this)?:", false).unwrap(), ["share"]);
    }

    #[test]
    fn patterns_without_a_literal_promise_nothing() {
        assert_eq!(needs(r"^[A-Z ]+$", false), None);
        assert_eq!(needs(r"a|\w+", false), None);
        assert_eq!(needs(r"(?:x)?", false), None);
        assert_eq!(needs(r"(", false), None);
    }

    #[test]
    fn literals_in_nearly_every_article_promise_nothing() {
        assert_eq!(needs(r"(?-i:A)(?:\s+A){1,3}", false), None);
        assert_eq!(needs(r"\d+ (?:of|/) \d+", false), None);
        assert_eq!(
            needs(r"\d+ (?:of|on) \d+", false).unwrap(),
            [" of ", " on "]
        );
    }
}

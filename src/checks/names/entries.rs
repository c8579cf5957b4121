//! House-list entries and the spellings each one answers to.
//!
//! An entry lists a canonical form and the variants the desk has seen. At
//! load time every form also yields the forms a writer produces without
//! meaning to differ: a hyphenated part written as one word ("Jae-myung" →
//! "Jaemyung") and, when the entry names the family name, the other name
//! order ("Takaichi Sanae" for "Sanae Takaichi"). Case, diacritics, hyphen
//! versus space and apostrophe style need no generated forms: matching reads
//! a folded view of the text (see [`super::fold`]).

use std::collections::HashMap;
use std::collections::hash_map::Entry as MapEntry;

use serde::Deserialize;

use super::fold::fold;
use crate::yaml::Spanned;

/// One `entries` item of a `names` rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntrySpec {
    /// The house spelling, exactly as it must appear.
    pub canonical: Spanned<String>,
    /// Spellings seen in copy that mean this person or place.
    #[serde(default)]
    pub variants: Vec<Spanned<String>>,
    /// The family name as written in `canonical` (its first or last words).
    /// Given, the other name order is recognised too.
    #[serde(default)]
    pub family: Option<Spanned<String>>,
}

/// A form problem, with the value it is about.
pub struct FormError<'a> {
    pub at: &'a Spanned<String>,
    pub message: String,
}

/// Folded pattern → index of the entry it belongs to.
#[derive(Default)]
pub struct FormTable {
    pub patterns: Vec<String>,
    pub entry_of: Vec<usize>,
    index: HashMap<String, Slot>,
}

#[derive(Clone, Copy)]
enum Slot {
    /// Written in the rule file for this entry.
    Listed(usize),
    /// Generated for this entry.
    Generated(usize),
    /// Generated for two different entries: neither may claim it.
    Ambiguous,
}

/// Generated forms per written form are capped so that a name with many
/// hyphens cannot multiply into thousands of patterns.
const MAX_JOINED_PARTS: usize = 4;

impl FormTable {
    /// Add every form of `entry` (number `index`).
    pub fn add<'a>(&mut self, index: usize, entry: &'a EntrySpec) -> Result<(), FormError<'a>> {
        let canonical = &entry.canonical;
        if fold(&canonical.value).chars().all(|c| !c.is_alphanumeric()) {
            return Err(FormError {
                at: canonical,
                message: "`canonical` must name someone: it has no letters".into(),
            });
        }
        for variant in &entry.variants {
            if variant.value.trim() == canonical.value.trim() {
                return Err(FormError {
                    at: variant,
                    message: format!("variant `{}` repeats the canonical form", variant.value),
                });
            }
            if fold(&variant.value).chars().all(|c| !c.is_alphanumeric()) {
                return Err(FormError {
                    at: variant,
                    message: "a variant must have letters".into(),
                });
            }
        }
        let written: Vec<&Spanned<String>> = std::iter::once(canonical)
            .chain(entry.variants.iter())
            .collect();
        for form in &written {
            self.insert_listed(index, form)?;
        }
        let mut generated = Vec::new();
        for form in &written {
            generated.extend(joined_forms(&form.value));
        }
        if let Some(family) = &entry.family {
            let (family_part, given) =
                split_family(&canonical.value, &family.value).ok_or_else(|| FormError {
                    at: family,
                    message: format!(
                        "`family` must be the first or last word(s) of the canonical form `{}`",
                        canonical.value
                    ),
                })?;
            let givens: Vec<String> = std::iter::once(given.to_string())
                .chain(
                    // A given name of several parts is one name: "Jae Myung",
                    // "Jae-myung" and "Jaemyung" are the same given name.
                    (given.split_whitespace().count() > 1)
                        .then(|| given.split_whitespace().collect::<String>()),
                )
                .collect();
            for given in &givens {
                generated.push(format!("{given} {family_part}"));
                generated.push(format!("{family_part} {given}"));
            }
        }
        for form in generated {
            self.insert_generated(index, &form);
        }
        Ok(())
    }

    fn insert_listed<'a>(
        &mut self,
        index: usize,
        form: &'a Spanned<String>,
    ) -> Result<(), FormError<'a>> {
        let pattern = fold(&form.value);
        match self.index.get(&pattern) {
            Some(Slot::Listed(other)) if *other != index => Err(FormError {
                at: form,
                message: format!(
                    "`{}` is already a spelling of entry {} of this list; one spelling cannot lead to two names",
                    form.value,
                    other + 1
                ),
            }),
            Some(Slot::Listed(_)) => Ok(()),
            _ => {
                self.index.insert(pattern, Slot::Listed(index));
                Ok(())
            }
        }
    }

    fn insert_generated(&mut self, index: usize, form: &str) {
        let pattern = fold(form);
        match self.index.entry(pattern) {
            MapEntry::Vacant(slot) => {
                slot.insert(Slot::Generated(index));
            }
            MapEntry::Occupied(mut slot) => {
                if let Slot::Generated(other) = *slot.get()
                    && other != index
                {
                    slot.insert(Slot::Ambiguous);
                }
            }
        }
    }

    /// Freeze the table into parallel pattern / entry lists.
    pub fn finish(mut self) -> FormTable {
        let mut pairs: Vec<(String, usize)> = self
            .index
            .drain()
            .filter_map(|(pattern, slot)| match slot {
                Slot::Listed(i) | Slot::Generated(i) => Some((pattern, i)),
                Slot::Ambiguous => None,
            })
            .collect();
        // Deterministic automaton whatever the hash order.
        pairs.sort();
        let (patterns, entry_of) = pairs.into_iter().unzip();
        FormTable {
            patterns,
            entry_of,
            index: HashMap::new(),
        }
    }
}

/// The form with each hyphenated word written solid, in every combination
/// ("Frank-Walter" → "Frankwalter"), for forms with few hyphenated words.
fn joined_forms(form: &str) -> Vec<String> {
    let words: Vec<&str> = form.split_whitespace().collect();
    let hyphenated: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].contains('-'))
        .collect();
    if hyphenated.is_empty() || hyphenated.len() > MAX_JOINED_PARTS {
        return Vec::new();
    }
    let mut out = Vec::new();
    for mask in 1u32..(1 << hyphenated.len()) {
        let mut parts: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for (bit, &i) in hyphenated.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                parts[i] = parts[i].replace('-', "");
            }
        }
        out.push(parts.join(" "));
    }
    out
}

/// Split `canonical` into its family name and the rest, when `family` is
/// its first or last word(s).
fn split_family<'c>(canonical: &'c str, family: &str) -> Option<(&'c str, &'c str)> {
    let canonical = canonical.trim();
    let family = family.trim();
    if family.is_empty() || family.len() >= canonical.len() {
        return None;
    }
    if let Some(rest) = canonical.strip_prefix(family)
        && rest.starts_with(' ')
    {
        return Some((&canonical[..family.len()], rest.trim()));
    }
    if let Some(rest) = canonical.strip_suffix(family)
        && rest.ends_with(' ')
    {
        return Some((&canonical[canonical.len() - family.len()..], rest.trim()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_words_are_also_written_solid() {
        assert_eq!(joined_forms("Lee Jae-myung"), ["Lee Jaemyung"]);
        assert_eq!(
            joined_forms("Ana-Maria Reyes-Whitfield"),
            [
                "AnaMaria Reyes-Whitfield",
                "Ana-Maria ReyesWhitfield",
                "AnaMaria ReyesWhitfield"
            ]
        );
        assert!(joined_forms("Sanae Takaichi").is_empty());
    }

    #[test]
    fn family_names_split_at_either_end() {
        assert_eq!(
            split_family("Lee Jae Myung", "Lee"),
            Some(("Lee", "Jae Myung"))
        );
        assert_eq!(
            split_family("Ursula von der Leyen", "von der Leyen"),
            Some(("von der Leyen", "Ursula"))
        );
        assert_eq!(split_family("Lee Jae Myung", "Le"), None);
        assert_eq!(split_family("Lee", "Lee"), None);
    }
}

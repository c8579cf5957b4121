//! The rule's labels and furniture, looked up where they can matter: at the
//! start of a line. A label or control is alone on its line, or opens it
//! ("Read more: ...", "Home » Sport", "Comments (12)"), or is one button of a
//! toolbar that fills the line; so the lookup never scans a whole paragraph,
//! only the few bytes where the line begins.

use aho_corasick::{AhoCorasick, Input, MatchKind};

/// What a phrase of the lists is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A box label: headlines follow it ("Related", "Most read").
    Label,
    /// A control or widget that heads nothing ("Print", "Share this").
    Furniture,
}

/// Longest line read as a label or toolbar ("Read more: " and a headline fit
/// easily): longer text is prose.
pub const MAX_CONTROL_LINE: usize = 400;

/// Labels and furniture in one automaton, searched only at the start of a
/// line and of each button after it.
#[derive(Debug)]
pub struct Controls {
    automaton: AhoCorasick,
    kinds: Vec<Control>,
    longest: usize,
}

/// The longest label and the longest piece of furniture found at one place.
#[derive(Debug, Clone, Copy, Default)]
struct Found {
    label: Option<usize>,
    furniture: Option<usize>,
}

impl Found {
    fn end(self, kind: Control) -> Option<usize> {
        match kind {
            Control::Label => self.label,
            Control::Furniture => self.furniture,
        }
    }

    fn longest(self) -> Option<usize> {
        self.label.max(self.furniture)
    }
}

impl Controls {
    /// `None` when both lists are empty. A phrase in both lists is a label.
    pub fn new(
        labels: &[String],
        furniture: &[String],
        ignore_case: bool,
    ) -> Result<Option<Controls>, String> {
        let mut phrases: Vec<&str> = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in [(labels, Control::Label), (furniture, Control::Furniture)] {
            for phrase in list {
                phrases.push(phrase.trim());
                kinds.push(kind);
            }
        }
        if phrases.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(ignore_case)
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .map_err(|e| format!("cannot compile the label lists: {e}"))?;
        Ok(Some(Controls {
            automaton,
            kinds,
            longest: phrases.iter().map(|p| p.len()).max().unwrap_or(0),
        }))
    }

    /// The phrases that start at `at` and end on a word boundary (or, with
    /// `glued`, before a capital right after a small letter: scraped
    /// toolbars glue their buttons, "Email to a friendPrinter friendly").
    /// Only the bytes from `at` to the longest phrase are searched.
    fn at(&self, text: &str, at: usize, glued: bool) -> Found {
        let window = at..(at + self.longest).min(text.len());
        let mut found = Found::default();
        for m in self
            .automaton
            .find_overlapping_iter(Input::new(text).range(window))
        {
            if m.start() != at || !text.is_char_boundary(m.end()) {
                continue;
            }
            if !ends_word(&text[at..m.end()], &text[m.end()..], glued) {
                continue;
            }
            let slot = match self.kinds[m.pattern().as_usize()] {
                Control::Label => &mut found.label,
                Control::Furniture => &mut found.furniture,
            };
            *slot = (*slot).max(Some(m.end()));
        }
        found
    }

    /// A phrase of `kind` opening `text` (only symbols before it), and the
    /// rest of the line after it.
    fn opening<'t>(&self, text: &'t str, kind: Control) -> Option<&'t str> {
        let text = text.trim();
        if text.len() > MAX_CONTROL_LINE || text.contains('\n') {
            return None;
        }
        let start = text.find(char::is_alphanumeric)?;
        let end = self.at(text, start, false).end(kind)?;
        Some(text[end..].trim())
    }

    /// One of the `kind` phrases alone on a one-line block (symbols such as
    /// "»" or ":" around it are fine), followed by a count ("Comments (12)"),
    /// or before a colon and more ("Read more: Ferry Fares Rise Again").
    pub fn is_alone(&self, text: &str, kind: Control) -> bool {
        self.opening(text, kind).is_some_and(|rest| {
            !rest.contains(char::is_alphanumeric) || is_count(rest) || rest.starts_with(':')
        })
    }

    /// A trail of links opened by a label or control ("Home » Sport »
    /// Football").
    pub fn is_trail(&self, text: &str) -> bool {
        [Control::Label, Control::Furniture].into_iter().any(|kind| {
            self.opening(text, kind)
                .is_some_and(|rest| rest.starts_with(['»', '›', '>']))
        })
    }

    /// Two or more controls and labels and nothing else on one line: a
    /// toolbar ("Print Email this Comment", "Have your say Read comments",
    /// glued or not). A line ending in a colon introduces what follows ("See
    /// more photos:").
    pub fn is_toolbar(&self, text: &str) -> bool {
        let text = text.trim();
        if text.len() > MAX_CONTROL_LINE || text.contains('\n') || text.ends_with(':') {
            return false;
        }
        let mut buttons = 0;
        let mut at = 0;
        loop {
            let Some(start) = text[at..].find(char::is_alphanumeric).map(|i| at + i) else {
                return buttons >= 2;
            };
            let Some(end) = self.at(text, start, true).longest() else {
                return false;
            };
            buttons += 1;
            at = end;
        }
    }
}

/// Does a phrase that matched `matched` end a word where `rest` begins? A
/// phrase ending in a symbol ("Read more...") ends wherever it ends.
fn ends_word(matched: &str, rest: &str, glued: bool) -> bool {
    let Some(last) = matched.chars().next_back() else {
        return false;
    };
    match rest.chars().next() {
        None => true,
        Some(next) if !last.is_alphanumeric() || !next.is_alphanumeric() => true,
        Some(next) => glued && last.is_lowercase() && next.is_uppercase(),
    }
}

/// "(12)": the count a control shows ("Comments (12)").
fn is_count(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn controls() -> Controls {
        let labels: Vec<String> = ["Read comments", "See more", "Home", "Related"]
            .map(String::from)
            .to_vec();
        let furniture: Vec<String> = [
            "Email to a friend",
            "Printer friendly",
            "Print",
            "Email",
            "Have your say",
            "Photos",
            "Share",
            "Share this",
        ]
        .map(String::from)
        .to_vec();
        Controls::new(&labels, &furniture, true).unwrap().unwrap()
    }

    #[test]
    fn toolbars() {
        let c = controls();
        for yes in [
            "Email to a friendPrinter friendly",
            "Print | Email",
            "Have your say Read comments",
            "» Share thisPrint",
        ] {
            assert!(c.is_toolbar(yes), "{yes}");
        }
        for no in [
            "Print",
            "Email the mayor",
            "See more photos:",
            "Printer friendly version of the report",
            "PrintEmail the mayor",
            "",
            "Shared Print",
        ] {
            assert!(!c.is_toolbar(no), "{no}");
        }
    }

    #[test]
    fn trails() {
        let c = controls();
        assert!(c.is_trail("Home » Sport » Football"));
        assert!(c.is_trail("Home > News"));
        assert!(!c.is_trail("Home"));
        assert!(!c.is_trail("Homeowners » Rates"));
    }

    #[test]
    fn labels_alone_with_a_count_or_before_a_colon() {
        let c = controls();
        assert!(c.is_alone("Print", Control::Furniture));
        assert!(c.is_alone("  » Print |", Control::Furniture));
        assert!(!c.is_alone("Print", Control::Label));
        assert!(c.is_alone("Read comments (12)", Control::Label));
        assert!(!c.is_alone("Read comments (twelve)", Control::Label));
        assert!(!c.is_alone("Home » Sport", Control::Label));
        assert!(c.is_alone("Related: Ferry Fares Rise Again", Control::Label));
        assert!(!c.is_alone("Related charges were dropped.", Control::Label));
        assert!(!c.is_alone("The Print", Control::Furniture));
        assert!(!c.is_alone("Print\nEmail", Control::Furniture));
        // "Share" passes where the longer "Share this" fails its boundary.
        assert!(c.is_alone("Share", Control::Furniture));
        assert!(!c.is_alone("Share thisfor", Control::Furniture));
        assert!(!c.is_alone(&"Print ".repeat(100), Control::Furniture));
    }

    #[test]
    fn empty_lists_make_no_automaton() {
        assert!(Controls::new(&[], &[], true).unwrap().is_none());
    }
}

//! The rule's labels and furniture, looked up where they can matter: at the
//! start of a line. A label or control is alone on its line, or opens it
//! ("Read more: ...", "Home » Sport", "Comments (12)"), or is one button of a
//! toolbar that fills the line; so the lookup never scans a whole paragraph,
//! only the few bytes where the line begins.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// What a phrase of the lists is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A box label: headlines follow it ("Related", "Most read").
    Label,
    /// A control or widget that heads nothing ("Print", "Share this").
    Furniture,
    /// What opens a page's comment section ("Reader comments", "Leave a
    /// reply").
    Comments,
}

/// Longest line read as a label or toolbar ("Read more: " and a headline fit
/// easily): longer text is prose.
pub const MAX_CONTROL_LINE: usize = 400;

/// Labels and furniture in one automaton, searched only at the start of a
/// line and of each button after it.
#[derive(Debug)]
pub struct Controls {
    /// Every phrase at the start of a line, to turn prose away after a byte
    /// or two.
    starts: AhoCorasick,
    automaton: AhoCorasick,
    kinds: Vec<Control>,
    longest: usize,
}

/// What a line opened by a label or a control is, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlLine {
    /// A label alone, with a count, or before a colon or a "|" and nothing
    /// more ("Related:", "Most read (5)").
    Label,
    /// A label before a colon or a "|" and its own link ("Read more: Ferry
    /// Fares Rise Again").
    LabelAndLink,
    /// Two or more controls and labels and nothing else: "Print | Email",
    /// "Have your say Read comments", glued or not ("Email to a
    /// friendPrinter friendly").
    Toolbar,
    /// A trail of links: "Home » Sport » Football".
    Trail,
    /// What opens the comment section, alone or with a count: "Reader
    /// comments", "Comments (12)", "12 comments".
    Comments,
    /// A control alone or with a count: "Print", "Email (3)".
    Furniture,
}

/// The phrases found at one place: the longest label and the longest
/// piece of furniture that end a word there, and the longest phrase of
/// either kind that ends a word or is glued to a capital.
#[derive(Debug, Clone, Copy, Default)]
struct Found {
    label: Option<usize>,
    furniture: Option<usize>,
    comments: Option<usize>,
    glued: Option<usize>,
}

impl Controls {
    /// `None` when every list is empty. A phrase in several lists is a
    /// label before it opens comments, and opens comments before it is
    /// furniture.
    pub fn new(
        labels: &[String],
        furniture: &[String],
        comments: &[String],
        ignore_case: bool,
    ) -> Result<Option<Controls>, String> {
        let mut phrases: Vec<&str> = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in [
            (labels, Control::Label),
            (furniture, Control::Furniture),
            (comments, Control::Comments),
        ] {
            for phrase in list {
                phrases.push(phrase.trim());
                kinds.push(kind);
            }
        }
        if phrases.is_empty() {
            return Ok(None);
        }
        let error = |e| format!("cannot compile the label lists: {e}");
        let starts = AhoCorasick::builder()
            .ascii_case_insensitive(ignore_case)
            .match_kind(MatchKind::LeftmostFirst)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&phrases)
            .map_err(error)?;
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(ignore_case)
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .map_err(error)?;
        Ok(Some(Controls {
            starts,
            automaton,
            kinds,
            longest: phrases.iter().map(|p| p.len()).max().unwrap_or(0),
        }))
    }

    /// What the one-line `text` is, when a label or control opens it (only
    /// symbols before it). Prose is told apart after a byte or two.
    pub fn read(&self, text: &str) -> Option<ControlLine> {
        let text = text.trim();
        if text.len() > MAX_CONTROL_LINE {
            return None;
        }
        let mut start = text.find(char::is_alphanumeric)?;
        // "12 comments": a count may come first.
        let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && text[start + digits..].starts_with(' ') {
            start = text[start + digits..]
                .find(char::is_alphanumeric)
                .map_or(start, |i| start + digits + i);
        }
        let anchored = Input::new(text).range(start..).anchored(Anchored::Yes);
        self.starts.try_find(anchored).ok()??;
        let found = self.at(text, start);
        let glued = found.glued?;
        let rest = |end: Option<usize>| end.map(|e| text[e..].trim());
        let alone = |rest: &str| !rest.contains(char::is_alphanumeric) || is_count(rest);
        // A label also heads a headline on its own line: "Read more: ...",
        // "Gallery | Voting scenes on primary day".
        // One "|" only: "Home | World | Sport" is a bar of links.
        let heads = |rest: &str| {
            alone(rest)
                || rest.starts_with(':')
                || rest
                    .strip_prefix('|')
                    .is_some_and(|headline| !headline.contains('|'))
        };
        // "Related coverage from Money:", "More stories on the strike:": a
        // label naming where its links come from, over them.
        let names_source = |rest: &str| {
            rest.len() <= 80
                && rest.ends_with(':')
                && rest.split_whitespace().next().is_some_and(|w| {
                    ["from", "on", "in", "at", "about", "by"]
                        .iter()
                        .any(|p| w.eq_ignore_ascii_case(p))
                })
        };
        if rest(found.label).is_some_and(names_source) {
            return Some(ControlLine::Label);
        }
        if let Some(rest) = rest(found.label).filter(|r| heads(r)) {
            return Some(if rest.contains(char::is_alphanumeric) && !is_count(rest) {
                ControlLine::LabelAndLink
            } else {
                ControlLine::Label
            });
        }
        if self.is_toolbar(text, glued) {
            return Some(ControlLine::Toolbar);
        }
        let trail = |rest: &str| rest.starts_with(['»', '›', '>']);
        if rest(found.label).is_some_and(trail) || rest(found.furniture).is_some_and(trail) {
            return Some(ControlLine::Trail);
        }
        if rest(found.comments).is_some_and(heads) {
            return Some(ControlLine::Comments);
        }
        if rest(found.furniture).is_some_and(heads) {
            return Some(ControlLine::Furniture);
        }
        None
    }

    /// The phrases that start at `at`, searched in the bytes from `at` to
    /// the longest phrase only.
    fn at(&self, text: &str, at: usize) -> Found {
        let window = at..(at + self.longest).min(text.len());
        let mut found = Found::default();
        for m in self
            .automaton
            .find_overlapping_iter(Input::new(text).range(window))
        {
            if m.start() != at || !text.is_char_boundary(m.end()) {
                continue;
            }
            let (matched, rest) = (&text[at..m.end()], &text[m.end()..]);
            if ends_word(matched, rest, true) {
                found.glued = found.glued.max(Some(m.end()));
            }
            if !ends_word(matched, rest, false) {
                continue;
            }
            let slot = match self.kinds[m.pattern().as_usize()] {
                Control::Label => &mut found.label,
                Control::Furniture => &mut found.furniture,
                Control::Comments => &mut found.comments,
            };
            *slot = (*slot).max(Some(m.end()));
        }
        found
    }

    /// Does a chain of controls and labels, the first ending at `first`,
    /// fill the line? A line ending in a colon introduces what follows
    /// ("See more photos:").
    fn is_toolbar(&self, text: &str, first: usize) -> bool {
        if text.ends_with(':') {
            return false;
        }
        let mut buttons = 1;
        let mut at = first;
        loop {
            let Some(start) = text[at..].find(char::is_alphanumeric).map(|i| at + i) else {
                return buttons >= 2;
            };
            // A button's count: "Read comments (11)".
            if text[..start].ends_with('(') {
                let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
                if digits > 0 && text[start + digits..].starts_with(')') {
                    at = start + digits + 1;
                    continue;
                }
            }
            let Some(end) = self.at(text, start).glued else {
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
        let comments = vec!["Reader comments".to_string(), "Comments".to_string()];
        Controls::new(&labels, &furniture, &comments, true)
            .unwrap()
            .unwrap()
    }

    fn read(text: &str) -> Option<ControlLine> {
        controls().read(text)
    }

    #[test]
    fn toolbars() {
        for yes in [
            "Email to a friendPrinter friendly",
            "Print | Email",
            "Have your say Read comments",
            "» Share thisPrint",
            "Comments | Read comments (11)",
            "Email (2) Print",
        ] {
            assert_eq!(read(yes), Some(ControlLine::Toolbar), "{yes}");
        }
        for no in [
            "Email the mayor",
            "See more photos:",
            "Printer friendly version of the report",
            "PrintEmail the mayor",
            "",
            "Shared Print",
            "Print (11) copies",
        ] {
            assert_eq!(read(no), None, "{no}");
        }
    }

    #[test]
    fn trails() {
        assert_eq!(read("Home » Sport » Football"), Some(ControlLine::Trail));
        assert_eq!(read("Home > News"), Some(ControlLine::Trail));
        assert_eq!(read("Home"), Some(ControlLine::Label));
        assert_eq!(read("Homeowners » Rates"), None);
    }

    #[test]
    fn labels_and_furniture_alone_with_a_count_or_before_a_colon() {
        assert_eq!(read("Print"), Some(ControlLine::Furniture));
        assert_eq!(read("  » Print |"), Some(ControlLine::Furniture));
        assert_eq!(read("Read comments (12)"), Some(ControlLine::Label));
        assert_eq!(read("Comments (12)"), Some(ControlLine::Comments));
        assert_eq!(read("12 Comments"), Some(ControlLine::Comments));
        assert_eq!(read("» Reader comments"), Some(ControlLine::Comments));
        assert_eq!(read("12 Comments about the plan"), None);
        assert_eq!(read("Read comments (twelve)"), None);
        assert_eq!(read("Related:"), Some(ControlLine::Label));
        assert_eq!(
            read("Related: Ferry Fares Rise Again"),
            Some(ControlLine::LabelAndLink)
        );
        assert_eq!(read("Related charges were dropped."), None);
        assert_eq!(
            read("See more from Harbor Ledger: Money:"),
            Some(ControlLine::Label)
        );
        assert_eq!(read("Related to the strike, three cases:"), None);
        assert_eq!(
            read("Photos | Ferry Fares Rise Again"),
            Some(ControlLine::Furniture)
        );
        assert_eq!(
            read("Related | Ferry Fares Rise Again"),
            Some(ControlLine::LabelAndLink)
        );
        assert_eq!(read("The Print"), None);
        // "Share" passes where the longer "Share this" fails its boundary.
        assert_eq!(read("Share"), Some(ControlLine::Furniture));
        assert_eq!(read("Share thisfor"), None);
        assert_eq!(read(&"Print ".repeat(100)), None);
    }

    #[test]
    fn empty_lists_make_no_automaton() {
        assert!(Controls::new(&[], &[], &[], true).unwrap().is_none());
    }
}

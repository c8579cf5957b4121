//! Rewrites of a rule's regex, made before it is compiled, that keep it
//! meaning what its author wrote (or, for word boundaries, nearly so) and
//! make it much cheaper.
//!
//! The rewrite works on the parsed syntax tree, so escaped text and class
//! contents are never mistaken for what they look like.

use regex_syntax::ast::{
    self, AssertionKind, Ast, ClassBracketed, ClassSet, ClassSetItem, Visitor,
};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// `pattern` with both rewrites below applied.
///
/// **Word boundaries.** `\b`/`\B` become ASCII word boundaries in patterns
/// whose letters are all ASCII. With Unicode word boundaries the regex
/// crate cannot use its DFAs on text with any non-ASCII character, and news
/// copy is full of curly quotes and dashes; rules then ran many times
/// slower. For a pattern whose words are ASCII (English phrases; curly
/// quotes and dashes in it are fine), an ASCII boundary differs only next
/// to an accented letter in the text. Patterns with non-ASCII letters
/// ("café") keep Unicode boundaries.
///
/// **Classes that case cannot change.** A bracketed class such as
/// `[^\w\n"“]` matches the same characters with and without `(?i)`: `\w`,
/// `\d` and `\s` hold every case partner of what they hold, and the
/// quotes have none. Under `(?i)` the regex crate still folds the case of
/// each of the class's hundreds of ranges, which made these classes most
/// of the rule pack's start-up. Such a class is wrapped in `(?-i:…)`; its
/// meaning is exactly the same (the tests compare the compiled forms).
pub fn for_speed(pattern: &str) -> String {
    let Ok(parsed) = ast::parse::Parser::new().parse(pattern) else {
        // Let the real compile report the error.
        return pattern.to_string();
    };
    let ascii_letters = !pattern.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
    let Ok(mut edits) = ast::visit(
        &parsed,
        Edits {
            boundaries: ascii_letters,
            found: Vec::new(),
        },
    ) else {
        return pattern.to_string();
    };
    let mut out = pattern.to_string();
    // From the end, so earlier offsets stay valid; an insertion at a
    // class's end sorts after the class's start.
    edits.sort_by_key(|edit| std::cmp::Reverse((edit.start, edit.end)));
    for edit in edits {
        out.replace_range(edit.start..edit.end, edit.text);
    }
    out
}

/// Replace `start..end` of the pattern with `text`.
struct Edit {
    start: usize,
    end: usize,
    text: &'static str,
}

struct Edits {
    boundaries: bool,
    found: Vec<Edit>,
}

impl Visitor for Edits {
    type Output = Vec<Edit>;
    type Err = ();

    fn finish(self) -> Result<Vec<Edit>, ()> {
        Ok(self.found)
    }

    fn visit_pre(&mut self, ast: &Ast) -> Result<(), ()> {
        match ast {
            Ast::Assertion(a) if self.boundaries => {
                let text = match a.kind {
                    AssertionKind::WordBoundary => "(?-u:\\b)",
                    AssertionKind::NotWordBoundary => "(?-u:\\B)",
                    _ => return Ok(()),
                };
                self.found.push(Edit {
                    start: a.span.start.offset,
                    end: a.span.end.offset,
                    text,
                });
            }
            Ast::ClassBracketed(class) if worth_unfolding(class) => {
                let (start, end) = (class.span.start.offset, class.span.end.offset);
                self.found.push(Edit {
                    start,
                    end: start,
                    text: "(?-i:",
                });
                self.found.push(Edit {
                    start: end,
                    end,
                    text: ")",
                });
            }
            _ => {}
        }
        Ok(())
    }
}

/// The class holds a Perl class (where folding is costly) and nothing
/// that case folding would change.
fn worth_unfolding(class: &ClassBracketed) -> bool {
    fn has_perl(item: &ClassSetItem) -> bool {
        match item {
            ClassSetItem::Perl(_) => true,
            ClassSetItem::Bracketed(inner) => {
                matches!(&inner.kind, ClassSet::Item(i) if has_perl(i))
            }
            ClassSetItem::Union(union) => union.items.iter().any(has_perl),
            _ => false,
        }
    }
    matches!(&class.kind, ClassSet::Item(item) if has_perl(item) && case_closed(item))
}

/// Folding case adds nothing to what `item` matches.
fn case_closed(item: &ClassSetItem) -> bool {
    match item {
        ClassSetItem::Empty(_) => true,
        ClassSetItem::Literal(literal) => no_case_partners(literal.c, literal.c),
        ClassSetItem::Range(range) => no_case_partners(range.start.c, range.end.c),
        // Unicode's word, digit and space classes hold every case partner
        // of their members (and so do their complements).
        ClassSetItem::Perl(_) => true,
        ClassSetItem::Bracketed(inner) => {
            matches!(&inner.kind, ClassSet::Item(i) if case_closed(i))
        }
        ClassSetItem::Union(union) => union.items.iter().all(case_closed),
        // `[:upper:]`, `\p{Lu}`: folding adds the other case.
        ClassSetItem::Ascii(_) | ClassSetItem::Unicode(_) => false,
    }
}

/// No character in `start..=end` has a case partner outside the range.
fn no_case_partners(start: char, end: char) -> bool {
    let range = ClassUnicode::new([ClassUnicodeRange::new(start, end)]);
    let mut folded = range.clone();
    folded.case_fold_simple();
    folded == range
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_syntax::ParserBuilder;
    use regex_syntax::hir::Hir;

    fn hir(pattern: &str, ignore_case: bool) -> Hir {
        ParserBuilder::new()
            .case_insensitive(ignore_case)
            .build()
            .parse(pattern)
            .unwrap()
    }

    #[test]
    fn word_boundaries_become_ascii_only_in_ascii_patterns() {
        assert_eq!(for_speed(r"\bfollow\B x"), r"(?-u:\b)follow(?-u:\B) x");
        assert_eq!(for_speed(r"\\b[\b]?"), r"\\b[\b]?");
        assert_eq!(for_speed(r"\bcafé\b"), r"\bcafé\b");
        assert_eq!(for_speed(r"[^“”]\bx"), r"[^“”](?-u:\b)x");
    }

    #[test]
    fn classes_case_cannot_change_are_kept_from_folding() {
        assert_eq!(for_speed(r"^[^\w\n]*x"), r"^(?-i:[^\w\n])*x");
        assert_eq!(for_speed(r#"[^\w\n"“‘']+"#), r#"(?-i:[^\w\n"“‘'])+"#);
        assert_eq!(for_speed(r"[\W\x{A0}]\bx"), r"(?-i:[\W\x{A0}])(?-u:\b)x");
        // A letter ("Â" is U+00C2), an ASCII or Unicode class: folding
        // changes them.
        for kept in [
            r"[\W\x{C2}]",
            r"[^\wk]",
            r"[\s[:upper:]]",
            r"[\w\p{Lu}]",
            r"[a-z]",
            r"[.,]",
        ] {
            assert_eq!(for_speed(kept), kept);
        }
    }

    /// Unicode's own tables, not a belief: each Perl class, alone, negated
    /// and with case-free neighbours, compiles to the same thing with and
    /// without case folding, so wrapping it changes nothing.
    #[test]
    fn unfolded_classes_mean_what_they_meant() {
        for class in [
            r"[\w]",
            r"[^\w]",
            r"[\W]",
            r"[^\W]",
            r"[\s]",
            r"[^\s]",
            r"[\S]",
            r"[^\w\n]",
            r#"[^\w\n"“‘'']"#,
            r"[\W\x{A0}]",
            r"[\x{A0}\s]",
            r"[^\s.,;:!?]",
            r"[\d]",
            r"[^\D]",
            r"[\d.]",
        ] {
            let rewritten = for_speed(class);
            assert_ne!(rewritten, class, "{class} was not rewritten");
            assert_eq!(hir(&rewritten, true), hir(class, true), "{class}");
            assert_eq!(hir(class, true), hir(class, false), "{class}");
        }
    }

    /// Whole patterns of the kind the pack uses parse to what they did,
    /// word boundaries aside.
    #[test]
    fn whole_patterns_keep_their_meaning() {
        for pattern in [
            r#"(?m)^[^\w\n"“‘']*(?P<match>(?-i:Read more)\s*:[^\n]*)"#,
            r"(?:^|[.!?]\s+)(?P<match>Sign up)\b[^.!?\n]{0,40}\bfree\b",
            r"^[\W\x{A0}]*(?:©|copyright\s*\d{4})",
            r"(?m)^[^\w\n]*(?P<match>\d+ (?:of|/) \d+)[^\w\n]*$",
        ] {
            let rewritten = for_speed(pattern);
            assert_ne!(rewritten, pattern);
            let unbounded = rewritten.replace("(?-u:\\b)", "\\b");
            assert_eq!(hir(&unbounded, true), hir(pattern, true), "{pattern}");
        }
    }
}

//! ## What it does
//! Holds an article to one style of quotation marks. With `prefer: curly`
//! every straight mark (" ') is reported and the curly one offered; with
//! `prefer: straight`, the reverse; with `prefer: consistent` (the default)
//! the article's own majority wins and only the marks of the minority style
//! are reported: a mix of both is the defect. Apostrophes count as marks
//! unless `apostrophes: false`. Curly marks that face the wrong way for
//! their role ("‘90s", a closing “) are reported when curly is the style.
//! Inch and foot marks (6'2") are left alone.
//!
//! ## Why
//! Typographic quotes are the house style of most print and web desks, and
//! a story assembled from a CMS, an e-mail and a wire feed ends up with
//! both kinds, which readers notice. Autocorrect turns the apostrophe of
//! "’90s" into an opening mark.
//!
//! ## Example
//! ```yaml
//! kind: quote-style
//! severity: info
//! message: "{reason}: write {preferred}, not {found}"
//! description: The house writes curly quotes.
//! prefer: curly          # curly | straight | consistent (default)
//! apostrophes: true      # default true
//! examples:
//!   - bad: "\"We will return,\" she said."
//!     fixed: "“We will return,” she said."
//!   - good: "“We will return,” she said."
//! ```
//!
//! ## Fix safety
//! Straight to curly is unsafe: which way a straight mark faces is inferred
//! from its neighbours (and the pairing), and can be wrong. Curly to
//! straight is safe.

use super::quotes::scanner::{Glyph, Level, Mark, Role};
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};

rule_spec! {
    pub struct QuoteStyleSpec {
        #[serde(default)]
        pub prefer: Prefer,
        #[serde(default = "crate::rules::spec::yes")]
        pub apostrophes: bool,
    }
}

/// The house quote style; a config file's `quote_style` overrides the
/// rule's `prefer` for the articles it covers.
pub use crate::document::QuoteStyle as Prefer;

pub static KIND: Kind = Kind {
    name: "quote-style",
    placeholders: &["found", "preferred", "reason"],
    source: include_str!("quote_style.rs"),
    compile,
};

struct QuoteStyle {
    meta: RuleMeta,
    prefer: Prefer,
    apostrophes: bool,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: QuoteStyleSpec = file.parse()?;
    let meta = KIND.meta(file, spec.common())?;
    Ok(Box::new(QuoteStyle {
        meta,
        prefer: spec.prefer,
        apostrophes: spec.apostrophes,
    }))
}

/// The curly character for a mark's role.
fn curly_for(role: Role) -> Option<char> {
    match role {
        Role::Open(Level::Double) | Role::Reopen(Level::Double) => Some('“'),
        Role::Close(Level::Double) | Role::StrayClose => Some('”'),
        Role::Open(Level::Single) | Role::Reopen(Level::Single) => Some('‘'),
        Role::Close(Level::Single) | Role::Apostrophe => Some('’'),
        Role::Other => None,
    }
}

fn straight_for(ch: char) -> char {
    match ch {
        '“' | '”' | '"' => '"',
        _ => '\'',
    }
}

impl QuoteStyle {
    fn counts(&self, mark: &Mark) -> bool {
        mark.role != Role::Other && (self.apostrophes || mark.role != Role::Apostrophe)
    }
}

impl Check for QuoteStyle {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let quotes = cx.quotes();
        let marks = || {
            quotes
                .scan
                .marks
                .iter()
                .enumerate()
                .flat_map(|(p, marks)| marks.iter().map(move |m| (p, m)))
                .filter(|(_, m)| self.counts(m))
        };
        let (style, reason) = match doc.quote_style.unwrap_or(self.prefer) {
            Prefer::Curly => (Glyph::Curly, "House style is curly quotes"),
            Prefer::Straight => (Glyph::Straight, "House style is straight quotes"),
            Prefer::Consistent => {
                let curly = marks().filter(|(_, m)| m.glyph() == Glyph::Curly).count();
                let straight = marks().count() - curly;
                if curly == 0 || straight == 0 {
                    (
                        if curly == 0 {
                            Glyph::Straight
                        } else {
                            Glyph::Curly
                        },
                        "",
                    )
                } else if curly >= straight {
                    (
                        Glyph::Curly,
                        "This article mixes quote styles and mostly uses curly ones",
                    )
                } else {
                    (
                        Glyph::Straight,
                        "This article mixes quote styles and mostly uses straight ones",
                    )
                }
            }
        };
        for (para, mark) in marks() {
            let Some(curly) = curly_for(mark.role) else {
                continue;
            };
            let (preferred, reason, applicability) = match (style, mark.glyph()) {
                (Glyph::Curly, Glyph::Straight) => (curly, reason, Applicability::Unsafe),
                (Glyph::Straight, Glyph::Curly) => {
                    (straight_for(mark.ch), reason, Applicability::Safe)
                }
                (Glyph::Curly, Glyph::Curly) if mark.ch != curly => (
                    curly,
                    "This quote mark faces the wrong way",
                    Applicability::Unsafe,
                ),
                _ => continue,
            };
            let block = quotes.blocks[para];
            let span = block.span(mark.range());
            let found = mark.ch.to_string();
            let preferred = preferred.to_string();
            let fix = Fix::replace(
                format!("Replace with {preferred}"),
                span,
                preferred.clone(),
                applicability,
            );
            out.push(self.meta.diagnostic_with(
                span,
                &[
                    ("found", &found),
                    ("preferred", &preferred),
                    ("reason", reason),
                ],
                Vec::new(),
                Some(fix),
            ));
        }
    }
}

//! ## What it does
//! Pairs the quotation marks of every paragraph, curly (“ ” ‘ ’) and
//! straight (" '), and reports a mark that has no partner: an opening mark
//! never closed in its paragraph (when the next paragraph does not carry the
//! quotation on, the AP convention for quotes that run over several
//! paragraphs), or a closing mark with nothing open. The finding points at
//! the mark, with its paragraph as context.
//!
//! Apostrophes are never quote marks: "Japan’s", "BTS’", "’90s",
//! "rock ’n’ roll". A single `’` or `'` that could close a quotation but has
//! none open is read as an apostrophe, so single marks are reported only
//! when a curly opener (‘) is left open, and only with `single_quotes: true`.
//!
//! ## Why
//! A stray mark is the visible trace of a bad paste or a cut that went
//! too far: a quotation that never ends, or a closing mark left behind when
//! the quote around it was deleted. Readers cannot tell where the speaker's
//! words stop.
//!
//! ## Example
//! ```yaml
//! kind: quote-balance
//! severity: error
//! message: "Unbalanced quote mark {mark}: {problem} (at '{context}')"
//! description: Every quotation mark needs its partner.
//! single_quotes: true   # default true: report a curly ‘ that is never closed
//! examples:
//!   - bad: "Read the analysis for deeper insights.”"
//!     flags: ["”"]
//!   - good: "“We will return,” she said."
//! ```
//!
//! ## Fix safety
//! No fix: only the editor knows where the quotation was meant to end, or
//! whether the stray mark is the tail of pasted junk.

use super::quotes::scanner::{Glyph, Level, Paragraph, Quotation, glyph_of};
use super::quotes::shorten;
use super::{Check, Context, Kind, RuleMeta};
use crate::diagnostic::{Diagnostic, Label};
use crate::rule_spec;
use crate::rules::{RuleError, RuleFile};

rule_spec! {
    pub struct QuoteBalanceSpec {
        #[serde(default = "crate::rules::spec::yes")]
        pub single_quotes: bool,
    }
}

pub static KIND: Kind = Kind {
    name: "quote-balance",
    placeholders: &["mark", "problem", "context"],
    source: include_str!("quote_balance.rs"),
    compile,
};

struct QuoteBalance {
    meta: RuleMeta,
    single_quotes: bool,
}

fn compile(file: &RuleFile) -> Result<Box<dyn Check>, RuleError> {
    let spec: QuoteBalanceSpec = file.parse()?;
    let meta = KIND.meta(file, spec.common())?;
    Ok(Box::new(QuoteBalance {
        meta,
        single_quotes: spec.single_quotes,
    }))
}

/// How much of the paragraph around the mark the message quotes.
const CONTEXT_CHARS: usize = 30;

impl QuoteBalance {
    fn reports(&self, q: &Quotation, paragraphs: &[Paragraph]) -> bool {
        match q.level {
            Level::Double => true,
            // A straight single opener is too often an apostrophe in
            // disguise ("the '60s", "'cause") to report.
            Level::Single => {
                self.single_quotes
                    && paragraphs[q.open.para].text[q.open.at..]
                        .chars()
                        .next()
                        .is_some_and(|c| glyph_of(c) == Glyph::Curly)
            }
        }
    }
}

impl Check for QuoteBalance {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let quotes = cx.quotes();
        for (para, mark) in quotes.scan.stray_closers() {
            let block = quotes.blocks[para];
            let text = block.text();
            let context = shorten(&text[..mark.range().end], CONTEXT_CHARS, true);
            let mark_text = text[mark.range()].to_string();
            out.push(self.meta.diagnostic_with(
                block.span(mark.range()),
                &[
                    ("mark", &mark_text),
                    ("problem", "closes a quotation that was never opened"),
                    ("context", &context),
                ],
                vec![Label {
                    span: block.full_span(),
                    message: "no opening mark in this paragraph".to_string(),
                }],
                None,
            ));
        }
        for q in quotes
            .scan
            .unclosed()
            .filter(|q| self.reports(q, &quotes.paragraphs))
        {
            let block = quotes.blocks[q.open.para];
            let text = block.text();
            let range = q.open.at..q.open.at + q.open_len;
            let context = shorten(&text[q.open.at..], CONTEXT_CHARS, false);
            let mark_text = text[range.clone()].to_string();
            let paragraphs = q.paragraph_count();
            let (problem, label) = if q.depth > 0 && paragraphs == 1 {
                (
                    "opens a quotation that is never closed".to_string(),
                    "the quotation around it closes first",
                )
            } else if paragraphs == 1 {
                (
                    "opens a quotation that is never closed".to_string(),
                    "no closing mark in this paragraph, and the next one does not continue the quotation",
                )
            } else {
                (
                    format!(
                        "opens a quotation that runs on over {paragraphs} paragraphs and is never closed"
                    ),
                    "the quotation opens here",
                )
            };
            let label_span = if paragraphs == 1 {
                block.full_span()
            } else {
                block
                    .full_span()
                    .cover(quotes.blocks[q.last_para()].full_span())
            };
            out.push(self.meta.diagnostic_with(
                block.span(range),
                &[
                    ("mark", &mark_text),
                    ("problem", &problem),
                    ("context", &context),
                ],
                vec![Label {
                    span: label_span,
                    message: label.to_string(),
                }],
                None,
            ));
        }
    }
}

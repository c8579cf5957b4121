//! Property tests: whatever the text and whatever the fixes, parsing and
//! fixing never panic, spans stay in bounds on character boundaries, fixes
//! touch only their spans, and fixing converges.

use copydesk::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use copydesk::document::span::Span;
use copydesk::document::{Document, Format, ReadOptions};
use copydesk::engine::Engine;
use copydesk::fix;
use proptest::prelude::*;

fn engine() -> Engine {
    Engine::new(crate::support::embedded_rules(), ReadOptions::default())
}

/// Article-like text: words that trigger rules, names, dates, quotes,
/// Markdown syntax, odd characters and every kind of line ending.
fn article() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The",
        "council",
        "goverment",
        "accomodate",
        "TKTK",
        "TK",
        "said",
        "on",
        "Tuesday,",
        "Jan.",
        "13,",
        "2026",
        "Feb.",
        "29,",
        "2031",
        "Lee",
        "Jae-myung",
        "Jae",
        "Myung",
        "Kowalczyk",
        "Kowalcyzk",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "—",
        "ADVERTISEMENT",
        "More",
        "From",
        "Author",
        "Read",
        "more:",
        "https://x.example/a",
        "# ",
        "> ",
        "- ",
        "`code`",
        "**bold**",
        "<!-- copydesk-disable -->",
        "copydesk: ignore",
        "é",
        "日本",
        "\u{feff}",
        "\u{1b}[1m",
        "\t",
        " ",
        " ",
        " ",
        ".",
        ".",
        ",",
        "\n",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "---\n",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|p| p.concat())
}

fn assert_spans_valid(source: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let spans = std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)));
        for span in spans {
            assert!(
                span.start <= span.end && span.end as usize <= source.len(),
                "{d:?}"
            );
            assert!(
                source.is_char_boundary(span.start as usize)
                    && source.is_char_boundary(span.end as usize),
                "{d:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parsing_never_panics_and_blocks_map_into_the_source(text in article(), markdown in any::<bool>()) {
        let format = if markdown { Format::Markdown } else { Format::Text };
        let doc = Document::parse("p", text.clone(), format, &ReadOptions::default());
        for block in &doc.blocks {
            let span = block.full_span();
            prop_assert!(span.end as usize <= text.len());
            prop_assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
            for sentence in &block.sentences {
                prop_assert!(sentence.end <= block.text().len());
                let s = block.span(sentence.clone());
                prop_assert!(text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize));
            }
        }
    }

    #[test]
    fn checking_and_fixing_converge_with_valid_spans(text in article(), markdown in any::<bool>()) {
        let engine = engine();
        let path = if markdown { "p.md" } else { "p.txt" };
        let check = |t: &str| engine.check(&engine.parse(path, t.to_string(), Format::from_path(path)));
        let first = check(&text);
        assert_spans_valid(&text, &first);
        let fixed = fix::until_stable(&text, Applicability::Unsafe, check);
        prop_assert!(fixed.converged);
        let after = check(&fixed.text);
        assert_spans_valid(&fixed.text, &after);
        prop_assert_eq!(fix::apply(&fixed.text, &after, Applicability::Unsafe).1, 0);
    }

    #[test]
    fn applying_arbitrary_fixes_changes_only_their_spans(
        text in article(),
        raw in prop::collection::vec((0usize..400, 0usize..40, "[a-zé]{0,4}"), 0..12),
    ) {
        let diagnostics: Vec<Diagnostic> = raw
            .into_iter()
            .map(|(start, len, replacement)| {
                let span = Span::new(start, start + len);
                Diagnostic {
                    rule: "t/t".into(),
                    severity: Severity::Error,
                    message: String::new(),
                    span,
                    labels: vec![],
                    fix: Some(Fix { title: "t".into(), edits: vec![Edit { span, replacement }], applicability: Applicability::Safe }),
                }
            })
            .collect();
        let (out, edits, applied) = fix::apply_edits(&text, &diagnostics, Applicability::Safe);
        prop_assert_eq!(edits.len(), applied);
        // Rebuild the expected text from the untouched stretches between edits.
        let mut expected = String::new();
        let mut at = 0;
        for edit in &edits {
            prop_assert!(edit.span.start as usize >= at, "edits overlap");
            expected.push_str(&text[at..edit.span.start as usize]);
            expected.push_str(&edit.replacement);
            at = edit.span.end as usize;
        }
        expected.push_str(&text[at..]);
        prop_assert_eq!(out, expected);
    }
}

/// Text made of the pack's own literal phrases, in any case, glued by
/// spaces, line breaks, punctuation or letters (which break word
/// boundaries).
fn phrase_soup() -> impl Strategy<Value = String> {
    let rules = crate::support::embedded_rules();
    let mut phrases: Vec<String> = rules.checks.iter().flat_map(|c| c.literals()).collect();
    phrases.extend(["said".into(), "Jan. 13".into(), "“".into(), "é".into()]);
    let piece = (prop::sample::select(phrases), 0..3u8).prop_map(|(p, case)| match case {
        0 => p,
        1 => p.to_uppercase(),
        _ => p.to_lowercase(),
    });
    let glue = prop::sample::select(vec![" ", "\n", "\n\n", ": ", "x", "", "-"]);
    prop::collection::vec((piece, glue), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(p, g)| p + g).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The engine's one phrase pass per article gives every rule exactly
    /// what the rule's own search would.
    #[test]
    fn the_shared_phrase_pass_finds_what_each_rule_finds_alone(text in phrase_soup()) {
        use copydesk::checks::Context;
        use copydesk::checks::phrase_pass::PhrasePass;

        let rules = crate::support::embedded_rules();
        let pass = PhrasePass::build(&rules.checks);
        let doc = Document::parse("a.txt", text, Format::Text, &ReadOptions::default());
        let shared = Context::with_pass(&doc, &pass);
        let alone = Context::new(&doc);
        for check in &rules.checks {
            let (mut with_pass, mut by_itself) = (Vec::new(), Vec::new());
            check.check(&shared, &mut with_pass);
            check.check(&alone, &mut by_itself);
            prop_assert_eq!(with_pass, by_itself, "rule {}", check.meta().id);
        }
    }
}

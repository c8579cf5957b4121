//! Throughput of the house-list check (`kind: names`) with a 10-entry and a
//! 5,000-entry list over the same 1,000 generated articles, in which both
//! lists find the same names: what grows is only the list. Every spelling
//! of every entry is one automaton, so the cost per byte should not grow
//! with the list: compare the two `bytes/s` figures. (A list that finds
//! more names in the copy costs more for each name it finds.)
//!
//! `cargo bench --bench name_list`. Names and text are generated
//! (deterministic, nobody real); nothing is read from disk.

#[path = "support/allocator.rs"]
mod allocator;
#[path = "support/corpus.rs"]
mod corpus;

use std::fmt::Write as _;

use copydesk::checks::{self, Check};
use copydesk::document::{Document, Format, ReadOptions};
use copydesk::rules::RuleFile;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

const ARTICLES: usize = 1_000;

/// Entry `n` of every generated list. The first ten are people the
/// articles name; the rest are people of the shared generator whom no
/// generated article names (its articles name people below 3 × their
/// count).
fn person(n: usize) -> (String, String) {
    const UNNAMED: usize = 50_000;
    corpus::person(if n < 10 { n } else { UNNAMED + n })
}

fn rule_text(entries: usize) -> String {
    let mut yaml = String::from(
        "kind: names\nseverity: error\nmessage: \"House spelling is '{canonical}', not '{found}'\"\ndescription: Generated list.\nentries:\n",
    );
    for n in 0..entries {
        let (given, family) = person(n);
        let _ = writeln!(
            yaml,
            "  - canonical: {given} {family}\n    family: {family}\n    variants: [{given}-{family}e]"
        );
    }
    let (given, family) = person(0);
    let _ = writeln!(
        yaml,
        "examples:\n  - bad: \"{family} {given}\"\n  - good: \"{given} {family}\""
    );
    yaml
}

/// The shared generated articles, each with a paragraph naming people from
/// the first ten list entries (so the short and the long list find the same
/// names), now and then in the other order or a variant spelling.
fn articles() -> Vec<Document> {
    let mut rng = corpus::Rng::new(2026);
    (0..ARTICLES)
        .map(|a| {
            let mut text = corpus::article(a);
            for _ in 0..3 {
                let (given, family) = person(rng.below(10));
                let name = match rng.below(12) {
                    0 => format!("{family} {given}"),
                    1 => format!("{given}-{family}e"),
                    _ => format!("{given} {family}"),
                };
                text.push_str(&format!("{name} attended the meeting, officials said.\n"));
            }
            Document::parse(
                &format!("article-{a}.txt"),
                text,
                Format::Text,
                &ReadOptions::default(),
            )
        })
        .collect()
}

fn compile(entries: usize) -> Box<dyn Check> {
    let text = rule_text(entries);
    let file = RuleFile::standalone("names/generated", "<bench>", &text);
    let kind = checks::kind("names").expect("the names kind is registered");
    match (kind.compile)(&file) {
        Ok(check) => check,
        Err(err) => panic!("generated rule does not load: {err}"),
    }
}

fn run(bencher: divan::Bencher, entries: usize) {
    let docs = articles();
    let bytes: usize = docs.iter().map(|d| d.source.len()).sum();
    let check = compile(entries);
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut out = Vec::new();
        for doc in &docs {
            check.check(&copydesk::checks::Context::new(doc), &mut out);
        }
        out.len()
    });
}

#[divan::bench(sample_count = 20)]
fn list_of_10(bencher: divan::Bencher) {
    run(bencher, 10);
}

#[divan::bench(sample_count = 20)]
fn list_of_5000(bencher: divan::Bencher) {
    run(bencher, 5_000);
}

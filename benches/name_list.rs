//! Throughput of the house-list check (`kind: names`) with a 10-entry and a
//! 5,000-entry list over the same 1,000 generated articles. Every spelling
//! of every entry is one automaton, so the cost per byte should not grow
//! with the list: compare the two `bytes/s` figures.
//!
//! `cargo bench --bench name_list`. Names and text are generated
//! (deterministic, nobody real); nothing is read from disk.

use std::fmt::Write as _;

use copydesk::checks::{self, Check};
use copydesk::document::{Document, Format, ReadOptions};
use copydesk::rules::RuleFile;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

const ARTICLES: usize = 1_000;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "tu", "sa", "vo", "del", "ni", "ra", "bek", "zu",
];

fn part(seed: usize, len: usize) -> String {
    let mut s = String::new();
    let mut x = seed;
    for _ in 0..len {
        s.push_str(SYLLABLES[x % SYLLABLES.len()]);
        x /= SYLLABLES.len();
    }
    let mut chars = s.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    first + chars.as_str()
}

/// Entry `n` of every generated list: distinct for `n` below 12^4.
fn person(n: usize) -> (String, String) {
    (part(n * 5 + 1, 2), part(n, 4))
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

/// A small deterministic generator (no dependency, same text every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "ferry",
    "fares",
    "would",
    "rise",
    "by",
    "percent",
    "after",
    "talks",
    "with",
    "union",
    "officials",
    "who",
    "met",
    "in",
    "Harbor",
    "City",
    "last",
    "week",
    "and",
    "agreed",
    "a",
    "new",
    "schedule",
    "for",
    "late",
    "crossings",
    "residents",
    "have",
    "complained",
    "about",
    "delays",
    "since",
    "spring",
    "budget",
    "vote",
];

/// Article-like text: a headline, then paragraphs of sentences; about one
/// sentence in four names someone from the first ten list entries (so the
/// short and the long list find the same names), one in twelve misspelled.
fn articles() -> Vec<Document> {
    let mut rng = Lcg(2026);
    (0..ARTICLES)
        .map(|a| {
            let mut text = format!("Council Agrees Ferry Schedule {a}\n\n");
            for _ in 0..6 {
                for _ in 0..5 {
                    let mut sentence = Vec::new();
                    for _ in 0..(12 + rng.next(10)) {
                        sentence.push(WORDS[rng.next(WORDS.len())].to_string());
                    }
                    if rng.next(4) == 0 {
                        let (given, family) = person(rng.next(10));
                        let name = match rng.next(12) {
                            0 => format!("{family} {given}"),
                            1 => format!("{given}-{family}e"),
                            _ => format!("{given} {family}"),
                        };
                        let at = rng.next(sentence.len());
                        sentence.insert(at, name);
                    }
                    let mut s = sentence.join(" ");
                    s[..1].make_ascii_uppercase();
                    text.push_str(&s);
                    text.push_str(". ");
                }
                text.push_str("\n\n");
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
            check.check(doc, &mut out);
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

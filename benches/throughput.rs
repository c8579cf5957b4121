//! End-to-end throughput of the full default rule pack, in process: read
//! (from memory), parse, check every rule, on all cores through the same
//! ordered driver the CLI uses. Reports bytes/s and files/s for 1,000 and
//! 10,000 generated articles (flat cost per byte is the goal) and for one
//! 50 MB file. `cargo bench --bench throughput`; figures in BENCHMARKS.md.

#[path = "support/allocator.rs"]
mod allocator;
#[path = "support/corpus.rs"]
mod corpus;

use std::ops::ControlFlow;
use std::sync::OnceLock;

use copydesk::document::{Format, ReadOptions};
use copydesk::driver;
use copydesk::engine::Engine;
use copydesk::rules::load::RuleSet;
use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};

fn main() {
    divan::main();
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let read = ReadOptions {
            fallback_date: Some(jiff::civil::date(2026, 1, 14)),
            ..ReadOptions::default()
        };
        Engine::new(RuleSet::load(true, &[]).expect("embedded pack"), read)
    })
}

fn check_all(articles: &[(String, String)]) -> usize {
    let engine = engine();
    let mut findings = 0;
    driver::in_order(
        articles,
        |(name, text)| {
            engine
                .check(&engine.parse(name, text.clone(), Format::Text))
                .len()
        },
        |n| {
            findings += n;
            ControlFlow::Continue(())
        },
    );
    findings
}

fn bench_articles(bencher: Bencher, count: usize) {
    let articles = corpus::articles(count);
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(count))
        .bench(|| check_all(divan::black_box(&articles)));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn full_pack_1000_articles(bencher: Bencher) {
    bench_articles(bencher, 1_000);
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn full_pack_10000_articles(bencher: Bencher) {
    bench_articles(bencher, 10_000);
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn full_pack_one_50_mb_file(bencher: Bencher) {
    let text = corpus::big_file(50 * 1024 * 1024);
    let engine = engine();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        engine
            .check(&engine.parse("big.txt", divan::black_box(text.clone()), Format::Text))
            .len()
    });
}

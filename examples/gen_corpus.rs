//! Writes the benchmark corpus to disk, so the binary (and `rg`, the floor
//! for a phrase scan) can be timed on the same files the benches use:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- /tmp/corpus-10k 10000
//! cargo run --release --example gen_corpus -- /tmp/big 1 --big-mb 50
//! cargo run --release --example gen_corpus -- --phrases > /tmp/phrases.txt
//! ```
//!
//! `--phrases` prints every literal phrase of the embedded pack, one per
//! line, for `rg -c -F -f`.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--phrases") {
        let set = copydesk::rules::load::RuleSet::load(true, &[]).expect("embedded pack");
        for check in &set.checks {
            for phrase in check.literals() {
                println!("{phrase}");
            }
        }
        return;
    }
    let (Some(dir), Some(count)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_corpus DIR COUNT [--big-mb N] | gen_corpus --phrases");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create the corpus folder");
    if let Some(mb) = args
        .iter()
        .position(|a| a == "--big-mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|m| m.parse::<usize>().ok())
    {
        std::fs::write(dir.join("big.txt"), corpus::big_file(mb * 1024 * 1024)).expect("write");
        return;
    }
    let mut bytes = 0;
    for (name, text) in corpus::articles(count) {
        bytes += text.len();
        std::fs::write(dir.join(name), text).expect("write");
    }
    eprintln!("{count} articles, {bytes} bytes in {}", dir.display());
}

//! A deterministic generator of article-like text for benchmarks: headlines,
//! paragraphs with people (generated names, nobody real), weekday+date
//! phrases (right and, now and then, wrong), attributed and unattributed
//! quotes, subheads, and a tail of promotional junk on some articles.
//!
//! Shared by `benches/*.rs` and `examples/gen_corpus.rs` through `#[path]`,
//! so the same corpus can be timed in-process and on disk with the binary
//! (and with `rg` as the floor for a phrase scan).

#![allow(dead_code)]

use std::fmt::Write as _;

/// SplitMix64: tiny, fast, and the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "tu", "sa", "vo", "del", "ni", "ra", "bek", "zu", "an", "mor", "ti",
    "wen",
];

/// A generated name part ("Delrami"), distinct for distinct `n` below 16^len.
pub fn name_part(mut n: usize, len: usize) -> String {
    let mut s = String::new();
    for _ in 0..len {
        s.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default()
        + chars.as_str()
}

/// Person `n`: (given, family); distinct for `n` below 16^4.
pub fn person(n: usize) -> (String, String) {
    (name_part(n * 7 + 3, 2), name_part(n, 4))
}

const TITLES: &[&str] = &[
    "Mayor",
    "Minister",
    "Councillor",
    "Dr.",
    "Judge",
    "Senator",
    "Director",
    "Chief Executive",
];
const ORGS: &[&str] = &[
    "city council",
    "port authority",
    "school board",
    "transit agency",
    "health ministry",
    "union",
    "court",
];
const THINGS: &[&str] = &[
    "budget",
    "ferry contract",
    "housing plan",
    "water rates",
    "bridge repairs",
    "wage deal",
    "library hours",
    "zoning rules",
    "bus routes",
    "hospital expansion",
];
const VERBS: &[&str] = &[
    "approve", "review", "delay", "reject", "fund", "debate", "revise", "extend",
];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const QUOTES: &[&str] = &[
    "We have waited long enough for this decision",
    "Nobody should have to choose between a night shift and getting home",
    "The numbers simply do not add up",
    "This is a promise kept to the people who rely on it every day",
    "We will keep talking until there is a deal",
];
const PROMO: &[&str] = &[
    "More From Author",
    "Sign up for our morning newsletter",
    "Share: Facebook | WhatsApp | Copy link",
    "ADVERTISEMENT",
    "You may also like",
    "Follow us on Instagram for more",
];

/// A weekday+date phrase for a real day, with the right weekday most of
/// the time and a wrong one now and then.
fn dated(rng: &mut Rng) -> String {
    let year = 2020 + rng.below(8) as i16;
    let month = 1 + rng.below(12) as i8;
    let day = 1 + rng.below(28) as i8;
    let date = jiff::civil::date(year, month, day);
    let mut weekday = date.weekday().to_monday_zero_offset() as usize;
    if rng.chance(5) {
        weekday = (weekday + 1 + rng.below(6)) % 7;
    }
    format!(
        "{}, {} {}, {}",
        WEEKDAYS[weekday],
        MONTHS[month as usize - 1],
        day,
        year
    )
}

fn sentence(rng: &mut Rng, cast: &[(String, String)]) -> String {
    let (given, family) = &cast[rng.below(cast.len())];
    let org = rng.pick(ORGS);
    let thing = rng.pick(THINGS);
    match rng.below(7) {
        0 => format!(
            "{} {given} {family} said on {} that the {org} would {} the {thing}.",
            rng.pick(TITLES),
            dated(rng),
            rng.pick(VERBS)
        ),
        1 => format!("“{},” {family} said.", rng.pick(QUOTES)),
        2 => format!(
            "The {org} met on {} to discuss the {thing}, officials said.",
            rng.pick(WEEKDAYS)
        ),
        3 => format!("\"{}.\"", rng.pick(QUOTES)),
        4 => format!(
            "{family} told reporters the {thing} would cost about ${} million.",
            2 + rng.below(90)
        ),
        5 => format!(
            "Critics said the {thing} had been delayed for years, and residents asked the {org} to act."
        ),
        _ => format!(
            "According to the {org}, the {thing} will be reviewed again in {}.",
            rng.pick(&["March", "April", "June", "July"])
        ),
    }
}

/// Article `n` as plain text: headline, blank line, paragraphs one per
/// line, about 4 KB.
pub fn article(n: usize) -> String {
    let mut rng = Rng::new(n as u64 ^ 0x00c0_ffee);
    let cast: Vec<(String, String)> = (0..3).map(|i| person(n * 3 + i)).collect();
    let mut text = String::with_capacity(4400);
    let _ = writeln!(
        text,
        "{} {} Moves to {} the {}\n",
        cast[0].1,
        rng.pick(&["Council", "Board", "Agency", "Court"]),
        rng.pick(VERBS),
        rng.pick(THINGS)
    );
    while text.len() < 3900 {
        if rng.chance(8) {
            let _ = writeln!(
                text,
                "What the {} Means for {}",
                rng.pick(THINGS),
                rng.pick(&["Residents", "Commuters", "Workers"])
            );
            continue;
        }
        let sentences = 2 + rng.below(3);
        let paragraph: Vec<String> = (0..sentences).map(|_| sentence(&mut rng, &cast)).collect();
        let _ = writeln!(text, "{}", paragraph.join(" "));
    }
    if rng.chance(20) {
        for _ in 0..(2 + rng.below(3)) {
            let _ = writeln!(text, "\n{}", rng.pick(PROMO));
        }
    }
    text
}

/// `count` articles, as (file name, text).
pub fn articles(count: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|n| (format!("article-{n:05}.txt"), article(n)))
        .collect()
}

/// One file of at least `bytes`, made of articles' bodies back to back.
pub fn big_file(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 8192);
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(&article(n));
        text.push('\n');
        n += 1;
    }
    text
}

//! A regex's lazy DFA, run anchored from places the caller picks.
//!
//! A caller that knows where matches can start (a line start, a date's
//! first letter) asks the DFA there only, instead of searching: a try that
//! fails dies a few bytes in, in table rows read a thousand times before,
//! where a search reads every byte through the whole automaton. The DFA is
//! driven directly, one cache per batch of tries: through `regex::Regex`
//! each try would set up a whole search (the engine choice, capture slots,
//! a cache from the pool), which costs more than the bytes it reads.
//!
//! Built from a pattern's parsed form: parsing a pattern again, and the
//! reverse automaton and other engines a full regex builds, are a large
//! part of start-up that anchored tries never use.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Hir;

use super::text::{REGEX_SIZE_LIMIT, build_error};

/// How a pool makes an engine's working memory for a thread that has none.
pub type CacheMaker<C> = Box<dyn Fn() -> C + Send + Sync>;

pub struct AnchoredDfa {
    dfa: DFA,
    caches: Pool<Cache, CacheMaker<Cache>>,
}

impl AnchoredDfa {
    /// The lazy DFA of `nfa`. Fails on what a lazy DFA cannot follow
    /// (Unicode word boundaries): callers send such patterns another way.
    pub fn new(nfa: NFA) -> Result<AnchoredDfa, String> {
        let dfa = DFA::builder()
            .configure(DFA::config().cache_capacity(REGEX_SIZE_LIMIT))
            .build_from_nfa(nfa)
            .map_err(|e| format!("invalid regex: {e}"))?;
        let maker = dfa.clone();
        Ok(AnchoredDfa {
            dfa,
            caches: Pool::new(Box::new(move || maker.create_cache())),
        })
    }

    /// Start a batch of tries (one search's worth): they share one cache.
    pub fn tries(&self) -> Tries<'_> {
        Tries {
            dfa: &self.dfa,
            cache: self.caches.get(),
        }
    }
}

pub struct Tries<'a> {
    dfa: &'a DFA,
    cache: PoolGuard<'a, Cache, CacheMaker<Cache>>,
}

impl Tries<'_> {
    /// Where the leftmost-first match starting exactly at `start` ends, if
    /// one does. The text before `start` is seen by look-behinds (`^`,
    /// `\b`) as in a search of the whole text.
    pub fn end_at(&mut self, text: &str, start: usize) -> Option<usize> {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        // A lazy DFA search fails only on a quit byte, a look-around it
        // cannot follow or a cache it gave up on: none is configured, and
        // [`AnchoredDfa::new`] refuses patterns it could not follow.
        let found = self.dfa.try_search_fwd(&mut self.cache, &input);
        debug_assert!(found.is_ok(), "a lazy DFA without quit bytes failed");
        found.ok().flatten().map(|end| end.offset())
    }
}

/// The Thompson NFA of `hir` (from [`parse_regex`](super::text::parse_regex)),
/// with its capture groups when `groups` (a `match` group is to be read)
/// and without them otherwise.
pub fn compile_nfa(hir: &Hir, groups: bool) -> Result<NFA, String> {
    let captures = if groups {
        WhichCaptures::All
    } else {
        WhichCaptures::None
    };
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .which_captures(captures),
        )
        .build_from_hir(hir)
        .map_err(|e| build_error(e.size_limit(), &e))
}

//! What the checks share about one article during one run: the document,
//! the engine's single phrase pass over its prose, and analyses that
//! several kinds read (the paired quotation marks), made once on first use.

use std::cell::OnceCell;
use std::ops::Range;

use super::phrase_pass::{PassHits, PhrasePass};
use super::quotes::ArticleQuotes;
use super::text::PhraseSet;
use crate::document::Document;

pub struct Context<'d> {
    pub doc: &'d Document,
    shared: Option<(&'d PhrasePass, PassHits)>,
    quotes: OnceCell<ArticleQuotes<'d>>,
}

impl<'d> Context<'d> {
    /// A context in which every phrase set searches the prose itself: for a
    /// check run on its own (rule self-tests, unit tests).
    pub fn new(doc: &'d Document) -> Context<'d> {
        Context {
            doc,
            shared: None,
            quotes: OnceCell::new(),
        }
    }

    /// A context whose phrase sets take their candidates from one scan of
    /// `pass` over the prose.
    pub fn with_pass(doc: &'d Document, pass: &'d PhrasePass) -> Context<'d> {
        let shared = pass.scan(&doc.prose().text).map(|hits| (pass, hits));
        Context {
            shared,
            ..Context::new(doc)
        }
    }

    /// `set`'s matches in the joined prose ([`Document::prose`]): the same
    /// as `set.find(&doc.prose().text)`, from the shared pass when `set` is
    /// part of it.
    pub fn phrases(&self, set: &PhraseSet) -> Vec<(usize, Range<usize>)> {
        let text = &self.doc.prose().text;
        let candidates = self
            .shared
            .as_ref()
            .and_then(|(pass, hits)| pass.candidates(hits, set));
        match candidates {
            Some(candidates) => set.select(text, candidates.to_vec()),
            None => set.find(text),
        }
    }

    /// True when `set` matches anywhere in the prose.
    pub fn any_phrase(&self, set: &PhraseSet) -> bool {
        !self.phrases(set).is_empty()
    }

    /// The article's quotation marks, paired.
    pub fn quotes(&self) -> &ArticleQuotes<'d> {
        self.quotes.get_or_init(|| ArticleQuotes::of(self.doc))
    }
}

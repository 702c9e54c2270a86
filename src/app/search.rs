//! Corpus search in the session: the last search's hits, which of them are checked, the hit the
//! keys are on; opening a hit at its words, and tagging the checked hits in one undo step. The
//! search itself runs away from the window's thread ([`super::jobs::SearchJob`]).

use std::collections::BTreeSet;

use super::article::TextSelection;
use super::command::{Applied, Effect, Refusal};
use super::jobs::SearchJob;
use super::session::Session;
use crate::edit::tagging::{self, Suggestion};
use crate::model::{DocId, EntityId, ReviewState};
use crate::search::{SearchHit, SearchQuery, SearchResults};

/// The hits of the last search and what the analyst did with them.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The query the hits are of (`None` before the first search).
    pub query: Option<SearchQuery>,
    pub results: SearchResults,
    /// Hits checked for tagging (indices into `results.hits`).
    pub checked: BTreeSet<usize>,
    /// The hit the keys are on.
    pub current: Option<usize>,
    /// A search is running.
    pub running: bool,
    /// Which search the hits are of (counts up): what the window's rows are built for.
    pub generation: u64,
    /// How many documents have hits (counted once per search).
    documents: usize,
}

impl SearchState {
    pub fn hits(&self) -> &[SearchHit] {
        &self.results.hits
    }

    /// The number of documents with at least one hit.
    pub fn document_count(&self) -> usize {
        self.documents
    }

    /// What tagging acts on: the checked hits, or the current one when none is checked.
    pub fn chosen(&self) -> Vec<usize> {
        if self.checked.is_empty() {
            self.current.into_iter().collect()
        } else {
            self.checked.iter().copied().collect()
        }
    }
}

impl Session {
    pub fn search(&self) -> &SearchState {
        &self.search
    }

    /// Hands the window a search of every article to run; a query that cannot run (empty, or
    /// not a regular expression) is refused here, before any thread starts.
    pub(super) fn start_search(&mut self, query: SearchQuery) -> Result<Applied, Refusal> {
        query
            .matcher()
            .map_err(|e| Refusal::Search(e.to_string()))?;
        self.search.running = true;
        let job = SearchJob {
            project: self.project.clone(),
            corpus_root: self.corpus_root.clone(),
            query,
        };
        Ok(Applied {
            changed: false,
            effects: vec![Effect::SearchCorpus(Box::new(job))],
        })
    }

    /// Shows what a search found (the result of a [`SearchJob`]).
    pub fn take_search_results(&mut self, query: SearchQuery, results: SearchResults) {
        let found = results.hits.len();
        // Hits come document by document: a document begins where the previous hit's ends.
        let documents = results
            .hits
            .iter()
            .enumerate()
            .filter(|(i, hit)| *i == 0 || results.hits[i - 1].doc != hit.doc)
            .count();
        self.search = SearchState {
            query: Some(query),
            results,
            checked: BTreeSet::new(),
            current: (found > 0).then_some(0),
            running: false,
            generation: self.search.generation + 1,
            documents,
        };
        let skipped = self.search.results.skipped.len();
        let tr = self.words();
        let mut message = tr.t_with(
            "search-hits",
            &[
                ("hits", found.into()),
                ("documents", self.search.document_count().into()),
            ],
        );
        if skipped > 0 {
            message.push(' ');
            message.push_str(&tr.t_with("search-not-searched", &[("count", skipped.into())]));
        }
        self.message = Some(message);
    }

    fn hit(&self, index: usize) -> Result<&SearchHit, Refusal> {
        self.search.results.hits.get(index).ok_or(Refusal::NoHit)
    }

    /// Opens the hit's document with its words selected and in view.
    pub(super) fn open_search_hit(&mut self, index: usize) -> Result<Applied, Refusal> {
        let hit = self.hit(index)?;
        let (doc, chars) = (hit.doc, hit.start..hit.end);
        self.project.document(doc).ok_or(Refusal::NoDocument)?;
        if self.doc() != Some(doc) {
            self.show_document(doc);
        }
        self.search.current = Some(index);
        let article = self.article.as_ref().ok_or(Refusal::NoDocument)?;
        let bytes = article.bytes_of(chars).ok_or(Refusal::Unreadable)?;
        self.cursor.span = None;
        self.cursor.selection = TextSelection {
            anchor: bytes.start,
            focus: bytes.end,
        };
        self.reveal = Some(bytes.start);
        Ok(Applied::default())
    }

    pub(super) fn step_search_hit(&mut self, forward: bool) {
        let count = self.search.results.hits.len();
        if count == 0 {
            return;
        }
        self.search.current = Some(match self.search.current {
            None if forward => 0,
            None => count - 1,
            Some(i) if forward => (i + 1).min(count - 1),
            Some(i) => i.saturating_sub(1),
        });
    }

    pub(super) fn toggle_search_hit(&mut self, index: usize) -> Result<Applied, Refusal> {
        self.hit(index)?;
        if !self.search.checked.remove(&index) {
            self.search.checked.insert(index);
        }
        self.search.current = Some(index);
        Ok(Applied::default())
    }

    pub(super) fn check_all_search_hits(&mut self, all: bool) {
        self.search.checked = if all {
            (0..self.search.results.hits.len()).collect()
        } else {
            BTreeSet::new()
        };
    }

    /// Whether the hit is already a span of this label (not rejected) at exactly its words.
    pub fn hit_is_tagged(&self, hit: &SearchHit, label: &str) -> bool {
        self.project.document(hit.doc).is_some_and(|d| {
            d.spans.iter().any(|s| {
                s.label == label
                    && s.start == hit.start
                    && s.end == hit.end
                    && s.review.state != ReviewState::Rejected
            })
        })
    }

    /// Tags the chosen hits with `label`, linked to `entity`: one undo step. Hits already
    /// tagged so are left as they are; the checks are cleared.
    pub(super) fn tag_search_hits(
        &mut self,
        label: &str,
        entity: Option<EntityId>,
    ) -> Result<Applied, Refusal> {
        let schema_label = self
            .project
            .schema
            .label(label)
            .ok_or_else(|| Refusal::NoLabel(label.to_string()))?;
        if let Some(entity) = entity {
            if !schema_label.linkable {
                return Err(Refusal::NotLinkable(label.to_string()));
            }
            self.project
                .entity(entity)
                .ok_or(crate::edit::EditError::NoEntity(entity))?;
        }
        let chosen = self.search.chosen();
        if chosen.is_empty() {
            return Err(Refusal::NoHit);
        }
        let hits: Vec<&SearchHit> = chosen
            .iter()
            .filter_map(|&i| self.search.results.hits.get(i))
            .collect();
        let already = hits.iter().filter(|h| self.hit_is_tagged(h, label)).count();
        let suggestions: Vec<Suggestion> = hits
            .iter()
            .filter(|h| !self.hit_is_tagged(h, label))
            .map(|h| Suggestion {
                doc: h.doc,
                chars: h.start..h.end,
                quote: h.quote().to_string(),
                label: label.to_string(),
                entity,
            })
            .collect();
        let texts = self.texts_of(suggestions.iter().map(|s| s.doc));
        let unreadable = suggestions
            .iter()
            .filter(|s| !texts.contains_key(&s.doc))
            .count();
        let tagged = suggestions.len() - unreadable;
        if tagged > 0 {
            let edit = tagging::accept_suggestions(
                &mut self.project,
                &suggestions,
                |doc| texts.get(&doc).map(String::as_str),
                &self.annotator,
            );
            self.commit(edit)?;
        }
        self.search.checked.clear();
        let tr = self.words();
        let mut message = tr.t_with(
            "search-tagged",
            &[("count", tagged.into()), ("label", label.into())],
        );
        if already > 0 {
            message.push(' ');
            message.push_str(&tr.t_with("search-already-tagged", &[("count", already.into())]));
        }
        if unreadable > 0 {
            message.push(' ');
            message.push_str(&tr.t_with("search-not-tagged", &[("count", unreadable.into())]));
        }
        self.message = Some(message);
        Ok(Applied::default())
    }

    /// The article texts of these documents, unchanged since they were annotated (the shown
    /// one from memory, the others read on every core: all hits checked may be thousands of
    /// articles).
    fn texts_of(
        &self,
        docs: impl Iterator<Item = DocId>,
    ) -> std::collections::HashMap<DocId, String> {
        let mut docs: Vec<DocId> = docs.collect();
        docs.sort();
        docs.dedup();
        let shown = self
            .article
            .as_ref()
            .filter(|a| a.reanchor.is_none())
            .and_then(|a| Some((a.doc, a.text()?)));
        let read = crate::parallel::map(&docs, |&doc| {
            let text = match shown {
                Some((shown, text)) if shown == doc => Some(text.to_string()),
                _ => self
                    .project
                    .document(doc)
                    .and_then(|d| crate::corpus::read_unchanged(&self.corpus_root, d)),
            };
            text.map(|text| (doc, text))
        });
        read.into_iter().flatten().collect()
    }
}

//! Lists searched through the match key, kept folded between frames: which documents the list
//! shows for a filter and a status, and the entities' names for the entity search. Folded text is
//! kept until the project changes, so a frame does not fold 10,000 titles or names.

use super::app::DaftarApp;
use crate::model::{DocStatus, EntityId};
use crate::text::MatchKey;

/// The document list's folded names and last result.
#[derive(Default)]
pub struct DocumentListCache {
    /// Project revision and document count the folded names belong to.
    built_for: Option<(u64, usize)>,
    /// Per document: its display name through the match key, and its lowercase path.
    folded: Vec<(String, String)>,
    /// The query and status the result is for.
    result_for: Option<(String, Option<DocStatus>)>,
    /// Indices into the project's documents.
    shown: Vec<usize>,
}

impl DaftarApp {
    /// Indices of the documents that match `query` (already folded) and the status filter.
    pub(super) fn shown_documents(&mut self, query: &str) -> Vec<usize> {
        let documents = &self.project.documents;
        let key = (self.history.revision(), documents.len());
        let cache = &mut self.document_list;
        if cache.built_for != Some(key) {
            cache.folded = documents
                .iter()
                .map(|d| {
                    let name = MatchKey::new(d.display_name()).as_str().to_string();
                    (name, d.path.to_lowercase())
                })
                .collect();
            cache.built_for = Some(key);
            cache.result_for = None;
        }
        let wanted = (query.to_string(), self.status_filter);
        if cache.result_for.as_ref() != Some(&wanted) {
            cache.shown = documents
                .iter()
                .zip(&cache.folded)
                .enumerate()
                .filter(|(_, (d, _))| wanted.1.is_none_or(|s| d.status == s))
                .filter(|(_, (_, (name, path)))| {
                    query.is_empty() || name.contains(query) || path.contains(query)
                })
                .map(|(i, _)| i)
                .collect();
            cache.result_for = Some(wanted);
        }
        cache.shown.clone()
    }
}

/// Every entity's names through the match key, for the entity search.
#[derive(Default)]
pub struct EntityNamesCache {
    built_for: Option<(u64, usize)>,
    /// Per entity: id, label kind, folded names.
    folded: Vec<(EntityId, String, Vec<String>)>,
}

impl DaftarApp {
    /// Up to `limit` entities of `kind` one of whose names contains `query` (already folded).
    pub(super) fn find_entities(
        &mut self,
        kind: &str,
        query: &str,
        limit: usize,
    ) -> Vec<(EntityId, String)> {
        let key = (self.history.revision(), self.project.entities.len());
        let cache = &mut self.entity_names;
        if cache.built_for != Some(key) {
            cache.folded = self
                .project
                .entities
                .iter()
                .map(|e| {
                    let names = e
                        .names()
                        .map(|n| MatchKey::new(n).as_str().to_string())
                        .collect();
                    (e.id, e.kind.clone(), names)
                })
                .collect();
            cache.built_for = Some(key);
        }
        cache
            .folded
            .iter()
            .filter(|(_, k, names)| k == kind && names.iter().any(|n| n.contains(query)))
            .take(limit)
            .filter_map(|(id, _, _)| self.project.entity(*id).map(|e| (*id, e.name.clone())))
            .collect()
    }
}

//! The lists the window searches through the match key, kept folded between changes: the
//! document list (filtered by title or file name and by status, in project order) and the
//! entities' names for the entity search. Folded text is rebuilt only when the project changes,
//! so a frame does not fold 10,000 titles.

use crate::model::{DocId, DocStatus, EntityId, Project};
use crate::text::MatchKey;

/// The document list as shown: which documents pass the filter and the status.
#[derive(Debug, Default)]
pub struct DocumentList {
    /// The filter as typed.
    filter: String,
    status: Option<DocStatus>,
    /// Only the documents given to this annotator (their queue).
    assigned_to: Option<String>,
    /// Project revision and document count the folded names belong to.
    built_for: Option<(u64, usize)>,
    /// Per document: its display name through the match key, and its lowercase path.
    folded: Vec<(String, String)>,
    /// Indices into the project's documents, in project order.
    shown: Vec<usize>,
}

impl DocumentList {
    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn status(&self) -> Option<DocStatus> {
        self.status
    }

    /// Indices into the project's documents of those shown, in project order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    pub fn set_filter(&mut self, project: &Project, revision: u64, filter: &str) {
        self.filter = filter.to_string();
        self.refilter(project, revision);
    }

    pub fn set_status(&mut self, project: &Project, revision: u64, status: Option<DocStatus>) {
        self.status = status;
        self.refilter(project, revision);
    }

    pub fn assigned_to(&self) -> Option<&str> {
        self.assigned_to.as_deref()
    }

    /// Shows only the documents given to `annotator` (`None`: everyone's).
    pub fn set_assigned_to(&mut self, project: &Project, revision: u64, annotator: Option<String>) {
        self.assigned_to = annotator;
        self.refilter(project, revision);
    }

    /// Brings the list up to date with the project (after any change).
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        self.refilter(project, revision);
    }

    fn refilter(&mut self, project: &Project, revision: u64) {
        let documents = &project.documents;
        let key = (revision, documents.len());
        if self.built_for != Some(key) {
            self.folded = documents
                .iter()
                .map(|d| {
                    let name = MatchKey::new(d.display_name()).as_str().to_string();
                    (name, d.path.to_lowercase())
                })
                .collect();
            self.built_for = Some(key);
        }
        let query = MatchKey::new(&self.filter).as_str().trim().to_string();
        let status = self.status;
        let assigned_to = self.assigned_to.as_deref();
        self.shown = documents
            .iter()
            .zip(&self.folded)
            .enumerate()
            .filter(|(_, (d, _))| status.is_none_or(|s| d.status == s))
            .filter(|(_, (d, _))| assigned_to.is_none_or(|a| d.assigned.iter().any(|x| x == a)))
            .filter(|(_, (_, (name, path)))| {
                query.is_empty() || name.contains(&query) || path.contains(&query)
            })
            .map(|(i, _)| i)
            .collect();
    }

    /// The document after (or before) `current` among those shown; from no current document (or
    /// one the filter hides), the first shown after (or the last before) its place.
    pub fn neighbour(
        &self,
        project: &Project,
        current: Option<DocId>,
        forward: bool,
    ) -> Option<DocId> {
        let at = current.and_then(|c| project.documents.iter().position(|d| d.id == c));
        let index = match (at, forward) {
            (Some(at), true) => self.shown.iter().copied().find(|&i| i > at),
            (Some(at), false) => self.shown.iter().copied().rev().find(|&i| i < at),
            (None, true) => self.shown.first().copied(),
            (None, false) => self.shown.last().copied(),
        }?;
        project.documents.get(index).map(|d| d.id)
    }
}

/// Every entity's names through the match key, for the entity search.
#[derive(Debug, Default)]
pub struct EntityIndex {
    built_for: Option<(u64, usize)>,
    /// Per entity: id, label kind, folded names.
    folded: Vec<(EntityId, String, Vec<String>)>,
}

impl EntityIndex {
    /// Brings the index up to date with the project (after any change).
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        let key = (revision, project.entities.len());
        if self.built_for == Some(key) {
            return;
        }
        self.folded = project
            .entities
            .iter()
            .map(|e| {
                // An entity is found by its external identifier too (Q794, IR).
                let names = e
                    .names()
                    .chain(e.external_id.as_deref())
                    .map(|n| MatchKey::new(n).as_str().to_string())
                    .collect();
                (e.id, e.kind.clone(), names)
            })
            .collect();
        self.built_for = Some(key);
    }

    /// Up to `limit` entities of `kind` one of whose names contains `query` (as typed: folded
    /// here), with their names.
    pub fn find(
        &self,
        project: &Project,
        kind: &str,
        query: &str,
        limit: usize,
    ) -> Vec<(EntityId, String)> {
        let query = MatchKey::new(query).as_str().trim().to_string();
        self.folded
            .iter()
            .filter(|(_, k, names)| k == kind && names.iter().any(|n| n.contains(&query)))
            .take(limit)
            .filter_map(|(id, _, _)| project.entity(*id).map(|e| (*id, e.name.clone())))
            .collect()
    }
}

/// The item after (or before) `current` in `items`; from no current item (or one not in the
/// list), the first (or the last).
pub fn neighbour<T: PartialEq + Clone>(
    items: &[T],
    current: Option<&T>,
    forward: bool,
) -> Option<T> {
    let at = current.and_then(|c| items.iter().position(|x| x == c));
    match (at, forward) {
        (Some(i), true) => items.get(i + 1).cloned(),
        (Some(i), false) => i.checked_sub(1).and_then(|i| items.get(i)).cloned(),
        (None, true) => items.first().cloned(),
        (None, false) => items.last().cloned(),
    }
}

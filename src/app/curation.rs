//! What the session does on the curation page: the cluster of overlapping spans being curated
//! in the shown document, and taking one annotator's version, all, or none of it.

use super::command::{Applied, Refusal};
use super::session::Session;
use crate::edit::curation::{Cluster, Take, clusters, is_decided, take};

impl Session {
    /// The clusters of the shown document (disagreements first); empty when fewer than two
    /// people annotated it.
    pub fn curation_clusters(&self) -> Vec<Cluster> {
        self.doc()
            .and_then(|doc| self.project.document(doc))
            .map(clusters)
            .unwrap_or_default()
    }

    /// The index of the cluster being curated, in [`Self::curation_clusters`].
    pub fn curation_index(&self) -> Option<usize> {
        self.cursor.cluster
    }

    /// Makes cluster `index` current and shows its words.
    pub(super) fn select_cluster(&mut self, index: usize) -> Result<Applied, Refusal> {
        let found = self.curation_clusters();
        let cluster = found.get(index).ok_or(Refusal::NoCluster)?;
        self.cursor.cluster = Some(index);
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        let first = cluster
            .versions
            .iter()
            .flat_map(|(_, ids)| ids)
            .next()
            .copied();
        if let Some(span) = first {
            self.go_to_span(doc, span);
        }
        Ok(Applied::default())
    }

    pub(super) fn step_cluster(&mut self, forward: bool) -> Result<Applied, Refusal> {
        let count = self.curation_clusters().len();
        if count == 0 {
            return Err(Refusal::NoCluster);
        }
        let next = match self.cursor.cluster {
            None => 0,
            Some(i) if forward => (i + 1).min(count - 1),
            Some(i) => i.saturating_sub(1),
        };
        self.select_cluster(next)
    }

    /// Takes `what` from the current cluster (one undo step), then moves to the next cluster
    /// not yet decided.
    pub(super) fn curate(&mut self, what: Take) -> Result<Applied, Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        let found = self.curation_clusters();
        let index = self.cursor.cluster.ok_or(Refusal::NoCluster)?;
        let cluster = found.get(index).ok_or(Refusal::NoCluster)?;
        let edit =
            take(&self.project, doc, cluster, &what, &self.annotator).ok_or(Refusal::NoVersion)?;
        self.commit(edit)?;
        let found = self.curation_clusters();
        if let Some(document) = self.project.document(doc) {
            let next = (index + 1..found.len())
                .chain(0..index)
                .find(|&i| !is_decided(document, &found[i]));
            if let Some(next) = next {
                return self.select_cluster(next);
            }
        }
        Ok(Applied::default())
    }
}

//! Work a command hands to a background thread, with everything it needs (a snapshot of the
//! project: documents are shared, so it costs a pointer per document). The window runs it with
//! progress and a cancel flag; tests run it directly.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use super::command::ExportRequest;
use crate::corpus::read_unchanged;
use crate::edit::tagging::{CorpusSuggestions, suggest_in_documents};
use crate::interchange::{ExportError, ExportSummary, export_to_folder};
use crate::model::{DocId, EntityId, Project};

/// The agreement between annotators, measured on a background thread: every article two or
/// more people annotated is read, tokenized and compared (seconds on a large corpus).
#[derive(Debug)]
pub struct AgreementJob {
    pub project: Project,
    pub corpus_root: PathBuf,
    /// The article on screen (its text from memory).
    pub shown: Option<(DocId, String)>,
}

impl AgreementJob {
    pub fn run(&self) -> crate::agreement::Agreement {
        crate::agreement::agreement(&self.project, |document| match &self.shown {
            Some((doc, text)) if *doc == document.id => Some(text.clone()),
            _ => read_unchanged(&self.corpus_root, document),
        })
    }
}

/// "Tag all occurrences in all documents": every article searched for a span's words.
#[derive(Debug)]
pub struct CorpusSearch {
    pub project: Project,
    pub corpus_root: PathBuf,
    /// The words looked for, their label and entity.
    pub quote: String,
    pub label: String,
    pub entity: Option<EntityId>,
}

impl CorpusSearch {
    pub fn run(
        &self,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> CorpusSuggestions {
        let docs: Vec<DocId> = self.project.documents.iter().map(|d| d.id).collect();
        suggest_in_documents(
            &self.project,
            &docs,
            |document| read_unchanged(&self.corpus_root, document),
            &self.quote,
            &self.label,
            self.entity,
            progress,
            cancel,
        )
    }
}

/// Pre-annotation of some documents from the gazetteers and the project's entities.
#[derive(Debug)]
pub struct PreAnnotateJob {
    pub project: Project,
    pub corpus_root: PathBuf,
    pub docs: Vec<DocId>,
    /// The article on screen (its text from memory).
    pub shown: Option<(DocId, String)>,
}

impl PreAnnotateJob {
    pub fn run(
        &self,
        progress: &(dyn Fn(usize, usize) + Sync),
        cancel: &AtomicBool,
    ) -> CorpusSuggestions {
        let gazetteer =
            crate::gazetteer::Gazetteer::new(&crate::gazetteer::bundled(), &self.project);
        crate::gazetteer::suggest_in_documents(
            &gazetteer,
            &self.project,
            &self.docs,
            |document| match &self.shown {
                Some((doc, text)) if *doc == document.id => Some(text.clone()),
                _ => read_unchanged(&self.corpus_root, document),
            },
            progress,
            cancel,
        )
    }
}

/// A corpus search as the user typed it.
#[derive(Debug)]
pub struct SearchJob {
    pub project: Project,
    pub corpus_root: PathBuf,
    pub query: crate::search::SearchQuery,
}

impl SearchJob {
    pub fn run(&self) -> Result<crate::search::SearchResults, crate::search::SearchError> {
        crate::search::search(&self.project, &self.corpus_root, &self.query)
    }
}

/// An export as the user asked for it.
#[derive(Debug)]
pub struct ExportJob {
    pub project: Project,
    pub corpus_root: PathBuf,
    pub request: ExportRequest,
}

impl ExportJob {
    pub fn run(
        &self,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<ExportSummary, ExportError> {
        let request = &self.request;
        export_to_folder(
            &self.project,
            &self.corpus_root,
            &request.formats,
            request.scope,
            request.options,
            &request.folder,
            request.replace,
            progress,
            cancel,
        )
    }
}

/// "Sync with the team": the project folder committed, merged with the others' work, pushed.
#[derive(Debug)]
pub struct SyncJob {
    pub folder: PathBuf,
    pub author: String,
    /// The project as saved, to name things in the report.
    pub project: Project,
}

impl SyncJob {
    pub fn run(
        &self,
        progress: &mut dyn FnMut(crate::sync::Step) -> bool,
    ) -> Result<crate::sync::SyncReport, crate::sync::SyncError> {
        crate::sync::sync(&self.folder, &self.author, Some(&self.project), progress)
    }
}

//! "Tag all occurrences in all documents" on a background thread: reading 10,000 articles takes
//! seconds, which the window must not freeze for. Progress and Cancel in the status bar.

use std::path::PathBuf;

use eframe::egui;

use super::background::Job;
use crate::corpus::read_unchanged;
use crate::edit::actions::{CorpusSuggestions, suggest_in_documents};
use crate::model::{DocId, Project, Span};

pub struct SuggestJob {
    /// The words looked for.
    pub quote: String,
    pub job: Job<CorpusSuggestions>,
}

impl SuggestJob {
    /// Looks for `span`'s other occurrences in every document of `project` (a snapshot).
    pub fn start(project: Project, corpus_root: PathBuf, span: &Span, ctx: &egui::Context) -> Self {
        let (quote, label, entity) = (span.quote.clone(), span.label.clone(), span.entity);
        let looked_for = quote.clone();
        let job = Job::spawn(ctx, move |progress| {
            let docs: Vec<DocId> = project.documents.iter().map(|d| d.id).collect();
            suggest_in_documents(
                &project,
                &docs,
                |document| read_unchanged(&corpus_root, document),
                &looked_for,
                &label,
                entity,
                &mut |done, total| progress.report(done, total),
                progress.cancel_flag(),
            )
        });
        SuggestJob { quote, job }
    }
}

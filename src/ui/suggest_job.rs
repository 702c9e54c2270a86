//! "Tag all occurrences in all documents" on a background thread: reading 10,000 articles takes
//! seconds, which the window must not freeze for. Progress and Cancel in the status bar.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

use eframe::egui;

use crate::corpus::{fingerprint, read_document};
use crate::edit::actions::{CorpusSuggestions, suggest_in_documents};
use crate::model::{DocId, Project, Span};

pub struct SuggestJob {
    /// The words looked for.
    pub quote: String,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<CorpusSuggestions>,
}

impl SuggestJob {
    /// Looks for `span`'s other occurrences in every document of `project` (a snapshot).
    pub fn start(project: Project, corpus_root: PathBuf, span: &Span, ctx: &egui::Context) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(project.documents.len()));
        let cancel = Arc::new(AtomicBool::new(false));
        let (quote, label, entity) = (span.quote.clone(), span.label.clone(), span.entity);
        let handle = {
            let (done, total, cancel, ctx) =
                (done.clone(), total.clone(), cancel.clone(), ctx.clone());
            let quote = quote.clone();
            std::thread::spawn(move || {
                let docs: Vec<DocId> = project.documents.iter().map(|d| d.id).collect();
                let read = |document: &crate::model::Document| {
                    read_document(&corpus_root, document)
                        .ok()
                        .map(|decoded| decoded.text)
                        .filter(|text| fingerprint(text) == document.fingerprint)
                };
                let mut progress = |d, t| {
                    done.store(d, Ordering::Relaxed);
                    total.store(t, Ordering::Relaxed);
                    if d % 100 == 0 {
                        ctx.request_repaint();
                    }
                };
                let found = suggest_in_documents(
                    &project,
                    &docs,
                    read,
                    &quote,
                    &label,
                    entity,
                    &mut progress,
                    &cancel,
                );
                ctx.request_repaint();
                found
            })
        };
        SuggestJob {
            quote,
            done,
            total,
            cancel,
            handle,
        }
    }

    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    pub fn finish(self) -> CorpusSuggestions {
        self.handle
            .join()
            .expect("the search thread does not panic")
    }
}

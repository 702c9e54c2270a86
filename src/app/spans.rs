//! What the session does to spans and documents: tagging, relabelling, deleting, notes,
//! attributes, entity links, "tag all occurrences", the publication date, re-anchoring, export.

use std::path::{Path, PathBuf};

use super::article::TextSelection;
use super::command::{AppCommand, Applied, Confirmation, Effect, ExportRequest, Refusal};
use super::describe;
use super::jobs::{CorpusSearch, ExportJob};
use super::session::{Session, Suggestions};
use crate::corpus::reanchor::reanchor_edit;
use crate::edit::tagging::{self, CorpusSuggestions};
use crate::edit::{DocumentInfo, Edit};
use crate::model::{DocId, EntityId, Span, SpanId, SpanRef};
use crate::records;
use crate::text::dates::parse_publication_date;
use crate::text::edges::{Edge, move_edge};
use crate::text::snap_to_words;

impl Session {
    /// The shown document and the selected span.
    fn selected_span(&self) -> Result<(DocId, SpanId), Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        let span = self.cursor.span.ok_or(Refusal::NoSpanSelected)?;
        Ok((doc, span))
    }

    fn selected_span_copy(&self) -> Result<(DocId, Span), Refusal> {
        let (doc, span) = self.selected_span()?;
        let span = self
            .project
            .document(doc)
            .and_then(|d| d.span(span))
            .ok_or(Refusal::NoSpanSelected)?;
        Ok((doc, span.clone()))
    }

    /// The selected text in code points, widened to whole words when the analyst wants that.
    pub(super) fn selected_chars(&self) -> Option<std::ops::Range<usize>> {
        let chars = self.selection_in_chars().filter(|r| !r.is_empty())?;
        let text = self.article.as_ref()?.text()?;
        Some(if self.view.snap_to_words {
            snap_to_words(text, chars)
        } else {
            chars
        })
    }

    pub(super) fn apply_label(&mut self, label: &str) -> Result<Applied, Refusal> {
        if self.project.schema.label(label).is_none() {
            return Err(Refusal::NoLabel(label.to_string()));
        }
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        if let Some(chars) = self.selected_chars() {
            // The same words with the same label are already a span: that one is selected, no
            // second one made (check would report it twice).
            let existing = self.project.document(doc).and_then(|d| {
                d.spans.iter().find(|s| {
                    s.start == chars.start
                        && s.end == chars.end
                        && s.label == label
                        && s.author == self.annotator
                })
            });
            if let Some(span) = existing {
                self.cursor.span = Some(span.id);
                self.cursor.selection = TextSelection::default();
                return Ok(Applied::default());
            }
            let article = self.article.as_ref().ok_or(Refusal::NoDocument)?;
            let text = article.text().ok_or(Refusal::Unreadable)?.to_string();
            let author = self.annotator.clone();
            let (edit, id) =
                tagging::tag_selection(&mut self.project, doc, &text, chars, label, &author)
                    .ok_or(Refusal::NothingSelected)?;
            self.commit(edit)?;
            self.cursor.span = Some(id);
            self.cursor.selection = TextSelection::default();
        } else {
            let (doc, span) = self.selected_span().map_err(|_| Refusal::NothingSelected)?;
            let edit =
                tagging::relabel(&self.project, doc, span, label).ok_or(Refusal::NoSpanSelected)?;
            self.commit(edit)?;
        }
        Ok(Applied::default())
    }

    pub(super) fn move_span_edge(&mut self, edge: Edge, forward: bool) -> Result<Applied, Refusal> {
        let (_, span) = self.selected_span_copy()?;
        let text = self.shown_text()?;
        let by_word = self.view.snap_to_words;
        let moved = move_edge(text, span.start..span.end, edge, forward, by_word)
            .ok_or(Refusal::EdgeCannotMove)?;
        self.resize_span(moved)
    }

    pub(super) fn resize_span_bytes(
        &mut self,
        bytes: std::ops::Range<usize>,
    ) -> Result<Applied, Refusal> {
        let article = self.article.as_ref().ok_or(Refusal::NoDocument)?;
        let mut chars = article.chars_of(bytes).ok_or(Refusal::NothingSelected)?;
        if self.view.snap_to_words && !chars.is_empty() {
            chars = snap_to_words(self.shown_text()?, chars);
        }
        self.resize_span(chars)
    }

    /// The selected span over `chars` of the shown article.
    fn resize_span(&mut self, chars: std::ops::Range<usize>) -> Result<Applied, Refusal> {
        let (doc, span) = self.selected_span()?;
        let text = self.shown_text()?;
        let edit = tagging::resize_span(&self.project, doc, text, span, chars)
            .ok_or(Refusal::EdgeCannotMove)?;
        self.commit(edit)?;
        Ok(Applied::default())
    }

    /// The shown article's text, when it could be read.
    fn shown_text(&self) -> Result<&str, Refusal> {
        let article = self.article.as_ref().ok_or(Refusal::NoDocument)?;
        article.text().ok_or(Refusal::Unreadable)
    }

    /// Deletes the selected span. When records rest on it, asks first (naming them); once the
    /// user said yes, detaches it from them in the same step.
    pub(super) fn delete_span(&mut self, confirmed: bool) -> Result<Applied, Refusal> {
        let (doc, span) = self.selected_span()?;
        let at = SpanRef { doc, span };
        let referrers = records::referrers(&self.project, at);
        if referrers.is_empty() {
            self.commit(tagging::delete_span(doc, span))?;
        } else if confirmed {
            self.commit(records::delete_span_detaching(&self.project, at)?)?;
        } else {
            let language = self.view.label_language;
            let items = referrers
                .into_iter()
                .map(|r| describe::referrer_title(&self.project, r, language))
                .collect();
            let tr = self.words();
            let confirmation = Confirmation {
                title: tr.t("confirm-records-rest-title"),
                question: tr.t("confirm-records-rest-question"),
                items,
                go_ahead: tr.t("confirm-records-rest-go"),
                command: AppCommand::Confirmed(Box::new(AppCommand::DeleteSpan)),
            };
            return Ok(Applied {
                changed: false,
                effects: vec![Effect::Confirm(confirmation)],
            });
        }
        self.cursor.span = None;
        Ok(Applied::default())
    }

    pub(super) fn set_span_note(&mut self, note: &str) -> Result<Applied, Refusal> {
        let (doc, span) = self.selected_span()?;
        if let Some(edit) = tagging::set_note(&self.project, doc, span, note) {
            self.commit(edit)?;
        }
        Ok(Applied::default())
    }

    pub(super) fn set_span_attribute(
        &mut self,
        key: &str,
        value: Option<&str>,
    ) -> Result<Applied, Refusal> {
        let (doc, span) = self.selected_span()?;
        if let Some(edit) = tagging::set_attribute(&self.project, doc, span, key, value) {
            self.commit(edit)?;
        }
        Ok(Applied::default())
    }

    fn linkable(&self, span: &Span) -> Result<(), Refusal> {
        let linkable = self
            .project
            .schema
            .label(&span.label)
            .is_some_and(|l| l.linkable);
        if linkable {
            Ok(())
        } else {
            Err(Refusal::NotLinkable(span.label.to_string()))
        }
    }

    pub(super) fn link_span(&mut self, entity: Option<EntityId>) -> Result<Applied, Refusal> {
        let (doc, span) = self.selected_span_copy()?;
        if let Some(entity) = entity {
            self.linkable(&span)?;
            self.project
                .entity(entity)
                .ok_or(crate::edit::EditError::NoEntity(entity))?;
        }
        let edit = tagging::link_span(&self.project, doc, span.id, entity)
            .ok_or(Refusal::NoSpanSelected)?;
        self.commit(edit)?;
        Ok(Applied::default())
    }

    pub(super) fn new_entity_from_span(&mut self) -> Result<Applied, Refusal> {
        let (doc, span) = self.selected_span_copy()?;
        self.linkable(&span)?;
        let (edit, _) = tagging::new_entity_from_span(&mut self.project, doc, span.id)
            .ok_or(Refusal::NoSpanSelected)?;
        self.commit(edit)?;
        Ok(Applied::default())
    }

    /// "Tag all occurrences": in the shown document at once; in the whole corpus on a thread.
    pub(super) fn find_occurrences(&mut self, whole_corpus: bool) -> Result<Applied, Refusal> {
        let (doc, span) = self.selected_span_copy()?;
        if whole_corpus {
            let search = CorpusSearch {
                project: self.project.clone(),
                corpus_root: self.corpus_root.clone(),
                quote: span.quote().to_string(),
                label: span.label.to_string(),
                entity: span.entity,
            };
            return Ok(Applied {
                changed: false,
                effects: vec![Effect::FindOccurrencesInCorpus(Box::new(search))],
            });
        }
        let found = tagging::suggest_in_documents(
            &self.project,
            &[doc],
            |document| crate::corpus::read_unchanged(&self.corpus_root, document),
            span.quote(),
            &span.label,
            span.entity,
            &mut |_, _| {},
            &std::sync::atomic::AtomicBool::new(false),
        );
        self.take_suggestions(found, span.quote());
        Ok(Applied::default())
    }

    /// Hands the window a pre-annotation of the shown document, the documents listed, or every
    /// document, to run.
    pub(super) fn pre_annotate(
        &mut self,
        scope: super::command::DocumentScope,
    ) -> Result<Applied, Refusal> {
        use super::command::DocumentScope as S;
        let docs: Vec<DocId> = match scope {
            S::Shown => vec![self.doc().ok_or(Refusal::NoDocument)?],
            S::Listed => self
                .documents
                .shown()
                .iter()
                .filter_map(|&i| self.project.documents.get(i).map(|d| d.id))
                .collect(),
            S::Every => self.project.documents.iter().map(|d| d.id).collect(),
        };
        if docs.is_empty() {
            return Err(Refusal::NoDocument);
        }
        let job = super::jobs::PreAnnotateJob {
            project: self.project.clone(),
            corpus_root: self.corpus_root.clone(),
            docs,
            shown: self
                .article
                .as_ref()
                .filter(|a| a.reanchor.is_none())
                .and_then(|a| Some((a.doc, a.text()?.to_string()))),
        };
        Ok(Applied {
            changed: false,
            effects: vec![Effect::PreAnnotate(Box::new(job))],
        })
    }

    /// Adds what pre-annotation found as pending spans (one undo step), leaving out what the
    /// project gained meanwhile at the same places.
    pub(super) fn add_suggested_spans(
        &mut self,
        found: &CorpusSuggestions,
    ) -> Result<Applied, Refusal> {
        let fresh: Vec<_> = found
            .suggestions
            .iter()
            .filter(|s| {
                self.project.document(s.doc).is_some_and(|d| {
                    !d.spans
                        .iter()
                        .any(|span| span.start < s.chars.end && s.chars.start < span.end)
                })
            })
            .cloned()
            .collect();
        let documents: std::collections::BTreeSet<_> = fresh.iter().map(|s| s.doc).collect();
        let found = CorpusSuggestions {
            suggestions: fresh,
            texts: found.texts.clone(),
        };
        if !found.suggestions.is_empty() {
            let edit = crate::gazetteer::add_suggestions(&mut self.project, &found);
            self.commit(edit)?;
        }
        self.message = Some(self.words().t_with(
            "gazetteer-suggested",
            &[
                ("spans", found.suggestions.len().into()),
                ("documents", documents.len().into()),
                ("author", crate::gazetteer::AUTHOR.into()),
            ],
        ));
        Ok(Applied::default())
    }

    /// Shows what "tag all occurrences" found (also the result of a search over the corpus).
    pub fn take_suggestions(&mut self, found: CorpusSuggestions, quote: &str) {
        if found.suggestions.is_empty() {
            let message = self
                .words()
                .t_with("no-other-occurrence", &[("quote", quote.into())]);
            self.message = Some(message);
        }
        self.suggestions = Suggestions {
            items: found.suggestions,
            texts: found.texts,
        };
    }

    pub(super) fn accept_suggestions(
        &mut self,
        indices: Option<&[usize]>,
    ) -> Result<Applied, Refusal> {
        let chosen: Vec<_> = match indices {
            Some(indices) => indices
                .iter()
                .filter_map(|&i| self.suggestions.items.get(i).cloned())
                .collect(),
            None => self.suggestions.items.clone(),
        };
        if chosen.is_empty() {
            return Ok(Applied::default());
        }
        let texts = &self.suggestions.texts;
        let edit = tagging::accept_suggestions(
            &mut self.project,
            &chosen,
            |doc| texts.get(&doc).map(String::as_str),
            &self.annotator,
        );
        self.commit(edit)?;
        self.suggestions.items.retain(|s| !chosen.contains(s));
        Ok(Applied::default())
    }

    pub(super) fn set_published(&mut self, typed: &str) -> Result<Applied, Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        let document = self.project.document(doc).ok_or(Refusal::NoDocument)?;
        let published =
            parse_publication_date(typed, &document.language).map_err(Refusal::NotADay)?;
        let mut info = DocumentInfo::of(document);
        if info.published != published {
            info.published = published;
            self.commit(Edit::SetDocumentInfo { doc, info })?;
        }
        Ok(Applied::default())
    }

    pub(super) fn reanchor(&mut self) -> Result<Applied, Refusal> {
        let article = self.article.as_ref().ok_or(Refusal::NoDocument)?;
        let plan = article
            .reanchor
            .as_ref()
            .ok_or(Refusal::NothingToReanchor)?;
        let text = article.text().ok_or(Refusal::Unreadable)?;
        let document = self
            .project
            .document(article.doc)
            .ok_or(Refusal::NoDocument)?;
        let edit = reanchor_edit(document, text, plan);
        self.commit(edit)?;
        Ok(Applied::default())
    }

    pub(super) fn export(&mut self, mut request: ExportRequest) -> Result<Applied, Refusal> {
        if request.folder.as_os_str().is_empty() {
            return Err(Refusal::NoExportFolder);
        }
        let project_path = self.project_path();
        let project_folder = crate::open::folder_of(&project_path);
        request.folder = resolve_folder(&request.folder, Some(project_folder));
        if request.formats.is_empty() {
            return Err(Refusal::NoFormat);
        }
        let in_use = std::fs::read_dir(&request.folder).is_ok_and(|mut d| d.next().is_some());
        if in_use && !request.replace {
            return Err(Refusal::FolderInUse(request.folder));
        }
        let job = ExportJob {
            project: self.project.clone(),
            corpus_root: self.corpus_root.clone(),
            request,
        };
        Ok(Applied {
            changed: false,
            effects: vec![Effect::Export(Box::new(job))],
        })
    }
}

/// A folder as typed: `~` is the home folder, and a relative folder is taken from the project's
/// folder (not from wherever the program was started).
pub fn resolve_folder(typed: &Path, project_folder: Option<&Path>) -> PathBuf {
    if let Ok(rest) = typed.strip_prefix("~")
        && let Some(home) = dirs::home_dir()
    {
        return home.join(rest);
    }
    match project_folder {
        Some(base) if typed.is_relative() => base.join(typed),
        _ => typed.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_folder_is_taken_from_home_or_the_project_folder() {
        let home = dirs::home_dir().unwrap();
        let project = Path::new("/data/projects");
        let resolve = |typed: &str| resolve_folder(Path::new(typed), Some(project));
        assert_eq!(resolve("~/exports/july"), home.join("exports/july"));
        assert_eq!(resolve("~"), home);
        assert_eq!(resolve("exports"), project.join("exports"));
        assert_eq!(resolve("/tmp/out"), PathBuf::from("/tmp/out"));
        assert_eq!(
            resolve("~other/x"),
            project.join("~other/x"),
            "not a home folder"
        );
    }
}

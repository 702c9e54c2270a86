//! Every change to a project is an [`Edit`]. Applying an edit returns its inverse, which is what
//! undo applies; [`History`] keeps both and numbers revisions so "unsaved changes" is a comparison.

pub mod assign;
pub mod curation;
mod history;
pub mod review;
pub mod suggested;
pub mod tagging;

pub use history::{History, HistoryError};

use thiserror::Error;

use crate::model::{
    DocId, DocStatus, Document, Entity, EntityId, Meeting, MeetingId, Outcome, OutcomeId, Project,
    Span, SpanId, SpanRef, sorted_insertion_index,
};

/// The editable description of a document (what is not its spans or status).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub labels: Vec<String>,
    pub note: String,
}

impl DocumentInfo {
    pub fn of(doc: &Document) -> Self {
        DocumentInfo {
            title: doc.title.clone(),
            published: doc.published.clone(),
            source: doc.source.clone(),
            labels: doc.labels.clone(),
            note: doc.note.clone(),
        }
    }

    fn swap_into(self, doc: &mut Document) -> Self {
        let old = DocumentInfo::of(doc);
        doc.title = self.title;
        doc.published = self.published;
        doc.source = self.source;
        doc.labels = self.labels;
        doc.note = self.note;
        old
    }
}

/// One change to the model.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    InsertSpan {
        doc: DocId,
        span: Span,
    },
    RemoveSpan {
        doc: DocId,
        span: SpanId,
    },
    /// Many spans into one document (an import): one edit, not one per span, so that a batch
    /// of 500,000 spans does not hold 500,000 edits (each the size of the largest).
    InsertSpans {
        doc: DocId,
        spans: Vec<Span>,
    },
    /// The inverse of [`Edit::InsertSpans`].
    RemoveSpans {
        doc: DocId,
        spans: Vec<SpanId>,
    },
    /// Replace the span with the same id (label, range, link, note, review…).
    ReplaceSpan {
        doc: DocId,
        span: Span,
    },
    InsertEntity(Entity),
    RemoveEntity(EntityId),
    ReplaceEntity(Entity),
    InsertMeeting(Meeting),
    RemoveMeeting(MeetingId),
    ReplaceMeeting(Meeting),
    InsertOutcome(Outcome),
    RemoveOutcome(OutcomeId),
    ReplaceOutcome(Outcome),
    SetStatus {
        doc: DocId,
        status: DocStatus,
    },
    SetDocumentInfo {
        doc: DocId,
        info: DocumentInfo,
    },
    /// The article changed on disk and the spans were re-anchored to its new text.
    SetFingerprint {
        doc: DocId,
        fingerprint: String,
        chars: usize,
    },
    /// The annotators a document is given to.
    SetAssigned {
        doc: DocId,
        annotators: Vec<String>,
    },
    /// Several edits applied as one undo step, in order.
    Batch(Vec<Edit>),
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("no document {0}")]
    NoDocument(DocId),
    #[error("no span {span} in document {doc}")]
    NoSpan { doc: DocId, span: SpanId },
    #[error("span {span} already exists in document {doc}")]
    DuplicateSpan { doc: DocId, span: SpanId },
    #[error("span {start}..{end} does not fit in document {doc} of {len} characters")]
    SpanOutOfRange {
        doc: DocId,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("no entity {0}")]
    NoEntity(EntityId),
    #[error("no meeting {0}")]
    NoMeeting(MeetingId),
    #[error("no outcome {0}")]
    NoOutcome(OutcomeId),
    #[error("{0} already exists")]
    DuplicateId(String),
    #[error("{what} is still referred to by {by}")]
    InUse { what: String, by: String },
    /// Part of a batch was applied, failed, and could not be taken back: the project holds part
    /// of the batch. Cannot happen while every edit's inverse applies; reported, never a panic.
    #[error("{error}, and undoing the part already done failed too ({rollback})")]
    RollbackFailed { error: String, rollback: String },
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it. On error the project is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::InsertSpan { doc, span } => {
                if let Some(entity) = span.entity {
                    project.entity(entity).ok_or(EditError::NoEntity(entity))?;
                }
                let document = doc_mut(project, doc)?;
                check_span_fits(document, &span)?;
                if document.span(span.id).is_some() {
                    return Err(EditError::DuplicateSpan { doc, span: span.id });
                }
                let id = span.id;
                let at = document.insertion_index(&span);
                document.spans.insert(at, span);
                project.next_id = project.next_id.max(id.0 + 1);
                Ok(Edit::RemoveSpan { doc, span: id })
            }
            Edit::InsertSpans { doc, spans } => {
                // Room for them all at once: grown one span at a time, the document's list
                // would hold up to twice the memory its spans need (an import's 500,000).
                if let Ok(document) = doc_mut(project, doc) {
                    document.spans.reserve_exact(spans.len());
                }
                let mut done = Vec::with_capacity(spans.len());
                for span in spans {
                    let id = span.id;
                    match (Edit::InsertSpan { doc, span }).apply(project) {
                        Ok(_) => done.push(id),
                        Err(error) => {
                            // Nothing half done: the spans inserted so far go again.
                            let _ = Edit::RemoveSpans { doc, spans: done }.apply(project);
                            return Err(error);
                        }
                    }
                }
                Ok(Edit::RemoveSpans { doc, spans: done })
            }
            Edit::RemoveSpans { doc, spans } => {
                for &span in &spans {
                    if let Some(by) = span_referrer(project, SpanRef { doc, span }) {
                        return Err(EditError::InUse {
                            what: format!("span {span}"),
                            by,
                        });
                    }
                }
                let document = doc_mut(project, doc)?;
                let gone: std::collections::HashSet<SpanId> = spans.iter().copied().collect();
                for &span in &spans {
                    span_index(document, span)?;
                }
                let removed: Vec<Span> = document
                    .spans
                    .extract_if(.., |s| gone.contains(&s.id))
                    .collect();
                Ok(Edit::InsertSpans {
                    doc,
                    spans: removed,
                })
            }
            Edit::RemoveSpan { doc, span } => {
                if let Some(by) = span_referrer(project, SpanRef { doc, span }) {
                    return Err(EditError::InUse {
                        what: format!("span {span}"),
                        by,
                    });
                }
                let document = doc_mut(project, doc)?;
                let index = span_index(document, span)?;
                let removed = document.spans.remove(index);
                Ok(Edit::InsertSpan { doc, span: removed })
            }
            Edit::ReplaceSpan { doc, span } => {
                if let Some(entity) = span.entity {
                    project.entity(entity).ok_or(EditError::NoEntity(entity))?;
                }
                let document = doc_mut(project, doc)?;
                check_span_fits(document, &span)?;
                let index = span_index(document, span.id)?;
                let old = document.spans.remove(index);
                let at = document.insertion_index(&span);
                document.spans.insert(at, span);
                Ok(Edit::ReplaceSpan { doc, span: old })
            }
            Edit::InsertEntity(entity) => {
                let id = entity.id;
                insert_sorted(&mut project.entities, entity, |e| e.id, id.to_string())?;
                project.next_id = project.next_id.max(id.0 + 1);
                Ok(Edit::RemoveEntity(id))
            }
            Edit::RemoveEntity(id) => {
                if let Some(by) = entity_referrer(project, id) {
                    return Err(EditError::InUse {
                        what: format!("entity {id}"),
                        by,
                    });
                }
                let removed = remove_sorted(&mut project.entities, id, |e| e.id)
                    .ok_or(EditError::NoEntity(id))?;
                Ok(Edit::InsertEntity(removed))
            }
            Edit::ReplaceEntity(entity) => {
                let old = replace_sorted(&mut project.entities, entity, |e| e.id)
                    .map_err(EditError::NoEntity)?;
                Ok(Edit::ReplaceEntity(old))
            }
            Edit::InsertMeeting(meeting) => {
                let id = meeting.id;
                insert_sorted(&mut project.meetings, meeting, |m| m.id, id.to_string())?;
                project.next_id = project.next_id.max(id.0 + 1);
                Ok(Edit::RemoveMeeting(id))
            }
            Edit::RemoveMeeting(id) => {
                if let Some(outcome) = project.outcomes.iter().find(|o| o.meeting == Some(id)) {
                    return Err(EditError::InUse {
                        what: format!("meeting {id}"),
                        by: format!("outcome {}", outcome.id),
                    });
                }
                let removed = remove_sorted(&mut project.meetings, id, |m| m.id)
                    .ok_or(EditError::NoMeeting(id))?;
                Ok(Edit::InsertMeeting(removed))
            }
            Edit::ReplaceMeeting(meeting) => {
                let old = replace_sorted(&mut project.meetings, meeting, |m| m.id)
                    .map_err(EditError::NoMeeting)?;
                Ok(Edit::ReplaceMeeting(old))
            }
            Edit::InsertOutcome(outcome) => {
                if let Some(meeting) = outcome.meeting {
                    project
                        .meeting(meeting)
                        .ok_or(EditError::NoMeeting(meeting))?;
                }
                let id = outcome.id;
                insert_sorted(&mut project.outcomes, outcome, |o| o.id, id.to_string())?;
                project.next_id = project.next_id.max(id.0 + 1);
                Ok(Edit::RemoveOutcome(id))
            }
            Edit::RemoveOutcome(id) => {
                let removed = remove_sorted(&mut project.outcomes, id, |o| o.id)
                    .ok_or(EditError::NoOutcome(id))?;
                Ok(Edit::InsertOutcome(removed))
            }
            Edit::ReplaceOutcome(outcome) => {
                if let Some(meeting) = outcome.meeting {
                    project
                        .meeting(meeting)
                        .ok_or(EditError::NoMeeting(meeting))?;
                }
                let old = replace_sorted(&mut project.outcomes, outcome, |o| o.id)
                    .map_err(EditError::NoOutcome)?;
                Ok(Edit::ReplaceOutcome(old))
            }
            Edit::SetStatus { doc, status } => {
                let document = doc_mut(project, doc)?;
                let old = std::mem::replace(&mut document.status, status);
                Ok(Edit::SetStatus { doc, status: old })
            }
            Edit::SetDocumentInfo { doc, info } => {
                let document = doc_mut(project, doc)?;
                let old = info.swap_into(document);
                Ok(Edit::SetDocumentInfo { doc, info: old })
            }
            Edit::SetAssigned { doc, annotators } => {
                let document = doc_mut(project, doc)?;
                let old = std::mem::replace(&mut document.assigned, annotators);
                Ok(Edit::SetAssigned {
                    doc,
                    annotators: old,
                })
            }
            Edit::SetFingerprint {
                doc,
                fingerprint,
                chars,
            } => {
                let document = doc_mut(project, doc)?;
                let old = Edit::SetFingerprint {
                    doc,
                    fingerprint: std::mem::replace(&mut document.fingerprint, fingerprint),
                    chars: std::mem::replace(&mut document.chars, chars),
                };
                document.disk = crate::model::DiskState::Unchanged;
                Ok(old)
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(project) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what was applied so the project is unchanged.
                            for inverse in inverses.into_iter().rev() {
                                if let Err(rollback) = inverse.apply(project) {
                                    return Err(EditError::RollbackFailed {
                                        error: error.to_string(),
                                        rollback: rollback.to_string(),
                                    });
                                }
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// A short description for the Undo/Redo menu ("add span", "edit meeting"…).
    pub fn describe(&self) -> String {
        match self {
            Edit::InsertSpan { span, .. } => format!("add {} span", span.label),
            Edit::RemoveSpan { .. } => "delete span".into(),
            Edit::InsertSpans { spans, .. } => format!("add {} spans", spans.len()),
            Edit::RemoveSpans { spans, .. } => format!("delete {} spans", spans.len()),
            Edit::ReplaceSpan { .. } => "edit span".into(),
            Edit::InsertEntity(e) => format!("add entity {}", e.name),
            Edit::RemoveEntity(_) => "delete entity".into(),
            Edit::ReplaceEntity(e) => format!("edit entity {}", e.name),
            Edit::InsertMeeting(_) => "add meeting".into(),
            Edit::RemoveMeeting(_) => "delete meeting".into(),
            Edit::ReplaceMeeting(_) => "edit meeting".into(),
            Edit::InsertOutcome(_) => "add outcome".into(),
            Edit::RemoveOutcome(_) => "delete outcome".into(),
            Edit::ReplaceOutcome(_) => "edit outcome".into(),
            Edit::SetStatus { status, .. } => format!("mark document {}", status.name()),
            Edit::SetDocumentInfo { .. } => "edit document details".into(),
            Edit::SetFingerprint { .. } => "re-anchor spans".into(),
            Edit::SetAssigned { .. } => "assign documents".into(),
            Edit::Batch(edits) => match edits.as_slice() {
                [only] => only.describe(),
                _ => format!("{} changes", edits.len()),
            },
        }
    }
}

fn doc_mut(project: &mut Project, doc: DocId) -> Result<&mut Document, EditError> {
    project.document_mut(doc).ok_or(EditError::NoDocument(doc))
}

fn span_index(document: &Document, span: SpanId) -> Result<usize, EditError> {
    document
        .spans
        .iter()
        .position(|s| s.id == span)
        .ok_or(EditError::NoSpan {
            doc: document.id,
            span,
        })
}

fn check_span_fits(document: &Document, span: &Span) -> Result<(), EditError> {
    if span.start > span.end || span.end > document.chars {
        return Err(EditError::SpanOutOfRange {
            doc: document.id,
            start: span.start,
            end: span.end,
            len: document.chars,
        });
    }
    Ok(())
}

fn insert_sorted<T, I: Ord + Copy>(
    items: &mut Vec<T>,
    item: T,
    key: impl Fn(&T) -> I,
    name: String,
) -> Result<(), EditError> {
    let id = key(&item);
    let at = sorted_insertion_index(items, id, &key);
    if items.get(at).is_some_and(|existing| key(existing) == id) {
        return Err(EditError::DuplicateId(name));
    }
    items.insert(at, item);
    Ok(())
}

fn remove_sorted<T, I: Ord + Copy>(items: &mut Vec<T>, id: I, key: impl Fn(&T) -> I) -> Option<T> {
    let index = items.binary_search_by(|item| key(item).cmp(&id)).ok()?;
    Some(items.remove(index))
}

/// Puts `item` in place of the item with the same id; returns the old one, or the id if absent.
fn replace_sorted<T, I: Ord + Copy>(
    items: &mut [T],
    item: T,
    key: impl Fn(&T) -> I,
) -> Result<T, I> {
    let id = key(&item);
    match items.binary_search_by(|existing| key(existing).cmp(&id)) {
        Ok(index) => Ok(std::mem::replace(&mut items[index], item)),
        Err(_) => Err(id),
    }
}

/// What refers to a span as evidence, if anything.
fn span_referrer(project: &Project, at: SpanRef) -> Option<String> {
    if let Some(meeting) = project
        .meetings
        .iter()
        .find(|m| m.evidence_spans().any(|e| e == at))
    {
        return Some(format!("meeting {}", meeting.id));
    }
    project
        .outcomes
        .iter()
        .find(|o| o.evidence_spans().any(|e| e == at))
        .map(|outcome| format!("outcome {}", outcome.id))
}

/// What refers to an entity, if anything.
fn entity_referrer(project: &Project, id: EntityId) -> Option<String> {
    if let Some((doc, span)) = project.mentions_of(id).next() {
        return Some(format!("span {} in {}", span.id, doc.path));
    }
    for meeting in &project.meetings {
        let fields = [
            meeting.organization.as_ref().map(|f| f.value),
            meeting.venue.as_ref().map(|f| f.value),
            meeting.host.as_ref().map(|f| f.value),
            meeting.chair.as_ref().map(|f| f.value),
        ];
        if fields.contains(&Some(id)) || meeting.participants.iter().any(|p| p.entity == Some(id)) {
            return Some(format!("meeting {}", meeting.id));
        }
    }
    for outcome in &project.outcomes {
        if outcome.attributed_to == Some(id) || outcome.actors.iter().any(|a| a.entity == id) {
            return Some(format!("outcome {}", outcome.id));
        }
    }
    None
}

#[cfg(test)]
mod tests;

//! The span a field's value is read from: an existing span, or a new one over the selection; and
//! the entity that span names (linked already, found by name, or new).

use std::ops::Range;

use super::RecordError;
use crate::edit::Edit;
use crate::model::{DocId, DocStatus, Entity, EntityId, Project, Span, SpanRef};
use crate::text::MatchKey;

/// What the user pointed at in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Code points of the article text.
    Range(Range<usize>),
    /// A span already on the article.
    Span(crate::model::SpanId),
}

/// The article a record is built from.
#[derive(Clone, Copy, Debug)]
pub struct ArticleRef<'a> {
    pub doc: DocId,
    pub text: &'a str,
}

/// A span to use as evidence, and the edits that create or change it.
pub(super) struct Evidence {
    pub span: Span,
    /// Whether the span is new (inserted) rather than already on the article (replaced if changed).
    pub is_new: bool,
    pub doc: DocId,
}

impl Evidence {
    pub fn at(&self) -> SpanRef {
        SpanRef {
            doc: self.doc,
            span: self.span.id,
        }
    }

    pub fn quote(&self) -> &str {
        self.span.quote().trim()
    }

    /// The edits that put the span on the article (none for an unchanged existing span), and
    /// start a new document's work.
    pub fn into_edits(self, project: &Project) -> Vec<Edit> {
        let doc = self.doc;
        let existing = project.document(doc).and_then(|d| d.span(self.span.id));
        let mut edits = Vec::new();
        if self.is_new {
            edits.push(Edit::InsertSpan {
                doc,
                span: self.span,
            });
            if project.document(doc).map(|d| d.status) == Some(DocStatus::New) {
                edits.push(Edit::SetStatus {
                    doc,
                    status: DocStatus::InProgress,
                });
            }
        } else if existing != Some(&self.span) {
            edits.push(Edit::ReplaceSpan {
                doc,
                span: self.span,
            });
        }
        edits
    }
}

/// The evidence span for `selection`: the selected span, a span covering exactly the selected
/// range (one with `label` preferred), or a new span with `label`.
pub(super) fn evidence(
    project: &mut Project,
    article: ArticleRef,
    selection: &Selection,
    label: &str,
    author: &str,
) -> Result<Evidence, RecordError> {
    let document = project
        .document(article.doc)
        .ok_or(RecordError::OutOfRange)?;
    let existing = match selection {
        Selection::Span(id) => Some(document.span(*id).ok_or(RecordError::NoSpan(*id))?),
        Selection::Range(range) => {
            if range.is_empty() {
                return Err(RecordError::NothingSelected);
            }
            let same: Vec<&Span> = document
                .spans
                .iter()
                .filter(|s| s.start == range.start && s.end == range.end)
                .collect();
            same.iter()
                .find(|s| s.label == label)
                .or(same.first())
                .copied()
        }
    };
    if let Some(span) = existing {
        return Ok(Evidence {
            span: span.clone(),
            is_new: false,
            doc: article.doc,
        });
    }
    let Selection::Range(range) = selection else {
        unreachable!("a selected span was found above")
    };
    let id = project.new_span_id();
    let span = Span::quoting(id, article.text, range.start, range.end, label, author)
        .ok_or(RecordError::OutOfRange)?;
    Ok(Evidence {
        span,
        is_new: true,
        doc: article.doc,
    })
}

/// Evidence for a selection that may be absent (a record made from scratch): where it is, its
/// quote, and the edits that put it on the article.
pub(super) fn optional_evidence(
    project: &mut Project,
    article: Option<(ArticleRef, Selection)>,
    label: &str,
    author: &str,
) -> Result<(Option<SpanRef>, String, Vec<Edit>), RecordError> {
    let Some((article, selection)) = article else {
        return Ok((None, String::new(), Vec::new()));
    };
    let found = evidence(project, article, &selection, label, author)?;
    let (at, quote) = (found.at(), found.quote().to_string());
    Ok((Some(at), quote, found.into_edits(project)))
}

/// The entity the evidence names: the one it links to, else one whose name or alias reads the
/// same through the match key, else a new entity named by the quote. The span is linked to it.
/// Returns the entity and the edits that create it (if new).
pub(super) fn entity_of(project: &mut Project, evidence: &mut Evidence) -> (EntityId, Vec<Edit>) {
    if let Some(entity) = evidence.span.entity
        && project.entity(entity).is_some()
    {
        return (entity, Vec::new());
    }
    let quote = evidence.quote().to_string();
    let key = MatchKey::new(&quote);
    let wanted = key.as_str().trim();
    let known = project.entities.iter().find(|e| {
        e.names()
            .any(|name| MatchKey::new(name).as_str().trim() == wanted)
    });
    if let Some(known) = known {
        evidence.span.entity = Some(known.id);
        return (known.id, Vec::new());
    }
    let entity = Entity {
        id: project.new_entity_id(),
        name: quote,
        aliases: Vec::new(),
        kind: evidence.span.label.to_string(),
        subtype: None,
        external_id: None,
        note: String::new(),
    };
    let id = entity.id;
    evidence.span.entity = Some(id);
    (id, vec![Edit::InsertEntity(entity)])
}

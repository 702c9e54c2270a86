//! Documents (articles) and the spans annotated on them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ids::{DocId, EntityId, SpanId};
use super::name::Name;
use super::review::{DocStatus, Review};

/// One article of the corpus. Its text is not copied into the project: `fingerprint` (SHA-256 of
/// the decoded text) tells whether the file on disk is still the one that was annotated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: DocId,
    /// Path relative to the corpus folder, with `/` separators.
    pub path: String,
    /// Lowercase hex SHA-256 of the decoded text (as UTF-8).
    pub fingerprint: String,
    /// Length of the decoded text in Unicode code points.
    pub chars: usize,
    /// Encoding the file was decoded from (WHATWG name, e.g. "UTF-8", "windows-1256").
    pub encoding: String,
    /// BCP 47 language guessed from the text: "fa", "ar" or "und".
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date (ISO 8601) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default)]
    pub status: DocStatus,
    /// State of the file on disk as of the last import or check.
    #[serde(default, skip_serializing_if = "DiskState::is_unchanged")]
    pub disk: DiskState,
    /// Document-level labels (e.g. topic or genre).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// A note of the annotator or reviewer on the whole document.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The annotators the document is given to, in name order (two or more for double
    /// annotation); empty when it is anyone's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assigned: Vec<String>,
    /// Spans in reading order: sorted by (start, end, id).
    #[serde(default)]
    pub spans: Vec<Span>,
}

/// How the file on disk relates to the annotated text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiskState {
    #[default]
    Unchanged,
    /// The file now decodes to a different text (its fingerprint is given).
    Changed { fingerprint: String },
    /// The file is gone.
    Missing,
    /// The file is there but can no longer be decoded.
    Unreadable { reason: String },
}

impl DiskState {
    pub fn is_unchanged(&self) -> bool {
        *self == DiskState::Unchanged
    }
}

impl Document {
    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }

    /// Where a span belongs to keep `spans` in reading order.
    pub fn insertion_index(&self, span: &Span) -> usize {
        self.spans
            .partition_point(|s| s.sort_key() < span.sort_key())
    }

    /// The document with no spans, its spans not copied (what a folder project's document file
    /// holds; the spans have files of their own).
    pub fn without_spans(&self) -> Document {
        Document {
            id: self.id,
            path: self.path.clone(),
            fingerprint: self.fingerprint.clone(),
            chars: self.chars,
            encoding: self.encoding.clone(),
            language: self.language.clone(),
            title: self.title.clone(),
            published: self.published.clone(),
            source: self.source.clone(),
            status: self.status,
            disk: self.disk.clone(),
            labels: self.labels.clone(),
            note: self.note.clone(),
            assigned: self.assigned.clone(),
            spans: Vec::new(),
        }
    }

    /// A short name for lists: the title, or else the file name.
    pub fn display_name(&self) -> &str {
        self.title
            .as_deref()
            .unwrap_or_else(|| self.path.rsplit('/').next().unwrap_or(&self.path))
    }
}

/// A labelled range of a document's text.
///
/// `start..end` counts Unicode code points of the decoded text, half-open. `quote` is the text of
/// the range and `prefix`/`suffix` a little context either side, so a span can be verified and
/// re-anchored when the article changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub id: SpanId,
    pub start: usize,
    pub end: usize,
    /// Key of a label of the schema (e.g. "PER").
    pub label: Name,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityId>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub author: Name,
    /// RFC 3339 creation time.
    #[serde(default)]
    pub created: Name,
    #[serde(default)]
    pub review: Review,
}

/// How many code points of context a span keeps either side.
pub const SPAN_CONTEXT_CHARS: usize = 24;

/// The attribute under which an orphaned span (its text changed on disk and could not be found
/// again) keeps the range it had, for the analyst to see; the span waits at 0..0.
pub const ORPHANED_ATTRIBUTE: &str = "orphaned_from";

impl Span {
    pub fn sort_key(&self) -> (usize, usize, SpanId) {
        (self.start, self.end, self.id)
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

impl Span {
    /// A new span over `start..end` (code points) of `text`, quoting it with its context.
    /// `None` if the range is empty or reversed, does not fit the text, or splits a grapheme
    /// cluster (a letter from its marks, an emoji sequence): the one rule every span obeys.
    pub fn quoting(
        id: SpanId,
        text: &str,
        start: usize,
        end: usize,
        label: impl Into<Name>,
        author: impl Into<Name>,
    ) -> Option<Span> {
        let index = crate::text::OffsetIndex::new(text);
        let credit = Credit::now(author);
        Span::quoting_indexed(id, text, &index, start, end, label, &credit)
    }

    /// [`Span::quoting`] with the text's offset index made once and the spans' credit shared
    /// (many spans of one text, made at once).
    pub fn quoting_indexed(
        id: SpanId,
        text: &str,
        index: &crate::text::OffsetIndex,
        start: usize,
        end: usize,
        label: impl Into<Name>,
        credit: &Credit,
    ) -> Option<Span> {
        if crate::text::offsets::span_range_problem(index, text, start, end).is_some() {
            return None;
        }
        let byte = |chars: usize| index.byte_of_char(chars);
        let quote = text.get(byte(start)?..byte(end)?)?.to_string();
        let prefix = text
            .get(byte(start.saturating_sub(SPAN_CONTEXT_CHARS))?..byte(start)?)?
            .to_string();
        let suffix_end = (end + SPAN_CONTEXT_CHARS).min(index.chars());
        let suffix = text.get(byte(end)?..byte(suffix_end)?)?.to_string();
        Some(Span {
            id,
            start,
            end,
            label: label.into(),
            quote,
            prefix,
            suffix,
            entity: None,
            attributes: BTreeMap::new(),
            note: String::new(),
            author: credit.author.clone(),
            created: credit.created.clone(),
            review: Review::default(),
        })
    }
}

/// Who made new spans, and when: the same for every span one action makes.
#[derive(Clone, Debug)]
pub struct Credit {
    pub author: Name,
    pub created: Name,
}

impl Credit {
    /// `author`, now.
    pub fn now(author: impl Into<Name>) -> Credit {
        Credit {
            author: author.into(),
            created: now_rfc3339().into(),
        }
    }
}

/// The current time as RFC 3339, to the second (UTC).
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

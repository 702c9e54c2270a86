//! Documents (articles) and the spans annotated on them.

use serde::{Deserialize, Serialize};

use super::ids::{DocId, EntityId, SpanId};
use super::name::Name;
use super::review::{DocStatus, Review};
use super::sparse::{Attributes, Remark};

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

    /// The highest id the document holds: its own or a span's.
    pub fn highest_id(&self) -> u64 {
        self.spans.iter().map(|s| s.id.0).fold(self.id.0, u64::max)
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
/// `start..end` counts Unicode code points of the decoded text, half-open. Its quote (the text
/// of the range) and a little context either side are kept in [`Quoted`], so a span can be
/// verified and re-anchored when the article changes. On disk a span's fields are, in order:
/// id, start, end, label, quote, prefix, suffix, entity, attributes, note, author, created,
/// review (see [`SpanOnDisk`]).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "SpanOnDisk")]
pub struct Span {
    pub id: SpanId,
    pub start: usize,
    pub end: usize,
    /// Key of a label of the schema (e.g. "PER").
    pub label: Name,
    pub quoted: Quoted,
    pub entity: Option<EntityId>,
    pub attributes: Attributes,
    pub note: Remark,
    pub author: Name,
    /// RFC 3339 creation time.
    pub created: Name,
    pub review: Review,
}

/// A span as the project's files and the JSON and RON formats hold it: its quote and context
/// as three strings.
#[derive(Deserialize)]
#[serde(rename = "Span", deny_unknown_fields)]
struct SpanOnDisk {
    id: SpanId,
    start: usize,
    end: usize,
    label: Name,
    quote: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default)]
    entity: Option<EntityId>,
    #[serde(default)]
    attributes: Attributes,
    #[serde(default)]
    note: Remark,
    #[serde(default)]
    author: Name,
    #[serde(default)]
    created: Name,
    #[serde(default)]
    review: Review,
}

impl From<SpanOnDisk> for Span {
    fn from(disk: SpanOnDisk) -> Span {
        Span {
            id: disk.id,
            start: disk.start,
            end: disk.end,
            label: disk.label,
            quoted: Quoted::new(&disk.prefix, &disk.quote, &disk.suffix),
            entity: disk.entity,
            attributes: disk.attributes,
            note: disk.note,
            author: disk.author,
            created: disk.created,
            review: disk.review,
        }
    }
}

/// [`SpanOnDisk`] borrowed from a span, for writing.
#[derive(Serialize)]
#[serde(rename = "Span")]
struct SpanToDisk<'a> {
    id: SpanId,
    start: usize,
    end: usize,
    label: &'a Name,
    quote: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<EntityId>,
    #[serde(skip_serializing_if = "is_empty_map")]
    attributes: &'a Attributes,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    author: &'a Name,
    created: &'a Name,
    review: &'a Review,
}

fn is_empty_map(attributes: &&Attributes) -> bool {
    attributes.is_empty()
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SpanToDisk {
            id: self.id,
            start: self.start,
            end: self.end,
            label: &self.label,
            quote: self.quote(),
            prefix: self.prefix(),
            suffix: self.suffix(),
            entity: self.entity,
            attributes: &self.attributes,
            note: self.note.as_str(),
            author: &self.author,
            created: &self.created,
            review: &self.review,
        }
        .serialize(serializer)
    }
}

/// A span's quote with the context before and after it, in one allocation (a large project
/// holds half a million of them; three strings each were three allocations and nine words).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Quoted {
    /// prefix, quote and suffix, one after the other.
    text: Box<str>,
    /// Where the quote starts and the suffix starts in `text`, in bytes.
    quote_at: usize,
    suffix_at: usize,
}

impl Quoted {
    pub fn new(prefix: &str, quote: &str, suffix: &str) -> Quoted {
        let mut text = String::with_capacity(prefix.len() + quote.len() + suffix.len());
        text.push_str(prefix);
        text.push_str(quote);
        text.push_str(suffix);
        Quoted {
            text: text.into_boxed_str(),
            quote_at: prefix.len(),
            suffix_at: prefix.len() + quote.len(),
        }
    }

    pub fn prefix(&self) -> &str {
        &self.text[..self.quote_at]
    }

    pub fn quote(&self) -> &str {
        &self.text[self.quote_at..self.suffix_at]
    }

    pub fn suffix(&self) -> &str {
        &self.text[self.suffix_at..]
    }
}

impl std::fmt::Debug for Quoted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Quoted")
            .field("prefix", &self.prefix())
            .field("quote", &self.quote())
            .field("suffix", &self.suffix())
            .finish()
    }
}

/// How many code points of context a span keeps either side.
pub const SPAN_CONTEXT_CHARS: usize = 24;

/// The attribute under which an orphaned span (its text changed on disk and could not be found
/// again) keeps the range it had, for the analyst to see; the span waits at 0..0.
pub const ORPHANED_ATTRIBUTE: &str = "orphaned_from";

impl Span {
    /// The text of the range.
    pub fn quote(&self) -> &str {
        self.quoted.quote()
    }

    /// A little of the text before the range (up to [`SPAN_CONTEXT_CHARS`]).
    pub fn prefix(&self) -> &str {
        self.quoted.prefix()
    }

    /// A little of the text after the range (up to [`SPAN_CONTEXT_CHARS`]).
    pub fn suffix(&self) -> &str {
        self.quoted.suffix()
    }

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
        let quote = text.get(byte(start)?..byte(end)?)?;
        let prefix = text.get(byte(start.saturating_sub(SPAN_CONTEXT_CHARS))?..byte(start)?)?;
        let suffix_end = (end + SPAN_CONTEXT_CHARS).min(index.chars());
        let suffix = text.get(byte(end)?..byte(suffix_end)?)?;
        Some(Span {
            id,
            start,
            end,
            label: label.into(),
            quoted: Quoted::new(prefix, quote, suffix),
            entity: None,
            attributes: Attributes::default(),
            note: Remark::default(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Opening a large project is mostly first touching the memory its spans take (see
    /// docs/PERFORMANCE.md): a span is 19 words on a 64-bit machine (34 before), its quote and
    /// context one allocation beside it, its names and rare fields one word each.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_span_takes_no_more_than_19_words() {
        assert!(
            std::mem::size_of::<Span>() <= 19 * 8,
            "{}",
            std::mem::size_of::<Span>()
        );
    }

    #[test]
    fn a_spans_quote_and_context_read_back_as_they_were_joined() {
        let text = "وزیر امور خارجه ایران با Sergey Lavrov دیدار کرد.";
        let start = text.chars().position(|c| c == 'S').unwrap();
        let span = Span::quoting(SpanId(1), text, start, start + 13, "PER", "a").unwrap();
        assert_eq!(span.quote(), "Sergey Lavrov");
        // The context stops 24 characters away: the first letter is left out.
        assert_eq!(span.prefix(), "زیر امور خارجه ایران با ");
        assert_eq!(span.suffix(), " دیدار کرد.");
        let empty = Quoted::new("", "", "");
        assert_eq!(
            (empty.prefix(), empty.quote(), empty.suffix()),
            ("", "", "")
        );
    }
}

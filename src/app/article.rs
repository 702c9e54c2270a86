//! The article being shown: its text read from the corpus (or why it cannot be), offsets to
//! convert between the view's bytes and the model's code points, its direction, and where its
//! spans would go when it changed on disk. Also the selection in it.

use std::ops::Range;
use std::path::Path;

use crate::corpus::reanchor::{ReanchorPlan, plan_reanchor};
use crate::corpus::{fingerprint, read_document};
use crate::layout::{Direction, detected_direction};
use crate::model::{DocId, Document};
use crate::text::OffsetIndex;

/// The selection in the article, in byte offsets of its text: `anchor` where it started,
/// `focus` where it ends (the caret). The model counts code points: see
/// [`Article::chars_of`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextSelection {
    pub anchor: usize,
    pub focus: usize,
}

impl TextSelection {
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.focus)..self.anchor.max(self.focus)
    }
    pub fn is_empty(&self) -> bool {
        self.anchor == self.focus
    }
}

/// A document's article as read for showing.
#[derive(Debug)]
pub struct Article {
    pub doc: DocId,
    /// The decoded text, or why it could not be read.
    pub text: Result<String, String>,
    pub offsets: OffsetIndex,
    /// Detected from the text's letters.
    pub direction: Direction,
    /// Set when the article changed on disk since it was annotated: where its spans would go.
    pub reanchor: Option<ReanchorPlan>,
    /// The text's fingerprint, to compare with the document's after a change.
    fingerprint: String,
}

impl Article {
    /// Reads `document`'s article from the corpus (never writes it).
    pub fn read(corpus_root: &Path, document: &Document) -> Self {
        let text = read_document(corpus_root, document)
            .map(|decoded| decoded.text)
            .map_err(|reason| format!("This article cannot be shown: {reason}."));
        let plain = text.as_deref().unwrap_or("");
        let mut article = Article {
            doc: document.id,
            offsets: OffsetIndex::new(plain),
            direction: detected_direction(plain),
            fingerprint: fingerprint(plain),
            text,
            reanchor: None,
        };
        article.follow(document);
        article
    }

    /// Plans where the spans would go when the text is not the one `document` was annotated on
    /// (after a re-anchoring is undone, say); forgets the plan when it is.
    pub fn follow(&mut self, document: &Document) {
        let Ok(text) = &self.text else { return };
        if self.fingerprint == document.fingerprint {
            self.reanchor = None;
        } else if self.reanchor.is_none() {
            self.reanchor = Some(plan_reanchor(document, text));
        }
    }

    /// The text, when it could be read.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref().ok()
    }

    /// A byte range of the text in code points; `None` when it is not on character boundaries.
    pub fn chars_of(&self, bytes: Range<usize>) -> Option<Range<usize>> {
        Some(self.offsets.char_of_byte(bytes.start)?..self.offsets.char_of_byte(bytes.end)?)
    }

    /// A code point range of the text in bytes.
    pub fn bytes_of(&self, chars: Range<usize>) -> Option<Range<usize>> {
        Some(self.offsets.byte_of_char(chars.start)?..self.offsets.byte_of_char(chars.end)?)
    }

    /// A selection that fits this text: an offset past its end is brought back to the end, one
    /// inside a character to the start.
    pub fn clamp(&self, selection: TextSelection) -> TextSelection {
        let len = self.text().map_or(0, str::len);
        let fit = |offset: usize| match self.offsets.char_of_byte(offset) {
            Some(_) => offset,
            None if offset >= len => len,
            None => 0,
        };
        TextSelection {
            anchor: fit(selection.anchor),
            focus: fit(selection.focus),
        }
    }
}

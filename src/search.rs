//! Corpus search: every place a word, a phrase or a regular expression occurs in the project's
//! articles, compared through the match key (`text::fold`: ي/ی, ك/ک, alef forms, harakat,
//! tatweel, ZWNJ, Persian and Arabic-Indic digits folded alike), reported in code points of the
//! original text with its context. Words and phrases match on token boundaries; a regular
//! expression matches the folded text as it is (its own `\b` for boundaries).
//!
//! No index: reading, folding and scanning the articles on every core is fast enough
//! (`benches/search.rs`, `docs/PERFORMANCE.md`).

use std::ops::Range;
use std::path::Path;

use thiserror::Error;

use crate::model::{DocId, DocStatus, Document, Project, ReviewState};
use crate::text::fold::{fold_str, fold_walk, is_arabic_mark, is_token_boundary};
use crate::text::fold_char;

/// How many code points of context a hit carries on each side.
pub const CONTEXT_CHARS: usize = 40;

/// What to look for, and where.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    /// `text` is a regular expression (over the folded text).
    pub regex: bool,
    /// Only hits inside a span of this label (not rejected).
    pub label: Option<String>,
    /// Only documents in this state.
    pub status: Option<DocStatus>,
}

/// One place the query matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub doc: DocId,
    /// The document's path under the corpus (shared by its hits).
    pub path: std::sync::Arc<str>,
    /// Code points into the article's decoded text, half-open.
    pub start: usize,
    pub end: usize,
    /// The words matched with up to [`CONTEXT_CHARS`] code points either side, in one string
    /// (a search may find a hundred thousand hits), and where the words are in it.
    line: String,
    words: Range<usize>,
}

impl SearchHit {
    /// A hit at `chars` of a text, whose words are `text[bytes]`.
    pub fn new(
        doc: DocId,
        path: std::sync::Arc<str>,
        text: &str,
        chars: Range<usize>,
        bytes: Range<usize>,
    ) -> Self {
        let from = back(text, bytes.start, CONTEXT_CHARS);
        let to = ahead(text, bytes.end, CONTEXT_CHARS);
        SearchHit {
            doc,
            path,
            start: chars.start,
            end: chars.end,
            line: text[from..to].to_string(),
            words: bytes.start - from..bytes.end - from,
        }
    }

    /// The words matched.
    pub fn quote(&self) -> &str {
        &self.line[self.words.clone()]
    }

    /// What comes before them.
    pub fn left(&self) -> &str {
        &self.line[..self.words.start]
    }

    /// What comes after them.
    pub fn right(&self) -> &str {
        &self.line[self.words.end..]
    }
}

/// What a search found, and the articles it could not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// (path, why): an article unreadable or changed on disk since it was annotated.
    pub skipped: Vec<(String, String)>,
    pub documents_searched: usize,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SearchError {
    #[error("nothing to search for")]
    Empty,
    #[error("not a regular expression: {0}")]
    BadPattern(String),
}

/// A compiled query.
pub enum Matcher {
    /// The words folded (and trimmed) once, matched on token boundaries.
    Words(String),
    Regex(regex::Regex),
}

impl SearchQuery {
    pub fn matcher(&self) -> Result<Matcher, SearchError> {
        if self.text.trim().is_empty() {
            return Err(SearchError::Empty);
        }
        if self.regex {
            // Fold the pattern's letters as the text is folded; ASCII is left alone, so `\D` or
            // `[A-Z]` keep their meaning (the match ignores case instead).
            let pattern: String = self
                .text
                .chars()
                .filter_map(|c| if c.is_ascii() { Some(c) } else { fold_char(c) })
                .collect();
            regex::RegexBuilder::new(&pattern)
                .case_insensitive(true)
                .build()
                .map(Matcher::Regex)
                .map_err(|e| SearchError::BadPattern(e.to_string()))
        } else {
            let folded = fold_str(&self.text).trim_matches(' ').to_string();
            if folded.is_empty() {
                return Err(SearchError::Empty);
            }
            Ok(Matcher::Words(folded))
        }
    }
}

/// Where `matcher` matches `text`, as code point ranges, in order.
pub fn find_in_text(text: &str, matcher: &Matcher) -> Vec<Range<usize>> {
    find_matches(text, matcher)
        .into_iter()
        .map(|m| m.chars)
        .collect()
}

/// A match in the original text: its code points and its bytes.
pub struct Found {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

/// A place the folded text can be walked again from: where folding the rest of the original
/// alone gives the rest of the folded text (the folded text before it does not end in a space,
/// whose run a fresh walk would not collapse).
#[derive(Clone, Copy)]
struct Checkpoint {
    folded: usize,
    chars: usize,
    bytes: usize,
}

/// How many folded bytes apart checkpoints are: mapping a match back re-folds at most this much.
const CHECKPOINT_EVERY: usize = 64;

/// The folded text and checkpoints to map matches back from, in one pass.
fn fold_with_checkpoints(text: &str) -> (String, Vec<Checkpoint>) {
    let mut checkpoints = vec![Checkpoint {
        folded: 0,
        chars: 0,
        bytes: 0,
    }];
    let mut ends_in_space = false;
    let folded = fold_walk(text, |index, byte, _, at, piece| {
        if !ends_in_space && at >= checkpoints[checkpoints.len() - 1].folded + CHECKPOINT_EVERY {
            checkpoints.push(Checkpoint {
                folded: at,
                chars: index,
                bytes: byte,
            });
        }
        if !piece.is_empty() {
            ends_in_space = piece.ends_with(' ');
        }
        true
    });
    (folded, checkpoints)
}

/// The original (code point, byte) where the folded character at `folded_start` came from, and
/// just after the one the folded character ending at `folded_end` came from.
fn map_back(
    text: &str,
    checkpoints: &[Checkpoint],
    folded: Range<usize>,
) -> ((usize, usize), (usize, usize)) {
    let from = checkpoints[checkpoints.partition_point(|c| c.folded <= folded.start) - 1];
    let (mut start, mut end) = ((from.chars, from.bytes), (from.chars, from.bytes));
    fold_walk(&text[from.bytes..], |index, byte, c, at, piece| {
        let (at, after) = (from.folded + at, from.folded + at + piece.len());
        let here = (from.chars + index, from.bytes + byte);
        if at <= folded.start && folded.start < after {
            start = here;
        }
        if at < folded.end && folded.end <= after {
            end = (here.0 + 1, here.1 + c.len_utf8());
            return false;
        }
        true
    });
    (start, end)
}

/// The matches of `matcher` in `text`. Most articles do not match, and the folded text says
/// so; a match is mapped back by re-folding from the checkpoint before it.
fn find_matches(text: &str, matcher: &Matcher) -> Vec<Found> {
    find_in_folded(text, |folded| match matcher {
        Matcher::Words(words) => find_on_boundaries(folded, words),
        Matcher::Regex(regex) => regex
            .find_iter(folded)
            .filter(|m| !m.is_empty())
            .map(|m| m.range())
            .collect(),
    })
}

/// What `find` finds in the folded `text` (byte ranges of the folded text, in order), as places
/// in the original text; a match ends after the harakat on its last letter.
pub fn find_in_folded(text: &str, find: impl FnOnce(&str) -> Vec<Range<usize>>) -> Vec<Found> {
    let (folded, checkpoints) = fold_with_checkpoints(text);
    let ranges = find(&folded);
    ranges
        .into_iter()
        .map(|range| {
            let ((start_char, start_byte), (end_char, end_byte)) =
                map_back(text, &checkpoints, range);
            // The harakat after the last letter (a kasra) are its own: a hit never splits a
            // letter from them (the match key's rule).
            let marks = text[end_byte..]
                .chars()
                .take_while(|&c| is_arabic_mark(c))
                .count();
            let whole = end_byte
                + text[end_byte..]
                    .chars()
                    .take(marks)
                    .map(char::len_utf8)
                    .sum::<usize>();
            Found {
                chars: start_char..end_char + marks,
                bytes: start_byte..whole,
            }
        })
        .collect()
}

/// The byte ranges where `needle` occurs in `folded` on token boundaries.
fn find_on_boundaries(folded: &str, needle: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    // memchr's SIMD substring search, stepping one character past each occurrence: one that
    // is not on a boundary must not hide an overlapping one that is.
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut from = 0;
    while let Some(pos) = finder.find(&folded.as_bytes()[from..]) {
        let start = from + pos;
        let end = start + needle.len();
        if is_token_boundary(folded, start) && is_token_boundary(folded, end) {
            found.push(start..end);
        }
        from = start + folded[start..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The byte offset `count` code points before `byte` (or the text's start).
fn back(text: &str, byte: usize, count: usize) -> usize {
    text[..byte]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(at, _)| at)
        .min(byte)
}

/// The byte offset `count` code points after `byte` (or the text's end).
fn ahead(text: &str, byte: usize, count: usize) -> usize {
    text[byte..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(at, _)| byte + at)
}

/// The hits of `matcher` in one document's text, filtered by the query's label.
pub fn hits_in_document(
    document: &Document,
    text: &str,
    matcher: &Matcher,
    query: &SearchQuery,
) -> Vec<SearchHit> {
    let path: std::sync::Arc<str> = document.path.as_str().into();
    find_matches(text, matcher)
        .into_iter()
        .filter(|m| match &query.label {
            None => true,
            Some(label) => document.spans.iter().any(|s| {
                &s.label == label
                    && s.review.state != ReviewState::Rejected
                    && s.start <= m.chars.start
                    && m.chars.end <= s.end
            }),
        })
        .map(|m| SearchHit::new(document.id, path.clone(), text, m.chars, m.bytes))
        .collect()
}

/// Searches every document of `project` (in the query's status) whose article is under
/// `corpus_root`, on every core.
pub fn search(
    project: &Project,
    corpus_root: &Path,
    query: &SearchQuery,
) -> Result<SearchResults, SearchError> {
    let matcher = query.matcher()?;
    let documents: Vec<&Document> = project
        .documents
        .iter()
        .map(|d| d.as_ref())
        .filter(|d| query.status.is_none_or(|s| d.status == s))
        .collect();
    let found = crate::parallel::map(&documents, |document| {
        let text = crate::corpus::read_text(corpus_root, document)
            .map_err(|reason| (document.path.clone(), reason.to_string()))?;
        let hits = hits_in_document(document, &text, &matcher, query);
        // Hits in an article changed since it was annotated would point into another text than
        // its spans (fingerprinted only where there are hits: most articles have none).
        if !hits.is_empty() && crate::corpus::fingerprint(&text) != document.fingerprint {
            return Err((
                document.path.clone(),
                "the article changed on disk since it was annotated".to_string(),
            ));
        }
        Ok(hits)
    });
    let mut results = SearchResults {
        documents_searched: documents.len(),
        ..SearchResults::default()
    };
    for outcome in found {
        match outcome {
            Ok(hits) => results.hits.extend(hits),
            Err(skipped) => results.skipped.push(skipped),
        }
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchKey;

    fn words(text: &str, query: &str) -> Vec<String> {
        let matcher = SearchQuery {
            text: query.into(),
            ..SearchQuery::default()
        }
        .matcher()
        .unwrap();
        let chars: Vec<char> = text.chars().collect();
        find_in_text(text, &matcher)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn spelling_variants_fold_alike() {
        assert_eq!(words("سفر به ايران و ایران", "ایران"), ["ايران", "ایران"]);
        assert_eq!(
            words("همکاریها و همکاری‌ها", "همکاری‌ها"),
            ["همکاریها", "همکاری‌ها"]
        );
        assert_eq!(words("روز ۱۵ و ١٥ و 15 تیر", "15"), ["۱۵", "١٥", "15"]);
        assert_eq!(words("مُحَمَّد و محمـــد", "محمد"), ["مُحَمَّد", "محمـــد"]);
        // The marks after the last letter are part of the hit.
        assert_eq!(words("سفر به ایرانِ بزرگ", "ایران"), ["ایرانِ"]);
        // On token boundaries: ایرانی is another word.
        assert_eq!(words("ایرانی", "ایران"), Vec::<String>::new());
    }

    #[test]
    fn overlapping_occurrences_are_all_found() {
        // The first occurrence starts inside اب, off a boundary; the one overlapping it counts.
        assert_eq!(words("اب ب ب", "ب ب"), ["ب ب"]);
        assert_eq!(words("ب ب ب", "ب ب"), ["ب ب", "ب ب"]);
    }

    #[test]
    fn long_texts_map_every_hit_back_as_the_full_match_key_does() {
        // Many checkpoints apart, with runs of spaces, harakat and ZWNJ between them.
        let text: String = crate::sample::ARTICLES
            .iter()
            .map(|(_, t)| format!("{t}\n  \u{200C}  مُحَمَّد   ایران\n"))
            .collect::<Vec<_>>()
            .concat();
        for needle in [
            "ایران",
            "سازمان همکاری",
            "محمد",
            "اکو",
            "2021",
            "همکاری‌های",
            "وزیر",
        ] {
            let matcher = SearchQuery {
                text: needle.into(),
                ..SearchQuery::default()
            }
            .matcher()
            .unwrap();
            let ours = find_in_text(&text, &matcher);
            let reference = MatchKey::new(&text).find_all(needle);
            assert!(!reference.is_empty(), "{needle}");
            assert_eq!(ours, reference, "{needle}");
        }
    }

    #[test]
    fn regular_expressions_match_the_folded_text() {
        let text = "نشست ۱۵ تیر و نشست 16 مرداد؛ ECO و eco";
        let matcher = SearchQuery {
            text: r"نشست \d+".into(),
            regex: true,
            ..SearchQuery::default()
        }
        .matcher()
        .unwrap();
        let chars: Vec<char> = text.chars().collect();
        let found: Vec<String> = find_in_text(text, &matcher)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect();
        assert_eq!(found, ["نشست ۱۵", "نشست 16"]);
        let eco = SearchQuery {
            text: "ECO".into(),
            regex: true,
            ..SearchQuery::default()
        };
        assert_eq!(find_in_text(text, &eco.matcher().unwrap()).len(), 2);
        let bad = SearchQuery {
            text: "(".into(),
            regex: true,
            ..SearchQuery::default()
        };
        assert!(matches!(bad.matcher(), Err(SearchError::BadPattern(_))));
        assert_eq!(
            SearchQuery::default().matcher().err(),
            Some(SearchError::Empty)
        );
    }
}

//! Re-anchoring spans when their article changed on disk: each span is looked for by its quote
//! (exactly, then through the match key) and the candidate whose context best matches the
//! span's stored prefix and suffix wins. Nothing moves silently: the caller gets a plan that
//! says which spans stay, which move where, and which are orphaned, and applies it as one edit.

use std::ops::Range;

use crate::edit::Edit;
use crate::model::{Document, Span, SpanId};
use crate::text::{MatchKey, OffsetIndex};

/// What becomes of one span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Its quote is still at its offsets.
    Unchanged,
    /// Found elsewhere: its new code point range.
    Moved(Range<usize>),
    /// Its quote is nowhere in the new text: the user has to place it again.
    Orphaned,
}

/// Where every span of a document goes in its new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReanchorPlan {
    pub anchors: Vec<(SpanId, Anchor)>,
    pub new_fingerprint: String,
    pub new_chars: usize,
}

impl ReanchorPlan {
    pub fn count(&self, matches: impl Fn(&Anchor) -> bool) -> usize {
        self.anchors.iter().filter(|(_, a)| matches(a)).count()
    }
    pub fn moved(&self) -> usize {
        self.count(|a| matches!(a, Anchor::Moved(_)))
    }
    pub fn orphaned(&self) -> usize {
        self.count(|a| *a == Anchor::Orphaned)
    }
}

/// The key under which an orphaned span keeps the range it had, for the user to see.
pub use crate::model::ORPHANED_ATTRIBUTE;

/// Plans where the spans of `document` go in `new_text`.
pub fn plan_reanchor(document: &Document, new_text: &str) -> ReanchorPlan {
    let index = OffsetIndex::new(new_text);
    let key = MatchKey::new(new_text);
    let chars: Vec<char> = new_text.chars().collect();
    let anchors = document
        .spans
        .iter()
        .map(|span| (span.id, anchor(span, new_text, &index, &key, &chars)))
        .collect();
    ReanchorPlan {
        anchors,
        new_fingerprint: super::fingerprint(new_text),
        new_chars: chars.len(),
    }
}

fn anchor(span: &Span, text: &str, index: &OffsetIndex, key: &MatchKey, chars: &[char]) -> Anchor {
    let at = |r: &Range<usize>| {
        let start = index.byte_of_char(r.start)?;
        let end = index.byte_of_char(r.end)?;
        text.get(start..end)
    };
    let old = span.start..span.end;
    if at(&old) == Some(span.quote()) && context_score(span, chars, &old) > 0 {
        return Anchor::Unchanged;
    }
    let mut candidates: Vec<Range<usize>> = text
        .match_indices(span.quote())
        .filter_map(|(byte, quote)| {
            Some(index.char_of_byte(byte)?..index.char_of_byte(byte + quote.len())?)
        })
        .collect();
    if candidates.is_empty() {
        candidates = key.find_all(span.quote());
    }
    let best = candidates.into_iter().max_by_key(|candidate| {
        let distance = candidate.start.abs_diff(span.start);
        (
            context_score(span, chars, candidate),
            std::cmp::Reverse(distance),
        )
    });
    match best {
        // Same place and same letters; a respelled quote at the same place counts as moved.
        Some(range) if range == old && at(&range) == Some(span.quote()) => Anchor::Unchanged,
        Some(range) => Anchor::Moved(range),
        None => Anchor::Orphaned,
    }
}

/// How many characters of the stored prefix and suffix match around `range`.
fn context_score(span: &Span, chars: &[char], range: &Range<usize>) -> usize {
    let before = chars[..range.start.min(chars.len())].iter().rev();
    let prefix = span.prefix().chars().rev();
    let matching_prefix = before.zip(prefix).take_while(|(a, b)| a == &b).count();
    let after = chars[range.end.min(chars.len())..].iter();
    let matching_suffix = after
        .zip(span.suffix().chars())
        .take_while(|(a, b)| *a == b)
        .count();
    // A span at the very start or end of the text has nothing to match on that side.
    let at_edges = usize::from(span.prefix().is_empty() && range.start == 0)
        + usize::from(span.suffix().is_empty() && range.end == chars.len());
    matching_prefix + matching_suffix + at_edges
}

/// The edit that applies a plan: moved spans get their new range, quote and context; orphaned
/// ones go to 0..0 and keep their old range in an attribute; the document takes the new
/// fingerprint. One undo step.
pub fn reanchor_edit(document: &Document, new_text: &str, plan: &ReanchorPlan) -> Edit {
    let mut edits = vec![Edit::SetFingerprint {
        doc: document.id,
        fingerprint: plan.new_fingerprint.clone(),
        chars: plan.new_chars,
    }];
    for (id, anchor) in &plan.anchors {
        let Some(span) = document.span(*id) else {
            continue;
        };
        let moved_to = match anchor {
            Anchor::Unchanged => continue,
            Anchor::Moved(range) => Span::quoting(
                span.id,
                new_text,
                range.start,
                range.end,
                &span.label,
                &span.author,
            ),
            Anchor::Orphaned => None,
        };
        let moved = match moved_to {
            Some(mut moved) => {
                moved.entity = span.entity;
                moved.attributes = span.attributes.clone();
                moved.attributes.remove(ORPHANED_ATTRIBUTE);
                moved.note = span.note.clone();
                moved.created = span.created.clone();
                moved.review = span.review.clone();
                moved
            }
            // Its text is gone (or would be cut inside a letter): kept at 0..0 with its quote,
            // and where it was, for the analyst to place it again.
            None => {
                let mut orphan = span.clone();
                orphan.start = 0;
                orphan.end = 0;
                orphan.attributes.insert(
                    ORPHANED_ATTRIBUTE.into(),
                    format!("{}..{}", span.start, span.end),
                );
                orphan
            }
        };
        edits.push(Edit::ReplaceSpan {
            doc: document.id,
            span: moved,
        });
    }
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, DocStatus, Project};

    const OLD: &str = "وزیر کشور اسکندر مومنی در چهارمین نشست وزیران کشور عضو اکو گفت: پاکستان میزبان نشست بعدی است.";

    fn project_with(spans: &[(&str, usize)]) -> (Project, DocId) {
        let mut project = Project::new("t", "c");
        let doc = project.new_doc_id();
        let mut document = crate::corpus::document_for_text(doc, "a.txt".into(), OLD, "UTF-8");
        document.status = DocStatus::InProgress;
        for (quote, nth) in spans {
            let byte = OLD.match_indices(quote).nth(*nth).unwrap().0;
            let start = OLD[..byte].chars().count();
            let id = project.new_span_id();
            document.spans.push(
                Span::quoting(id, OLD, start, start + quote.chars().count(), "X", "me").unwrap(),
            );
        }
        document.spans.sort_by_key(Span::sort_key);
        project.documents.push(document.into());
        (project, doc)
    }

    fn quote_at(text: &str, range: &Range<usize>) -> String {
        text.chars().skip(range.start).take(range.len()).collect()
    }

    #[test]
    fn text_added_before_moves_spans_by_the_same_amount() {
        let (project, doc) = project_with(&[("اسکندر مومنی", 0), ("پاکستان", 0)]);
        let new = format!("تهران - ایرنا: {OLD}");
        let plan = plan_reanchor(project.document(doc).unwrap(), &new);
        let shift = "تهران - ایرنا: ".chars().count();
        for ((_, anchor), span) in plan
            .anchors
            .iter()
            .zip(&project.document(doc).unwrap().spans)
        {
            assert_eq!(*anchor, Anchor::Moved(span.start + shift..span.end + shift));
        }
    }

    #[test]
    fn text_added_after_leaves_spans_alone() {
        let (project, doc) = project_with(&[("اسکندر مومنی", 0)]);
        let new = format!("{OLD}\nپایان پیام");
        let plan = plan_reanchor(project.document(doc).unwrap(), &new);
        assert_eq!(plan.anchors[0].1, Anchor::Unchanged);
    }

    #[test]
    fn a_span_whose_text_was_edited_is_orphaned_and_the_rest_move() {
        let (project, doc) = project_with(&[("اسکندر مومنی", 0), ("پاکستان", 0)]);
        let new = OLD.replace("اسکندر مومنی", "وزیر");
        let plan = plan_reanchor(project.document(doc).unwrap(), &new);
        assert_eq!(plan.anchors[0].1, Anchor::Orphaned);
        let Anchor::Moved(range) = &plan.anchors[1].1 else {
            panic!("{:?}", plan.anchors[1])
        };
        assert_eq!(quote_at(&new, range), "پاکستان");
        // Applying the plan: one undo step, orphan kept with its old place noted.
        let mut project = project;
        let document = project.document(doc).unwrap().clone();
        let inverse = reanchor_edit(&document, &new, &plan)
            .apply(&mut project)
            .unwrap();
        let after = project.document(doc).unwrap();
        assert_eq!(after.fingerprint, crate::corpus::fingerprint(&new));
        let orphan = after
            .spans
            .iter()
            .find(|s| s.quote() == "اسکندر مومنی")
            .unwrap();
        assert_eq!((orphan.start, orphan.end), (0, 0));
        assert!(orphan.attributes.contains_key(ORPHANED_ATTRIBUTE));
        inverse.apply(&mut project).unwrap();
        assert_eq!(project.document(doc).unwrap(), &document);
    }

    #[test]
    fn context_picks_the_right_one_of_two_occurrences() {
        // "نشست" occurs twice; the span is on the second.
        let (project, doc) = project_with(&[("نشست", 1)]);
        let new = format!("خبر فوری. {}", OLD.replace("چهارمین نشست", "چهارمین اجلاس"));
        let plan = plan_reanchor(project.document(doc).unwrap(), &new);
        let Anchor::Moved(range) = &plan.anchors[0].1 else {
            panic!()
        };
        let after: String = new.chars().skip(range.end).take(5).collect();
        assert_eq!(after, " بعدی", "the occurrence before «بعدی», as before");
    }

    #[test]
    fn a_quote_respelled_with_arabic_letters_is_found_through_the_match_key() {
        let (project, doc) = project_with(&[("اسکندر مومنی", 0)]);
        let new = OLD.replace("اسکندر مومنی", "إسكندر مؤمني");
        let plan = plan_reanchor(project.document(doc).unwrap(), &new);
        // Same place, other letters: reported as moved so the user sees it, never silent.
        let Anchor::Moved(range) = &plan.anchors[0].1 else {
            panic!("{:?}", plan.anchors[0])
        };
        assert_eq!(quote_at(&new, range), "إسكندر مؤمني");
    }
}

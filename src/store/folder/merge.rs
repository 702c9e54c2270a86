//! Git's merge driver for a project folder's files (`daftar merge-file BASE OURS THEIRS PATH`,
//! set up by `daftar sync`): a three-way merge that knows what the lines mean, so that only a
//! true disagreement is a conflict.
//!
//! Every file is merged field by field against the common ancestor: a field one side changed
//! takes that side's value, so a reviewer's decision on a span and its author's new label on the
//! same span both stay. In a spans file, spans are matched by id: one side's new spans are kept,
//! a span one side removed goes unless the other changed it (work is never dropped), and when
//! both sides changed the same field of a span differently, ours stays and theirs is kept beside
//! it as a span of "<author> (other copy)", so the disagreement shows in curation instead of as
//! conflict markers. Two notes are both kept; lists of names (labels, aliases, assignees) take
//! what either side added, less what either removed. Any other field changed on both sides (a
//! document's status, a meeting's value) is a conflict that `daftar sync` names.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Header, ron_text, session_id_floor};
use crate::model::{Document, Entity, Meeting, Outcome, Span, SpanId};

/// What the author of a span both sides changed differently gets, on theirs kept beside ours.
pub const OTHER_COPY_SUFFIX: &str = " (other copy)";

/// The author a span gets when both sides changed it differently: theirs kept beside ours.
pub fn other_copy_author(author: &str) -> String {
    format!("{author}{OTHER_COPY_SUFFIX}")
}

/// Why a file could not be merged: it stays a conflict for people to settle.
#[derive(Debug, PartialEq, Eq)]
pub enum Unmerged {
    /// A side is not a file of this kind (damaged, or a newer format).
    Unreadable(String),
    /// Both sides changed these fields differently.
    Disagree(Vec<String>),
}

/// Field by field: a field one side changed takes that side's value; both changed alike is
/// fine; both changed differently is listed (ours kept).
fn merge_fields(base: &Value, ours: &Value, theirs: &Value) -> (Value, Vec<String>) {
    let (Value::Object(b), Value::Object(o), Value::Object(t)) = (base, ours, theirs) else {
        return if ours == theirs || theirs == base {
            (ours.clone(), Vec::new())
        } else if ours == base {
            (theirs.clone(), Vec::new())
        } else {
            (ours.clone(), vec![String::new()])
        };
    };
    let mut merged = serde_json::Map::new();
    let mut disagree = Vec::new();
    let keys: std::collections::BTreeSet<&String> =
        b.keys().chain(o.keys()).chain(t.keys()).collect();
    for key in keys {
        let (bv, ov, tv) = (b.get(key), o.get(key), t.get(key));
        let value = if ov == tv || tv == bv {
            ov
        } else if ov == bv {
            tv
        } else {
            disagree.push(key.clone());
            ov
        };
        if let Some(value) = value {
            merged.insert(key.clone(), value.clone());
        }
    }
    (Value::Object(merged), disagree)
}

fn parse<T: DeserializeOwned>(text: &str, side: &str) -> Result<T, Unmerged> {
    ron::from_str(text).map_err(|e| Unmerged::Unreadable(format!("{side}: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn from_json<T: DeserializeOwned>(value: Value) -> Result<T, Unmerged> {
    serde_json::from_value(value).map_err(|e| Unmerged::Unreadable(e.to_string()))
}

/// One record merged field by field (a document, an entity, a meeting, an outcome, the header).
fn merge_record<T: Serialize + DeserializeOwned>(
    base: &str,
    ours: &str,
    theirs: &str,
    depth: usize,
) -> Result<String, Unmerged> {
    let (b, o, t): (T, T, T) = (
        parse(base, "base")?,
        parse(ours, "ours")?,
        parse(theirs, "theirs")?,
    );
    let (b, o, t) = (to_json(&b), to_json(&o), to_json(&t));
    let (mut merged, disagree) = merge_fields(&b, &o, &t);
    let mut left = Vec::new();
    for key in disagree {
        let field = |v: &Value| v.get(&key).cloned().unwrap_or(Value::Null);
        match settle_both(&key, &field(&b), &field(&o), &field(&t)) {
            Some(value) => {
                if let Value::Object(map) = &mut merged {
                    map.insert(key, value);
                }
            }
            None => left.push(key),
        }
    }
    if !left.is_empty() {
        return Err(Unmerged::Disagree(left));
    }
    Ok(ron_text(&from_json::<T>(merged)?, depth))
}

/// A field both sides changed differently that can still take both: a note (both texts, or
/// the one that contains the other) and lists of names (labels, aliases, the annotators a
/// document is given to: what either side added, less what either removed).
fn settle_both(key: &str, base: &Value, ours: &Value, theirs: &Value) -> Option<Value> {
    match (key, ours, theirs) {
        ("note", Value::String(o), Value::String(t)) => {
            Some(Value::String(if o.contains(t.as_str()) {
                o.clone()
            } else if t.contains(o.as_str()) {
                t.clone()
            } else {
                format!("{o}\n\n{t}")
            }))
        }
        ("labels" | "aliases" | "assigned", _, _) => {
            let list = |v: &Value| -> Vec<String> {
                v.as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let (b, o, t) = (list(base), list(ours), list(theirs));
            let mut merged: Vec<String> = o
                .iter()
                .filter(|x| t.contains(x) || !b.contains(x))
                .cloned()
                .collect();
            for name in t {
                if !b.contains(&name) && !merged.contains(&name) {
                    merged.push(name);
                }
            }
            if key == "assigned" {
                merged.sort();
            }
            Some(Value::Array(
                merged.into_iter().map(Value::String).collect(),
            ))
        }
        _ => None,
    }
}

/// One author's spans on a document, merged span by span (see the module's comment).
fn merge_spans(base: &str, ours: &str, theirs: &str) -> Result<String, Unmerged> {
    let by_id = |spans: Vec<Span>| -> BTreeMap<SpanId, Span> {
        spans.into_iter().map(|s| (s.id, s)).collect()
    };
    // A spans file added on both sides has no base: an empty one.
    let base: Vec<Span> = if base.trim().is_empty() {
        Vec::new()
    } else {
        parse(base, "base")?
    };
    let (b, o, t) = (
        by_id(base),
        by_id(parse(ours, "ours")?),
        by_id(parse(theirs, "theirs")?),
    );
    let mut next_id = session_id_floor();
    let mut merged: Vec<Span> = Vec::new();
    let ids: std::collections::BTreeSet<SpanId> = o.keys().chain(t.keys()).copied().collect();
    for id in ids {
        match (b.get(&id), o.get(&id), t.get(&id)) {
            (_, Some(ours), Some(theirs)) if ours == theirs => merged.push(ours.clone()),
            (Some(base), Some(ours), Some(theirs)) => {
                let (value, disagree) =
                    merge_fields(&to_json(base), &to_json(ours), &to_json(theirs));
                if disagree.is_empty() {
                    merged.push(from_json(value)?);
                } else {
                    merged.push(ours.clone());
                    merged.push(other_copy(theirs, &mut next_id));
                }
            }
            // Added on both sides with one id (never, with per-session ids): keep both.
            (None, Some(ours), Some(theirs)) => {
                merged.push(ours.clone());
                merged.push(other_copy(theirs, &mut next_id));
            }
            // One side removed it: gone, unless the other side changed it meanwhile.
            (Some(base), Some(kept), None) | (Some(base), None, Some(kept)) => {
                if kept != base {
                    merged.push(kept.clone());
                }
            }
            // Added by one side.
            (None, Some(added), None) | (None, None, Some(added)) => merged.push(added.clone()),
            (_, None, None) => {}
        }
    }
    merged.sort_by_key(Span::sort_key);
    Ok(ron_text(&merged, 1))
}

/// Their version of a span both sides changed, kept beside ours under a new id.
fn other_copy(theirs: &Span, next_id: &mut u64) -> Span {
    let mut copy = theirs.clone();
    copy.id = SpanId(*next_id);
    *next_id += 1;
    copy.author = other_copy_author(&theirs.author).into();
    copy
}

/// Merges one file of a project folder; `path` (relative to the project folder, as git gives
/// it) says what kind of file it is.
pub fn merge_file(path: &str, base: &str, ours: &str, theirs: &str) -> Result<String, Unmerged> {
    let path = path.replace('\\', "/");
    let name = path.rsplit('/').next().unwrap_or(&path);
    let in_folder = |folder: &str| path.contains(&format!("{folder}/"));
    if in_folder("documents") {
        let stem = name.trim_end_matches(".ron");
        return if stem.contains('.') {
            merge_spans(base, ours, theirs)
        } else {
            merge_record::<Document>(base, ours, theirs, 2)
        };
    }
    if in_folder("entities") {
        return merge_record::<Entity>(base, ours, theirs, 2);
    }
    if in_folder("meetings") {
        return merge_record::<Meeting>(base, ours, theirs, 3);
    }
    if in_folder("outcomes") {
        return merge_record::<Outcome>(base, ours, theirs, 3);
    }
    if name == super::PROJECT_RON {
        return merge_record::<Header>(base, ours, theirs, 4);
    }
    Err(Unmerged::Unreadable(format!(
        "{path} is not a file Daftar merges"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReviewState;

    const TEXT: &str = "عراقچی با لاوروف در مسکو دیدار کرد";

    fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
        let mut span = Span::quoting(SpanId(id), TEXT, start, end, label, "maryam").unwrap();
        span.created = "2026-11-30T10:00:00Z".into();
        span
    }

    fn file(spans: &[Span]) -> String {
        ron_text(&spans.to_vec(), 1)
    }

    fn spans_of(text: &str) -> Vec<Span> {
        ron::from_str(text).unwrap()
    }

    const SPANS: &str = "p.daftar/documents/d1.maryam-1a2b3c4d.ron";

    #[test]
    fn a_decision_and_a_new_label_on_one_span_both_stay() {
        let base = vec![span(1, 0, 6, "PER"), span(2, 20, 24, "LOC")];
        let mut reviewed = base.clone();
        reviewed[0].review.state = ReviewState::Accepted;
        let mut relabelled = base.clone();
        relabelled[0].label = "TITLE".into();
        relabelled.push(span(3, 10, 16, "PER"));
        let merged = spans_of(
            &merge_file(SPANS, &file(&base), &file(&reviewed), &file(&relabelled)).unwrap(),
        );
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0].label, "TITLE");
        assert_eq!(merged[0].review.state, ReviewState::Accepted);
        assert_eq!(merged[1].id, SpanId(3), "the new span, in reading order");
    }

    #[test]
    fn a_span_removed_on_one_side_goes_unless_the_other_changed_it() {
        let base = [span(1, 0, 6, "PER"), span(2, 20, 24, "LOC")];
        let removed = [base[1].clone()];
        let merged =
            spans_of(&merge_file(SPANS, &file(&base), &file(&removed), &file(&base)).unwrap());
        assert_eq!(merged.iter().map(|s| s.id).collect::<Vec<_>>(), [SpanId(2)]);
        let mut changed = base.clone();
        changed[0].note = "کیست؟".into();
        let merged =
            spans_of(&merge_file(SPANS, &file(&base), &file(&removed), &file(&changed)).unwrap());
        assert_eq!(merged.len(), 2, "work is never dropped");
    }

    #[test]
    fn two_labels_for_one_span_become_a_disagreement_to_curate() {
        let base = [span(1, 0, 6, "PER")];
        let mut ours = base.clone();
        ours[0].label = "TITLE".into();
        let mut theirs = base.clone();
        theirs[0].label = "ORG".into();
        let merged =
            spans_of(&merge_file(SPANS, &file(&base), &file(&ours), &file(&theirs)).unwrap());
        assert_eq!(merged.len(), 2);
        let copy = merged.iter().find(|s| s.id != SpanId(1)).unwrap();
        assert_eq!(copy.label, "ORG");
        assert_eq!(copy.author, "maryam (other copy)");
        assert_eq!(
            merged.iter().find(|s| s.id == SpanId(1)).unwrap().label,
            "TITLE"
        );
    }

    #[test]
    fn a_document_changed_in_different_fields_merges_and_in_one_field_conflicts() {
        let document =
            crate::corpus::document_for_text(crate::model::DocId(1), "a.txt".into(), TEXT, "UTF-8");
        let base = ron_text(&document, 2);
        let mut noted = document.clone();
        noted.note = "یادداشت".into();
        let mut assigned = document.clone();
        assigned.assigned = vec!["رضا".into()];
        let path = "p.daftar/documents/d1.ron";
        let merged: Document = ron::from_str(
            &merge_file(path, &base, &ron_text(&noted, 2), &ron_text(&assigned, 2)).unwrap(),
        )
        .unwrap();
        assert_eq!(merged.note, "یادداشت");
        assert_eq!(merged.assigned, ["رضا"]);
        // Two notes: both kept. Two statuses: a conflict for people to settle.
        let mut other_note = document.clone();
        other_note.note = "دیگر".into();
        let merged: Document = ron::from_str(
            &merge_file(path, &base, &ron_text(&noted, 2), &ron_text(&other_note, 2)).unwrap(),
        )
        .unwrap();
        assert_eq!(merged.note, "یادداشت\n\nدیگر");
        let mut reviewed = document.clone();
        reviewed.status = crate::model::DocStatus::Reviewed;
        let mut sent_back = document.clone();
        sent_back.status = crate::model::DocStatus::NeedsChanges;
        assert_eq!(
            merge_file(
                path,
                &base,
                &ron_text(&reviewed, 2),
                &ron_text(&sent_back, 2)
            ),
            Err(Unmerged::Disagree(vec!["status".into()]))
        );
        // Lists of names: what either added, less what either removed.
        let mut given = document.clone();
        given.assigned = vec!["سارا".into(), "مریم".into()];
        let base = ron_text(&given, 2);
        let mut ours = given.clone();
        ours.assigned = vec!["رضا".into(), "سارا".into(), "مریم".into()];
        let mut theirs = given;
        theirs.assigned = vec!["علی".into(), "مریم".into()];
        let merged: Document = ron::from_str(
            &merge_file(path, &base, &ron_text(&ours, 2), &ron_text(&theirs, 2)).unwrap(),
        )
        .unwrap();
        assert_eq!(merged.assigned, ["رضا", "علی", "مریم"]);
        assert!(matches!(
            merge_file(path, &base, "(", &base),
            Err(Unmerged::Unreadable(_))
        ));
    }
}

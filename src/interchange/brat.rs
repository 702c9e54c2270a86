//! brat standoff: per document `NAME.txt` (the text) and `NAME.ann`, and one `annotation.conf`.
//! Offsets count code points (brat reads text as Python strings). A span crossing a line break
//! is written as fragments (`0 5;6 10`), as brat requires. Lines written:
//! `T` spans, `A` span attributes and meeting/outcome attributes, `N` entity links
//! (`daftar:e9`, or the entity's external id), `#` notes, `E` meetings and outcomes (trigger and
//! arguments, where the evidence is in the same document; a meeting names its outcomes' events
//! as `Outcome` arguments too), `R` outcome-of-meeting. A `MEETING`/`OUTCOME` span that triggers
//! no event is written as `MEETING_EVIDENCE`/`OUTCOME_EVIDENCE`, an entity type.
//! Import reads `T`, `A` (on spans) and `#` lines; events and relations are not imported.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use super::export::file_stems;
use super::records_json::actor_role;
use super::{ExportDoc, ExportFile, ExportOptions, ExportSet, Exporter, units};
use crate::model::{Meeting, Outcome, SpanId, SpanRef};

pub struct Brat;

/// brat names may not hold spaces: `head_of delegation` → `head_of_delegation`.
fn token(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}

/// `start end[;start end]` and the fragments' text joined by spaces.
fn fragments(doc: &ExportDoc, start: usize, end: usize) -> (String, String) {
    let mut ranges = Vec::new();
    let mut from = start;
    for (i, c) in doc.slice(start, end).chars().enumerate() {
        if c == '\n' {
            if from < start + i {
                ranges.push((from, start + i));
            }
            from = start + i + 1;
        }
    }
    if from < end {
        ranges.push((from, end));
    }
    if ranges.is_empty() {
        ranges.push((start, end));
    }
    let at = |c| units::BRAT.of_char(&doc.offsets, c);
    let offsets = ranges
        .iter()
        .map(|(s, e)| format!("{} {}", at(*s), at(*e)))
        .collect::<Vec<_>>()
        .join(";");
    let text = ranges
        .iter()
        .map(|(s, e)| doc.slice(*s, *e))
        .collect::<Vec<_>>()
        .join(" ");
    (offsets, text)
}

/// The attribute that carries a linked entity's subtype.
const SUBTYPE_ATTRIBUTE: &str = "Subtype";

/// A normalization reference for an entity: its Wikidata QID or ISO 3166 code when it has one,
/// else its id in the project.
fn reference(entity: &crate::model::Entity) -> String {
    match entity.external_id.as_deref() {
        Some(q) if q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit()) => {
            format!("Wikidata:{q}")
        }
        Some(code)
            if code.split('-').next().is_some_and(|c| {
                (2..=3).contains(&c.len()) && c.chars().all(|c| c.is_ascii_uppercase())
            }) =>
        {
            format!("ISO3166:{code}")
        }
        Some(other) => format!("External:{}", token(other)),
        None => format!("daftar:{}", entity.id),
    }
}

fn capitalised(key: &str) -> String {
    key.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// Arguments of a meeting event: (role, span) for evidence in this document.
fn meeting_arguments(meeting: &Meeting) -> Vec<(String, SpanRef)> {
    let mut arguments: Vec<(String, SpanRef)> = crate::model::MeetingField::single_valued()
        .filter_map(|field| Some((capitalised(field.key()), meeting.evidence_of(field)?)))
        .collect();
    arguments.extend(
        meeting
            .participants
            .iter()
            .filter_map(|p| Some(("Participant".to_string(), p.evidence?))),
    );
    arguments
}

fn outcome_arguments(outcome: &Outcome) -> Vec<(String, SpanRef)> {
    let mut arguments = Vec::new();
    if let Some(at) = outcome.title.as_ref().and_then(|t| t.evidence) {
        arguments.push(("Title".to_string(), at));
    }
    for actor in &outcome.actors {
        if let Some(at) = actor.evidence {
            arguments.push((capitalised(actor_role(actor.role)), at));
        }
    }
    arguments
}

/// The record's first evidence span in `doc` that the export holds: its event's trigger there.
fn trigger_in(
    evidence: &[SpanRef],
    doc: &ExportDoc,
    t_of: &HashMap<SpanId, usize>,
) -> Option<SpanRef> {
    evidence
        .iter()
        .find(|e| e.doc == doc.document.id)
        .copied()
        .filter(|e| t_of.contains_key(&e.span))
}

/// Writes the `E` line of one event whose trigger is `trigger`; returns its id. `events` are
/// arguments that are other events (a meeting's `Outcome:E2`).
fn write_event(
    ann: &mut String,
    next_event: &mut usize,
    t_of: &HashMap<SpanId, usize>,
    doc: &ExportDoc,
    trigger: SpanRef,
    arguments: Vec<(String, SpanRef)>,
    events: &[(&str, usize)],
) -> Option<usize> {
    let here = |at: &SpanRef| at.doc == doc.document.id && t_of.contains_key(&at.span);
    let trigger_span = doc.spans.iter().find(|s| s.id == trigger.span)?;
    *next_event += 1;
    let id = *next_event;
    let _ = write!(
        ann,
        "E{id}\t{}:T{}",
        trigger_span.label, t_of[&trigger.span]
    );
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut numbered = |role: &str| {
        let count = seen.entry(role.to_string()).or_default();
        *count += 1;
        if *count == 1 {
            role.to_string()
        } else {
            format!("{role}{count}")
        }
    };
    for (role, at) in arguments.iter().filter(|(_, at)| here(at)) {
        let _ = write!(ann, " {}:T{}", numbered(role), t_of[&at.span]);
    }
    for (role, event) in events {
        let _ = write!(ann, " {}:E{event}", numbered(role));
    }
    ann.push('\n');
    Some(id)
}

impl Exporter for Brat {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let project = set.project;
        let mut files = Vec::new();
        let mut span_attributes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (doc, stem) in set.docs.iter().zip(file_stems(set)) {
            let mut ann = String::new();
            let t_of: HashMap<SpanId, usize> = doc
                .spans
                .iter()
                .enumerate()
                .map(|(i, span)| (span.id, i + 1))
                .collect();
            let meetings: Vec<(&Meeting, SpanRef)> = set
                .meetings_of(doc.document.id)
                .filter_map(|m| Some((m, trigger_in(&m.evidence, doc, &t_of)?)))
                .collect();
            let outcomes: Vec<(&Outcome, SpanRef)> = set
                .outcomes_of(doc.document.id)
                .filter_map(|o| Some((o, trigger_in(&o.evidence, doc, &t_of)?)))
                .collect();
            let triggers: HashSet<SpanId> = meetings
                .iter()
                .map(|(_, t)| t.span)
                .chain(outcomes.iter().map(|(_, t)| t.span))
                .collect();
            let (mut a, mut n, mut note) = (0, 0, 0);
            for span in &doc.spans {
                let (offsets, text) = fragments(doc, span.start, span.end);
                let _ = writeln!(
                    ann,
                    "T{}\t{} {offsets}\t{text}",
                    t_of[&span.id],
                    brat_type(&span.label, triggers.contains(&span.id))
                );
            }
            for span in &doc.spans {
                let t = t_of[&span.id];
                for (key, value) in &span.attributes {
                    a += 1;
                    let (key, value) = (token(key), token(value));
                    let _ = writeln!(ann, "A{a}\t{key} T{t} {value}");
                    span_attributes.entry(key).or_default().insert(value);
                }
                let entity = span.entity.and_then(|e| project.entity(e));
                // The entity's subtype as the span's attribute (brat has no entity registry).
                if let Some(subtype) = entity.and_then(|e| e.subtype.as_deref())
                    && !span.attributes.contains_key(SUBTYPE_ATTRIBUTE)
                {
                    a += 1;
                    let value = token(subtype);
                    let _ = writeln!(ann, "A{a}\t{SUBTYPE_ATTRIBUTE} T{t} {value}");
                    span_attributes
                        .entry(SUBTYPE_ATTRIBUTE.to_string())
                        .or_default()
                        .insert(value);
                }
                if let Some(entity) = entity {
                    n += 1;
                    let reference = reference(entity);
                    let _ = writeln!(
                        ann,
                        "N{n}\tReference T{t} {reference}\t{}",
                        one_line(&entity.name)
                    );
                }
                if !span.note.is_empty() {
                    note += 1;
                    let _ = writeln!(
                        ann,
                        "#{note}\tAnnotatorNotes T{t}\t{}",
                        one_line(&span.note)
                    );
                }
            }
            // Outcomes first, so that a meeting's event can name its outcomes' events as
            // arguments (`Outcome:E2`): readers that reject relations between events keep that.
            let mut next_event = 0;
            let mut outcome_events: Vec<(&Outcome, usize)> = Vec::new();
            for (outcome, trigger) in &outcomes {
                let Some(e) = write_event(
                    &mut ann,
                    &mut next_event,
                    &t_of,
                    doc,
                    *trigger,
                    outcome_arguments(outcome),
                    &[],
                ) else {
                    continue;
                };
                outcome_events.push((outcome, e));
                // A type or status not chosen yet is left out, not written empty.
                for (attribute, value) in [("Type", &outcome.kind), ("Status", &outcome.status)] {
                    if !value.is_empty() {
                        a += 1;
                        let _ = writeln!(ann, "A{a}\t{attribute} E{e} {}", token(value));
                    }
                }
            }
            let mut meeting_events = HashMap::new();
            for (meeting, trigger) in &meetings {
                let its_outcomes: Vec<(&str, usize)> = outcome_events
                    .iter()
                    .filter(|(o, _)| o.meeting == Some(meeting.id))
                    .map(|&(_, e)| ("Outcome", e))
                    .collect();
                if let Some(e) = write_event(
                    &mut ann,
                    &mut next_event,
                    &t_of,
                    doc,
                    *trigger,
                    meeting_arguments(meeting),
                    &its_outcomes,
                ) {
                    meeting_events.insert(meeting.id, e);
                    a += 1;
                    let _ = writeln!(ann, "A{a}\tRealis E{e} {:?}", meeting.realis);
                }
            }
            let mut r = 0;
            for (outcome, e) in &outcome_events {
                if let Some(meeting) = outcome.meeting.and_then(|m| meeting_events.get(&m)) {
                    r += 1;
                    let _ = writeln!(ann, "R{r}\tOutcomeOf Arg1:E{e} Arg2:E{meeting}");
                }
            }
            files.push(ExportFile::text(format!("{stem}.txt"), doc.text.clone()));
            files.push(ExportFile::text(format!("{stem}.ann"), ann));
        }
        files.push(ExportFile::text(
            "annotation.conf",
            annotation_conf(set, &span_attributes),
        ));
        files
    }
}

const EVENT_LABELS: [&str; 2] = ["MEETING", "OUTCOME"];

/// What a `MEETING` or `OUTCOME` span that triggers no event in its document is written as: an
/// entity type of its own (`MEETING_EVIDENCE`: another mention of the meeting, or the words a
/// level or sector was read from), since brat takes an event type's span without an event for
/// an unfinished annotation. Import reads it back as the event label.
const EVIDENCE_SUFFIX: &str = "_EVIDENCE";

/// The brat type of a span labelled `label`.
fn brat_type(label: &str, triggers_an_event: bool) -> String {
    if EVENT_LABELS.contains(&label) && !triggers_an_event {
        format!("{label}{EVIDENCE_SUFFIX}")
    } else {
        label.to_string()
    }
}

/// The Daftar label of a brat type (the inverse of [`brat_type`]).
fn label_of_brat_type(kind: &str) -> &str {
    match kind.strip_suffix(EVIDENCE_SUFFIX) {
        Some(label) if EVENT_LABELS.contains(&label) => label,
        _ => kind,
    }
}

fn annotation_conf(
    set: &ExportSet,
    span_attributes: &BTreeMap<String, BTreeSet<String>>,
) -> String {
    let schema = &set.project.schema;
    let entities: Vec<String> = schema
        .labels
        .iter()
        .map(|l| l.key.clone())
        .filter(|k| !EVENT_LABELS.contains(&k.as_str()))
        .chain(EVENT_LABELS.iter().map(|l| brat_type(l, false)))
        .collect();
    // Arguments may be any entity type (a level's evidence is a MEETING_EVIDENCE span).
    let any = entities.join("|");
    let mut conf = String::from("# Written by Daftar from the project's schema.\n[entities]\n");
    for label in &entities {
        let _ = writeln!(conf, "{label}");
    }
    conf.push_str("\n[relations]\nOutcomeOf\tArg1:OUTCOME, Arg2:MEETING\n<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\n[events]\n");
    let meeting_roles: Vec<String> = crate::model::MeetingField::single_valued()
        .map(|field| format!("{}?:{any}", capitalised(field.key())))
        .chain(std::iter::once(format!("Participant*:{any}")))
        .chain(std::iter::once("Outcome*:OUTCOME".to_string()))
        .collect();
    let _ = writeln!(conf, "MEETING\t{}", meeting_roles.join(", "));
    let outcome_roles: Vec<String> = [
        "Title?",
        "Adopter*",
        "Proposer*",
        "Beneficiary*",
        "ApprovingBody*",
    ]
    .iter()
    .map(|r| format!("{r}:{any}"))
    .collect();
    let _ = writeln!(conf, "OUTCOME\t{}", outcome_roles.join(", "));
    conf.push_str(
        "\n[attributes]\nRealis\tArg:MEETING, Value:Held|Planned|Hypothetical|Cancelled\n",
    );
    let keys = |choices: &[crate::model::Choice]| {
        choices
            .iter()
            .map(|c| token(&c.key))
            .collect::<Vec<_>>()
            .join("|")
    };
    let _ = writeln!(
        conf,
        "Type\tArg:OUTCOME, Value:{}",
        keys(&schema.outcome_types)
    );
    let _ = writeln!(
        conf,
        "Status\tArg:OUTCOME, Value:{}",
        keys(&schema.outcome_statuses)
    );
    for (key, values) in span_attributes {
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let _ = writeln!(conf, "{key}\tArg:<ENTITY>, Value:{}", values.join("|"));
    }
    conf
}

/// A text-bound annotation read from an `.ann` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnSpan {
    pub id: String,
    pub label: String,
    /// Code points; the first fragment's start to the last fragment's end.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub attributes: BTreeMap<String, String>,
    pub note: String,
}

/// Reads the `T`, `A` and `#` lines of an `.ann` file. An error names the line.
pub fn parse_ann(ann: &str) -> Result<Vec<AnnSpan>, String> {
    let mut spans: Vec<AnnSpan> = Vec::new();
    let mut index = HashMap::new();
    for (number, line) in ann.lines().enumerate() {
        let bad = |what: &str| format!("line {}: {what}: {line:?}", number + 1);
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or("");
        let body = fields.next().ok_or_else(|| bad("no tab after the id"))?;
        match id.chars().next() {
            Some('T') => {
                let text = fields.next().ok_or_else(|| bad("no text"))?;
                let (label, offsets) = body.split_once(' ').ok_or_else(|| bad("no offsets"))?;
                let mut start = usize::MAX;
                let mut end = 0;
                for fragment in offsets.split(';') {
                    let (s, e) = fragment.split_once(' ').ok_or_else(|| bad("bad offsets"))?;
                    let s: usize = s.parse().map_err(|_| bad("bad start offset"))?;
                    let e: usize = e.parse().map_err(|_| bad("bad end offset"))?;
                    if e < s {
                        return Err(bad("end before start"));
                    }
                    start = start.min(s);
                    end = end.max(e);
                }
                index.insert(id.to_string(), spans.len());
                spans.push(AnnSpan {
                    id: id.to_string(),
                    label: label_of_brat_type(label).to_string(),
                    start,
                    end,
                    text: text.to_string(),
                    attributes: BTreeMap::new(),
                    note: String::new(),
                });
            }
            Some('A') | Some('M') => {
                let parts: Vec<&str> = body.split(' ').collect();
                let (key, target) = match parts[..] {
                    [key, target] | [key, target, _] => (key, target),
                    _ => return Err(bad("an attribute needs a name and a target")),
                };
                let value = parts.get(2).copied().unwrap_or("true");
                if let Some(&i) = index.get(target) {
                    spans[i]
                        .attributes
                        .insert(key.to_string(), value.to_string());
                }
            }
            Some('#') => {
                let note = fields.next().unwrap_or("");
                let target = body.split(' ').nth(1).unwrap_or("");
                if let Some(&i) = index.get(target) {
                    spans[i].note = note.to_string();
                }
            }
            Some('E' | 'R' | 'N' | '*') => {}
            _ => return Err(bad("not a brat annotation line")),
        }
    }
    Ok(spans)
}

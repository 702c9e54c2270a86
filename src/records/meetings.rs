//! Meetings from the text: a new meeting from its trigger words, a field filled from a
//! selection (value and evidence together), more evidence from another article.

use super::RecordError;
use super::evidence::{ArticleRef, Selection, entity_of, evidence, optional_evidence};
use crate::edit::Edit;
use crate::model::{
    Choice, FieldKind, FieldValueKind, Meeting, MeetingField, MeetingId, Participant, Project,
    Schema, Sourced, Span,
};
use crate::text::MatchKey;
use crate::text::dates::parse_date;
use crate::text::ordinals::parse_ordinal;

/// The label of the span that reports a meeting.
pub const MEETING_LABEL: &str = "MEETING";

/// A new meeting; with a selection, its words become the meeting's first evidence (a MEETING
/// span). One undo step.
pub fn new_meeting(
    project: &mut Project,
    article: Option<(ArticleRef, Selection)>,
    author: &str,
) -> Result<(Edit, MeetingId), RecordError> {
    let (evidence_at, _, mut edits) = optional_evidence(project, article, MEETING_LABEL, author)?;
    let mut meeting = Meeting::new(project.new_meeting_id(), author);
    meeting.evidence.extend(evidence_at);
    let id = meeting.id;
    edits.push(Edit::InsertMeeting(meeting));
    Ok((Edit::Batch(edits), id))
}

fn meeting_copy(project: &Project, id: MeetingId) -> Result<Meeting, RecordError> {
    project
        .meeting(id)
        .cloned()
        .ok_or(RecordError::NoMeeting(id))
}

/// Adds the selection as evidence that this article reports `meeting` (one meeting, many
/// articles).
pub fn attach_meeting_evidence(
    project: &mut Project,
    meeting: MeetingId,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = meeting_copy(project, meeting)?;
    let found = evidence(project, article, selection, MEETING_LABEL, author)?;
    if !changed.evidence.contains(&found.at()) {
        changed.evidence.push(found.at());
    }
    let mut edits = found.into_edits(project);
    edits.push(Edit::ReplaceMeeting(changed));
    Ok(Edit::Batch(edits))
}

/// The label of words that are evidence of a record's field but neither a name nor the words
/// reporting the meeting (a level named in «نشست وزیران», «دو کشور به عنوان مهمان ویژه»); the
/// field is its `role` attribute.
pub const EVIDENCE_LABEL: &str = "EVIDENCE";
/// The attribute of an EVIDENCE span that names the field it is evidence of.
pub const EVIDENCE_ROLE: &str = "role";

/// The label a new evidence span gets when filling a field of `kind`.
fn evidence_label<'s>(schema: &Schema, kind: &'s FieldKind) -> &'s str {
    match kind {
        FieldKind::Entity(labels) => labels.first().map_or("ORG", String::as_str),
        FieldKind::Date => "DATE",
        FieldKind::Ordinal => "ORDINAL",
        FieldKind::Participants => "GPE",
        // The body that met (a council, a commission) is an organization.
        FieldKind::Text => "ORG",
        FieldKind::Choice(_) | FieldKind::Realis => field_evidence_label(schema),
    }
}

/// EVIDENCE, or MEETING in a project whose schema predates that label.
fn field_evidence_label(schema: &Schema) -> &'static str {
    if schema.label(EVIDENCE_LABEL).is_some() {
        EVIDENCE_LABEL
    } else {
        MEETING_LABEL
    }
}

/// Marks a new EVIDENCE span with the field it is evidence of.
fn mark_role(found: &mut super::evidence::Evidence, role: &str) {
    if found.is_new && found.span.label == EVIDENCE_LABEL {
        found
            .span
            .attributes
            .insert(EVIDENCE_ROLE.to_string(), role.to_string());
    }
}

/// The choice whose name (in any of its languages) or cue occurs in `quote` as whole words,
/// through the match key, and the words that named it; the longest such words win ("وزیران امور
/// خارجه" names the ministerial level, "میزبان نشست بعدی" the next host rather than the next
/// meeting).
pub fn proposed_choice<'c>(choices: &'c [Choice], quote: &str) -> Option<(&'c Choice, String)> {
    let text = MatchKey::new(quote);
    choices
        .iter()
        .flat_map(|c| {
            [&c.names.en, &c.names.fa, &c.names.ar]
                .into_iter()
                .chain(&c.cues)
                .map(move |words| (c, words))
        })
        .filter(|(_, words)| !text.find_all(words).is_empty())
        .max_by_key(|(_, words)| words.chars().count())
        .map(|(c, words)| (c, words.clone()))
}

/// The label of a span that gives a person's title or office.
pub const TITLE_LABEL: &str = "TITLE";

/// A participant's role when nothing near the name says otherwise.
const DEFAULT_ROLE: &str = "member";

/// The role a participant's words propose: the TITLE spans next to the name (or over it) and the
/// words just before it, read for the schema's roles and their cues ("سراج الدین مهرالدین، وزیر
/// امور خارجه" → head of delegation; "به ریاست …" → chair; "دبیرکل" → secretary general).
fn proposed_role(project: &Project, doc: crate::model::DocId, person: &Span) -> Option<String> {
    // Close enough to belong to the name: a comma and a space, an ezafe.
    const NEAR: usize = 3;
    let document = project.document(doc)?;
    let mut words: Vec<&str> = document
        .spans
        .iter()
        .filter(|s| s.label == TITLE_LABEL && s.id != person.id)
        .filter(|s| s.start <= person.end + NEAR && person.start <= s.end + NEAR)
        .map(|s| s.quote())
        .collect();
    words.push(person.prefix());
    let (role, _) = proposed_choice(&project.schema.participant_roles, &words.join(" | "))?;
    Some(role.key.clone())
}

/// Reads an ordinal from a selection that may hold more than the ordinal ("چهارمین نشست").
fn ordinal_in(quote: &str) -> Option<u32> {
    parse_ordinal(quote).or_else(|| {
        let words: Vec<&str> = quote.split_whitespace().collect();
        (0..words.len())
            .flat_map(|i| (i + 1..=words.len()).map(move |j| (i, j)))
            .find_map(|(i, j)| parse_ordinal(&words[i..j].join(" ")))
    })
}

fn field_kind(schema: &Schema, field: MeetingField) -> Result<FieldKind, RecordError> {
    schema
        .meeting_field(field)
        .map(|f| f.kind.clone())
        .ok_or(RecordError::NoField(field))
}

/// Fills the meeting field `field` from the selection: the value is read from the text (an
/// entity, a normalised date, an ordinal, a choice named in it, the words themselves) and the
/// span it came from is kept as its evidence. A date range filling the start also fills an empty
/// end. Participants are added (role "member", changeable in the panel). One undo step.
pub fn fill_field(
    project: &mut Project,
    meeting: MeetingId,
    field: MeetingField,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = meeting_copy(project, meeting)?;
    let kind = field_kind(&project.schema, field)?;
    if field == MeetingField::Realis {
        return Err(RecordError::NotFromText(field));
    }
    let label = evidence_label(&project.schema, &kind).to_string();
    let mut found = evidence(project, article, selection, &label, author)?;
    mark_role(&mut found, field.key());
    let at = found.at();
    let quote = found.quote().to_string();
    let mut edits = Vec::new();
    match field.value_kind() {
        FieldValueKind::Entity => {
            let (entity, new_entity) = entity_of(project, &mut found);
            edits.extend(new_entity);
            if let Some(slot) = changed.entity_slot_mut(field) {
                *slot = Some(Sourced::with_evidence(entity, at));
            }
        }
        FieldValueKind::Participants => {
            let (entity, new_entity) = entity_of(project, &mut found);
            edits.extend(new_entity);
            if changed
                .participants
                .iter()
                .any(|p| p.entity == Some(entity))
            {
                return Err(RecordError::AlreadyParticipant(quote));
            }
            let role = proposed_role(project, article.doc, &found.span)
                .unwrap_or_else(|| DEFAULT_ROLE.to_string());
            changed.participants.push(Participant {
                entity: Some(entity),
                count: None,
                all_members: false,
                description: String::new(),
                role,
                evidence: Some(at),
            });
        }
        FieldValueKind::Date => {
            let document = project.document(article.doc);
            let language = document.map_or("und", |d| d.language.as_str());
            let published = document.and_then(|d| d.published.as_deref());
            let parsed = parse_date(&quote, language, published)
                .ok_or_else(|| RecordError::NotADate(quote.clone()))?;
            // A date read from the text: the date is stated after all.
            changed.date_not_stated = false;
            if field == MeetingField::End {
                let end = parsed.end.unwrap_or(parsed.start);
                changed.end = Some(Sourced::with_evidence(end, at));
            } else {
                if let Some(end) = parsed.end
                    && changed.end.is_none()
                {
                    changed.end = Some(Sourced::with_evidence(end, at));
                }
                changed.start = Some(Sourced::with_evidence(parsed.start, at));
            }
        }
        FieldValueKind::Ordinal => {
            let value =
                ordinal_in(&quote).ok_or_else(|| RecordError::NotAnOrdinal(quote.clone()))?;
            changed.ordinal = Some(Sourced::with_evidence(value, at));
        }
        FieldValueKind::Text => {
            if let Some(slot) = changed.text_slot_mut(field) {
                *slot = Some(Sourced::with_evidence(quote.clone(), at));
            }
        }
        FieldValueKind::Choice => {
            let choices = match &kind {
                FieldKind::Choice(choices) => choices.as_slice(),
                _ => &[],
            };
            let value = match (proposed_choice(choices, &quote), changed.choice(field)) {
                (Some((choice, _)), _) => choice.key.clone(),
                (None, Some(existing)) => existing.to_string(),
                (None, None) => return Err(RecordError::NoMatchingChoice { field, quote }),
            };
            if let Some(slot) = changed.text_slot_mut(field) {
                *slot = Some(Sourced::with_evidence(value, at));
            }
        }
        FieldValueKind::Realis => return Err(RecordError::NotFromText(field)),
    }
    edits.extend(found.into_edits(project));
    // The words the field was read from before go when they existed only for it.
    let unused = super::detach::let_go_of_unused(project, &changed);
    edits.push(Edit::ReplaceMeeting(changed));
    edits.extend(unused);
    Ok(Edit::Batch(edits))
}

/// An unnamed group as its words give it: how many (a figure or a number word: «دو کشور»), or
/// every member («کشورهای عضو», «همه اعضا», «جميع الدول الأعضاء»), who they are (the word after
/// the number, or the words), and the role the words propose («مهمان ویژه» → special guest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupProposal {
    /// `None`: every member.
    pub count: Option<u32>,
    pub description: String,
    pub role: String,
}

/// Words that make a group every member.
const EVERY_MEMBER: [&str; 9] = [
    "همه",
    "تمام",
    "کلیه",
    "عضو",
    "اعضا",
    "جميع",
    "كل",
    "الأعضاء",
    "members",
];

/// The group `quote` describes, or `None` when it gives neither a number nor "every member".
pub fn propose_group(schema: &Schema, quote: &str) -> Option<GroupProposal> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let counted = words
        .iter()
        .position(|w| crate::text::ordinals::parse_cardinal(w).is_some());
    let (count, description) = match counted {
        Some(at) => (
            crate::text::ordinals::parse_cardinal(words[at]),
            words.get(at + 1).copied().unwrap_or_default().to_string(),
        ),
        None => {
            let key = MatchKey::new(quote);
            EVERY_MEMBER
                .iter()
                .any(|w| !key.find_all(w).is_empty())
                .then_some(())?;
            (None, quote.trim().to_string())
        }
    };
    let role = proposed_choice(&schema.participant_roles, quote).map_or_else(
        || DEFAULT_ROLE.to_string(),
        |(choice, _)| choice.key.clone(),
    );
    Some(GroupProposal {
        count,
        description,
        role,
    })
}

/// Adds an unnamed participant ("two countries as special guests"; with no count, "all member
/// states"), with the selection as evidence when there is one.
pub fn add_unnamed_participant(
    project: &mut Project,
    meeting: MeetingId,
    count: Option<u32>,
    description: &str,
    role: &str,
    article: Option<(ArticleRef, Selection)>,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = meeting_copy(project, meeting)?;
    let (at, mut edits) = match article {
        Some((article, selection)) => {
            let label = field_evidence_label(&project.schema);
            let mut found = evidence(project, article, &selection, label, author)?;
            mark_role(&mut found, MeetingField::Participants.key());
            (Some(found.at()), found.into_edits(project))
        }
        None => (None, Vec::new()),
    };
    changed.participants.push(Participant {
        entity: None,
        count,
        all_members: count.is_none(),
        description: description.to_string(),
        role: role.to_string(),
        evidence: at,
    });
    edits.push(Edit::ReplaceMeeting(changed));
    Ok(Edit::Batch(edits))
}

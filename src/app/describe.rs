//! Records as a person reads them: by their names, never their ids. A meeting is its
//! organization, body, ordinal, venue and dates; an outcome its type, status and title; a span its
//! label and words; a schema choice its name in the label language. Ids stay in exports and
//! tooltips.

use crate::model::{Choice, LabelLanguage, Meeting, Outcome, OutcomeField, Project, Span};

/// The separator between the parts of a description.
pub const PARTS: &str = " · ";

/// A choice's name in `language` (its key, marked unknown, when the schema has no such choice).
pub fn choice_name(choices: &[Choice], key: &str, language: LabelLanguage) -> String {
    if key.is_empty() {
        return words(language, NOT_CHOSEN);
    }
    choices.iter().find(|c| c.key == key).map_or_else(
        || format!("{key} (?)"),
        |c| c.names.get(language).to_string(),
    )
}

/// An ordinal number as the label language writes it: 4th, ۴مین, الـ٤.
pub fn ordinal(n: u32, language: LabelLanguage) -> String {
    match language {
        LabelLanguage::English => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        LabelLanguage::Persian => format!("{}مین", digits(n, '۰')),
        LabelLanguage::Arabic => format!("الـ{}", digits(n, '٠')),
    }
}

/// `n` in the digits that start at `zero` (Persian ۰, Arabic-Indic ٠).
fn digits(n: u32, zero: char) -> String {
    n.to_string()
        .chars()
        .map(|d| char::from_u32(zero as u32 + d.to_digit(10).unwrap_or(0)).unwrap_or(d))
        .collect()
}

/// What a meeting is: "سازمان همکاری اقتصادی اکو · نشست وزیران کشور · 4th · تهران · date not
/// stated". Empty parts are left out; with nothing filled in yet, its first evidence.
pub fn meeting_title(project: &Project, meeting: &Meeting, language: LabelLanguage) -> String {
    let entity = |id| project.entity(id).map(|e| e.name.clone());
    let mut parts: Vec<String> = Vec::new();
    parts.extend(meeting.organization.as_ref().and_then(|f| entity(f.value)));
    parts.extend(meeting.body.as_ref().map(|b| b.value.clone()));
    parts.extend(meeting.ordinal.as_ref().map(|o| ordinal(o.value, language)));
    parts.extend(meeting.venue.as_ref().and_then(|f| entity(f.value)));
    if parts.is_empty() {
        parts.extend(
            meeting
                .evidence
                .first()
                .and_then(|at| project.span(*at))
                .map(|s| format!("«{}»", s.quote())),
        );
    }
    // ISO dates are isolated left to right: in a Persian or Arabic line the bidi algorithm
    // would otherwise read their digits as Arabic numbers and show 2021-07-13 as 13-07-2021.
    parts.push(match (&meeting.start, &meeting.end) {
        (Some(start), Some(end)) if end.value.iso != start.value.iso => {
            left_to_right(&format!("{} – {}", start.value.iso, end.value.iso))
        }
        (Some(start), _) => left_to_right(&start.value.iso),
        _ if meeting.date_not_stated => words(language, DATE_NOT_STATED),
        _ => words(language, NO_DATE_YET),
    });
    parts.join(PARTS)
}

/// `text` as a left-to-right isolate (LRI … PDI): it keeps its own order inside a
/// right-to-left line, and the text engine draws the two marks as nothing.
fn left_to_right(text: &str) -> String {
    format!("\u{2066}{text}\u{2069}")
}

/// What an outcome is: its type, status and, when it has one, the title of its document.
pub fn outcome_title(project: &Project, outcome: &Outcome, language: LabelLanguage) -> String {
    let schema = &project.schema;
    let mut parts = vec![
        choice_name(&schema.outcome_types, &outcome.kind, language),
        choice_name(&schema.outcome_statuses, &outcome.status, language),
    ];
    parts.extend(outcome.title.as_ref().map(|t| t.value.clone()));
    parts.join(PARTS)
}

/// What a span is: its label's name and its words.
pub fn span_title(project: &Project, span: &Span, language: LabelLanguage) -> String {
    let label = project
        .schema
        .label(&span.label)
        .map_or(span.label.as_str(), |l| l.names.get(language));
    format!("{label}{PARTS}«{}»", span.quote())
}

/// A record that rests on a span, by its name.
pub fn referrer_title(
    project: &Project,
    referrer: crate::records::Referrer,
    language: LabelLanguage,
) -> String {
    use crate::records::Referrer;
    match referrer {
        Referrer::Meeting(id) => project
            .meeting(id)
            .map_or_else(|| id.to_string(), |m| meeting_title(project, m, language)),
        Referrer::Outcome(id) => project
            .outcome(id)
            .map_or_else(|| id.to_string(), |o| outcome_title(project, o, language)),
    }
}

/// What the meetings an article reports still lack before review: one line per meeting with a
/// required field empty, naming the meeting and the fields in the label language.
pub fn gaps(project: &Project, doc: crate::model::DocId, language: LabelLanguage) -> Vec<String> {
    let required: Vec<_> = project
        .schema
        .meeting_fields
        .iter()
        .filter(|f| f.required)
        .collect();
    let meetings: Vec<&Meeting> = crate::records::meetings_in(project, doc)
        .into_iter()
        .filter_map(|id| project.meeting(id))
        .collect();
    let outcome_gaps = meetings
        .iter()
        .flat_map(|m| project.outcomes_of(m.id))
        .filter_map(|outcome| {
            let missing: Vec<String> = [
                (outcome.kind.is_empty(), OutcomeField::Type),
                (outcome.status.is_empty(), OutcomeField::Status),
            ]
            .into_iter()
            .filter(|(empty, _)| *empty)
            .map(|(_, field)| field.name(language).to_string())
            .collect();
            (!missing.is_empty()).then(|| {
                format!(
                    "{} — {} {}",
                    outcome_title(project, outcome, language),
                    words(language, MISSING),
                    missing.join(list_separator(language))
                )
            })
        });
    meetings
        .iter()
        .filter_map(|meeting| {
            let missing: Vec<&str> = required
                .iter()
                .filter(|f| !meeting.is_recorded(f.key))
                .map(|f| f.names.get(language))
                .collect();
            (!missing.is_empty()).then(|| {
                format!(
                    "{} — {} {}",
                    meeting_title(project, meeting, language),
                    words(language, MISSING),
                    missing.join(list_separator(language))
                )
            })
        })
        .chain(outcome_gaps)
        .collect()
}

fn list_separator(language: LabelLanguage) -> &'static str {
    if language == LabelLanguage::English {
        ", "
    } else {
        "، "
    }
}

const NOT_CHOSEN: [&str; 3] = ["— not chosen", "— انتخاب نشده", "— لم يُختر"];
const MISSING: [&str; 3] = ["missing:", "خالی:", "ناقص:"];
const DATE_NOT_STATED: [&str; 3] = ["date not stated", "تاریخ ذکر نشده", "التاريخ غير مذكور"];
const NO_DATE_YET: [&str; 3] = ["no date yet", "هنوز بدون تاریخ", "بلا تاريخ بعد"];

fn words(language: LabelLanguage, [en, fa, ar]: [&str; 3]) -> String {
    match language {
        LabelLanguage::English => en,
        LabelLanguage::Persian => fa,
        LabelLanguage::Arabic => ar,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeetingId;

    fn sample() -> Project {
        crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("s")).unwrap()
    }

    /// The ECO interior ministers' meeting (the fourth).
    fn eco(project: &Project) -> &Meeting {
        project
            .meetings
            .iter()
            .find(|m| m.ordinal.as_ref().map(|o| o.value) == Some(4))
            .unwrap()
    }

    #[test]
    fn a_meeting_reads_as_its_organization_body_ordinal_venue_and_dates() {
        let project = sample();
        let eco = eco(&project);
        assert_eq!(
            meeting_title(&project, eco, LabelLanguage::English),
            "سازمان همکاری اقتصادی اکو · نشست وزیران کشور · 4th · طهران · date not stated"
        );
        assert_eq!(
            meeting_title(&project, eco, LabelLanguage::Persian),
            "سازمان همکاری اقتصادی اکو · نشست وزیران کشور · ۴مین · طهران · تاریخ ذکر نشده"
        );
        let sco = project.meeting(MeetingId(7)).unwrap();
        let title = meeting_title(&project, sco, LabelLanguage::English);
        assert!(
            title.ends_with("دوشنبه · \u{2066}2021-07-13 – 2021-07-14\u{2069}"),
            "{title}"
        );
        assert!(!title.contains("m7"));
    }

    /// The screen order of a laid-out line, as its text: clusters left to right.
    fn screen_order(text: &str) -> String {
        use crate::layout::{LayoutEngine, TextStyle};
        let layout = LayoutEngine::new().layout(text, &TextStyle::label(14.0), None, 1.0);
        let line = &layout.lines()[0];
        line.clusters
            .iter()
            .map(|c| &text[c.range.clone()])
            .collect()
    }

    #[test]
    fn meeting_dates_keep_their_order_in_a_persian_line() {
        let project = sample();
        let sco = project.meeting(MeetingId(7)).unwrap();
        let title = meeting_title(&project, sco, LabelLanguage::Persian);
        let shown = screen_order(&title);
        // Without the isolate the line showed "14-07-2021 – 13-07-2021".
        assert!(
            shown.contains("\u{2066}2021-07-13 – 2021-07-14\u{2069}")
                || shown.contains("\u{2069}2021-07-13 – 2021-07-14\u{2066}"),
            "{shown:?}"
        );
    }

    #[test]
    fn outcomes_spans_and_choices_read_by_their_names() {
        let project = sample();
        let outcome = project.outcomes_of(eco(&project).id).next().unwrap();
        let title = outcome_title(&project, outcome, LabelLanguage::Persian);
        assert!(title.starts_with("تعیین میزبان بعدی · "), "{title}");
        let span = &project.documents[0].spans[0];
        assert_eq!(
            span_title(&project, span, LabelLanguage::English),
            "Organization · «ایلنا»"
        );
        let types = &project.schema.outcome_types;
        assert_eq!(
            choice_name(types, "nonsense", LabelLanguage::Arabic),
            "nonsense (?)"
        );
        assert_eq!(ordinal(11, LabelLanguage::English), "11th");
        assert_eq!(ordinal(22, LabelLanguage::English), "22nd");
        assert_eq!(ordinal(75, LabelLanguage::Arabic), "الـ٧٥");
    }
}

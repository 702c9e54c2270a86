//! CAMEO and PLOVER codes derived from a record and the schema's mapping table: a meeting's
//! level gives its event code and mode, its sector a PLOVER context, its realis the PLOVER
//! contexts "future" or "hypothetical"; an outcome's type gives its event code and it inherits
//! its meeting's contexts. A record's own `codes` (set by hand) win over the derived ones.

use super::{EventCodes, Meeting, MeetingField, Outcome, Realis, Schema};

/// Where a record's codes come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodesSource {
    Derived,
    SetByHand,
}

/// Codes typed by hand: a CAMEO code, a PLOVER event and mode, and PLOVER contexts separated by
/// commas. Blanks around each part are dropped; a blank part is no code.
pub fn codes_from_typed(cameo: &str, event: &str, mode: &str, contexts: &str) -> EventCodes {
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    EventCodes {
        cameo: some(cameo),
        plover_event: some(event),
        plover_mode: some(mode),
        plover_contexts: contexts
            .split([',', '،'])
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect(),
    }
}

/// The parts [`codes_from_typed`] reads, as an analyst would type them back.
pub fn codes_as_typed(codes: &EventCodes) -> [String; 4] {
    [
        codes.cameo.clone().unwrap_or_default(),
        codes.plover_event.clone().unwrap_or_default(),
        codes.plover_mode.clone().unwrap_or_default(),
        codes.plover_contexts.join(", "),
    ]
}

/// PLOVER contexts of a meeting: its sector's, then what its realis says.
fn meeting_contexts(schema: &Schema, meeting: &Meeting) -> Vec<String> {
    let mut contexts: Vec<String> = meeting
        .sector
        .as_ref()
        .and_then(|s| schema.field_choice(MeetingField::Sector, &s.value))
        .and_then(|c| c.plover_context.clone())
        .into_iter()
        .collect();
    match meeting.realis {
        Realis::Planned => contexts.push("future".into()),
        Realis::Hypothetical => contexts.push("hypothetical".into()),
        Realis::Held | Realis::Cancelled => {}
    }
    contexts
}

/// The codes the schema derives for a meeting, ignoring any set by hand.
pub fn derived_meeting_codes(schema: &Schema, meeting: &Meeting) -> EventCodes {
    let level = meeting
        .level
        .as_ref()
        .and_then(|l| schema.field_choice(MeetingField::Level, &l.value));
    EventCodes {
        cameo: level.and_then(|c| c.cameo.clone()),
        plover_event: level.and_then(|c| c.plover.clone()),
        plover_mode: level.and_then(|c| c.plover_mode.clone()),
        plover_contexts: meeting_contexts(schema, meeting),
    }
}

/// A meeting's codes and where they come from.
pub fn meeting_codes(schema: &Schema, meeting: &Meeting) -> (EventCodes, CodesSource) {
    match &meeting.codes {
        Some(codes) => (codes.clone(), CodesSource::SetByHand),
        None => (derived_meeting_codes(schema, meeting), CodesSource::Derived),
    }
}

/// The codes the schema derives for an outcome (of `meeting`), ignoring any set by hand.
pub fn derived_outcome_codes(
    schema: &Schema,
    outcome: &Outcome,
    meeting: Option<&Meeting>,
) -> EventCodes {
    let kind = schema.outcome_type(&outcome.kind);
    EventCodes {
        cameo: kind.and_then(|c| c.cameo.clone()),
        plover_event: kind.and_then(|c| c.plover.clone()),
        plover_mode: kind.and_then(|c| c.plover_mode.clone()),
        plover_contexts: meeting
            .map(|m| meeting_contexts(schema, m))
            .unwrap_or_default(),
    }
}

/// An outcome's codes and where they come from.
pub fn outcome_codes(
    schema: &Schema,
    outcome: &Outcome,
    meeting: Option<&Meeting>,
) -> (EventCodes, CodesSource) {
    match &outcome.codes {
        Some(codes) => (codes.clone(), CodesSource::SetByHand),
        None => (
            derived_outcome_codes(schema, outcome, meeting),
            CodesSource::Derived,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_typed_by_hand_are_trimmed_and_blank_parts_dropped() {
        let codes = codes_from_typed(" 046 ", "CONSULT", "  ", "diplomatic ، security, ,");
        assert_eq!(codes.cameo.as_deref(), Some("046"));
        assert_eq!(codes.plover_event.as_deref(), Some("CONSULT"));
        assert_eq!(codes.plover_mode, None);
        assert_eq!(codes.plover_contexts, ["diplomatic", "security"]);
        assert_eq!(codes_from_typed("", "", "", ""), EventCodes::default());
        let typed = codes_as_typed(&codes);
        assert_eq!(
            codes_from_typed(&typed[0], &typed[1], &typed[2], &typed[3]),
            codes
        );
    }
    use crate::model::{MeetingId, OutcomeId, Sourced};

    #[test]
    fn codes_follow_the_schema_table_and_hand_set_codes_win() {
        let schema = Schema::default();
        let mut meeting = Meeting::new(MeetingId(1), "me");
        meeting.level = Some(Sourced::new("ministerial".into()));
        meeting.sector = Some(Sourced::new("foreign_affairs".into()));
        let (codes, source) = meeting_codes(&schema, &meeting);
        assert_eq!(source, CodesSource::Derived);
        assert_eq!(codes.cameo.as_deref(), Some("040"));
        assert_eq!(codes.plover_event.as_deref(), Some("CONSULT"));
        assert_eq!(codes.plover_mode.as_deref(), Some("multilateral"));
        assert_eq!(codes.plover_contexts, vec!["diplomatic".to_string()]);

        meeting.realis = Realis::Planned;
        let (codes, _) = meeting_codes(&schema, &meeting);
        assert_eq!(codes.plover_contexts, vec!["diplomatic", "future"]);

        let outcome = Outcome::new(
            OutcomeId(2),
            Some(meeting.id),
            "declaration_adopted",
            "adopted",
            "me",
        );
        let (codes, _) = outcome_codes(&schema, &outcome, Some(&meeting));
        assert_eq!(codes.cameo.as_deref(), Some("057"));
        assert_eq!(codes.plover_event.as_deref(), Some("AGREE"));
        assert_eq!(codes.plover_contexts, vec!["diplomatic", "future"]);

        let mut overridden = outcome.clone();
        overridden.codes = Some(EventCodes {
            cameo: Some("0311".into()),
            ..EventCodes::default()
        });
        let (codes, source) = outcome_codes(&schema, &overridden, Some(&meeting));
        assert_eq!(source, CodesSource::SetByHand);
        assert_eq!(codes.cameo.as_deref(), Some("0311"));
        assert_eq!(codes.plover_event, None);
    }

    #[test]
    fn every_outcome_type_and_level_of_the_default_schema_has_codes() {
        let schema = Schema::default();
        for kind in &schema.outcome_types {
            assert!(
                kind.cameo.is_some() && kind.plover.is_some(),
                "{}",
                kind.key
            );
        }
        for level in schema.field_choices(MeetingField::Level) {
            assert!(
                level.cameo.is_some() && level.plover.is_some(),
                "{}",
                level.key
            );
        }
    }
}

use super::*;
use crate::edit::History;
use crate::model::MeetingField;
use crate::model::{ActorRole, Calendar, DocId, Entity, Precision, Project};
use crate::sample::ARTICLES;

fn sample() -> Project {
    crate::sample::fresh_project()
}

fn article(index: usize) -> (DocId, &'static str) {
    (crate::model::DocId(index as u64 + 1), ARTICLES[index].1)
}

/// The code point range of the first occurrence of `needle` in `text`.
fn find(text: &str, needle: &str) -> Selection {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let start = text[..byte].chars().count();
    Selection::Range(start..start + needle.chars().count())
}

fn apply(project: &mut Project, history: &mut History, edit: crate::edit::Edit) {
    history.apply(project, edit).expect("edit applies");
}

#[test]
fn a_meeting_from_the_sco_article_with_dates_ordinal_and_entities() {
    let mut project = sample();
    let mut history = History::new();
    let (doc, text) = article(4);
    assert_eq!(
        project.document(doc).unwrap().published.as_deref(),
        Some("2021-07-16")
    );
    let at = ArticleRef { doc, text };
    let (edit, id) = new_meeting(
        &mut project,
        Some((at, find(text, "جلسه شورای وزیران خارجه"))),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let before_fields = project.clone();

    for (field, words) in [
        (MeetingField::Organization, "سازمان همکاری شانگهای"),
        (MeetingField::Body, "شورای وزیران خارجه"),
        (MeetingField::Level, "وزیران خارجه"),
        (MeetingField::Sector, "وزیران امور خارجه"),
        (MeetingField::Start, "13 الی 14 ژوئیه"),
        (MeetingField::Chair, "سراج الدین مهرالدین"),
        (MeetingField::Venue, "دوشنبه"),
    ] {
        let edit = fill_field(&mut project, id, field, at, &find(text, words), "me")
            .unwrap_or_else(|e| panic!("{field}: {e}"));
        apply(&mut project, &mut history, edit);
    }
    let meeting = project.meeting(id).unwrap().clone();
    let start = meeting.start.as_ref().unwrap();
    assert_eq!(start.value.iso, "2021-07-13");
    assert_eq!(start.value.calendar, Calendar::Gregorian);
    assert_eq!(start.value.precision, Precision::Day);
    assert_eq!(start.value.original, "13 الی 14 ژوئیه");
    assert_eq!(
        meeting.end.as_ref().unwrap().value.iso,
        "2021-07-14",
        "a range fills the end"
    );
    assert_eq!(meeting.level.as_ref().unwrap().value, "ministerial");
    assert_eq!(meeting.sector.as_ref().unwrap().value, "foreign_affairs");
    assert_eq!(meeting.body.as_ref().unwrap().value, "شورای وزیران خارجه");
    let organization = project
        .entity(meeting.organization.as_ref().unwrap().value)
        .unwrap();
    assert_eq!(
        (organization.name.as_str(), organization.kind.as_str()),
        ("سازمان همکاری شانگهای", "ORG")
    );
    let chair = meeting.chair.as_ref().unwrap();
    let chair_span = project.span(chair.evidence.unwrap()).unwrap();
    assert_eq!(chair_span.quote(), "سراج الدین مهرالدین");
    assert_eq!(
        chair_span.entity,
        Some(chair.value),
        "the evidence span links the entity"
    );
    assert_eq!(chair_span.label, "PER");
    let date_span = project.span(start.evidence.unwrap()).unwrap();
    assert_eq!(date_span.label, "DATE");

    // Every field was one undo step; undoing them all gives back the empty meeting.
    for _ in 0..7 {
        history.undo(&mut project).unwrap();
    }
    // Ids are never handed out twice, so the counter stays where it got to.
    project.next_id = before_fields.next_id;
    assert!(project == before_fields, "undo restores the project");
}

#[test]
fn ordinals_and_participants_from_the_eco_articles_and_one_meeting_for_both() {
    let mut project = sample();
    let mut history = History::new();
    let (doc, text) = article(0);
    let at = ArticleRef { doc, text };
    let (edit, id) = new_meeting(
        &mut project,
        Some((at, find(text, "چهارمین نشست وزیران کشور"))),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let edit = fill_field(
        &mut project,
        id,
        MeetingField::Ordinal,
        at,
        &find(text, "چهارمین نشست"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    assert_eq!(
        project.meeting(id).unwrap().ordinal.as_ref().unwrap().value,
        4
    );
    let edit = fill_field(
        &mut project,
        id,
        MeetingField::Organization,
        at,
        &find(text, "سازمان همکاری اقتصادی اکو"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let edit = fill_field(
        &mut project,
        id,
        MeetingField::Participants,
        at,
        &find(text, "ایران"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    assert_eq!(
        fill_field(
            &mut project,
            id,
            MeetingField::Participants,
            at,
            &find(text, "ایران"),
            "me"
        ),
        Err(RecordError::AlreadyParticipant("ایران".into()))
    );
    let edit = add_unnamed_participant(
        &mut project,
        id,
        Some(2),
        "countries",
        "special_guest",
        None,
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let meeting = project.meeting(id).unwrap();
    assert_eq!(meeting.participants.len(), 2);
    assert_eq!(meeting.participants[0].role, "member");
    assert_eq!(meeting.participants[1].count, Some(2));

    // Tehran is the venue, known in Arabic too.
    let tehran = Entity {
        id: project.new_entity_id(),
        name: "تهران".into(),
        aliases: vec!["طهران".into()],
        kind: "GPE".into(),
        subtype: None,
        external_id: None,
        note: String::new(),
    };
    let tehran_id = tehran.id;
    apply(
        &mut project,
        &mut history,
        crate::edit::Edit::InsertEntity(tehran),
    );
    let mut with_venue = project.meeting(id).unwrap().clone();
    with_venue.venue = Some(crate::model::Sourced::new(tehran_id));
    apply(
        &mut project,
        &mut history,
        crate::edit::Edit::ReplaceMeeting(with_venue),
    );
    let eco = project
        .meeting(id)
        .unwrap()
        .organization
        .as_ref()
        .unwrap()
        .value;
    let mut eco_entity = project.entity(eco).unwrap().clone();
    eco_entity.aliases.push("منظمة التعاون الاقتصادي".into());
    apply(
        &mut project,
        &mut history,
        crate::edit::Edit::ReplaceEntity(eco_entity),
    );

    // The Arabic article 001 reports the same meeting: it is proposed there, not in 004.
    let (doc1, text1) = article(1);
    let arabic = ArticleRef {
        doc: doc1,
        text: text1,
    };
    let candidates = meeting_candidates(&project, arabic);
    assert_eq!(candidates.len(), 1, "{candidates:?}");
    assert_eq!(candidates[0].meeting, id);
    assert_eq!(candidates[0].score, 5, "{:?}", candidates[0].reasons);
    let (doc4, text4) = article(4);
    assert!(
        meeting_candidates(
            &project,
            ArticleRef {
                doc: doc4,
                text: text4
            }
        )
        .is_empty()
    );

    let edit = attach_meeting_evidence(
        &mut project,
        id,
        arabic,
        &find(text1, "اجتماع وزراء الدول الأعضاء"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    assert_eq!(meetings_in(&project, doc1), vec![id]);
    assert!(
        meeting_candidates(&project, arabic).is_empty(),
        "attached: no longer a candidate"
    );
    // The Arabic spelling of the minister finds the Persian entity through its alias.
    let edit = fill_field(
        &mut project,
        id,
        MeetingField::Participants,
        at,
        &find(text, "اسکندر مومنی"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let minister = project.meeting(id).unwrap().participants[2].entity.unwrap();
    let mut known = project.entity(minister).unwrap().clone();
    known.aliases.push("إسكندر مؤمني".into());
    apply(
        &mut project,
        &mut history,
        crate::edit::Edit::ReplaceEntity(known),
    );
    let edit = fill_field(
        &mut project,
        id,
        MeetingField::Chair,
        arabic,
        &find(text1, "إسكندر مؤمني"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    assert_eq!(
        project.meeting(id).unwrap().chair.as_ref().unwrap().value,
        minister
    );
}

#[test]
fn outcomes_with_title_actors_attribution_and_evidence() {
    let mut project = sample();
    let mut history = History::new();
    let (doc, text) = article(4);
    let at = ArticleRef { doc, text };
    let (edit, meeting) = new_meeting(&mut project, None, "me").unwrap();
    apply(&mut project, &mut history, edit);
    let (edit, outcome) = new_outcome(
        &mut project,
        Some(meeting),
        Some((at, find(text, "برنامه عملیاتی مشترکی را تصویب کردند"))),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let edit = set_outcome_title(
        &mut project,
        outcome,
        at,
        &find(text, "برنامه عملیاتی مشترکی"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let edit = add_actor(
        &mut project,
        outcome,
        ActorRole::Beneficiary,
        at,
        &find(text, "عربستان سعودی"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let edit = set_attributed_to(
        &mut project,
        outcome,
        at,
        &find(text, "طرف تاجیکستان"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);
    let edit = add_outcome_evidence(
        &mut project,
        outcome,
        at,
        &find(text, "وزرا برای مقابله"),
        "me",
    )
    .unwrap();
    apply(&mut project, &mut history, edit);

    let record = project.outcome(outcome).unwrap();
    assert_eq!(record.meeting, Some(meeting));
    // Proposed from the words: «برنامه عملیاتی» names an action plan, «تصویب» says adopted.
    assert_eq!(
        (record.kind.as_str(), record.status.as_str()),
        ("action_plan_adopted", "adopted")
    );
    assert_eq!(
        record.title.as_ref().unwrap().value,
        "برنامه عملیاتی مشترکی"
    );
    assert_eq!(
        project
            .span(record.title.as_ref().unwrap().evidence.unwrap())
            .unwrap()
            .label,
        "DOC"
    );
    assert_eq!(record.actors[0].role, ActorRole::Beneficiary);
    assert_eq!(
        project.entity(record.actors[0].entity).unwrap().name,
        "عربستان سعودی"
    );
    assert!(record.attributed_to.is_some());
    assert_eq!(
        record.evidence.len(),
        3,
        "trigger, attribution, more evidence"
    );
    assert_eq!(project.outcomes_of(meeting).count(), 1);
    // A span that is evidence cannot be deleted out from under the record.
    let trigger = record.evidence[0];
    assert!(
        crate::edit::tagging::delete_span(trigger.doc, trigger.span)
            .apply(&mut project)
            .is_err()
    );
}

#[test]
fn what_cannot_be_read_is_refused_and_changes_nothing() {
    let mut project = sample();
    let (doc, text) = article(4);
    let at = ArticleRef { doc, text };
    let (edit, id) = new_meeting(&mut project, None, "me").unwrap();
    edit.apply(&mut project).unwrap();
    let before = project.clone();
    let not_a_date = fill_field(
        &mut project,
        id,
        MeetingField::Start,
        at,
        &find(text, "سراج الدین"),
        "me",
    );
    assert_eq!(not_a_date, Err(RecordError::NotADate("سراج الدین".into())));
    let not_ordinal = fill_field(
        &mut project,
        id,
        MeetingField::Ordinal,
        at,
        &find(text, "دوشنبه"),
        "me",
    );
    assert!(matches!(not_ordinal, Err(RecordError::NotAnOrdinal(_))));
    let no_choice = fill_field(
        &mut project,
        id,
        MeetingField::SessionType,
        at,
        &find(text, "دوشنبه"),
        "me",
    );
    assert!(matches!(
        no_choice,
        Err(RecordError::NoMatchingChoice { .. })
    ));
    assert_eq!(
        fill_field(
            &mut project,
            id,
            MeetingField::Realis,
            at,
            &find(text, "دوشنبه"),
            "me"
        ),
        Err(RecordError::NotFromText(MeetingField::Realis))
    );
    assert_eq!(
        fill_field(
            &mut project,
            id,
            MeetingField::Venue,
            at,
            &Selection::Range(5..5),
            "me"
        ),
        Err(RecordError::NothingSelected)
    );
    // Only ids were handed out.
    project.next_id = before.next_id;
    assert!(project == before, "a refused fill changes nothing");
}

#[test]
fn detaching_a_span_leaves_no_record_pointing_at_it() {
    // Every place a record can point at a span, as the annotated sample fills them.
    let project =
        crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("s")).unwrap();
    let mut checked = 0;
    for meeting in &project.meetings {
        for at in meeting.evidence_spans().collect::<Vec<_>>() {
            let mut detached = meeting.clone();
            assert!(detached.detach(at));
            assert!(
                detached.evidence_spans().all(|e| e != at),
                "{at:?} stays on {}",
                meeting.id
            );
            checked += 1;
        }
    }
    for outcome in &project.outcomes {
        for at in outcome.evidence_spans().collect::<Vec<_>>() {
            let mut detached = outcome.clone();
            assert!(detached.detach(at));
            assert!(detached.evidence_spans().all(|e| e != at));
            checked += 1;
        }
    }
    assert!(checked > 10, "the sample points at spans from many places");
    // And deleting through detaching leaves the project whole.
    let at = project.meetings[0].evidence_spans().next().unwrap();
    let mut changed = project.clone();
    delete_span_detaching(&project, at)
        .unwrap()
        .apply(&mut changed)
        .unwrap();
    assert!(referrers(&changed, at).is_empty());
    assert!(changed.span(at).is_none());
}

#[test]
fn an_outcomes_words_propose_its_type_and_status_in_persian_and_arabic() {
    let schema = crate::model::Schema::default();
    let proposed = |words: &str| {
        let p = propose_outcome(&schema, words);
        (
            p.kind.map(|(k, _)| k).unwrap_or_default(),
            p.status.map(|(k, _)| k).unwrap_or_default(),
        )
    };
    let pair = |k: &str, s: &str| (k.to_string(), s.to_string());
    assert_eq!(
        proposed("برنامه عملیاتی مشترکی را تصویب کردند"),
        pair("action_plan_adopted", "adopted")
    );
    assert_eq!(
        proposed("پاکستان با اجماع اعضا به عنوان میزبان نشست بعدی تعیین شد"),
        pair("next_host_designated", "agreed")
    );
    assert_eq!(
        proposed("وقع الوزراء مذكرة تفاهم للتعاون الأمني"),
        pair("agreement_signed", "signed")
    );
    assert_eq!(proposed("أعرب المجلس عن قلقه إزاء"), pair("", ""));
    assert_eq!(
        proposed("ابراز نگرانی کردند"),
        pair("concern_expressed", "")
    );
    assert_eq!(
        proposed("أبدى الوزراء قلق بلادهم"),
        pair("concern_expressed", "")
    );
    // «موقع» (a site) is not «وقع» (signed): cues are whole words.
    assert_eq!(proposed("على موقع الوزارة"), pair("", ""));
    // Words that name nothing propose nothing: the annotator chooses.
    assert_eq!(proposed("وزیران دیدار کردند"), pair("", ""));
}

#[test]
fn a_new_outcome_whose_words_name_nothing_has_no_type_or_status_yet() {
    let mut project = sample();
    let (doc, text) = article(4);
    let at = ArticleRef { doc, text };
    let (edit, meeting) = new_meeting(&mut project, None, "me").unwrap();
    edit.apply(&mut project).unwrap();
    let (edit, outcome) = new_outcome(
        &mut project,
        Some(meeting),
        Some((at, find(text, "جلسه شورای وزیران خارجه"))),
        "me",
    )
    .unwrap();
    edit.apply(&mut project).unwrap();
    let record = project.outcome(outcome).unwrap();
    assert_eq!((record.kind.as_str(), record.status.as_str()), ("", ""));
    let problems = crate::model::validate::outcome_problems(&project, record);
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().ends_with("has no type yet")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().ends_with("has no status yet"))
    );
}

#[test]
fn a_participants_role_is_proposed_from_the_title_beside_the_name() {
    let mut project = sample();
    let (doc, text) = article(4);
    let at = ArticleRef { doc, text };
    let (edit, meeting) = new_meeting(&mut project, None, "me").unwrap();
    edit.apply(&mut project).unwrap();
    let tag_title = |project: &mut Project, words: &str| {
        let Selection::Range(range) = find(text, words) else {
            unreachable!()
        };
        let (edit, _) =
            crate::edit::tagging::tag_selection(project, doc, text, range, "TITLE", "me").unwrap();
        edit.apply(project).unwrap();
    };
    let role_of = |project: &mut Project, name: &str| {
        let edit = fill_field(
            project,
            meeting,
            MeetingField::Participants,
            at,
            &find(text, name),
            "me",
        )
        .unwrap();
        edit.apply(project).unwrap();
        project
            .meeting(meeting)
            .unwrap()
            .participants
            .last()
            .unwrap()
            .role
            .clone()
    };
    // «… به ریاست سراج الدین مهرالدین، وزیر امور خارجه جمهوری تاجیکستان»: he chaired it.
    tag_title(&mut project, "وزیر امور خارجه جمهوری تاجیکستان");
    assert_eq!(role_of(&mut project, "سراج الدین مهرالدین"), "chair");
    // «امامعلی رحمان، رئیس جمهور جمهوری تاجیکستان»: a head of state leads his delegation.
    tag_title(&mut project, "رئیس جمهور جمهوری تاجیکستان");
    assert_eq!(role_of(&mut project, "امامعلی رحمان"), "head_of_delegation");
    // No title near the name: a member, to be changed in the panel.
    assert_eq!(role_of(&mut project, "سازمان همکاری شانگهای"), "member");
}

#[test]
fn words_that_are_evidence_of_a_field_carry_their_role_not_meeting() {
    let check = |mut project: Project, expected: &str| {
        let (doc, text) = article(4);
        let at = ArticleRef { doc, text };
        let (edit, meeting) = new_meeting(&mut project, None, "me").unwrap();
        edit.apply(&mut project).unwrap();
        let edit = fill_field(
            &mut project,
            meeting,
            MeetingField::Level,
            at,
            &find(text, "وزیران امور خارجه"),
            "me",
        )
        .unwrap();
        edit.apply(&mut project).unwrap();
        let level = project.meeting(meeting).unwrap().level.clone().unwrap();
        let span = project.span(level.evidence.unwrap()).unwrap();
        assert_eq!(span.label, expected);
        if expected == EVIDENCE_LABEL {
            assert_eq!(
                span.attributes.get(EVIDENCE_ROLE).map(String::as_str),
                Some("level")
            );
        }
    };
    check(sample(), EVIDENCE_LABEL);
    // A project whose schema predates the label keeps using MEETING rather than an unknown label.
    let mut old = sample();
    old.schema.labels.retain(|l| l.key != EVIDENCE_LABEL);
    check(old, "MEETING");
}

//! The bundled sample project (`assets/sample.daftar.ron`) is built here, through the same record
//! functions the window uses, so it stays an honest example: article 004 (the SCO foreign
//! ministers in Dushanbe, 13–14 July 2021) fully annotated and reviewed, and the ECO interior
//! ministers' meeting that articles 000 (Persian) and 001 (Arabic) both report, in progress.
//!
//! `DAFTAR_WRITE_SAMPLE=1 cargo test --test sample_project` rewrites the file after a change to
//! the model or the schema; without it the test fails when the file is out of date.

use daftar::edit::Edit;
use daftar::model::validate::record_problems;
use daftar::model::{
    ActorRole, DocId, DocStatus, MeetingId, OutcomeId, Project, Realis, Review, ReviewState, SpanId,
};
use daftar::records::{self, ArticleRef, Selection};
use daftar::sample::ARTICLES;

const AUTHOR: &str = "annotator";
const REVIEWER: &str = "reviewer";
/// Every timestamp of the sample, so that building it twice gives the same file.
const WHEN: &str = "2026-11-22T12:00:00Z";

struct Builder {
    project: Project,
}

impl Builder {
    fn text(&self, doc: DocId) -> &'static str {
        let path = &self.project.document(doc).unwrap().path;
        ARTICLES.iter().find(|(name, _)| name == path).unwrap().1
    }

    fn doc(&self, index: usize) -> DocId {
        self.project.document_by_path(ARTICLES[index].0).unwrap().id
    }

    /// The first occurrence of `words` in the article.
    fn at(&self, doc: DocId, words: &str) -> Selection {
        let text = self.text(doc);
        let byte = text
            .find(words)
            .unwrap_or_else(|| panic!("{words} not in {doc}"));
        let start = text[..byte].chars().count();
        Selection::Range(start..start + words.chars().count())
    }

    /// `words` where they occur inside the first occurrence of `context`.
    fn within(&self, doc: DocId, context: &str, words: &str) -> Selection {
        let Selection::Range(outer) = self.at(doc, context) else {
            unreachable!()
        };
        let offset = context.find(words).expect("words inside their context");
        let start = outer.start + context[..offset].chars().count();
        Selection::Range(start..start + words.chars().count())
    }

    fn apply(&mut self, edit: Edit) {
        edit.apply(&mut self.project)
            .expect("the sample's edits apply");
    }

    fn tag(&mut self, doc: DocId, words: &str, label: &str) -> SpanId {
        let selection = self.at(doc, words);
        self.tag_at(doc, selection, label)
    }

    /// Tags the selection and makes its words a new entity of the registry.
    fn entity_from(&mut self, doc: DocId, selection: Selection, label: &str) {
        let span = self.tag_at(doc, selection, label);
        let (edit, _) =
            daftar::edit::tagging::new_entity_from_span(&mut self.project, doc, span).unwrap();
        self.apply(edit);
    }

    fn tag_at(&mut self, doc: DocId, selection: Selection, label: &str) -> SpanId {
        let text = self.text(doc);
        let Selection::Range(range) = selection else {
            unreachable!()
        };
        let (edit, id) = daftar::edit::tagging::tag_selection(
            &mut self.project,
            doc,
            text,
            range,
            label,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
        id
    }

    fn new_meeting(&mut self, doc: DocId, words: &str) -> MeetingId {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let (edit, id) = records::new_meeting(
            &mut self.project,
            Some((ArticleRef { doc, text }, selection)),
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
        id
    }

    fn fill(&mut self, meeting: MeetingId, field: &str, doc: DocId, words: &str) {
        let selection = self.at(doc, words);
        self.fill_at(meeting, field, doc, selection);
    }

    fn fill_at(&mut self, meeting: MeetingId, field: &str, doc: DocId, selection: Selection) {
        let field = daftar::model::MeetingField::from_key(field).expect("a meeting field");
        let text = self.text(doc);
        let edit = records::fill_field(
            &mut self.project,
            meeting,
            field,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap_or_else(|e| panic!("{field} from {selection:?}: {e}"));
        self.apply(edit);
    }

    fn change_meeting(&mut self, id: MeetingId, change: impl FnOnce(&mut daftar::model::Meeting)) {
        let mut meeting = self.project.meeting(id).unwrap().clone();
        change(&mut meeting);
        self.apply(Edit::ReplaceMeeting(meeting));
    }

    fn outcome(
        &mut self,
        meeting: MeetingId,
        doc: DocId,
        words: &str,
        kind: &str,
        status: &str,
    ) -> OutcomeId {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let (edit, id) = records::new_outcome(
            &mut self.project,
            Some(meeting),
            Some((ArticleRef { doc, text }, selection)),
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
        self.change_outcome(id, |o| {
            o.kind = kind.into();
            o.status = status.into();
        });
        id
    }

    fn change_outcome(&mut self, id: OutcomeId, change: impl FnOnce(&mut daftar::model::Outcome)) {
        let mut outcome = self.project.outcome(id).unwrap().clone();
        change(&mut outcome);
        self.apply(Edit::ReplaceOutcome(outcome));
    }

    fn title(&mut self, outcome: OutcomeId, doc: DocId, words: &str) {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let edit = records::set_outcome_title(
            &mut self.project,
            outcome,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
    }

    fn actor(&mut self, outcome: OutcomeId, role: ActorRole, doc: DocId, words: &str) {
        let selection = self.at(doc, words);
        self.actor_at(outcome, role, doc, selection);
    }

    fn actor_at(&mut self, outcome: OutcomeId, role: ActorRole, doc: DocId, selection: Selection) {
        let text = self.text(doc);
        let edit = records::add_actor(
            &mut self.project,
            outcome,
            role,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
    }

    fn said_by(&mut self, outcome: OutcomeId, doc: DocId, words: &str) {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let edit = records::set_attributed_to(
            &mut self.project,
            outcome,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
    }

    fn change_entity(&mut self, name: &str, change: impl FnOnce(&mut daftar::model::Entity)) {
        let mut entity = self
            .project
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .clone();
        change(&mut entity);
        self.apply(Edit::ReplaceEntity(entity));
    }

    /// An unnamed group of participants as `words` give it (its number or every member, who,
    /// and the role they propose), as "Group from selection" reads it.
    fn group(&mut self, meeting: MeetingId, doc: DocId, words: &str) {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let group = records::propose_group(&self.project.schema, words).expect("a group");
        let edit = records::add_unnamed_participant(
            &mut self.project,
            meeting,
            group.count,
            &group.description,
            &group.role,
            Some((ArticleRef { doc, text }, selection)),
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
    }

    /// A new outcome whose type and status its words propose (checked: nothing left unchosen).
    fn proposed_outcome(&mut self, meeting: MeetingId, doc: DocId, words: &str) -> OutcomeId {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let (edit, id) = records::new_outcome(
            &mut self.project,
            Some(meeting),
            Some((ArticleRef { doc, text }, selection)),
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
        let outcome = self.project.outcome(id).unwrap();
        assert!(
            !outcome.kind.is_empty() && !outcome.status.is_empty(),
            "{words} proposes a type and a status"
        );
        id
    }

    fn alias(&mut self, name: &str, alias: &str) {
        let mut entity = self
            .project
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .clone();
        entity.aliases.push(alias.into());
        self.apply(Edit::ReplaceEntity(entity));
    }
}

/// The SCO Council of Foreign Ministers, Dushanbe, 13–14 July 2021 (article 004), and the
/// anniversary summit it prepared.
fn annotate_sco(b: &mut Builder) {
    let doc = b.doc(4);
    let meeting = b.new_meeting(doc, "جلسه شورای وزیران خارجه");
    b.tag(doc, "سازمان همکاری شانگهای", "ORG");
    b.fill(meeting, "organization", doc, "سازمان همکاری شانگهای");
    b.fill(meeting, "body", doc, "شورای وزیران خارجه");
    b.fill(meeting, "level", doc, "وزیران خارجه");
    b.fill(meeting, "sector", doc, "وزیران امور خارجه");
    b.fill(meeting, "start", doc, "13 الی 14 ژوئیه");
    b.tag(doc, "دوشنبه", "GPE");
    b.fill(meeting, "venue", doc, "دوشنبه");
    b.tag(doc, "جمهوری تاجیکستان", "GPE");
    b.fill(meeting, "host", doc, "جمهوری تاجیکستان");
    b.fill(meeting, "chair", doc, "سراج الدین مهرالدین");
    b.tag(doc, "وزیر امور خارجه جمهوری تاجیکستان", "TITLE");
    b.fill(meeting, "participants", doc, "سراج الدین مهرالدین");
    b.fill(meeting, "participants", doc, "جمهوری تاجیکستان");
    b.change_meeting(meeting, |m| {
        m.set_choice(daftar::model::MeetingField::SessionType, "regular");
        m.participants[0].role = "chair".into();
        m.participants[1].role = "host".into();
        m.note = "The ministers met President Emomali Rahmon before the session.".into();
    });
    b.tag(doc, "امامعلی رحمان", "PER");
    b.tag(doc, "رئیس جمهور جمهوری تاجیکستان", "TITLE");
    b.tag(doc, "16.07.2021", "DATE");

    let programme = b.outcome(
        meeting,
        doc,
        "تصمیم شورای وزیران امور خارجه سازمان برای به نشست دوشنبه پیشنهاد کردن",
        "decision",
        "signed",
    );
    b.title(
        programme,
        doc,
        "برنامه به روز شده همکاری کشورهای عضو سازمان همکاری شانگهای در مبارزه با تروریسم، جدای طلبی و افراط گرای برای 2022-2024",
    );
    b.tag(doc, "شورای سران کشورها", "ORG");
    b.actor(
        programme,
        ActorRole::ApprovingBody,
        doc,
        "شورای سران کشورها",
    );

    let covid = b.outcome(
        meeting,
        doc,
        "برنامه عملیاتی مشترکی را تصویب کردند",
        "action_plan_adopted",
        "adopted",
    );
    b.change_outcome(covid, |o| {
        o.note = "Against the social and economic effects of COVID-19.".into()
    });

    let anthem = b.outcome(meeting, doc, "توافق شد", "decision", "agreed");
    b.title(anthem, doc, "آیین نامه ای درباره سرود ملی سازمان");
    let initiative = b.within(doc, "با ابتکار تاجیکستان", "تاجیکستان");
    b.actor_at(anthem, ActorRole::Proposer, doc, initiative);

    let partners = b.outcome(
        meeting,
        doc,
        "تصمیمات شورای وزیران امور خارجه سازمان برای دادن این مقام به عربستان سعودی و مصر امضا شده",
        "status_change",
        "submitted_for_approval",
    );
    b.tag(doc, "شریک گفتگوی سازمان همکاری شانگهای", "TITLE");
    b.actor(partners, ActorRole::Beneficiary, doc, "عربستان سعودی");
    b.actor(partners, ActorRole::Beneficiary, doc, "مصر");
    let approval = b.within(doc, "برای تصویب به شورای سران کشورها", "شورای سران کشورها");
    b.actor_at(partners, ActorRole::ApprovingBody, doc, approval);

    let resolution = b.outcome(
        meeting,
        doc,
        "وزرا از تصویب قطعنامه",
        "welcome_endorse",
        "adopted",
    );
    b.title(
        resolution,
        doc,
        "همکاری بین سازمان ملل و سازمان همکاری شانگهای",
    );
    b.tag(doc, "75 امین", "ORDINAL");
    b.tag(doc, "مجمع عمومی سازمان ملل", "ORG");

    let afghanistan = b.outcome(
        meeting,
        doc,
        "ابراز نگرانی عمیق کرد",
        "concern_expressed",
        "agreed",
    );
    b.actor(afghanistan, ActorRole::Beneficiary, doc, "افغانستان");

    b.outcome(
        meeting,
        doc,
        "گزارش مربوط به دبیرخانه سازمان همکاری شانگهای در سال گذشته",
        "report_approved",
        "adopted",
    );

    // The anniversary summit it prepared: a planned meeting of the heads of state.
    let summit = b.new_meeting(doc, "اجلاس سالگرد سازمان همکاری شانگهای");
    b.fill(summit, "organization", doc, "سازمان همکاری شانگهای");
    b.fill(summit, "body", doc, "شورای سران کشورها");
    b.fill(summit, "start", doc, "16 الی 17 سپتامبر سال 2021");
    let dushanbe = b.entity("دوشنبه");
    b.change_meeting(summit, |m| {
        m.realis = Realis::Planned;
        m.level = Some(daftar::model::Sourced::new("summit".into()));
        m.set_choice(daftar::model::MeetingField::SessionType, "anniversary");
        m.venue = Some(daftar::model::Sourced::new(dushanbe));
    });
    b.outcome(
        meeting,
        doc,
        "برای برگزاری 30 رویداد دیگر سازمان همکاری شانگهای",
        "commitment",
        "agreed",
    );
}

/// The fourth meeting of ECO interior ministers, Tehran: reported in Persian (000) and Arabic
/// (001), one record with evidence from both. Article 000 holds the reference annotation: ten
/// entities (with subtypes and country codes), the meeting's organization, body, level, sector,
/// ordinal, host, venue, participants (roles proposed from the titles beside the names), the
/// special guests and every member state, and four outcomes whose type and status the words
/// propose. Still in progress. Neither article says when it met: recorded as "date not stated",
/// not invented; nothing here is a value the articles do not give.
fn annotate_eco(b: &mut Builder) {
    let persian = b.doc(0);
    let arabic = b.doc(1);
    // Entities: tagged where they are first named, each made an entity of the registry.
    for (words, label) in [
        ("ایلنا", "ORG"),
        ("اسکندر مومنی", "PER"),
        ("سازمان همکاری اقتصادی اکو", "ORG"),
        ("مجید خان", "PER"),
        ("سازمان ملل", "ORG"),
    ] {
        b.entity_from(persian, b.at(persian, words), label);
    }
    b.entity_from(
        persian,
        b.within(persian, "رئیس جمهور پزشکیان", "پزشکیان"),
        "PER",
    );
    // Titles beside the names.
    b.tag(persian, "دبیر کل سازمان همکاری اقتصادی اکو", "TITLE");
    b.tag_at(
        persian,
        b.within(persian, "رئیس جمهور پزشکیان", "رئیس جمهور"),
        "TITLE",
    );

    let meeting = b.new_meeting(persian, "نشست وزیران کشور");
    b.fill(meeting, "ordinal", persian, "چهارمین");
    b.fill(
        meeting,
        "organization",
        persian,
        "سازمان همکاری اقتصادی اکو",
    );
    b.fill(meeting, "body", persian, "نشست وزیران کشور");
    // «وزیران» names the ministerial level, «وزیران کشور» the interior sector.
    b.fill(meeting, "level", persian, "نشست وزیران کشور");
    b.fill(meeting, "sector", persian, "نشست وزیران کشور");
    let iran = b.within(persian, "ایران پیشقدم شد", "ایران");
    b.fill_at(meeting, "host", persian, iran);
    b.change_meeting(meeting, |m| m.date_not_stated = true);
    // Participants: the secretary general by the title beside his name; the guests and the
    // member states as groups, with no number the article does not give.
    b.fill(meeting, "participants", persian, "مجید خان");
    b.fill(meeting, "participants", persian, "افغانستان");
    b.group(meeting, persian, "دو کشور به عنوان مهمان ویژه");
    b.group(meeting, persian, "کشورهای عضو اکو");

    let host = b.proposed_outcome(
        meeting,
        persian,
        "پاکستان با اجماع اعضا، به عنوان میزبان نشست سال آینده تعیین شد",
    );
    b.actor(host, ActorRole::Beneficiary, persian, "پاکستان");
    b.said_by(host, persian, "اسکندر مومنی");
    let declaration = b.proposed_outcome(meeting, persian, "بیانیه پایانی مورد تصویب قرار گرفت");
    b.title(declaration, persian, "بیانیه پایانی");
    b.proposed_outcome(meeting, persian, "مقرر شد این نشست به صورت منظم برقرار شود");
    b.proposed_outcome(
        meeting,
        persian,
        "تعیین رابط های محلی برای امور انتظامی و پیشگیری از جرایم از جمله دیگر موضوعات این نشست بود",
    );

    // The Arabic article: the same people and organization under their Arabic names; the
    // minister's role from the title before his name there.
    b.alias("اسکندر مومنی", "إسكندر مؤمني");
    b.alias("سازمان همکاری اقتصادی اکو", "منظمة التعاون الاقتصادي");
    let text = b.text(arabic);
    let selection = b.at(arabic, "اجتماع وزراء الدول الأعضاء");
    let edit = records::attach_meeting_evidence(
        &mut b.project,
        meeting,
        ArticleRef { doc: arabic, text },
        &selection,
        AUTHOR,
    )
    .unwrap();
    b.apply(edit);
    b.fill(meeting, "venue", arabic, "طهران");
    b.tag(arabic, "منظمة التعاون الاقتصادي", "ORG");
    let minister = "صرح وزير الداخلية إسكندر مؤمني";
    b.tag_at(arabic, b.within(arabic, minister, "وزير الداخلية"), "TITLE");
    b.tag(arabic, "إسكندر مؤمني", "PER");
    b.fill(meeting, "participants", arabic, "إسكندر مؤمني");

    // Subtypes and country codes (ISO 3166), set as the entity panel sets them.
    for (name, subtype) in [
        ("ایلنا", "MEDIA"),
        ("سازمان همکاری اقتصادی اکو", "IGO"),
        ("سازمان ملل", "IGO"),
    ] {
        b.change_entity(name, |e| e.subtype = Some(subtype.into()));
    }
    for (name, code) in [("ایران", "IR"), ("پاکستان", "PK"), ("افغانستان", "AF")]
    {
        b.change_entity(name, |e| e.external_id = Some(code.into()));
    }
}

impl Builder {
    fn entity(&self, name: &str) -> daftar::model::EntityId {
        self.project
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .id
    }

    /// A reviewer accepted everything in `doc` and the records reported there.
    fn review(&mut self, doc: DocId) {
        let accepted = || Review {
            state: ReviewState::Accepted,
            comment: Default::default(),
            reviewer: REVIEWER.into(),
            at: WHEN.into(),
        };
        let document = std::sync::Arc::make_mut(
            self.project
                .documents
                .iter_mut()
                .find(|d| d.id == doc)
                .unwrap(),
        );
        for span in &mut document.spans {
            span.review = accepted();
        }
        document.status = DocStatus::Reviewed;
        for meeting in &mut self.project.meetings {
            if meeting.evidence_spans().any(|e| e.doc == doc) {
                meeting.review = accepted();
            }
        }
        for outcome in &mut self.project.outcomes {
            if outcome.evidence_spans().any(|e| e.doc == doc) {
                outcome.review = accepted();
            }
        }
    }
}

/// The sample project as it should be shipped.
fn build() -> Project {
    let mut b = Builder {
        project: daftar::sample::fresh_project(),
    };
    annotate_sco(&mut b);
    annotate_eco(&mut b);
    let sco = b.doc(4);
    b.review(sco);
    b.project.annotators = vec![AUTHOR.into(), REVIEWER.into()];
    for meeting in &mut b.project.meetings {
        meeting.created = WHEN.into();
    }
    for outcome in &mut b.project.outcomes {
        outcome.created = WHEN.into();
    }
    for document in &mut b.project.documents {
        for span in &mut std::sync::Arc::make_mut(document).spans {
            span.created = WHEN.into();
        }
    }
    b.project
}

#[test]
fn the_bundled_sample_project_is_the_one_built_here() {
    let built = daftar::store::to_ron(&build());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.daftar.ron");
    if std::env::var_os("DAFTAR_WRITE_SAMPLE").is_some() {
        std::fs::write(&path, &built).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap();
    assert!(
        shipped == built,
        "assets/sample.daftar.ron is out of date: run DAFTAR_WRITE_SAMPLE=1 cargo test --test sample_project"
    );
}

#[test]
fn the_sample_has_a_reviewed_article_with_a_complete_meeting_and_its_outcomes() {
    let project =
        daftar::store::from_ron(daftar::sample::PROJECT, std::path::Path::new("s")).unwrap();
    let sco = project.document_by_path(ARTICLES[4].0).unwrap();
    assert_eq!(sco.status, DocStatus::Reviewed);
    assert!(
        sco.spans
            .iter()
            .all(|s| s.review.state == ReviewState::Accepted)
    );
    let meeting = project
        .meetings
        .iter()
        .find(|m| m.evidence_spans().any(|e| e.doc == sco.id) && m.realis == Realis::Held)
        .unwrap();
    assert_eq!(meeting.start.as_ref().unwrap().value.iso, "2021-07-13");
    assert_eq!(meeting.end.as_ref().unwrap().value.iso, "2021-07-14");
    assert_eq!(meeting.participants.len(), 2);
    assert!(project.outcomes_of(meeting.id).count() >= 5);
    assert_eq!(meeting.review.state, ReviewState::Accepted);
    // The ECO meeting has evidence in both the Persian and the Arabic article.
    let eco = project
        .meetings
        .iter()
        .find(|m| m.ordinal.as_ref().map(|o| o.value) == Some(4))
        .unwrap();
    let docs: std::collections::BTreeSet<_> = eco.evidence_spans().map(|e| e.doc).collect();
    assert_eq!(docs.len(), 2);
    // Its date is in neither article: recorded as not stated, so nothing is reported.
    assert!(eco.date_not_stated);
    // Article 000's reference annotation, as the record functions proposed it.
    let name = |id| project.entity(id).unwrap().name.clone();
    let field = |f: &Option<daftar::model::Sourced<String>>| f.as_ref().unwrap().value.clone();
    assert_eq!(field(&eco.level), "ministerial");
    assert_eq!(field(&eco.sector), "interior");
    assert_eq!(name(eco.host.as_ref().unwrap().value), "ایران");
    let roles: Vec<(String, String)> = eco
        .participants
        .iter()
        .map(|p| {
            let who = match (p.entity, p.count, p.all_members) {
                (Some(e), _, _) => name(e),
                (None, Some(n), _) => format!("{n} {}", p.description),
                (None, None, true) => format!("all {}", p.description),
                (None, None, false) => p.description.clone(),
            };
            (who, p.role.clone())
        })
        .collect();
    let role = |who: &str, role: &str| (who.to_string(), role.to_string());
    assert_eq!(
        roles,
        vec![
            role("مجید خان", "secretary_general"),
            role("افغانستان", "member"),
            role("2 کشور", "special_guest"),
            role("all کشورهای عضو اکو", "member"),
            role("اسکندر مومنی", "head_of_delegation"),
        ]
    );
    let outcomes: Vec<(&str, &str)> = project
        .outcomes_of(eco.id)
        .map(|o| (o.kind.as_str(), o.status.as_str()))
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("next_host_designated", "agreed"),
            ("declaration_adopted", "adopted"),
            ("decision", "agreed"),
            ("topic_discussed", "discussed"),
        ]
    );
    let subtype = |n: &str| {
        let entity = project.entities.iter().find(|e| e.name == n).unwrap();
        (entity.subtype.clone(), entity.external_id.clone())
    };
    assert_eq!(
        subtype("سازمان همکاری اقتصادی اکو"),
        (Some("IGO".into()), None)
    );
    assert_eq!(subtype("ایلنا"), (Some("MEDIA".into()), None));
    assert_eq!(subtype("پاکستان"), (None, Some("PK".into())));
    let persian = project.document_by_path(ARTICLES[0].0).unwrap();
    let linked: std::collections::BTreeSet<_> =
        persian.spans.iter().filter_map(|s| s.entity).collect();
    assert!(
        linked.len() >= 9,
        "entities named in article 000: {}",
        linked.len()
    );
    assert_eq!(record_problems(&project), Vec::<String>::new());
}

//! The interface's words in English, Persian and Arabic: one Fluent catalogue per language
//! (`assets/i18n/*.ftl`), built into the program. Code asks for a message by its key through
//! [`Words`]; a key a language lacks falls back to English and is remembered, so that tests can
//! fail on it ([`missing_keys`]). Numbers given to a message are written in the language's
//! digits (Persian ۰–۹, Arabic ٠–٩).

use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::model::LabelLanguage;

/// The catalogues' sources, English first.
pub const CATALOGUES: [(LabelLanguage, &str); 3] = [
    (
        LabelLanguage::English,
        include_str!("../assets/i18n/en.ftl"),
    ),
    (
        LabelLanguage::Persian,
        include_str!("../assets/i18n/fa.ftl"),
    ),
    (LabelLanguage::Arabic, include_str!("../assets/i18n/ar.ftl")),
];

/// An argument of a message: words (a name, a path) or a number (which also chooses the
/// plural form).
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// A sentence already in the interface's language (a reason given inside another
    /// message): never isolated.
    Said(String),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64, f32, f64);

/// The interface's words in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    pub language: LabelLanguage,
}

impl Words {
    pub const ENGLISH: Words = Words {
        language: LabelLanguage::English,
    };

    pub fn new(language: LabelLanguage) -> Self {
        Words { language }
    }

    /// Whether the interface reads right to left (the window is mirrored).
    pub fn right_to_left(self) -> bool {
        self.language != LabelLanguage::English
    }

    /// The message `key`.
    pub fn t(self, key: &str) -> String {
        self.t_with(key, &[])
    }

    /// The message `key` with its arguments.
    pub fn t_with(self, key: &str, args: &[(&str, Arg)]) -> String {
        let bundles = bundles();
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(text) => FluentValue::from(self.isolated(text)),
                Arg::Said(text) => FluentValue::from(text.as_str()),
            };
            fluent_args.set(*name, value);
        }
        let args = (!args.is_empty()).then_some(&fluent_args);
        for language in [self.language, LabelLanguage::English] {
            let bundle = &bundles[index(language)];
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                if language != self.language {
                    remember_missing(self.language, key);
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    remember_missing(language, key);
                }
                return text.into_owned();
            }
        }
        remember_missing(self.language, key);
        key.to_string()
    }

    /// A document's status, as the interface names it.
    pub fn doc_status(self, status: crate::model::DocStatus) -> String {
        use crate::model::DocStatus;
        self.t(match status {
            DocStatus::New => "status-new",
            DocStatus::InProgress => "status-in-progress",
            DocStatus::ReadyForReview => "status-ready-for-review",
            DocStatus::Reviewed => "status-reviewed",
            DocStatus::NeedsChanges => "status-needs-changes",
        })
    }

    /// A review decision's state, as the interface names it.
    pub fn review_state(self, state: crate::model::ReviewState) -> String {
        use crate::model::ReviewState;
        self.t(match state {
            ReviewState::Pending => "review-pending",
            ReviewState::Accepted => "review-accepted",
            ReviewState::Rejected => "review-rejected",
        })
    }

    /// A record's problem, as the interface says it.
    pub fn problem(self, problem: &crate::model::validate::Problem) -> String {
        use crate::model::validate::Problem as P;
        let id = |id: &dyn std::fmt::Display| Arg::from(id.to_string());
        match problem {
            P::MissingField { meeting, field } => self.t_with(
                "problem-missing-field",
                &[
                    ("meeting", id(meeting)),
                    ("field", field.get(self.language).to_lowercase().into()),
                ],
            ),
            P::DateBothStatedAndNot { meeting } => {
                self.t_with("problem-date-both", &[("meeting", id(meeting))])
            }
            P::EndsBeforeStart {
                meeting,
                start,
                end,
            } => self.t_with(
                "problem-ends-before-start",
                &[
                    ("meeting", id(meeting)),
                    ("start", self.number(start).into()),
                    ("end", self.number(end).into()),
                ],
            ),
            P::UnknownRole { meeting, role } => self.t_with(
                "problem-unknown-role",
                &[("meeting", id(meeting)), ("role", role.into())],
            ),
            P::ParticipantWithoutWho { meeting } => self.t_with(
                "problem-participant-without-who",
                &[("meeting", id(meeting))],
            ),
            P::NoMeeting { outcome } => {
                self.t_with("problem-no-meeting", &[("outcome", id(outcome))])
            }
            P::NoType { outcome } => self.t_with("problem-no-type", &[("outcome", id(outcome))]),
            P::UnknownType { outcome, kind } => self.t_with(
                "problem-unknown-type",
                &[("outcome", id(outcome)), ("kind", kind.into())],
            ),
            P::NoStatus { outcome } => {
                self.t_with("problem-no-status", &[("outcome", id(outcome))])
            }
            P::UnknownStatus { outcome, status } => self.t_with(
                "problem-unknown-status",
                &[("outcome", id(outcome)), ("status", status.into())],
            ),
        }
    }

    /// `n` in the language's digits.
    pub fn number(self, n: impl std::fmt::Display) -> String {
        localize_digits(&n.to_string(), self.language)
    }

    /// Words given to a message kept in their own direction: a Latin name inside a Persian
    /// sentence, or a Persian name inside an English one (Unicode's first-strong isolate).
    fn isolated(self, text: &str) -> String {
        let needs = if self.right_to_left() {
            text.chars().any(|c| c.is_ascii_alphabetic())
        } else {
            text.chars().any(is_right_to_left_letter)
        };
        if needs {
            format!("\u{2068}{text}\u{2069}")
        } else {
            text.to_string()
        }
    }
}

fn is_right_to_left_letter(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `text` with its ASCII digits written as the language writes them.
pub fn localize_digits(text: &str, language: LabelLanguage) -> String {
    let zero = match language {
        LabelLanguage::English => return text.to_string(),
        LabelLanguage::Persian => '۰',
        LabelLanguage::Arabic => '٠',
    };
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Marks a message key kept in a constant (so the catalogue test finds it).
pub const fn key(key: &'static str) -> &'static str {
    key
}

/// The language the system asks for (its locale), English when it is neither Persian nor Arabic.
pub fn system_language() -> LabelLanguage {
    let locale = sys_locale::get_locale().unwrap_or_default();
    language_of_locale(&locale)
}

/// The language of a locale name such as `fa-IR`, `ar_EG.UTF-8` or `en-US`.
pub fn language_of_locale(locale: &str) -> LabelLanguage {
    let code: String = locale
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    match code.as_str() {
        "fa" | "per" | "fas" => LabelLanguage::Persian,
        "ar" | "ara" => LabelLanguage::Arabic,
        _ => LabelLanguage::English,
    }
}

/// The English words of `key`, or `key` itself when no message has that key (tests find the
/// window's widgets by their English names).
pub fn english(key: &str) -> String {
    let bundle = &bundles()[index(LabelLanguage::English)];
    match bundle.get_message(key).and_then(|m| m.value()) {
        Some(pattern) => bundle
            .format_pattern(pattern, None, &mut Vec::new())
            .into_owned(),
        None => key.to_string(),
    }
}

/// Keys asked for in a language whose catalogue lacks them, since the program started.
pub fn missing_keys(language: LabelLanguage) -> Vec<String> {
    missing()
        .lock()
        .map(|set| {
            set.iter()
                .filter(|(l, _)| *l == index(language))
                .map(|(_, k)| k.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The keys a catalogue's source defines.
pub fn keys_of(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_string()))
        .collect()
}

fn remember_missing(language: LabelLanguage, key: &str) {
    if let Ok(mut set) = missing().lock() {
        set.insert((index(language), key.to_string()));
    }
}

fn missing() -> &'static Mutex<BTreeSet<(usize, String)>> {
    static MISSING: OnceLock<Mutex<BTreeSet<(usize, String)>>> = OnceLock::new();
    MISSING.get_or_init(Default::default)
}

fn index(language: LabelLanguage) -> usize {
    match language {
        LabelLanguage::English => 0,
        LabelLanguage::Persian => 1,
        LabelLanguage::Arabic => 2,
    }
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 3] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| CATALOGUES.map(|(language, source)| bundle(language, source)))
}

/// One language's bundle. The catalogues are built in and checked by tests, so a message that
/// does not parse is left out (and reported missing when asked for) rather than stopping the
/// program.
fn bundle(language: LabelLanguage, source: &str) -> FluentBundle<FluentResource> {
    let code = match language {
        LabelLanguage::English => "en",
        LabelLanguage::Persian => "fa",
        LabelLanguage::Arabic => "ar",
    };
    let id = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Names are isolated by `Words::isolated` only when their direction differs: the marks
    // would otherwise stand in every label a test or a screen reader reads.
    bundle.set_use_isolating(false);
    match language {
        LabelLanguage::English => {}
        LabelLanguage::Persian => bundle.set_formatter(Some(persian_number)),
        LabelLanguage::Arabic => bundle.set_formatter(Some(arabic_number)),
    }
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

fn persian_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in(value, LabelLanguage::Persian)
}

fn arabic_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in(value, LabelLanguage::Arabic)
}

fn number_in(value: &FluentValue, language: LabelLanguage) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(localize_digits(&n.as_string(), language)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses_and_has_every_english_key() {
        let english = keys_of(CATALOGUES[0].1);
        assert!(english.len() > 50, "the English catalogue is read");
        for (language, source) in CATALOGUES {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{language:?} catalogue does not parse: {errors:?}");
            }
            let keys = keys_of(source);
            let lacking: Vec<_> = english.difference(&keys).collect();
            assert!(lacking.is_empty(), "{language:?} lacks {lacking:?}");
            let extra: Vec<_> = keys.difference(&english).collect();
            assert!(
                extra.is_empty(),
                "{language:?} has keys English lacks: {extra:?}"
            );
        }
    }

    /// Every key the program's code asks for is in the catalogues: the code names keys as
    /// string literals in `.t("…")`, `.t_with("…"` and `key("…")`.
    #[test]
    fn every_key_the_code_asks_for_is_in_the_catalogue() {
        let english = keys_of(CATALOGUES[0].1);
        let mut asked = BTreeSet::new();
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for opening in [
                ".t(\"",
                ".t_with(\"",
                "key(\"",
                "tr(ui, \"",
                "tr_with(ui, \"",
            ] {
                for (at, _) in source.match_indices(opening) {
                    let rest = &source[at + opening.len()..];
                    let key: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    if rest[key.len()..].starts_with('"') && !key.is_empty() {
                        asked.insert((key, path.display().to_string()));
                    }
                }
            }
        }
        assert!(asked.len() > 50, "keys were found in the code");
        let unknown: Vec<_> = asked.iter().filter(|(k, _)| !english.contains(k)).collect();
        assert!(unknown.is_empty(), "keys not in the catalogue: {unknown:?}");
    }

    #[test]
    fn numbers_are_written_in_the_languages_digits_and_choose_the_plural() {
        let args = |n: usize| [("count", Arg::from(n))];
        let en = Words::ENGLISH;
        let fa = Words::new(LabelLanguage::Persian);
        let ar = Words::new(LabelLanguage::Arabic);
        assert_eq!(en.t_with("spans-count", &args(1)), "1 span");
        assert_eq!(en.t_with("spans-count", &args(12)), "12 spans");
        assert_eq!(fa.t_with("spans-count", &args(12)), "۱۲ بازه");
        assert_eq!(ar.t_with("spans-count", &args(12)), "١٢ مقطعًا");
        assert_eq!(ar.t_with("spans-count", &args(2)), "مقطعان");
        assert_eq!(ar.t_with("spans-count", &args(5)), "٥ مقاطع");
        assert_eq!(fa.number(2024), "۲۰۲۴");
        assert_eq!(localize_digits("v1.5 x", LabelLanguage::Arabic), "v١.٥ x");
    }

    /// "1 files were changed", "1 documents with 1 pre-annotated spans": the counts of a
    /// sync's and an import's account now choose their plural form, in Arabic's six too.
    #[test]
    fn the_counts_of_sync_and_import_accounts_choose_the_plural() {
        let en = Words::ENGLISH;
        let ar = Words::new(LabelLanguage::Arabic);
        let conflicts = |tr: Words, n: usize| tr.t_with("sync-conflicts", &[("count", n.into())]);
        assert!(conflicts(en, 1).starts_with("1 file was changed"));
        assert!(conflicts(en, 3).starts_with("3 files were changed"));
        for (n, words) in [
            (1, "تغيّر ملف واحد"),
            (2, "تغيّر ملفان"),
            (3, "تغيّرت ٣ ملفات"),
            (11, "تغيّر ١١ ملفًا"),
            (100, "تغيّر ١٠٠ ملف "),
        ] {
            let said = conflicts(ar, n);
            assert!(said.starts_with(words), "{n}: {said}");
        }
        let imported = |tr: Words, documents: usize, spans: usize| {
            let args = [("documents", documents.into()), ("spans", spans.into())];
            tr.t_with("annotations-imported", &args)
        };
        assert_eq!(
            imported(en, 1, 1),
            "1 document with 1 pre-annotated span (pending review)"
        );
        assert_eq!(
            imported(en, 2, 40),
            "2 documents with 40 pre-annotated spans (pending review)"
        );
        assert_eq!(
            imported(ar, 2, 5),
            "مستندان فيها ٥ مقاطع موسومة مسبقًا (بانتظار المراجعة)"
        );
    }

    /// Messages with several counts said "Exported 1 documents, 1 spans", "Of its 1 spans,
    /// 1 keep their place": each count now chooses its own form.
    #[test]
    fn each_count_of_a_message_with_several_chooses_its_own_form() {
        let en = Words::ENGLISH;
        let exported = |n: [usize; 5]| {
            let args = [
                ("documents", n[0].into()),
                ("spans", n[1].into()),
                ("meetings", n[2].into()),
                ("outcomes", n[3].into()),
                ("files", n[4].into()),
                ("folder", "out".into()),
            ];
            en.t_with("export-done", &args)
        };
        assert_eq!(
            exported([1, 1, 1, 1, 1]),
            "Exported 1 document, 1 span, 1 meeting, 1 outcome: 1 file into out."
        );
        assert_eq!(
            exported([2, 1, 0, 3, 7]),
            "Exported 2 documents, 1 span, 0 meetings, 3 outcomes: 7 files into out."
        );
        let changed = en.t_with(
            "article-changed-on-disk",
            &[
                ("spans", 3.into()),
                ("kept", 1.into()),
                ("moved", 1.into()),
                ("orphaned", 1.into()),
            ],
        );
        assert!(
            changed.contains("Of its 3 spans, 1 keeps its place, 1 moves and 1 is orphaned"),
            "{changed}"
        );
        let counts = |key: &str, documents: usize, tokens: usize| {
            en.t_with(
                key,
                &[("documents", documents.into()), ("tokens", tokens.into())],
            )
        };
        assert_eq!(
            counts("agreement-pair-counts", 1, 12),
            "1 document, 12 tokens"
        );
        assert_eq!(
            counts("agreement-fleiss", 2, 1),
            "Fleiss' κ over 2 documents, 1 token:"
        );
        let suggested = en.t_with(
            "gazetteer-suggested",
            &[
                ("spans", 1.into()),
                ("documents", 1.into()),
                ("author", "gazetteer".into()),
            ],
        );
        assert!(
            suggested.starts_with("1 span suggested in 1 document,"),
            "{suggested}"
        );
        assert!(
            en.t_with("assign-listed", &[("count", 1.into())])
                .starts_with("The 1 document listed")
        );
    }

    /// "In 1 documents", "1 articles unreadable", and in Arabic one form for every count.
    #[test]
    fn counts_of_documents_articles_and_suggestions_choose_the_plural() {
        let en = Words::ENGLISH;
        let ar = Words::new(LabelLanguage::Arabic);
        let said = |tr: Words, key: &str, n: usize| {
            tr.t_with(key, &[("count", n.into()), ("name", "IAEA".into())])
        };
        for (key, n, expected) in [
            ("suggestions-in-documents", 1, "In 1 document"),
            ("suggestions-in-documents", 4, "In 4 documents"),
            ("search-skipped", 1, "1 article unreadable or changed"),
            (
                "agreement-documents",
                1,
                "1 document annotated by two or more people",
            ),
            ("suggestions-accepted", 1, "Accepted 1 suggestion of IAEA."),
            ("suggestions-rejected", 3, "Rejected 3 suggestions of IAEA."),
        ] {
            assert_eq!(said(en, key, n), expected);
        }
        for key in [
            "suggestions-in-documents",
            "search-skipped",
            "agreement-documents",
            "search-not-searched",
            "suggestions-accepted",
            "suggestions-rejected",
        ] {
            let forms: Vec<String> = [1, 2, 3, 11, 100]
                .into_iter()
                .map(|n| said(ar, key, n))
                .collect();
            let distinct: std::collections::BTreeSet<&String> = forms.iter().collect();
            assert_eq!(distinct.len(), 5, "{key}: {forms:?}");
            assert!(forms[0].contains("واحد"), "{key}: {forms:?}");
            assert!(
                !forms[1].contains('٢'),
                "two is said in the word: {forms:?}"
            );
        }
    }

    #[test]
    fn a_latin_name_in_a_persian_message_is_isolated_and_a_persian_one_in_english() {
        let fa = Words::new(LabelLanguage::Persian);
        let text = fa.t_with("opening-cancelled", &[("path", Arg::from("/tmp/a.daftar"))]);
        assert!(text.contains("\u{2068}/tmp/a.daftar\u{2069}"), "{text}");
        let en = Words::ENGLISH.t_with("opening-cancelled", &[("path", Arg::from("/tmp/a"))]);
        assert!(!en.contains('\u{2068}'), "{en}");
        let en = Words::ENGLISH.t_with("opening-cancelled", &[("path", Arg::from("/خبر"))]);
        assert!(en.contains("\u{2068}/خبر\u{2069}"), "{en}");
    }

    #[test]
    fn a_key_no_catalogue_has_is_remembered_as_missing() {
        let ar = Words::new(LabelLanguage::Arabic);
        // Made at run time, so that the test of the code's keys does not see it.
        let key = ["no-such-key", "for-this-test"].join("-");
        assert_eq!(ar.t(&key), key);
        assert!(missing_keys(LabelLanguage::Arabic).contains(&key));
    }

    #[test]
    fn the_system_locale_chooses_the_language() {
        assert_eq!(language_of_locale("fa-IR"), LabelLanguage::Persian);
        assert_eq!(language_of_locale("ar_EG.UTF-8"), LabelLanguage::Arabic);
        assert_eq!(language_of_locale("en-US"), LabelLanguage::English);
        assert_eq!(language_of_locale("C"), LabelLanguage::English);
        assert_eq!(language_of_locale(""), LabelLanguage::English);
    }
}

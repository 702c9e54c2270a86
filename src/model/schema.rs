//! The annotation schema: entity labels, meeting fields, participant roles, outcome types and
//! statuses. A default grounded in ACE (entity types) and PLOVER/CAMEO (events) ships in
//! `assets/schema/default.ron`; every project carries its own copy and may change it.

use serde::{Deserialize, Serialize};

use super::meeting::{FieldValueKind, MeetingField};

/// A name in the three languages the UI can show labels in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub en: String,
    pub fa: String,
    pub ar: String,
}

/// The language label names are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelLanguage {
    #[default]
    English,
    Persian,
    Arabic,
}

impl Names {
    pub fn get(&self, language: LabelLanguage) -> &str {
        match language {
            LabelLanguage::English => &self.en,
            LabelLanguage::Persian => &self.fa,
            LabelLanguage::Arabic => &self.ar,
        }
    }
}

/// An entity or trigger label that spans carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelDef {
    /// Stable key used in the project file and exports (e.g. "PER").
    pub key: String,
    pub names: Names,
    /// `#rrggbb`.
    pub color: String,
    /// The key that applies this label to the selection (a single letter or digit).
    pub shortcut: String,
    /// Whether spans with this label may link to an entity of the registry.
    #[serde(default)]
    pub linkable: bool,
    /// Finer kinds (ORG: IGO, GOV, MEDIA…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtypes: Vec<Choice>,
}

/// One option of a closed list (an outcome type, a status, a role…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub key: String,
    pub names: Names,
    /// CAMEO code derived for this choice, where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// PLOVER event type derived for this choice, where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
    /// PLOVER mode (how the event happened: multilateral, visit…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    /// PLOVER context this choice implies (a sector's: diplomatic, economic…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_context: Option<String>,
    /// Words (whole, in any language, compared through the match key) that propose this choice
    /// when a record's words hold them: تصویب, اعتماد propose "adopted". Its names do too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
}

/// What kind of value a meeting field holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldKind {
    /// A link to an entity with one of these labels.
    Entity(Vec<String>),
    Text,
    Date,
    Ordinal,
    /// One of a closed list.
    Choice(Vec<Choice>),
    Participants,
    Realis,
}

impl FieldKind {
    /// The kind of value this schema kind describes.
    pub fn value_kind(&self) -> FieldValueKind {
        match self {
            FieldKind::Entity(_) => FieldValueKind::Entity,
            FieldKind::Text => FieldValueKind::Text,
            FieldKind::Date => FieldValueKind::Date,
            FieldKind::Ordinal => FieldValueKind::Ordinal,
            FieldKind::Choice(_) => FieldValueKind::Choice,
            FieldKind::Participants => FieldValueKind::Participants,
            FieldKind::Realis => FieldValueKind::Realis,
        }
    }
}

/// A meeting field as a project's schema presents it: its names, whether it is required, its key
/// and, for entity and closed-list fields, which labels or choices it takes. Its `kind` must be the
/// kind of value the field holds ([`MeetingField::value_kind`]): loading refuses one that is not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(try_from = "FieldDefInFile")]
pub struct FieldDef {
    pub key: MeetingField,
    pub names: Names,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// The key that fills this field from the selection while the meetings panel is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<String>,
}

/// [`FieldDef`] as written in a file, before its kind is checked against its field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldDefInFile {
    key: MeetingField,
    names: Names,
    kind: FieldKind,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    shortcut: Option<String>,
}

impl TryFrom<FieldDefInFile> for FieldDef {
    type Error = String;

    fn try_from(field: FieldDefInFile) -> Result<Self, String> {
        let expected = field.key.value_kind();
        if field.kind.value_kind() != expected {
            return Err(format!(
                "meeting field `{}` holds a value of kind {expected:?}, not {:?}",
                field.key.key(),
                field.kind.value_kind()
            ));
        }
        Ok(FieldDef {
            key: field.key,
            names: field.names,
            kind: field.kind,
            required: field.required,
            shortcut: field.shortcut,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    pub labels: Vec<LabelDef>,
    pub meeting_fields: Vec<FieldDef>,
    pub participant_roles: Vec<Choice>,
    pub outcome_types: Vec<Choice>,
    pub outcome_statuses: Vec<Choice>,
}

/// The default schema, as shipped in `assets/schema/default.ron`.
pub const DEFAULT_SCHEMA_RON: &str = include_str!("../../assets/schema/default.ron");

impl Default for Schema {
    fn default() -> Self {
        ron::from_str(DEFAULT_SCHEMA_RON).expect("the bundled default schema is valid RON")
    }
}

impl Schema {
    pub fn label(&self, key: &str) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.key == key)
    }

    pub fn label_for_shortcut(&self, shortcut: &str) -> Option<&LabelDef> {
        self.labels
            .iter()
            .find(|l| l.shortcut.eq_ignore_ascii_case(shortcut))
    }

    pub fn outcome_type(&self, key: &str) -> Option<&Choice> {
        self.outcome_types.iter().find(|c| c.key == key)
    }

    pub fn meeting_field(&self, field: MeetingField) -> Option<&FieldDef> {
        self.meeting_fields.iter().find(|f| f.key == field)
    }

    /// The options of a meeting field that is a closed list (empty for other fields).
    pub fn field_choices(&self, field: MeetingField) -> &[Choice] {
        match self.meeting_field(field).map(|f| &f.kind) {
            Some(FieldKind::Choice(choices)) => choices,
            _ => &[],
        }
    }

    /// One option of a closed-list meeting field.
    pub fn field_choice(&self, field: MeetingField, key: &str) -> Option<&Choice> {
        self.field_choices(field).iter().find(|c| c.key == key)
    }

    pub fn outcome_status(&self, key: &str) -> Option<&Choice> {
        self.outcome_statuses.iter().find(|c| c.key == key)
    }

    pub fn participant_role(&self, key: &str) -> Option<&Choice> {
        self.participant_roles.iter().find(|c| c.key == key)
    }

    /// Problems that make the schema unusable: duplicate keys, clashing label shortcuts, bad
    /// colours. Empty when the schema is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen_keys = std::collections::BTreeSet::new();
        let mut seen_shortcuts = std::collections::BTreeMap::new();
        for label in &self.labels {
            if !seen_keys.insert(label.key.as_str()) {
                problems.push(format!("label {} is defined twice", label.key));
            }
            let shortcut = label.shortcut.to_ascii_uppercase();
            // Labels without a key (added by an import) are applied from the palette only.
            if !shortcut.is_empty()
                && let Some(other) = seen_shortcuts.insert(shortcut.clone(), label.key.as_str())
            {
                problems.push(format!(
                    "labels {other} and {} share the shortcut {shortcut}",
                    label.key
                ));
            }
            if parse_hex_color(&label.color).is_none() {
                problems.push(format!(
                    "label {} has colour {:?}, not #rrggbb",
                    label.key, label.color
                ));
            }
        }
        let mut seen_fields = std::collections::BTreeSet::new();
        for field in &self.meeting_fields {
            if !seen_fields.insert(field.key) {
                problems.push(format!(
                    "meeting field {} is defined twice",
                    field.key.key()
                ));
            }
        }
        for (what, list) in [
            ("participant role", &self.participant_roles),
            ("outcome type", &self.outcome_types),
            ("outcome status", &self.outcome_statuses),
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for choice in list {
                if !seen.insert(choice.key.as_str()) {
                    problems.push(format!("{what} {} is defined twice", choice.key));
                }
            }
        }
        problems
    }
}

/// `#rrggbb` → (r, g, b).
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schema_is_sound() {
        let schema = Schema::default();
        assert_eq!(schema.problems(), Vec::<String>::new());
        for key in [
            "PER", "ORG", "GPE", "LOC", "FAC", "TITLE", "DATE", "TIME", "DURATION", "ORDINAL",
            "MONEY", "PERCENT", "DOC", "MEETING", "OUTCOME",
        ] {
            let label = schema.label(key).unwrap_or_else(|| panic!("{key} missing"));
            assert!(!label.names.fa.is_empty() && !label.names.ar.is_empty());
        }
        let org = schema.label("ORG").unwrap();
        for subtype in ["IGO", "GOV", "MEDIA"] {
            assert!(org.subtypes.iter().any(|s| s.key == subtype));
        }
        for key in [
            "declaration_adopted",
            "next_host_designated",
            "topic_discussed",
        ] {
            assert!(schema.outcome_type(key).is_some(), "{key}");
        }
        for key in ["proposed", "adopted", "ratified", "unknown"] {
            assert!(schema.outcome_status(key).is_some(), "{key}");
        }
    }

    #[test]
    fn clashing_shortcuts_are_reported() {
        let mut schema = Schema::default();
        let per_shortcut = schema.label("PER").unwrap().shortcut.clone();
        schema.labels[1].shortcut = per_shortcut.to_lowercase();
        let problems = schema.problems();
        assert!(
            problems.iter().any(|p| p.contains("share the shortcut")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_meeting_field_table_is_in_the_order_of_the_fields() {
        for (index, row) in crate::model::MEETING_FIELDS.iter().enumerate() {
            assert_eq!(row.field as usize, index, "{}", row.key);
            assert_eq!(MeetingField::from_key(row.key), Some(row.field));
        }
        // The default schema lists every field, with the kind of value each holds.
        let schema = Schema::default();
        let listed: Vec<MeetingField> = schema.meeting_fields.iter().map(|f| f.key).collect();
        assert_eq!(listed, MeetingField::ALL);
    }

    #[test]
    fn a_schema_naming_an_unknown_field_or_the_wrong_kind_is_refused() {
        let misspelt = DEFAULT_SCHEMA_RON.replacen(
            "key: \"host\", names: (en: \"Host\"",
            "key: \"hoct\", names: (en: \"Host\"",
            1,
        );
        assert_ne!(misspelt, DEFAULT_SCHEMA_RON);
        let error = ron::from_str::<Schema>(&misspelt).unwrap_err().to_string();
        assert!(error.contains("unknown meeting field `hoct`"), "{error}");
        let wrong_kind = DEFAULT_SCHEMA_RON.replacen(
            "kind: Entity([\"ORG\"]), required: true",
            "kind: Date, required: true",
            1,
        );
        assert_ne!(wrong_kind, DEFAULT_SCHEMA_RON);
        let error = ron::from_str::<Schema>(&wrong_kind)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("`organization` holds a value of kind Entity"),
            "{error}"
        );
    }

    #[test]
    fn the_outcome_field_table_is_in_the_order_of_the_fields_and_named_in_every_language() {
        use crate::model::{OUTCOME_FIELDS, OutcomeField};
        for (index, row) in OUTCOME_FIELDS.iter().enumerate() {
            assert_eq!(row.field as usize, index, "{}", row.key);
            assert!(row.names.iter().all(|n| !n.is_empty()));
        }
        assert_eq!(
            OutcomeField::AttributedTo.name(LabelLanguage::Persian),
            "به نقل از"
        );
    }

    #[test]
    fn hex_colors() {
        assert_eq!(parse_hex_color("#ff8000"), Some([255, 128, 0]));
        assert_eq!(parse_hex_color("ff8000"), None);
        assert_eq!(parse_hex_color("#ff80"), None);
    }
}

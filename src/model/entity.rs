//! The project's registry of entities that mentions link to.

use serde::{Deserialize, Serialize};

use super::ids::EntityId;

/// A person, organization, country or place that mentions in many documents (in any script)
/// refer to: the same minister is اسکندر مومنی in Persian and إسكندر مؤمني in Arabic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: EntityId,
    /// Canonical name.
    pub name: String,
    /// Other names, in any script.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Label key of the schema (PER, ORG, GPE, LOC, FAC…).
    pub kind: String,
    /// Finer kind where the label has them (ORG: IGO, GOV, MEDIA…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// Wikidata QID, ISO 3166 code or another stable identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Entity {
    /// The canonical name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

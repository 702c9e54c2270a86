//! What the session does to the registry's entities: their subtype (ORG: IGO, GOV, MEDIA…) and
//! their external identifier (a Wikidata QID, an ISO 3166 code).

use super::command::{Applied, Refusal};
use super::session::Session;
use crate::edit::Edit;
use crate::model::EntityId;

impl Session {
    /// Sets (or clears) an entity's subtype: one of its label's subtypes in the schema.
    pub(super) fn set_entity_subtype(
        &mut self,
        id: EntityId,
        subtype: Option<String>,
    ) -> Result<Applied, Refusal> {
        let entity = self
            .project
            .entity(id)
            .ok_or(crate::edit::EditError::NoEntity(id))?;
        if let Some(key) = &subtype {
            let known = self
                .project
                .schema
                .label(&entity.kind)
                .is_some_and(|l| l.subtypes.iter().any(|s| &s.key == key));
            if !known {
                return Err(Refusal::NoSubtype {
                    kind: entity.kind.clone(),
                    subtype: key.clone(),
                });
            }
        }
        let mut changed = entity.clone();
        changed.subtype = subtype;
        self.replace_entity(changed)
    }

    /// Sets (or, blank, clears) an entity's external identifier as typed: a Wikidata QID
    /// (`q42` is stored `Q42`), an ISO 3166 code (`ir` is stored `IR`) or another identifier
    /// without spaces.
    pub(super) fn set_entity_external_id(
        &mut self,
        id: EntityId,
        typed: &str,
    ) -> Result<Applied, Refusal> {
        let entity = self
            .project
            .entity(id)
            .ok_or(crate::edit::EditError::NoEntity(id))?;
        let mut changed = entity.clone();
        changed.external_id = external_id(typed)?;
        self.replace_entity(changed)
    }

    fn replace_entity(&mut self, changed: crate::model::Entity) -> Result<Applied, Refusal> {
        if self.project.entity(changed.id) != Some(&changed) {
            self.commit(Edit::ReplaceEntity(changed))?;
        }
        Ok(Applied::default())
    }
}

/// An external identifier as stored: `None` for a blank one; Wikidata QIDs and ISO 3166 codes in
/// capitals; refused when it has spaces inside.
fn external_id(typed: &str) -> Result<Option<String>, Refusal> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if typed.chars().any(char::is_whitespace) {
        return Err(Refusal::NotAnIdentifier(typed.to_string()));
    }
    let is_qid = typed.len() > 1
        && typed.starts_with(['q', 'Q'])
        && typed[1..].chars().all(|c| c.is_ascii_digit());
    // ISO 3166-1 alpha-2 or alpha-3, or a subdivision (IR-23).
    let is_iso = {
        let (country, subdivision) = typed.split_once('-').unwrap_or((typed, ""));
        (2..=3).contains(&country.len())
            && country.chars().all(|c| c.is_ascii_alphabetic())
            && subdivision.chars().all(|c| c.is_ascii_alphanumeric())
            && subdivision.len() <= 3
    };
    Ok(Some(if is_qid || is_iso {
        typed.to_ascii_uppercase()
    } else {
        typed.to_string()
    }))
}

#[cfg(test)]
mod tests {
    use super::external_id;

    #[test]
    fn external_ids_are_stored_in_their_usual_spelling() {
        assert_eq!(external_id(" q3616 ").unwrap().as_deref(), Some("Q3616"));
        assert_eq!(external_id("ir").unwrap().as_deref(), Some("IR"));
        assert_eq!(external_id("irn").unwrap().as_deref(), Some("IRN"));
        assert_eq!(external_id("ir-23").unwrap().as_deref(), Some("IR-23"));
        assert_eq!(
            external_id("viaf:12345").unwrap().as_deref(),
            Some("viaf:12345")
        );
        assert_eq!(external_id("   ").unwrap(), None);
        assert!(external_id("Q 3616").is_err());
    }
}

//! The suggestions page in the session: programs' pending suggestions grouped by entity or name
//! and label, stepped through and accepted or rejected a whole group at a time.

use super::command::{Applied, Refusal};
use super::lists::neighbour;
use super::session::Session;
use crate::edit::suggested::{GroupKey, SuggestionGroup, decide_group, pending_groups};
use crate::model::ReviewState;

/// Which groups the page lists, and the one the keys are on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SuggestionsView {
    /// Only suggestions of this label.
    pub label: Option<String>,
    pub current: Option<GroupKey>,
}

impl Session {
    pub fn suggestions_view(&self) -> &SuggestionsView {
        &self.suggestions_view
    }

    /// The groups the page lists.
    pub fn suggestion_groups(&self) -> Vec<SuggestionGroup> {
        pending_groups(&self.project, self.suggestions_view.label.as_deref())
    }

    pub(super) fn set_suggestion_label(
        &mut self,
        label: Option<String>,
    ) -> Result<Applied, Refusal> {
        if let Some(label) = &label
            && self.project.schema.label(label).is_none()
        {
            return Err(Refusal::NoLabel(label.clone()));
        }
        self.suggestions_view.label = label;
        self.suggestions_view.current = None;
        Ok(Applied::default())
    }

    /// Makes the group current and shows its first span in its article.
    pub(super) fn select_suggestion_group(&mut self, key: GroupKey) -> Result<Applied, Refusal> {
        let groups = self.suggestion_groups();
        let group = groups
            .iter()
            .find(|g| g.key == key)
            .ok_or(Refusal::NoSuggestionGroup)?;
        if let Some(first) = group.spans.first() {
            self.go_to_span(first.doc, first.span);
        }
        self.suggestions_view.current = Some(key);
        Ok(Applied::default())
    }

    /// Goes to the next or previous group (from none: the first or the last); at either end
    /// it stays.
    pub(super) fn step_suggestion_group(&mut self, forward: bool) -> Result<Applied, Refusal> {
        let keys: Vec<GroupKey> = self
            .suggestion_groups()
            .into_iter()
            .map(|g| g.key)
            .collect();
        let current = self.suggestions_view.current.clone();
        match neighbour(&keys, current.as_ref(), forward).or(current) {
            Some(key) => self.select_suggestion_group(key),
            None => Err(Refusal::NoSuggestionGroup),
        }
    }

    /// Accepts or rejects every span of the current group (one undo step), then goes on to the
    /// group that takes its place in the list.
    pub(super) fn decide_suggestion_group(
        &mut self,
        state: ReviewState,
    ) -> Result<Applied, Refusal> {
        let groups = self.suggestion_groups();
        let at = self
            .suggestions_view
            .current
            .as_ref()
            .and_then(|c| groups.iter().position(|g| &g.key == c))
            .ok_or(Refusal::NoSuggestionGroup)?;
        let edit = decide_group(&self.project, &groups[at], state, &self.annotator);
        self.commit(edit)?;
        let key = if state == ReviewState::Accepted {
            "suggestions-accepted"
        } else {
            "suggestions-rejected"
        };
        self.message = Some(self.words().t_with(
            key,
            &[
                ("count", groups[at].spans.len().into()),
                ("name", groups[at].shown.as_str().into()),
            ],
        ));
        let left = self.suggestion_groups();
        self.suggestions_view.current = None;
        if let Some(next) = left.get(at.min(left.len().saturating_sub(1))) {
            let _shown = self.select_suggestion_group(next.key.clone())?;
        }
        Ok(Applied::default())
    }
}

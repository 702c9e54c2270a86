//! Undo/redo as a log of applied edits with their inverses.
//!
//! Every applied step gets a revision number that is never reused, so "are there unsaved
//! changes?" is just "is the current revision the one that was saved?", and stays right after
//! undoing past a save or redoing back to it. Steps are never merged: one user action, one step.

use super::{Edit, EditError};
use crate::model::Project;

#[derive(Debug)]
struct Step {
    /// Re-applies the step (redo).
    forward: Edit,
    /// Undoes the step.
    inverse: Edit,
    /// Revision the project is at once this step is applied.
    revision: u64,
}

#[derive(Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    last_revision: u64,
    saved_revision: u64,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `edit` to `project` as a new undoable step. Clears the redo list.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let inverse = edit.clone().apply(project)?;
        self.last_revision += 1;
        self.done.push(Step {
            forward: edit,
            inverse,
            revision: self.last_revision,
        });
        self.undone.clear();
        Ok(())
    }

    /// Undoes the last step; returns its description, or `None` if there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.done.pop()?;
        let description = step.forward.describe();
        step.inverse
            .clone()
            .apply(project)
            .expect("an inverse applies to the state its edit produced");
        self.undone.push(step);
        Some(description)
    }

    /// Redoes the last undone step; returns its description.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.undone.pop()?;
        let description = step.forward.describe();
        step.forward
            .clone()
            .apply(project)
            .expect("an undone edit applies again");
        self.done.push(step);
        Some(description)
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
    pub fn undo_description(&self) -> Option<String> {
        self.done.last().map(|s| s.forward.describe())
    }
    pub fn redo_description(&self) -> Option<String> {
        self.undone.last().map(|s| s.forward.describe())
    }

    /// The revision the project is at: 0 before any edit.
    pub fn revision(&self) -> u64 {
        self.done.last().map_or(0, |s| s.revision)
    }

    /// Records that the project as of `revision` is on disk (a save may finish after more edits).
    pub fn mark_saved(&mut self, revision: u64) {
        self.saved_revision = revision;
    }

    /// Whether the project differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.revision() != self.saved_revision
    }
}

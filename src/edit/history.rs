//! Undo/redo as a log of applied edits with their inverses.
//!
//! Every applied step gets a revision number that is never reused, so "are there unsaved
//! changes?" is just "is the current revision the one that was saved?", and stays right after
//! undoing past a save or redoing back to it. Steps are never merged: one user action, one step.
//!
//! A step can carry a mark `M` from before and after it (the window keeps its selection and
//! current record there, as helix keeps selections with its transactions): undo hands back the
//! mark from before, redo the one from after.

use thiserror::Error;

use super::{Edit, EditError};
use crate::model::Project;

#[derive(Debug)]
struct Step<M> {
    /// Re-applies the step (redo).
    forward: Edit,
    /// Undoes the step.
    inverse: Edit,
    /// Revision the project is at once this step is applied.
    revision: u64,
    /// Marks from before and after the step.
    before: M,
    after: M,
}

/// Undo or redo could not be applied: the history does not fit the project any more. The
/// project is left as it was and the step stays where it was.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("cannot {action} “{step}”: {error}")]
pub struct HistoryError {
    pub action: &'static str,
    pub step: String,
    pub error: EditError,
}

#[derive(Debug)]
pub struct History<M = ()> {
    done: Vec<Step<M>>,
    undone: Vec<Step<M>>,
    last_revision: u64,
    saved_revision: u64,
    /// The revision with no step done (0, or a new one after [`History::restart_unsaved`]).
    base_revision: u64,
}

impl<M> Default for History<M> {
    fn default() -> Self {
        History {
            done: Vec::new(),
            undone: Vec::new(),
            last_revision: 0,
            saved_revision: 0,
            base_revision: 0,
        }
    }
}

impl History<()> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `edit` to `project` as a new undoable step. Clears the redo list.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        self.apply_marked(project, edit, ())
    }
}

impl<M: Clone> History<M> {
    /// Applies `edit` as a new undoable step, with the mark from before it (also the mark after
    /// it until [`History::mark_after`] says otherwise). Clears the redo list.
    pub fn apply_marked(
        &mut self,
        project: &mut Project,
        edit: Edit,
        before: M,
    ) -> Result<(), EditError> {
        let inverse = edit.clone().apply(project)?;
        self.last_revision += 1;
        self.done.push(Step {
            forward: edit,
            inverse,
            revision: self.last_revision,
            after: before.clone(),
            before,
        });
        self.undone.clear();
        Ok(())
    }

    /// Sets the mark from after the last step.
    pub fn mark_after(&mut self, after: M) {
        if let Some(step) = self.done.last_mut() {
            step.after = after;
        }
    }

    /// Undoes the last step: its description and the mark from before it, or `None` when there
    /// is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<(String, M)>, HistoryError> {
        replay(&mut self.done, &mut self.undone, project, false)
    }

    /// Redoes the last undone step: its description and the mark from after it.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<(String, M)>, HistoryError> {
        replay(&mut self.undone, &mut self.done, project, true)
    }
}

/// Moves the last step of `from` to `to`, applying it forward (redo) or backward (undo). A step
/// that does not apply stays where it was and the project is unchanged.
fn replay<M: Clone>(
    from: &mut Vec<Step<M>>,
    to: &mut Vec<Step<M>>,
    project: &mut Project,
    forward: bool,
) -> Result<Option<(String, M)>, HistoryError> {
    let Some(step) = from.pop() else {
        return Ok(None);
    };
    let edit = if forward {
        &step.forward
    } else {
        &step.inverse
    };
    match edit.clone().apply(project) {
        Ok(_) => {
            let mark = if forward { &step.after } else { &step.before };
            let done = (step.forward.describe(), mark.clone());
            to.push(step);
            Ok(Some(done))
        }
        Err(error) => {
            let failed = HistoryError {
                action: if forward { "redo" } else { "undo" },
                step: step.forward.describe(),
                error,
            };
            from.push(step);
            Err(failed)
        }
    }
}

impl<M> History<M> {
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
        self.done.last().map_or(self.base_revision, |s| s.revision)
    }

    /// Records that the project as of `revision` is on disk (a save may finish after more edits).
    pub fn mark_saved(&mut self, revision: u64) {
        self.saved_revision = revision;
    }

    /// Forgets every step and says the project differs from what is saved (a whole project put
    /// in place, which no step can undo).
    pub fn restart_unsaved(&mut self) {
        self.done.clear();
        self.undone.clear();
        self.last_revision += 1;
        self.base_revision = self.last_revision;
        self.saved_revision = u64::MAX;
    }

    /// Forgets every step, as the project was read again from disk (after a merge): a new
    /// revision, which is the saved one. Everything kept for a revision is built again.
    pub fn restart_saved(&mut self) {
        self.restart_unsaved();
        self.saved_revision = self.base_revision;
    }

    /// Whether the project differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.revision() != self.saved_revision
    }
}

//! The window's keyboard and toolbar vocabulary: every action with a shortcut or a toolbar
//! button, in one table that the menus, tooltips and the keyboard all read. A test fails when two
//! shortcuts clash (with each other, a label key or a meeting field key). `input.rs` turns a
//! [`UiCommand`] into the [`crate::app::AppCommand`] it stands for on the page shown.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    Save,
    Undo,
    Redo,
    NextDocument,
    PreviousDocument,
    /// The next span, or the next item on the review page.
    NextItem,
    PreviousItem,
    DeleteSpan,
    MarkReadyForReview,
    FocusFilter,
    ZoomIn,
    ZoomOut,
    NewMeeting,
    NewOutcome,
    ShowMeetings,
    ShowReview,
    ReviewAccept,
    ReviewReject,
    Export,
    SearchCorpus,
    Records,
    Charts,
    Palette,
}

pub struct CommandInfo {
    pub command: UiCommand,
    pub text: &'static str,
    pub tooltip: &'static str,
    /// The first one is shown in menus.
    pub shortcuts: &'static [KeyboardShortcut],
    /// Whether it may fire while the user types in a text field.
    pub while_typing: bool,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

pub const COMMANDS: &[CommandInfo] = &[
    CommandInfo {
        command: UiCommand::Save,
        text: "Save",
        tooltip: "Save the project now (it also saves itself a moment after each change)",
        shortcuts: &[key(Modifiers::COMMAND, Key::S)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Undo,
        text: "Undo",
        tooltip: "Undo the last change",
        shortcuts: &[key(Modifiers::COMMAND, Key::Z)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::Redo,
        text: "Redo",
        tooltip: "Redo what was undone",
        shortcuts: &[key(CTRL_SHIFT, Key::Z), key(Modifiers::COMMAND, Key::Y)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::NextDocument,
        text: "Next document",
        tooltip: "Open the next document of the list",
        shortcuts: &[key(Modifiers::ALT, Key::ArrowDown)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::PreviousDocument,
        text: "Previous document",
        tooltip: "Open the previous document of the list",
        shortcuts: &[key(Modifiers::ALT, Key::ArrowUp)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::NextItem,
        text: "Next span",
        tooltip: "Select the next span in reading order (the next item on the review page)",
        shortcuts: &[key(Modifiers::NONE, Key::CloseBracket)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::PreviousItem,
        text: "Previous span",
        tooltip: "Select the previous span in reading order (the previous item on the review page)",
        shortcuts: &[key(Modifiers::NONE, Key::OpenBracket)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::DeleteSpan,
        text: "Delete span",
        tooltip: "Delete the selected span",
        shortcuts: &[
            key(Modifiers::NONE, Key::Delete),
            key(Modifiers::NONE, Key::Backspace),
        ],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::MarkReadyForReview,
        text: "Ready for review",
        tooltip: "Mark this document ready for review",
        shortcuts: &[key(Modifiers::COMMAND, Key::Enter)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::FocusFilter,
        text: "Find document",
        tooltip: "Type to filter the document list",
        shortcuts: &[key(Modifiers::COMMAND, Key::F)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ZoomIn,
        text: "Larger text",
        tooltip: "Make the article text larger",
        shortcuts: &[
            key(Modifiers::COMMAND, Key::Equals),
            key(Modifiers::COMMAND, Key::Plus),
        ],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ZoomOut,
        text: "Smaller text",
        tooltip: "Make the article text smaller",
        shortcuts: &[key(Modifiers::COMMAND, Key::Minus)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::NewMeeting,
        text: "New meeting",
        tooltip: "Record a new meeting; the selected words become its evidence",
        shortcuts: &[key(Modifiers::ALT, Key::M)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::NewOutcome,
        text: "New outcome",
        tooltip: "Record an outcome of the current meeting; the selected words become its evidence",
        shortcuts: &[key(Modifiers::ALT, Key::O)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::ShowMeetings,
        text: "Meetings",
        tooltip: "Show the meetings panel (or the spans again)",
        shortcuts: &[key(Modifiers::COMMAND, Key::M)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ShowReview,
        text: "Review",
        tooltip: "Show the review page (or the spans again)",
        shortcuts: &[key(Modifiers::COMMAND, Key::R)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ReviewAccept,
        text: "Accept",
        tooltip: "Accept the current item and go to the next pending one (review page)",
        shortcuts: &[key(Modifiers::NONE, Key::A)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::ReviewReject,
        text: "Reject",
        tooltip: "Reject the current item with the comment typed, and go on (review page)",
        shortcuts: &[key(Modifiers::NONE, Key::X)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::Export,
        text: "Export…",
        tooltip: "Export annotations to a folder (reviewed work by default)",
        shortcuts: &[key(Modifiers::COMMAND, Key::E)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::SearchCorpus,
        text: "Search…",
        tooltip: "Search every article for words, a phrase or a pattern; tag the hits together",
        shortcuts: &[key(CTRL_SHIFT, Key::F)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Records,
        text: "Records…",
        tooltip: "Every meeting and outcome as a table: filter, sort, open one at its evidence",
        shortcuts: &[key(CTRL_SHIFT, Key::M)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Charts,
        text: "Charts…",
        tooltip: "The meetings on a timeline, outcomes, spans and progress as charts, saved as SVG",
        shortcuts: &[key(CTRL_SHIFT, Key::T)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Palette,
        text: "Commands…",
        tooltip: "Find any command by name and run it (type to filter, Enter to run)",
        shortcuts: &[key(Modifiers::COMMAND, Key::K)],
        while_typing: true,
    },
];

pub fn info(command: UiCommand) -> &'static CommandInfo {
    COMMANDS
        .iter()
        .find(|c| c.command == command)
        .expect("every command is in the table")
}

/// "Undo (Ctrl+Z)" for buttons and tooltips.
pub fn label_with_shortcut(command: UiCommand, ctx: &eframe::egui::Context) -> String {
    let info = info(command);
    match info.shortcuts.first() {
        Some(shortcut) => format!("{} ({})", info.text, ctx.format_shortcut(shortcut)),
        None => info.text.to_string(),
    }
}

/// The key a label shortcut names ("P" → `Key::P`).
pub fn label_key(shortcut: &str) -> Option<Key> {
    Key::from_name(shortcut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    #[test]
    fn no_two_shortcuts_clash() {
        let mut seen: Vec<(KeyboardShortcut, String)> = Vec::new();
        let mut add = |shortcut: KeyboardShortcut, owner: String| {
            if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                panic!("{owner} and {other} share {shortcut:?}");
            }
            seen.push((shortcut, owner));
        };
        for command in COMMANDS {
            for &shortcut in command.shortcuts {
                add(shortcut, format!("{:?}", command.command));
            }
        }
        for field in Schema::default().meeting_fields {
            if let Some(shortcut) = &field.shortcut {
                let key =
                    label_key(shortcut).unwrap_or_else(|| panic!("field {} has no key", field.key));
                add(
                    KeyboardShortcut::new(Modifiers::NONE, key),
                    format!("field {}", field.key),
                );
            }
        }
        // A label without a key (EVIDENCE, which records give their words) has none to clash.
        for label in Schema::default().labels {
            if label.shortcut.is_empty() {
                continue;
            }
            let key = label_key(&label.shortcut)
                .unwrap_or_else(|| panic!("label {} has no key", label.key));
            add(
                KeyboardShortcut::new(Modifiers::NONE, key),
                format!("label {}", label.key),
            );
        }
    }
}

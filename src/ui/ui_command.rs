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
    /// Catalogue keys of its name and tooltip.
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
        text: crate::i18n::key("command-save"),
        tooltip: crate::i18n::key("command-save-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::S)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Undo,
        text: crate::i18n::key("command-undo"),
        tooltip: crate::i18n::key("command-undo-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::Z)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::Redo,
        text: crate::i18n::key("command-redo"),
        tooltip: crate::i18n::key("command-redo-tip"),
        shortcuts: &[key(CTRL_SHIFT, Key::Z), key(Modifiers::COMMAND, Key::Y)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::NextDocument,
        text: crate::i18n::key("command-next-document"),
        tooltip: crate::i18n::key("command-next-document-tip"),
        shortcuts: &[key(Modifiers::ALT, Key::ArrowDown)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::PreviousDocument,
        text: crate::i18n::key("command-previous-document"),
        tooltip: crate::i18n::key("command-previous-document-tip"),
        shortcuts: &[key(Modifiers::ALT, Key::ArrowUp)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::NextItem,
        text: crate::i18n::key("command-next-span"),
        tooltip: crate::i18n::key("command-next-span-tip"),
        shortcuts: &[key(Modifiers::NONE, Key::CloseBracket)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::PreviousItem,
        text: crate::i18n::key("command-previous-span"),
        tooltip: crate::i18n::key("command-previous-span-tip"),
        shortcuts: &[key(Modifiers::NONE, Key::OpenBracket)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::DeleteSpan,
        text: crate::i18n::key("command-delete-span"),
        tooltip: crate::i18n::key("command-delete-span-tip"),
        shortcuts: &[
            key(Modifiers::NONE, Key::Delete),
            key(Modifiers::NONE, Key::Backspace),
        ],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::MarkReadyForReview,
        text: crate::i18n::key("command-ready-for-review"),
        tooltip: crate::i18n::key("command-ready-for-review-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::Enter)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::FocusFilter,
        text: crate::i18n::key("command-find-document"),
        tooltip: crate::i18n::key("command-find-document-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::F)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ZoomIn,
        text: crate::i18n::key("command-larger-text"),
        tooltip: crate::i18n::key("command-larger-text-tip"),
        shortcuts: &[
            key(Modifiers::COMMAND, Key::Equals),
            key(Modifiers::COMMAND, Key::Plus),
        ],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ZoomOut,
        text: crate::i18n::key("command-smaller-text"),
        tooltip: crate::i18n::key("command-smaller-text-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::Minus)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::NewMeeting,
        text: crate::i18n::key("command-new-meeting"),
        tooltip: crate::i18n::key("command-new-meeting-tip"),
        shortcuts: &[key(Modifiers::ALT, Key::M)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::NewOutcome,
        text: crate::i18n::key("command-new-outcome"),
        tooltip: crate::i18n::key("command-new-outcome-tip"),
        shortcuts: &[key(Modifiers::ALT, Key::O)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::ShowMeetings,
        text: crate::i18n::key("command-meetings"),
        tooltip: crate::i18n::key("command-meetings-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::M)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ShowReview,
        text: crate::i18n::key("command-review"),
        tooltip: crate::i18n::key("command-review-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::R)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::ReviewAccept,
        text: crate::i18n::key("command-accept"),
        tooltip: crate::i18n::key("command-accept-tip"),
        shortcuts: &[key(Modifiers::NONE, Key::A)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::ReviewReject,
        text: crate::i18n::key("command-reject"),
        tooltip: crate::i18n::key("command-reject-tip"),
        shortcuts: &[key(Modifiers::NONE, Key::X)],
        while_typing: false,
    },
    CommandInfo {
        command: UiCommand::Export,
        text: crate::i18n::key("command-export"),
        tooltip: crate::i18n::key("command-export-tip"),
        shortcuts: &[key(Modifiers::COMMAND, Key::E)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::SearchCorpus,
        text: crate::i18n::key("command-search"),
        tooltip: crate::i18n::key("command-search-tip"),
        shortcuts: &[key(CTRL_SHIFT, Key::F)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Records,
        text: crate::i18n::key("command-records"),
        tooltip: crate::i18n::key("command-records-tip"),
        shortcuts: &[key(CTRL_SHIFT, Key::M)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Charts,
        text: crate::i18n::key("command-charts"),
        tooltip: crate::i18n::key("command-charts-tip"),
        shortcuts: &[key(CTRL_SHIFT, Key::T)],
        while_typing: true,
    },
    CommandInfo {
        command: UiCommand::Palette,
        text: crate::i18n::key("command-commands"),
        tooltip: crate::i18n::key("command-commands-tip"),
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

/// The command's keys in the interface's reading direction. The next and previous span keys are
/// a pair side by side, `[` left of `]`: the one on the side the text reads towards moves
/// forward, so in a window that reads right to left `[` is next and `]` previous.
pub fn shortcuts(command: UiCommand, right_to_left: bool) -> &'static [KeyboardShortcut] {
    let keys_of = match (right_to_left, command) {
        (true, UiCommand::NextItem) => UiCommand::PreviousItem,
        (true, UiCommand::PreviousItem) => UiCommand::NextItem,
        _ => command,
    };
    info(keys_of).shortcuts
}

/// The command's name in the interface's language.
pub fn name(command: UiCommand, ctx: &eframe::egui::Context) -> String {
    super::words::words(ctx).t(info(command).text)
}

/// What the command does, in the interface's language.
pub fn tooltip(command: UiCommand, ctx: &eframe::egui::Context) -> String {
    super::words::words(ctx).t(info(command).tooltip)
}

/// "Undo (Ctrl+Z)" for buttons and tooltips.
pub fn label_with_shortcut(command: UiCommand, ctx: &eframe::egui::Context) -> String {
    let name = name(command, ctx);
    let right_to_left = super::words::words(ctx).right_to_left();
    match shortcuts(command, right_to_left).first() {
        Some(shortcut) => format!("{name} ({})", ctx.format_shortcut(shortcut)),
        None => name,
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

//! What the user prefers, kept in eframe's storage (never in the project file).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::LabelLanguage;

/// Key under which the preferences are stored.
pub const STORAGE_KEY: &str = "daftar-preferences";
/// The annotation panel's width until the user sets one.
pub const ANNOTATION_PANEL_WIDTH: f32 = 380.0;
/// How many recent projects are remembered.
const RECENT: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub annotator: String,
    /// `None` follows the system.
    pub dark_mode: Option<bool>,
    pub font_size: f32,
    pub snap_to_words: bool,
    /// Show only one's own spans (blind double annotation).
    pub only_my_spans: bool,
    pub label_language: LabelLanguage,
    /// The interface's language; `None` follows the system's locale.
    pub interface_language: Option<LabelLanguage>,
    /// The label names in a language of their own rather than the interface's.
    pub label_language_apart: bool,
    /// Most recent first.
    pub recent_projects: Vec<PathBuf>,
    /// The width the user gave the annotation panel (points); only their own drag changes it.
    pub annotation_panel_width: f32,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            annotator: String::new(),
            dark_mode: None,
            font_size: crate::cli::ARTICLE_FONT_SIZE,
            snap_to_words: true,
            only_my_spans: false,
            label_language: LabelLanguage::English,
            interface_language: None,
            label_language_apart: false,
            recent_projects: Vec::new(),
            annotation_panel_width: ANNOTATION_PANEL_WIDTH,
        }
    }
}

impl Preferences {
    /// Puts `project` first in the recent list.
    pub fn remember_project(&mut self, project: PathBuf) {
        self.recent_projects.retain(|p| *p != project);
        self.recent_projects.insert(0, project);
        self.recent_projects.truncate(RECENT);
    }

    pub fn last_project(&self) -> Option<&PathBuf> {
        self.recent_projects.first()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_projects_are_unique_and_bounded() {
        let mut preferences = Preferences::default();
        for i in 0..10 {
            preferences.remember_project(PathBuf::from(format!("/p{i}.daftar.ron")));
        }
        preferences.remember_project(PathBuf::from("/p5.daftar.ron"));
        assert_eq!(preferences.recent_projects.len(), RECENT);
        assert_eq!(
            preferences.last_project(),
            Some(&PathBuf::from("/p5.daftar.ron"))
        );
        assert_eq!(
            preferences
                .recent_projects
                .iter()
                .filter(|p| p.ends_with("p5.daftar.ron"))
                .count(),
            1
        );
    }

    #[test]
    fn older_stored_preferences_still_load() {
        // Stored by a version that only knew the annotator's name.
        let stored = r#"(annotator: "Maryam")"#;
        let preferences: Preferences = ron::from_str(stored).unwrap();
        assert_eq!(preferences.annotator, "Maryam");
        assert!(preferences.snap_to_words);
        assert!(!preferences.only_my_spans);
    }
}

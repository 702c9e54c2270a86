//! The window. Only this module (and `main.rs`) names egui or eframe.

pub mod agreement_window;
mod app;
pub mod article_view;
pub mod assign_window;
mod background;
pub mod bidi_label;
pub mod charts_window;
pub mod confirm;
pub mod curation_panel;
pub mod export_dialog;
mod glyph_atlas;
pub mod input;
pub(crate) mod key_list;
pub mod meetings_panel;
pub mod palette;
pub mod panels;
pub mod picker;
pub mod preferences;
pub mod records_window;
pub mod review_panel;
pub mod search_window;
pub mod suggestions_page;
pub mod sync_window;
pub mod text_engine;
pub mod text_input;
pub mod ui_command;
pub mod words;

use std::path::PathBuf;

use crate::open::open_path;

pub use app::{AfterSuccess, DISCARD_RECOVERY, DaftarApp, FILTER_HINT, RESTORE_RECOVERY};

/// Opens the window on `path` (a folder or a project file), or on the bundled sample.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let path = match path {
        Some(path) => path,
        None => {
            let dir = crate::sample::default_location().ok_or_else(|| {
                anyhow::anyhow!("this system has no data folder to install the sample into")
            })?;
            crate::sample::install(&dir).map_err(|error| {
                anyhow::anyhow!("cannot install the sample ({error}): {}", dir.display())
            })?
        }
    };
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Daftar")
            .with_inner_size([1200.0, 800.0]),
        ..Default::default()
    };
    let opened = match open_path(&path) {
        Ok(opened) => opened,
        Err(error) => {
            // Shown in a window as well: the user may have started Daftar from a file manager.
            let message = format!("{error:#}");
            eprintln!("daftar: {message}");
            return eframe::run_native(
                "Daftar",
                options,
                Box::new(move |_cc| Ok(Box::new(OpenErrorApp { message }))),
            )
            .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"));
        }
    };
    eframe::run_native(
        "Daftar",
        options,
        Box::new(move |cc| {
            // Ctrl+Plus/Minus zoom the article text (our commands), not the whole window.
            cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
            let preferences: preferences::Preferences = cc
                .storage
                .and_then(|s| eframe::get_value(s, preferences::STORAGE_KEY))
                .unwrap_or_default();
            let mut app = DaftarApp::new(opened);
            app.apply_preferences(&preferences, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// What the window shows when the project could not be opened: the error, and the assurance
/// that the file was left as it was.
pub struct OpenErrorApp {
    pub message: String,
}

impl OpenErrorApp {
    pub fn window_ui(&mut self, ui: &mut eframe::egui::Ui) {
        // In the system's language: the preferences belong to the window that did not open.
        let tr = crate::i18n::Words::new(crate::i18n::system_language());
        words::set_words(ui.ctx(), tr);
        eframe::egui::CentralPanel::default().show(ui, |ui| {
            words::page(ui, tr.right_to_left(), |ui| {
                words::heading(ui, &tr.t("open-error-title"));
                ui.add_space(8.0);
                words::colored(ui, ui.visuals().error_fg_color, &self.message);
                ui.add_space(8.0);
                words::label(ui, &tr.t("open-error-nothing-written"));
            });
        });
    }
}

impl eframe::App for OpenErrorApp {
    fn ui(&mut self, ui: &mut eframe::egui::Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
    }
}

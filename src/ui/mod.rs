//! The window. Only this module (and `main.rs`) names egui or eframe.

mod app;
pub mod article_view;
pub mod bidi_label;
pub mod commands;
mod glyph_atlas;
pub mod panels;
pub mod text_engine;
pub mod text_input;

use std::path::PathBuf;

use crate::open::open_path;

pub use app::{DaftarApp, FILTER_HINT, snap_to_tokens};

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
    let opened = open_path(&path)?;
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(format!("Daftar — {}", opened.project.name))
            .with_inner_size([1200.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Daftar",
        options,
        Box::new(move |cc| {
            // Ctrl+Plus/Minus zoom the article text (our commands), not the whole window.
            cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
            Ok(Box::new(DaftarApp::new(opened)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

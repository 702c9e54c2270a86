//! The window. Only this module (and `main.rs`) names egui or eframe.

mod document_list;

use std::path::PathBuf;

use anyhow::Context;

use crate::open::{OpenedProject, open_path};

pub use document_list::DaftarApp;

/// Opens the window on `path` (a folder or a project file), or on the bundled sample.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let path = match path {
        Some(path) => path,
        None => {
            let dir = crate::sample::default_location()
                .context("this system has no data folder to install the sample into")?;
            crate::sample::install(&dir).map_err(|error| {
                anyhow::anyhow!("cannot install the sample ({error}): {}", dir.display())
            })?
        }
    };
    let opened: OpenedProject = open_path(&path)?;
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(format!("Daftar — {}", opened.project.name))
            .with_inner_size([1200.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Daftar",
        options,
        Box::new(move |_cc| Ok(Box::new(DaftarApp::new(opened)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
